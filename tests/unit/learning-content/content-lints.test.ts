import { describe, expect, it } from "vitest";
import { hasPythonSyntax, isKeyStrictlyLongest } from "@/lib/domain/learning-content/content-lints";
import { findNearDuplicates } from "@/lib/domain/learning-content/near-duplicates";
import { qcm, qcu, qrocmDep } from "../../support/challenge-builders";

describe("validity lints", () => {
  it("the key strictly longest, in characters", () => {
    expect(isKeyStrictlyLongest(qcu({ proposals: ["court", "une réponse bien plus longue", "moyenne"], solution: 2 }))).toBe(true);
    expect(isKeyStrictlyLongest(qcu({ proposals: ["abcde", "abcde", "abc"], solution: 1 }))).toBe(false);
    expect(isKeyStrictlyLongest(qcu({ proposals: ["a", "bbbb", "cc"], solution: 1 }))).toBe(false);
  });

  it("Python syntax, not block-style pseudo-code", () => {
    expect(hasPythonSyntax(qcu({ instruction: "```python\na = 4\nprint(a)\n```\nQu'affiche ce programme ?" }))).toBe(true);
    expect(hasPythonSyntax(qcu({ instruction: "```\nfor i in range(3):\n    avancer()\n```" }))).toBe(true);
    expect(hasPythonSyntax(qcu({ instruction: "```\nsi note ≥ 10 alors\n    dire « reçu »\nsinon\n    dire « recalé »\n```" }))).toBe(false);
    expect(hasPythonSyntax(qcu({ instruction: "```\nrépéter 4 fois\n    avancer de 25 pas\n```" }))).toBe(false);
  });

  it("near duplicates: the three pairs of the first review, and not mere look-alike wordings", () => {
    const item = (id: string, tubeId: string, challenge: ReturnType<typeof qcu>) => ({ id, tubeId, challenge });
    const dep = (instruction: string, solutionGroups: string[][]) => qrocmDep({ instruction, solutionGroups });
    const pairs = findNearDuplicates([
      item("audio", "t-formats", dep("Citez deux extensions de fichiers audio (sans le point).", [["mp3"], ["ogg", "oga"], ["wav", "wave"], ["flac"]])),
      item("video", "t-montage", dep("Citez deux extensions de fichiers vidéo (sans le point).", [["mp4", "m4v"], ["webm"], ["mkv"], ["avi"]])),
      item("styles", "t-styles", qcu({ instruction: "Pour que « Introduction » soit reconnu comme un titre par le traitement de texte, que faut-il faire ?", proposals: ["L'écrire en gras et en grand", "L'écrire entièrement en majuscules", "Lui appliquer le style « Titre 1 » dans la liste des styles", "Le souligner deux fois"], solution: 3 })),
      item("accessibilite", "t-accessibilite", qcu({ instruction: "Pour qu'un lecteur d'écran annonce les titres d'un document et permette de sauter de l'un à l'autre, que faut-il faire ?", proposals: ["Appliquer les styles de titre (Titre 1, Titre 2…)", "Écrire les titres en gras et en plus gros", "Souligner les titres", "Écrire les titres en majuscules"], solution: 1 })),
      item("matricielle", "t-formats", dep("Citez deux formats d'image matricielle, c'est-à-dire composée de pixels (extensions sans le point).", [["png"], ["jpg", "jpeg", "jpe"], ["gif"], ["bmp"], ["tif", "tiff"], ["webp"]])),
      item("insertion", "t-images", dep("Citez deux extensions de fichier image que l'on peut insérer dans un document de traitement de texte (sans le point, une par champ).", [["png"], ["jpg", "jpeg"], ["gif"], ["svg"], ["bmp"], ["webp"]])),
      item("resultat-1", "t-url", qcu({ instruction: "Le site officiel de la mairie est valmont.fr. Observez les trois résultats : lequel mène au site officiel ?", proposals: ["Le résultat A", "Le résultat B", "Le résultat C"], solution: 2 })),
      item("resultat-2", "t-demarches", qcu({ instruction: "Vous cherchez où faire une demande de carte d'identité. Lequel de ces résultats mène au service public ?", proposals: ["Le résultat A", "Le résultat B", "Le résultat C"], solution: 3 })),
      item("vraies-1", "t-vectoriel", qcm({ instruction: "Quelles affirmations sur les images vectorielles sont vraies ? Sélectionnez toutes les réponses correctes.", proposals: ["Formes géométriques", "Agrandies sans perte", "Faites de pixels", "SVG est vectoriel"], solution: [1, 2, 4] })),
      item("vraies-2", "t-son", qcm({ instruction: "Parmi ces affirmations sur le son, lesquelles sont vraies ? Sélectionnez toutes les réponses correctes.", proposals: ["Fréquence en hertz", "Aigu si fréquence élevée", "Intensité en watts", "Intensité en décibels"], solution: [1, 2, 4] })),
    ]);
    const found = pairs.map((p) => [p.first, p.second].sort().join(" ↔ ")).sort();
    expect(found).toEqual(["accessibilite ↔ styles", "audio ↔ video", "insertion ↔ matricielle"]);
  });

});
