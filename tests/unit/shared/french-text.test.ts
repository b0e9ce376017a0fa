import { describe, expect, it } from "vitest";
import { ofEstablishment, ofName } from "@/lib/domain/shared/french-text";

describe("« de » before a name, as French writes it", () => {
  it("elides before a vowel or a mute h, whatever the case or the accent", () => {
    expect(ofName("Ada LOVELACE")).toBe("d'Ada LOVELACE");
    expect(ofName("Élodie Martin")).toBe("d'Élodie Martin");
    expect(ofName("hugo Bernard")).toBe("d'hugo Bernard");
    expect(ofName("Yannick Noah")).toBe("de Yannick Noah");
    expect(ofName("Charles BABBAGE")).toBe("de Charles BABBAGE");
  });

  it("keeps « de » when there is nothing to elide", () => {
    expect(ofName("  ")).toBe("de");
    expect(ofName("(anonyme)")).toBe("de (anonyme)");
  });
});

describe("« de » before a school's name", () => {
  it("contracts with the article the kind of school takes", () => {
    expect(ofEstablishment("Collège Ada Lovelace")).toBe("du Collège Ada Lovelace");
    expect(ofEstablishment("Lycée Victor Hugo")).toBe("du Lycée Victor Hugo");
    expect(ofEstablishment("lycée professionnel Jean Moulin")).toBe("du lycée professionnel Jean Moulin");
    expect(ofEstablishment("École élémentaire des Lilas")).toBe("de l'École élémentaire des Lilas");
    expect(ofEstablishment("Université de Lille")).toBe("de l'Université de Lille");
    expect(ofEstablishment("Institut Pasteur")).toBe("de l'Institut Pasteur");
    expect(ofEstablishment("Cité scolaire Jean Zay")).toBe("de la Cité scolaire Jean Zay");
    expect(ofEstablishment("EREA Jean Monnet")).toBe("de l'EREA Jean Monnet");
  });

  it("otherwise elides or not, like a name", () => {
    expect(ofEstablishment("Ensemble scolaire Saint-Joseph")).toBe("de l'Ensemble scolaire Saint-Joseph");
    expect(ofEstablishment("Saint-Joseph")).toBe("de Saint-Joseph");
    expect(ofEstablishment("Arts et Métiers")).toBe("d'Arts et Métiers");
  });
});
