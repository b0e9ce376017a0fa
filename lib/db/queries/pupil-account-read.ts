import type { Prisma } from "../generated/client";
import type { PupilAccount } from "../../domain/roster/account-ownership";

/**
 * What the ownership rules need to know of a pupil's account (docs/adr/0009), selected the same way wherever a
 * roster entry is listed with its account — never the e-mail itself, only whether there is one.
 */
export const pupilAccountSelect = {
  id: true,
  email: true,
  username: true,
  samlId: true,
  managedByEstablishmentId: true,
  _count: { select: { memberships: { where: { disabledAt: null } } } },
} satisfies Prisma.UserSelect;

type SelectedAccount = Prisma.UserGetPayload<{ select: typeof pupilAccountSelect }>;

export function toPupilAccount(user: SelectedAccount | null): PupilAccount | null {
  if (!user) return null;
  return {
    userId: user.id,
    hasEmail: user.email !== null,
    username: user.username,
    hasGar: user.samlId !== null,
    isOrgaMember: user._count.memberships > 0,
    managedByEstablishmentId: user.managedByEstablishmentId,
  };
}
