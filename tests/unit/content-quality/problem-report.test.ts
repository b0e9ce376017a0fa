import { describe, expect, it } from "vitest";
import { parseProblemReport, reportStatusFor, REPORT_STATUS_MESSAGES } from "@/lib/domain/content-quality/problem-report";

const fields = { assessmentId: "12", challengeId: "ch-mots-cles-1-a", category: "REPONSE", comment: "" };
const code = (raw: Parameters<typeof parseProblemReport>[0]) => {
  try {
    parseProblemReport(raw);
    return null;
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe("a problem report's fields", () => {
  it("are read as the form sends them; an empty comment is no comment", () => {
    expect(parseProblemReport(fields)).toEqual({ assessmentId: 12, challengeId: "ch-mots-cles-1-a", category: "REPONSE", comment: null });
  });

  it("count a comment's characters as the pupil sees them: an emoji is one, a typed line break is one", () => {
    expect(parseProblemReport({ ...fields, comment: "😀".repeat(500) }).comment).toHaveLength(1000);
    expect(parseProblemReport({ ...fields, comment: "a\r\n".repeat(250) }).comment).toBe("a\n".repeat(250).trim());
    expect(code({ ...fields, comment: "😀".repeat(501) })).toBe("COMMENT_TOO_LONG");
  });

  it("refuse an unknown category, a forged assessment id or challenge id", () => {
    expect(code({ ...fields, category: "SPAM" })).toBe("CATEGORY");
    expect(code({ ...fields, category: "toString" })).toBe("CATEGORY");
    for (const assessmentId of ["0", "-3", "1.5", "1e3x", "", null]) expect(code({ ...fields, assessmentId })).toBe("NOT_ASKED");
    for (const challengeId of ["../x", "A-upper", "", null, "x".repeat(101)]) expect(code({ ...fields, challengeId })).toBe("NOT_ASKED");
  });

  it("send back a status word, never a message, for the page without JavaScript; each word has its French message", () => {
    for (const error of ["CATEGORY", "COMMENT_TOO_LONG", "RATE_LIMITED", "ANYTHING"]) expect(REPORT_STATUS_MESSAGES[reportStatusFor(error)]).toBeDefined();
    expect(REPORT_STATUS_MESSAGES.envoye.ok).toBe(true);
  });
});
