import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SafeMarkdown } from "@/components/ui/safe-markdown";

const render = (markdown: string) => renderToStaticMarkup(createElement(SafeMarkdown, { children: markdown }));

describe("content markdown", () => {
  it("renders GFM tables as tables with a header row", () => {
    const html = render("| Opérateur | Effet |\n| --- | --- |\n| `OR` | l'un ou l'autre |\n| `-mot` | exclut le mot |");
    expect(html).toContain("<table");
    expect(html).toMatch(/<thead[^>]*><tr><th scope="col"[^>]*>Opérateur<\/th><th scope="col"[^>]*>Effet<\/th><\/tr><\/thead>/);
    expect(html).toContain("<td");
    expect(html).not.toContain("| ---");
  });

  it("keeps pseudo-code blocks as they are: monospace, indentation, no typography", () => {
    const html = render("```\nsi note ≥ 10 alors :\n    dire « reçu » !\nsinon\n    dire « recalé »\n```");
    expect(html).toContain("<pre");
    expect(html).toContain("si note ≥ 10 alors :\n    dire « reçu » !\nsinon\n    dire « recalé »");
  });

  it("applies French typography to the text and still drops raw HTML", () => {
    const html = render("Que faut-il faire ? Le style « Titre 1 » à 100 %. <script>alert(1)</script>");
    expect(html).toContain("faire\u202f?");
    expect(html).toContain("«\u202fTitre 1\u202f»");
    expect(html).toContain("100\u202f%");
    expect(html).not.toContain("<script");
  });

  it("renders a text read again (kept parsed) as the first time, and another text as itself", () => {
    const first = render("Cliquez sur [le lien](https://exemple.fr) puis **Valider**.");
    expect(render("Cliquez sur [le lien](https://exemple.fr) puis **Valider**.")).toBe(first);
    expect(first).toContain('rel="noopener noreferrer nofollow"');
    expect(render("Cliquez sur [le lien](javascript:alert(1)) puis **Valider**.")).not.toContain("javascript:");
  });
});
