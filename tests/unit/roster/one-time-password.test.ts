import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateOneTimePassword } from "@/lib/domain/roster/one-time-password";

describe("generateOneTimePassword", () => {
  it("is 5 lowercase + 1 uppercase + 2 digits from unambiguous alphabets", () => {
    let n = 0;
    const password = generateOneTimePassword((max) => n++ % max);
    expect(password).toBe("abcdeF89");
  });

  it("always has that shape and never contains i l o I L O 0 1", () => {
    fc.assert(
      fc.property(fc.infiniteStream(fc.nat()), (stream) => {
        const draws = stream[Symbol.iterator]();
        const password = generateOneTimePassword((max) => (draws.next().value as number) % max);
        expect(password).toMatch(/^[a-hjkmnp-z]{5}[A-HJKMNP-Z][2-9]{2}$/);
      }),
    );
  });
});
