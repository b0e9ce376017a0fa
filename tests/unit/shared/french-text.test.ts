import { describe, expect, it } from "vitest";
import { decimal, inSentence, ofEstablishment, ofName } from "@/lib/domain/shared/french-text";

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

describe("a label inside a sentence", () => {
  it("loses its capital, unless it is an acronym or a name with capitals inside", () => {
    expect(inSentence("Numéro d'élève")).toBe("numéro d'élève");
    expect(inSentence(" Adresse e-mail académique")).toBe("adresse e-mail académique");
    expect(inSentence("INE")).toBe("INE");
    expect(inSentence("ENT de l'académie")).toBe("ENT de l'académie");
    expect(inSentence("identifiant ENT")).toBe("identifiant ENT");
    expect(inSentence("É")).toBe("é");
  });
});

describe("a decimal number", () => {
  it("has a comma, its fixed digits and a true minus sign; a negative that rounds to zero has none", () => {
    expect(decimal(0.25, 2)).toBe("0,25");
    expect(decimal(2, 1)).toBe("2,0");
    expect(decimal(-0.126, 2)).toBe("−0,13");
    expect(decimal(-0.004, 2)).toBe("0,00");
    expect(decimal(12.345, 1)).toBe("12,3");
  });
});
