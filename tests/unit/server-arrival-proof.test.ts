import { describe, expect, it } from "vitest";
import { ARRIVAL_PROOF_MAX_AGE_MS, arrivalProof, provenArrival, type ArrivalBinding } from "@/lib/server/arrival-proof";

const KEY = "test-secret-0123456789-0123456789-0123456789";
const T = Date.parse("2026-10-05T08:07:00Z");
const binding = (changes: Partial<{ campaignCode: string; sessionToken: string; form: string }> = {}): ArrivalBinding => ({
  campaignCode: changes.campaignCode ?? "ABCDEF123",
  sessionToken: changes.sessionToken ?? "eyJhbGciOiJkaXIi.session-a",
  form: new URLSearchParams(changes.form ?? "challengeId=rec-timed-1&answer=Paris&timedOut="),
});

describe("arrival proof of a refused answer", () => {
  it("proves the first arrival to the same answer, within its life", () => {
    const proof = arrivalProof(KEY, binding(), T);
    expect(provenArrival(KEY, proof, binding(), T + 12_000)).toEqual(new Date(T));
    expect(provenArrival(KEY, proof, binding(), T + ARRIVAL_PROOF_MAX_AGE_MS)).toEqual(new Date(T));
    // The form as the route parses it is the same form as the gate's raw bytes.
    expect(provenArrival(KEY, proof, { ...binding(), form: new URLSearchParams([["challengeId", "rec-timed-1"], ["answer", "Paris"], ["timedOut", ""]]) }, T + 1)).toEqual(new Date(T));
  });

  it("proves nothing once expired, or dated after now", () => {
    const proof = arrivalProof(KEY, binding(), T);
    expect(provenArrival(KEY, proof, binding(), T + ARRIVAL_PROOF_MAX_AGE_MS + 1)).toBeNull();
    expect(provenArrival(KEY, proof, binding(), T - 1)).toBeNull();
  });

  it("proves nothing for another challenge, answer, campaign or session", () => {
    const proof = arrivalProof(KEY, binding(), T);
    expect(provenArrival(KEY, proof, binding({ form: "challengeId=rec-timed-2&answer=Paris&timedOut=" }), T + 1)).toBeNull();
    expect(provenArrival(KEY, proof, binding({ form: "challengeId=rec-timed-1&answer=Lyon&timedOut=" }), T + 1)).toBeNull();
    expect(provenArrival(KEY, proof, binding({ campaignCode: "ZZZZZZ999" }), T + 1)).toBeNull();
    expect(provenArrival(KEY, proof, binding({ sessionToken: "eyJhbGciOiJkaXIi.session-b" }), T + 1)).toBeNull();
  });

  it("refuses a forged proof: another key, a moved date, garbage", () => {
    const proof = arrivalProof(KEY, binding(), T);
    expect(provenArrival(`${KEY}x`, proof, binding(), T + 1)).toBeNull();
    const [, signature] = proof.split(".");
    expect(provenArrival(KEY, `${T - 5_000}.${signature}`, binding(), T + 1)).toBeNull();
    expect(provenArrival(KEY, arrivalProof("another key", binding(), T - 5_000), binding(), T + 1)).toBeNull();
    for (const garbage of [null, undefined, "", "abc", `${T}.`, `${T}.${"A".repeat(43)}`, `${proof}x`]) expect(provenArrival(KEY, garbage, binding(), T + 1)).toBeNull();
  });
});
