import { beforeEach, describe, expect, it, vi } from "vitest";
import { mintSessionToken } from "@/lib/auth/session-token";
import { db } from "@/lib/db/client";
import { addMember, createEstablishment, createUser } from "../../support/factories";

/** The request as Next.js would give it to a server action: a cookie jar and its headers. */
const request = vi.hoisted(() => ({ token: undefined as string | undefined, written: [] as { name: string; value: string }[] }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name.endsWith("next-auth.session-token") && request.token ? { name, value: request.token } : undefined),
    set: (name: string, value: string) => request.written.push({ name, value }),
    delete: () => undefined,
  }),
  headers: async () => new Headers({ "x-pix-client-address": "198.51.100.5" }),
}));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error(`NEXT_REDIRECT ${url}`), { digest: `NEXT_REDIRECT;replace;${url};307;` });
  },
  notFound: () => {
    throw Object.assign(new Error("NEXT_HTTP_ERROR_FALLBACK;404"), { digest: "NEXT_HTTP_ERROR_FALLBACK;404" });
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { changeRequiredPasswordAction } = await import("@/lib/actions/roster-actions");
const { changePasswordAction } = await import("@/lib/actions/account-actions");
const { enterCodeAction } = await import("@/lib/actions/pupil-actions");
const { createCampaignAction } = await import("@/lib/actions/campaign-actions");

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

async function signInAs(user: { id: number }) {
  const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  request.token = await mintSessionToken({ userId: user.id, sessionVersion, now: new Date() });
}

const passwordHash = async (id: number) => (await db.user.findUniqueOrThrow({ where: { id } })).passwordHash;

beforeEach(() => {
  request.token = undefined;
  request.written = [];
});

describe("the forced password change", () => {
  it("without a pending one-time password, the « choose your password » action changes nothing (the current password is asked elsewhere)", async () => {
    const pupil = await createUser({ email: "eleve@example.org" });
    await signInAs(pupil);
    const before = await passwordHash(pupil.id);
    const result = await changeRequiredPasswordAction({ ok: false }, form({ password: "Girafe-Bleue-42", confirmation: "Girafe-Bleue-42" }));
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/Mon compte/);
    expect(await passwordHash(pupil.id)).toBe(before);
  });

  it("« Mon compte » asks for the current password", async () => {
    const pupil = await createUser({ email: "eleve@example.org" });
    await signInAs(pupil);
    const before = await passwordHash(pupil.id);
    const result = await changePasswordAction({ ok: false }, form({ currentPassword: "PasLeBon-123", newPassword: "Girafe-Bleue-42" }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { currentPassword: "Le mot de passe actuel est incorrect." } });
    expect(await passwordHash(pupil.id)).toBe(before);
  });

  it("with a pending one-time password, every other action is refused and sends to the change page, changing nothing", async () => {
    const school = await createEstablishment();
    const teacher = await createUser({ email: "prof@example.org" });
    await addMember(school.id, teacher.id, "ADMIN");
    await db.user.update({ where: { id: teacher.id }, data: { shouldChangePassword: true } });
    await signInAs(teacher);
    const refusals = [
      () => createCampaignAction({ ok: false }, form({ name: "Piratée", type: "ASSESSMENT", targetProfileId: "tp-rentree-3e" })),
      () => enterCodeAction({ ok: false }, form({ code: "ABCDEF234" })),
      () => changePasswordAction({ ok: false }, form({ currentPassword: "Pix12345", newPassword: "Girafe-Bleue-42" })),
    ];
    for (const action of refusals) await expect(action()).rejects.toMatchObject({ digest: expect.stringContaining("/changer-mot-de-passe") });
    expect(await db.campaign.count()).toBe(0);
    expect(await db.rateLimit.count()).toBe(0);
  });

  it("the change itself works for that session, which goes on with the new version to where the pupil was going", async () => {
    const pupil = await createUser({ email: "eleve@example.org" });
    await db.user.update({ where: { id: pupil.id }, data: { shouldChangePassword: true } });
    await signInAs(pupil);
    await expect(changeRequiredPasswordAction({ ok: false }, form({ password: "Girafe-Bleue-42", confirmation: "Girafe-Bleue-42", retour: "/campagnes" }))).rejects.toMatchObject({
      digest: expect.stringContaining(";/campagnes;"),
    });
    const saved = await db.user.findUniqueOrThrow({ where: { id: pupil.id } });
    expect(saved.shouldChangePassword).toBe(false);
    expect(request.written.map((cookie) => cookie.name)).toContain("next-auth.session-token");
  });
});
