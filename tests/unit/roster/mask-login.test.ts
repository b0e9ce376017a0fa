import { describe, expect, it } from "vitest";
import { maskLogin } from "@/lib/domain/roster/mask-login";

describe("maskLogin", () => {
  it("masks e-mails: first letters of the address and domain, top-level domain kept", () => {
    expect(maskLogin("lea.dupont@example.org")).toBe("l***@e***.org");
    expect(maskLogin("prof@ac-paris.fr")).toBe("p***@a***.fr");
    expect(maskLogin("x@localhost")).toBe("x***@l***");
  });

  it("masks usernames: first name, initial of the last name, last two characters", () => {
    expect(maskLogin("lea.dupont0112")).toBe("lea.d***12");
    expect(maskLogin("charles.babbage1403")).toBe("charles.b***03");
    expect(maskLogin("gar1234567")).toBe("gar1***67");
  });

  it("still hides something in short logins", () => {
    expect(maskLogin("a.b12")).toBe("a***");
    expect(maskLogin("ab")).toBe("a***");
    expect(maskLogin("  ")).toBe("***");
  });
});
