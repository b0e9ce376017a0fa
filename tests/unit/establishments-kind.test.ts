import { describe, expect, it } from "vitest";
import { guessEstablishmentKind, rentreeProfilesFor } from "@/lib/domain/establishments/establishment-kind";

describe("kind of establishment", () => {
  it("is read from Pix's type and the name", () => {
    expect(guessEstablishmentKind({ type: "SCO", name: "Collège Ada Lovelace" })).toBe("COLLEGE");
    expect(guessEstablishmentKind({ type: "SCO", name: "Lycée Grace Hopper" })).toBe("LYCEE");
    expect(guessEstablishmentKind({ type: "SCO", name: "LYCEE GENERAL ET TECHNOLOGIQUE DU PARC" })).toBe("LYCEE");
    expect(guessEstablishmentKind({ type: "SCO", name: "Lycée professionnel Jean Jaurès" })).toBe("LYCEE_PRO");
    expect(guessEstablishmentKind({ type: "SCO", name: "LP Paul Langevin" })).toBe("LYCEE_PRO");
    expect(guessEstablishmentKind({ type: "SCO", name: "Lycée des métiers de l'hôtellerie" })).toBe("LYCEE_PRO");
    expect(guessEstablishmentKind({ type: "SUP", name: "IUT de Valmont" })).toBe("SUPERIEUR");
    expect(guessEstablishmentKind({ type: "PRO", name: "Médiathèque de Valmont" })).toBe("AUTRE");
  });

  it("decides the rentrée campaigns pre-created", () => {
    expect(rentreeProfilesFor("COLLEGE")).toEqual(["tp-rentree-5e", "tp-rentree-4e", "tp-rentree-3e"]);
    expect(rentreeProfilesFor("LYCEE_PRO")).toEqual(["tp-rentree-2nde", "tp-rentree-1ere", "tp-rentree-terminale"]);
    expect(rentreeProfilesFor("SUPERIEUR")).toEqual(["tp-rentree-post-bac"]);
    expect(rentreeProfilesFor("AUTRE")).toEqual([]);
  });
});
