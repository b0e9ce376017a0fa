import { describe, expect, it } from "vitest";
import { isAnswerCorrect } from "@/lib/domain/learning-content/check-answer";
import { fields, qroc, qrocmDep, qrocmInd } from "../../support/challenge-builders";

const accepts = (challenge: ReturnType<typeof qroc>, typed: string) => isAnswerCorrect(challenge, fields({ reponse: typed }));

describe("a checker that accepts what a teacher would, and nothing else", () => {
  it("a final full stop, typographic apostrophes and quotes, quotes around the answer", () => {
    const word = qroc({ solutions: ["ordinateur"], tolerances: ["t1"] });
    for (const typed of ["ordinateur.", " Ordinateur ", "« ordinateur »", "\"ordinateur\""]) expect(accepts(word, typed), typed).toBe(true);
    expect(accepts(word, "ordinnateur")).toBe(false);
    const elision = qroc({ solutions: ["lecteur d'écran"], tolerances: ["t1"] });
    expect(accepts(elision, "lecteur d’écran")).toBe(true);
  });

  it("leading articles, plural marks and the name of what is asked", () => {
    const cookie = qroc({ instruction: "Comment appelle-t-on le petit fichier déposé par un site ?", solutions: ["cookie"], tolerances: ["t1", "t2"] });
    for (const typed of ["un cookie", "les cookies", "Cookies."]) expect(accepts(cookie, typed), typed).toBe(true);
    const key = qroc({ instruction: "Sur quelle touche du clavier appuyer pour ajouter une ligne ?", solutions: ["Tab"], tolerances: ["t1", "t2"] });
    for (const typed of ["touche Tab", "la touche tab"]) expect(accepts(key, typed), typed).toBe(true);
    expect(accepts(key, "touche Entrée")).toBe(false);
    const loss = qroc({ solutions: ["sans perte"], tolerances: ["t1", "t2"] });
    expect(accepts(loss, "sans pertes")).toBe(true);
    const stem = qroc({ instruction: "Complétez : il faut créer un style de …", solutions: ["caractère"], tolerances: ["t1", "t2"] });
    expect(accepts(stem, "style de caractères")).toBe(true);
    expect(accepts(stem, "style de paragraphe")).toBe(false);
  });

  it("a near miss that changes the meaning still fails", () => {
    const secure = qroc({ solutions: ["https"], tolerances: ["t1", "t2"] });
    expect(accepts(secure, "http")).toBe(false);
    const extension = qroc({ solutions: ["jpeg"], tolerances: ["t1", "t2"] });
    expect(accepts(extension, "jpg")).toBe(false);
    const mention = qroc({ instruction: '```\nif note >= 16:\n    mention = "Très bien"\nelif note >= 12:\n    mention = "Assez bien"\n```\nQuelle valeur prend **mention** ?', solutions: ["Bien"], tolerances: ["t1", "t2"] });
    for (const typed of ["Assez bien", "Très bien", "bien ou assez bien"]) expect(accepts(mention, typed), typed).toBe(false);
    const choice = qrocmInd({
      instruction: "Écrivez le recours le plus adapté : **3018**, **Pharos** ou **plainte**.",
      tolerances: ["t1", "t2"],
      fields: [{ key: "haine", label: "Un message public appelle à la violence", solutions: ["Pharos"] }, { key: "aide", label: "Un élève veut de l'aide", solutions: ["3018"] }],
    });
    expect(isAnswerCorrect(choice, fields({ haine: "Pharos ou plainte", aide: "3018" }))).toBe(false);
    expect(isAnswerCorrect(choice, fields({ haine: "la plateforme Pharos", aide: "le 3018" }))).toBe(false);
    expect(isAnswerCorrect(choice, fields({ haine: "pharos", aide: "le 3018" }))).toBe(true);
  });

  it("two accepted answers that differ by a plural mark stay two different answers", () => {
    const homophones = qrocmDep({ instruction: "Écrivez deux mots qui se prononcent comme « verre ».", fields: [{ key: "format1", label: "Mot 1" }, { key: "format2", label: "Mot 2" }], solutionGroups: [["vert", "verts"], ["vers"], ["ver"]], tolerances: ["t1", "t2"] });
    expect(isAnswerCorrect(homophones, fields({ format1: "vers", format2: "ver" }))).toBe(true);
    expect(isAnswerCorrect(homophones, fields({ format1: "vers", format2: "vers" }))).toBe(false);
    expect(isAnswerCorrect(homophones, fields({ format1: "vert", format2: "verts" }))).toBe(false);
  });

  it("web addresses: scheme, « www. » and a trailing slash do not matter, unless the item writes the scheme", () => {
    const domain = qroc({ format: "url", solutions: ["valmont.fr"], tolerances: ["t1"] });
    for (const typed of ["valmont.fr", "https://www.valmont.fr/", "http://valmont.fr", "Valmont.fr."]) expect(accepts(domain, typed), typed).toBe(true);
    expect(accepts(domain, "valmont.com")).toBe(false);
    expect(accepts(domain, "valmont.fr/horaires")).toBe(false);
    const secure = qroc({ format: "url", solutions: ["https://banque.fr"], tolerances: ["t1"] });
    expect(accepts(secure, "https://banque.fr/")).toBe(true);
    expect(accepts(secure, "http://banque.fr")).toBe(false);
    expect(accepts(secure, "banque.fr")).toBe(false);
  });

  it("dates in any usual spelling", () => {
    const date = qroc({ format: "date", solutions: ["29/05/2026"], tolerances: ["t1", "t2"] });
    for (const typed of ["29/05/2026", "29/5/2026", "29-05-2026", "29 mai 2026", "vendredi 29 mai 2026"]) expect(accepts(date, typed), typed).toBe(true);
    expect(accepts(date, "28/05/2026")).toBe(false);
    expect(accepts(date, "05/29/2026")).toBe(false);
  });

  it("times of day in any usual spelling", () => {
    const time = qroc({ solutions: ["10 h"], tolerances: ["t1", "t2"] });
    for (const typed of ["10h", "10 h 00", "10:00", "10 heures"]) expect(accepts(time, typed), typed).toBe(true);
    expect(accepts(time, "10 h 30")).toBe(false);
  });

  it("an acronym and its expansion", () => {
    const licence = qroc({ solutions: ["CC BY-SA"], tolerances: ["t1", "t2"] });
    expect(accepts(licence, "Creative Commons BY-SA")).toBe(true);
    expect(accepts(licence, "Creative Commons BY-NC")).toBe(false);
  });

  it("exact items (no tolerance) stay exact, except for the phone's typographic quotes", () => {
    const password = qroc({ solutions: ["McTa3aealt!"], tolerances: [] });
    expect(accepts(password, "McTa3aealt!")).toBe(true);
    expect(accepts(password, "McTa3aealt!.")).toBe(false);
    expect(accepts(password, "mcta3aealt!")).toBe(false);
    const command = qroc({ solutions: ["cd 'Mes projets'"], tolerances: [] });
    expect(accepts(command, "cd ‘Mes projets’")).toBe(true);
  });

  it("numbers in words and with their unit on numeric items", () => {
    const count = qroc({ format: "nombre", instruction: "Combien d'heures par semaine ?", solutions: ["24"] });
    for (const typed of ["24", "vingt-quatre", "24 h", "24 heures", "24h."]) expect(accepts(count, typed), typed).toBe(true);
    for (const typed of ["25", "environ 24", "24 ou 25", "24 minutes"]) expect(accepts(count, typed), typed).toBe(false);
  });

  it("an aside in parentheses, a copied header's angle brackets, a power, a hyphenated counted noun", () => {
    const letter = qroc({ solutions: ["B"], tolerances: ["t1", "t2"] });
    expect(accepts(letter, "B (freemium)")).toBe(true);
    expect(accepts(letter, "B (ou C)")).toBe(false);
    expect(accepts(letter, "C (freemium)")).toBe(false);
    const address = qroc({ format: "email", solutions: ["ana@ecole.fr"], tolerances: ["t1"] });
    expect(accepts(address, "<ana@ecole.fr>")).toBe(true);
    const combinations = qroc({ format: "nombre", instruction: "Combien de combinaisons ?", solutions: ["10000"] });
    expect(accepts(combinations, "10^4")).toBe(true);
    expect(accepts(combinations, "10^5")).toBe(false);
    const folders = qroc({ format: "nombre", instruction: "Combien de **sous-dossiers** le dossier contient-il ?", solutions: ["3"] });
    for (const typed of ["3 sous-dossiers", "3 dossiers"]) expect(accepts(folders, typed), typed).toBe(true);
    const licence = qroc({ solutions: ["Creative Commons"], tolerances: ["t1", "t2", "t3"] });
    expect(accepts(licence, "Creative Comons")).toBe(true);
    expect(accepts(licence, "CC")).toBe(true);
    const password = qroc({ solutions: ["McTa3aealt!"], tolerances: [] });
    expect(accepts(password, "« McTa3aealt! »")).toBe(true);
  });
});
