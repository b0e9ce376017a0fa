import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { LIMITS } from "@/lib/domain/limits/limits";
import { findCampaignForRequester, lookUpCampaignCode } from "@/lib/use-cases/participations/pupil-campaign";
import { addMember, createEstablishment, createUser } from "../../support/factories";

const REAL = "REALCD234";
/** Well-formed codes that exist nowhere (letters then digits, like real ones). */
const unknownCode = (i: number) => `ZZ${String.fromCharCode(65 + (i % 23))}${String.fromCharCode(65 + (Math.floor(i / 23) % 23))}ZZ${200 + (i % 700)}`.slice(0, 6) + String(234 + (i % 600)).padStart(3, "2").slice(-3);

async function realCampaign() {
  const school = await createEstablishment({ isManagingStudents: false });
  const teacher = await createUser();
  await addMember(school.id, teacher.id, "ADMIN");
  return db.campaign.create({ data: { code: REAL, name: "Rentrée", type: "ASSESSMENT", targetProfileId: "tp-rentree-3e", establishmentId: school.id, creatorId: teacher.id, ownerId: teacher.id } });
}

async function outcome(code: string, requester: { address: string; userId: number | null }): Promise<"FOUND" | "UNKNOWN" | "LIMITED"> {
  try {
    return (await findCampaignForRequester(code, requester)) ? "FOUND" : "UNKNOWN";
  } catch (error) {
    if ((error as { code?: string }).code === "CODE_LOOKUPS_LIMITED") return "LIMITED";
    throw error;
  }
}

async function failFrom(count: number, requester: (i: number) => { address: string; userId: number | null }) {
  for (let i = 0; i < count; i++) expect(await outcome(unknownCode(i), requester(i))).toBe("UNKNOWN");
}

describe("campaign codes: one limiter for « J'ai un code » and the direct link", () => {
  it("a whole school behind one address finding its code is never limited, typos included", async () => {
    await realCampaign();
    for (let pupil = 0; pupil < 105; pupil++) expect(await outcome(REAL, { address: "203.0.113.10", userId: pupil % 2 ? null : 1000 + pupil })).toBe("FOUND");
    // A third of three classes mistype once.
    await failFrom(35, (i) => ({ address: "203.0.113.10", userId: i % 2 ? null : 2000 + i }));
    expect(await outcome(REAL, { address: "203.0.113.10", userId: null })).toBe("FOUND");
    expect(await db.rateLimit.count({ where: { key: { startsWith: "codeFailuresByAddress:" } } })).toBe(1);
  });

  it("once an address spent its failures, every code is refused from it, the real ones too (no oracle), not from elsewhere", async () => {
    await realCampaign();
    await failFrom(LIMITS.codeFailuresByAddress.points, () => ({ address: "203.0.113.66", userId: null }));
    expect(await outcome(REAL, { address: "203.0.113.66", userId: null })).toBe("LIMITED");
    expect(await outcome(unknownCode(999), { address: "203.0.113.66", userId: null })).toBe("LIMITED");
    await expect(lookUpCampaignCode({ typed: REAL, address: "203.0.113.66", userId: null })).rejects.toMatchObject({ code: "CODE_LOOKUPS_LIMITED", field: "code" });
    expect(await outcome(REAL, { address: "198.51.100.3", userId: null })).toBe("FOUND");
  });

  it("a signed-in account changing address at every try is held by its own budget", async () => {
    await realCampaign();
    const attacker = await createUser();
    await failFrom(LIMITS.codeFailuresByAccount.points, (i) => ({ address: `192.0.2.${i + 1}`, userId: attacker.id }));
    expect(await outcome(REAL, { address: "192.0.2.250", userId: attacker.id })).toBe("LIMITED");
    expect(await outcome(REAL, { address: "192.0.2.250", userId: null })).toBe("FOUND");
  });

  it("once the anonymous budget is spent by others, a fresh address typing a real code gets in; an address that keeps failing stays blocked", async () => {
    await realCampaign();
    await failFrom(LIMITS.codeFailuresAnonymous.points, (i) => ({ address: `10.${Math.floor(i / 250)}.${i % 250}.1`, userId: null }));
    expect(await outcome(REAL, { address: "198.51.100.78", userId: null })).toBe("FOUND");
    // The same fresh address may still mistype a few times, not sweep codes.
    await failFrom(LIMITS.codeFailuresBeforeSharedBudget.points, () => ({ address: "198.51.100.79", userId: null }));
    const refused = await findCampaignForRequester(REAL, { address: "198.51.100.79", userId: null }).catch((error: Error) => error.message);
    expect(refused).toMatch(/Connectez-vous/);
    expect(await outcome(REAL, { address: "198.51.100.80", userId: null })).toBe("FOUND");
    // Signed-in pupils keep their own per-account budget, wherever they are.
    expect(await outcome(REAL, { address: "198.51.100.79", userId: (await createUser()).id })).toBe("FOUND");
  }, 120_000);

  it("malformed codes are refused without a look-up and count nothing", async () => {
    await realCampaign();
    for (const typed of ["", "ABC", "1234567890", "ABCDEFGHI", "<script>"]) expect(await outcome(typed, { address: "203.0.113.12", userId: null })).toBe("UNKNOWN");
    expect(await db.rateLimit.count()).toBe(0);
  });
});
