import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { credentialsSheetCsv, csvCell } from "@/lib/domain/roster/credentials-sheet";

describe("credentialsSheetCsv", () => {
  it("writes the French header, a BOM, ';' and quoted cells", () => {
    const csv = credentialsSheetCsv([{ division: "4A", lastName: "DUPONT", firstName: "Léa", username: "lea.dupont0112", password: "kpfxwM37" }]);
    expect(csv).toBe('\uFEFF"Classe";"Nom";"Prénom";"Identifiant";"Mot de passe"\n"4A";"DUPONT";"Léa";"lea.dupont0112";"kpfxwM37"\n');
  });

  it("guards cells a spreadsheet would run as formulas, and doubles quotes", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell("+33")).toBe(`"'+33"`);
    expect(csvCell("-Marie")).toBe(`"'-Marie"`);
    expect(csvCell("@SUM(A1)")).toBe(`"'@SUM(A1)"`);
    expect(csvCell("Jean-Marie")).toBe(`"Jean-Marie"`);
  });

  it("round-trips any text through a CSV reader (guard aside)", () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 5, maxLength: 5 }), ([division, lastName, firstName, username, password]) => {
        const csv = credentialsSheetCsv([{ division, lastName, firstName, username, password }]);
        const [, row] = parse(csv, { delimiter: ";", bom: true, relax_quotes: false }) as string[][];
        const unguard = (cell: string, original: string) => (/^[=+\-@\t\r]/.test(original) ? cell.slice(1) : cell);
        expect(row.map((cell, i) => unguard(cell, [division, lastName, firstName, username, password][i]))).toEqual([
          division,
          lastName,
          firstName,
          username,
          password,
        ]);
      }),
    );
  });
});
