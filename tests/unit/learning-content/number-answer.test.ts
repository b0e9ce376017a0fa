import { describe, expect, it } from "vitest";
import { questionTerms } from "@/lib/domain/learning-content/answer-context";
import { readNumberAnswer } from "@/lib/domain/learning-content/number-answer";

const read = (typed: string, instruction: string, label = "Réponse") => readNumberAnswer(typed, questionTerms({ instruction, label }));

describe("numeric answers as pupils type them", () => {
  it("a number with the unit the question asks for, glued or not, abbreviated or not", () => {
    const weight = "Quel est son poids en mégaoctets ? Répondez par un nombre.";
    for (const typed of ["3", "3 Mo", "3Mo", "3 mo", "3 mégaoctets", "trois", "3,0", "3."]) expect(read(typed, weight), typed).toBe(3);
    const hours = "Dans quel délai maximal, en **heures**, doit-elle le notifier ?";
    for (const typed of ["72", "72 heures", "72h", "72 H", "soixante-douze"]) expect(read(typed, hours), typed).toBe(72);
    expect(read("300 px", "Quelle est sa nouvelle hauteur, en pixels ?")).toBe(300);
    expect(read("22 kg/an", "Quelle est son empreinte moyenne par an ? (un nombre, en kg)")).toBe(22);
    expect(read("20 000 Hz", "Complétez.", "Fréquence la plus haute (Hz)")).toBe(20000);
  });

  it("a unit the question does not ask for is not read as that number", () => {
    const weight = "3 octets par pixel. Quel est son poids en mégaoctets (1 Mo = 1 000 000 octets) ?";
    expect(read("3 octets", weight)).toBeNull();
    expect(read("3 Go", weight)).toBeNull();
    expect(read("12 cm", "Combien de pixels ?")).toBeNull();
  });

  it("after the number, only the unit asked in the question sentence: not another unit or word it mentions", () => {
    const total = "Le fichier joint donne le temps passé par Elio sur son téléphone chaque jour d'une semaine, en minutes. Quel est son total pour la semaine, **en heures** ? (un nombre)";
    for (const typed of ["16", "16 h", "16h", "16 heures", "seize"]) expect(read(typed, total), typed).toBe(16);
    for (const typed of ["16 minutes", "16 min", "16 téléphones", "16 Elio", "16 heures minutes"]) expect(read(typed, total), typed).toBeNull();
    expect(read("3 mars", "Combien d'articles ont été publiés en **mars 2025** ?")).toBeNull();
    expect(read("3 articles", "Combien d'articles ont été publiés en **mars 2025** ?")).toBe(3);
  });

  it("words of the question around the number, an assignment of the question's variable", () => {
    expect(read("ligne 2", "Quel est le numéro de la ligne à corriger ?", "Numéro de ligne")).toBe(2);
    expect(read("la ligne 2", "Quel est le numéro de la ligne à corriger ?", "Numéro de ligne")).toBe(2);
    expect(read("le 3018", "Quel numéro national aide les victimes ?")).toBe(3018);
    expect(read("a = 18", "```\na = 4\nb = a + 2\n```\nQue valent **a** et **b** ?", "a vaut")).toBe(18);
    expect(read("z = 18", "Que vaut **a** ?", "a vaut")).toBeNull();
    expect(read("100 fois", "Combien de fois plus de pixels ?")).toBe(100);
    expect(read("x100", "Combien de fois plus de pixels ?")).toBe(100);
    expect(read("100 pas", "De combien de pas le lutin avance-t-il ?")).toBe(100);
  });

  it("hours and minutes when hours are asked", () => {
    const sleep = "Calculez le temps de sommeil, **en heures** (un nombre, par exemple 7,5).";
    for (const typed of ["6,5", "6.5", "6h30", "6 h 30", "6,5 h", "6 heures 30"]) expect(read(typed, sleep), typed).toBe(typed === "6 heures 30" ? null : 6.5);
    expect(read("6h30", "Combien de minutes ?")).toBeNull();
  });

  it("hedges, two numbers and foreign words are never an answer", () => {
    const question = "Combien de comparaisons faut-il au plus ?";
    for (const typed of ["environ 10", "10 ou 11", "moins de 10", "10 et 11", "10-11", "plus de 10", "10 ?", "dix ou onze", "pas 10", "10 environ", "bonjour 10"]) {
      expect(read(typed, question), typed).toBeNull();
    }
  });

  it("thousands written with spaces, decimals with a comma", () => {
    expect(read("1 048 576", "Combien ?")).toBe(1048576);
    expect(read("176 400 octets", "Combien d'octets faut-il ?")).toBe(176400);
    expect(read("11,25 Go", "Combien de Go sont économisés ?")).toBe(11.25);
    expect(read("30 18", "Quel numéro ?")).toBe(3018);
  });
});
