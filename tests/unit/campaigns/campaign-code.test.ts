import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CAMPAIGN_CODE_PATTERN, findFreeCampaignCode, generateCampaignCode, isWellFormedCampaignCode, normalizeCampaignCode } from "@/lib/domain/campaigns/campaign-code";

describe("campaign codes", () => {
  it("are 6 letters without I, L, O then 3 digits from 2 to 9, whatever the random draws", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 9, maxLength: 9 }), (draws) => {
        let i = 0;
        const code = generateCampaignCode((max) => draws[i++] % max);
        expect(code).toMatch(CAMPAIGN_CODE_PATTERN);
        expect(code).not.toMatch(/[ILO01]/);
      }),
    );
  });

  it("retries until a free code is found, and gives up after too many collisions", async () => {
    let draw = 0;
    const random = () => draw++ % 3;
    const taken = new Set([generateCampaignCode(() => 0)]);
    const seen: string[] = [];
    const code = await findFreeCampaignCode(random, async (candidate) => {
      seen.push(candidate);
      return seen.length < 3;
    });
    expect(seen).toHaveLength(3);
    expect(code).toBe(seen[2]);
    await expect(findFreeCampaignCode(() => 0, async (c) => taken.has(c), 5)).rejects.toThrow();
  });

  it("pupils type them in any case, with spaces", () => {
    expect(normalizeCampaignCode(" abc def 234 ")).toBe("ABCDEF234");
    expect(isWellFormedCampaignCode("ABCDEF234")).toBe(true);
    expect(isWellFormedCampaignCode("ABCDE234")).toBe(false);
    expect(isWellFormedCampaignCode("ABCDEF2345")).toBe(false);
  });
});
