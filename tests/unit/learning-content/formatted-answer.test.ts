import { describe, expect, it } from "vitest";
import { canonicalDate, canonicalUrl } from "@/lib/domain/learning-content/formatted-answer";

describe("answers with a format", () => {
  it("a domain or an address without scheme ignores the scheme, « www. » and a trailing slash", () => {
    expect(canonicalUrl("https://www.Valmont.fr/", "valmont.fr")).toBe("valmont.fr");
    expect(canonicalUrl("http://valmont.fr//", "www.valmont.fr")).toBe("valmont.fr");
    expect(canonicalUrl("valmont.fr/horaires", "valmont.fr")).toBe("valmont.fr/horaires");
  });

  it("an expected answer that writes its scheme makes the scheme count", () => {
    expect(canonicalUrl("http://banque.fr", "https://banque.fr")).toBe("http://banque.fr");
    expect(canonicalUrl("https://banque.fr/", "https://banque.fr")).toBe("https://banque.fr");
  });

  it("dates in every usual French spelling", () => {
    for (const typed of ["12/05/2025", "12/5/2025", "12-05-2025", "12.05.25", "12 mai 2025", "lundi 12 mai 2025", "12/05/2025."]) {
      expect(canonicalDate(typed), typed).toBe("12/05/2025");
    }
    expect(canonicalDate("1er mai 2025")).toBe("01/05/2025");
    expect(canonicalDate("31/02/2025")).toBeNull();
    expect(canonicalDate("mai 2025")).toBeNull();
  });
});
