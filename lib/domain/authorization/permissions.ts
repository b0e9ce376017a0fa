/**
 * Who may do what in an establishment's teacher space: one table, read by every guard.
 * "OWN_CAMPAIGN" permissions also apply to a MEMBER on the campaigns they own.
 */
export type Role = "ADMIN" | "MEMBER";

export const PERMISSIONS = {
  "team:read": ["ADMIN", "MEMBER"],
  "team:invite": ["ADMIN"],
  "team:change-role": ["ADMIN"],
  "team:remove-member": ["ADMIN"],
  "campaign:create": ["ADMIN", "MEMBER"],
  "campaign:read": ["ADMIN", "MEMBER"],
  "campaign:manage-any": ["ADMIN"],
  "learners:read": ["ADMIN", "MEMBER"],
  "learners:import": ["ADMIN"],
  /** Only on accounts the establishment manages (docs/adr/0009): checked by the use case and the data layer. */
  "learners:manage-accounts": ["ADMIN", "MEMBER"],
  /** « Dissocier »: undoing a link a pupil made (the pupil can identify again). */
  "learners:unlink": ["ADMIN", "MEMBER"],
  /** Deleting a pupil from the roster. */
  "learners:delete": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function roleCan(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Editing, archiving, deleting a campaign or a participation: its owner, or an ADMIN. */
export function canManageCampaign(actor: { userId: number; role: Role }, campaign: { ownerId: number }): boolean {
  return roleCan(actor.role, "campaign:manage-any") || campaign.ownerId === actor.userId;
}
