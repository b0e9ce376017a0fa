import { describe, expect, it } from "vitest";
import { frenchTypography } from "@/lib/domain/typography/french-typography";
import { remarkFrenchTypography } from "@/lib/domain/typography/remark-french-typography";

const N = "\u202f";

describe("French typography at render", () => {
  it("narrow no-break space before ? ! ; : and inside « »", () => {
    expect(frenchTypography("Que faut-il faire ?")).toBe(`Que faut-il faire${N}?`);
    expect(frenchTypography("Attention ! Voici : un point ; deux")).toBe(`Attention${N}! Voici${N}: un point${N}; deux`);
    expect(frenchTypography("le style « Titre 1 » du menu")).toBe(`le style «${N}Titre 1${N}» du menu`);
  });

  it("no break inside « 100 % » nor inside a large number", () => {
    expect(frenchTypography("à 100 % près")).toBe(`à 100${N}% près`);
    expect(frenchTypography("1 000 000 octets, 4 000 × 3 000 pixels")).toBe(`1${N}000${N}000 octets, 4${N}000 × 3${N}000 pixels`);
  });

  it("adds nothing where the author wrote no space: times, addresses, code-like text", () => {
    for (const text of ["Rendez-vous à 10:30", "https://www.exemple.fr/page?x=1", "a = b ?? c", "C:\\Users", "if x:", "Quoi?"]) {
      expect(frenchTypography(text)).toBe(text.replace(" ?? ", `${N}?? `));
    }
    expect(frenchTypography("Voir https ://exemple.fr")).toBe("Voir https ://exemple.fr");
  });

  it("in markdown, changes text nodes only, never code", () => {
    const tree = {
      type: "root",
      children: [
        { type: "paragraph", children: [{ type: "text", value: "Que vaut x ?" }, { type: "inlineCode", value: "x = 1 ; y = 2 !" }] },
        { type: "code", value: "si note ≥ 10 alors :\n    dire « reçu »" },
      ],
    };
    remarkFrenchTypography()(tree);
    expect(tree.children[0].children![0].value).toBe(`Que vaut x${N}?`);
    expect(tree.children[0].children![1].value).toBe("x = 1 ; y = 2 !");
    expect(tree.children[1].value).toBe("si note ≥ 10 alors :\n    dire « reçu »");
  });
});
