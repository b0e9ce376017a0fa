import { describe, expect, it } from "vitest";
import { baseUsername, usernameCandidates } from "@/lib/domain/roster/username";

describe("baseUsername", () => {
  it("is prenom.nom + DDMM of the birthdate, normalised", () => {
    expect(baseUsername("Léa", "Dupont", "2011-12-01")).toBe("lea.dupont0112");
    expect(baseUsername("Jean-Éric", "D'Artagnan", "2012-05-09")).toBe("jeaneric.dartagnan0905");
    expect(baseUsername(" Anne Sophie ", "LE GALL", "2013-01-31")).toBe("annesophie.legall3101");
    expect(baseUsername("Zoé", "Lecœur", "2013-07-14")).toBe("zoe.lecoeur1407");
  });

  it("keeps a readable placeholder when a name has no latin letter", () => {
    expect(baseUsername("Ελένη", "Παππά", "2013-07-14")).toBe("eleve.eleve1407");
  });
});

describe("usernameCandidates", () => {
  it("offers the base first, then prenom.nom + 4 random digits", () => {
    const draws = [7, 1234, 9999];
    let i = 0;
    const candidates = [...usernameCandidates("lea.dupont0112", () => draws[i++ % draws.length], 3)];
    expect(candidates).toEqual(["lea.dupont0112", "lea.dupont0007", "lea.dupont1234", "lea.dupont9999"]);
  });

  it("resolves collisions: the first free candidate is taken", () => {
    const taken = new Set(["lea.dupont0112", "lea.dupont0042"]);
    const draws = [42, 42, 4242];
    let i = 0;
    let chosen: string | undefined;
    for (const candidate of usernameCandidates("lea.dupont0112", () => draws[i++])) {
      if (!taken.has(candidate)) {
        chosen = candidate;
        break;
      }
    }
    expect(chosen).toBe("lea.dupont4242");
  });

  it("is finite and never repeats itself", () => {
    const candidates = [...usernameCandidates("lea.dupont0112", () => 5)];
    expect(candidates).toEqual(["lea.dupont0112", "lea.dupont0005"]);
  });
});
