import { describe, expect, it } from "vitest";
import { MAX_RECORD_ID, recordIdSchema } from "@/lib/domain/shared/record-id";

describe("an id posted by a form", () => {
  it("is a positive integer a PostgreSQL integer column can hold", () => {
    expect(recordIdSchema.safeParse("1").data).toBe(1);
    expect(recordIdSchema.safeParse(String(MAX_RECORD_ID)).data).toBe(MAX_RECORD_ID);
  });

  it("refuses what would overflow the column or is no id (the switch of establishment once answered 500 to 2^31)", () => {
    for (const posted of [String(MAX_RECORD_ID + 1), "99999999999999999999", "0", "-3", "1.5", "abc", ""]) {
      expect(recordIdSchema.safeParse(posted).success, posted).toBe(false);
    }
  });
});
