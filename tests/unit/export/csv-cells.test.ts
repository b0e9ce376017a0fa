import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import {
  NOT_SHARED,
  UTF8_BOM,
  cellText,
  csvLine,
  csvText,
  dateTime,
  decimal,
  guardedText,
  mayBeReadAsFormula,
  type Cell,
} from "@/lib/domain/export/csv-cells";

const readBack = (text: string) => parse(text, { delimiter: ";", record_delimiter: "\n", bom: true, relax_column_count: true }) as string[][];

describe("CSV line", () => {
  it("joins cells with ';' and ends with '\\n'; the BOM is U+FEFF", () => {
    expect(csvLine(["a", 1, null])).toBe("a;1;\n");
    expect(UTF8_BOM).toBe("\uFEFF");
  });

  it("writes lines of texts for a whole batch, nothing for no rows", () => {
    expect(csvText([["a", "1"], ["b;c", ""]])).toBe('a;1\n"b;c";\n');
    expect(csvText([])).toBe("");
  });
});

describe("CSV numbers", () => {
  it("use a decimal comma", () => {
    expect(cellText(12)).toBe("12");
    expect(cellText(0.5)).toBe("0,5");
    expect(cellText(-1.5)).toBe("-1,5");
    expect(cellText(0.1 + 0.2)).toBe("0,3");
  });

  it("round to the asked decimals, without trailing zeros", () => {
    expect(cellText(decimal(2 / 3, 2))).toBe("0,67");
    expect(cellText(decimal(1 / 3, 3))).toBe("0,333");
    expect(cellText(decimal(1, 3))).toBe("1");
    expect(cellText(decimal(0.125, 2))).toBe("0,13");
  });

  it("leave nothing for a non-number", () => {
    expect(cellText(Number.NaN)).toBe("");
    expect(cellText(Number.POSITIVE_INFINITY)).toBe("");
  });
});

describe("CSV texts", () => {
  it("are double-quoted, quotes doubled, only when they hold ';', '\"' or a line break", () => {
    expect(csvLine(['Il a dit "bonjour"'])).toBe('"Il a dit ""bonjour"""\n');
    expect(csvLine(["a;b"])).toBe('"a;b"\n');
    expect(csvLine(["ligne 1\nligne 2"])).toBe('"ligne 1\nligne 2"\n');
    expect(csvLine(["retour\rchariot"])).toBe('"retour\rchariot"\n');
    expect(csvLine(["Collège Jean-Moulin, 5e A", ""])).toBe("Collège Jean-Moulin, 5e A;\n");
  });

  it("guard what a spreadsheet would run as a formula", () => {
    expect(cellText("=1+1")).toBe("'=1+1");
    expect(cellText("+33 6 12 34 56 78")).toBe("'+33 6 12 34 56 78");
    expect(cellText("-2+3+cmd|' /C calc'!A0")).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(cellText("@SOMME(A1:A2)")).toBe("'@SOMME(A1:A2)");
    expect(cellText("\t=1")).toBe("'\t=1");
    expect(cellText("\r=1")).toBe("'\r=1");
    expect(cellText("\0=1")).toBe("'\0=1");
    expect(csvLine(["\r=1"])).toBe(`"'\r=1"\n`);
    expect(csvLine(['=HYPERLINK("http://x")'])).toBe(`"'=HYPERLINK(""http://x"")"\n`);
    expect(csvLine(["=A1;B1"])).toBe(`"'=A1;B1"\n`);
  });

  it("leave plain numbers and dates as they are", () => {
    expect(cellText("-12")).toBe("-12");
    expect(cellText("-1,5")).toBe("-1,5");
    expect(cellText("12")).toBe("12");
    expect(cellText("2026-09-15")).toBe("2026-09-15");
    expect(cellText("15/09/2026")).toBe("15/09/2026");
  });

  it("never start with = + - @ tab CR or NUL unless numeric, and read back as the guarded text (property)", () => {
    const risky = fc.constantFrom("=", "+", "-", "@", "\t", "\r", "\n", "\0", "1", "a", '"', ";", " ", "'");
    const text = fc.oneof(fc.string(), fc.string({ unit: risky }), fc.tuple(risky, fc.string()).map(([head, tail]) => head + tail));
    fc.assert(
      fc.property(text, (value) => {
        const said = cellText(value);
        expect(said).toBe(guardedText(value));
        if (/^[=+\-@\t\r\0]/.test(said)) expect(/^-?\d+(?:[.,]\d+)?$/.test(value)).toBe(true);
        expect(guardedText(said)).toBe(said); // guarding twice changes nothing
        // Quoted only when needed; reading the line back gives the text, with the guard when one was needed.
        const line = csvLine([value, "x"]);
        expect(line.startsWith('"')).toBe(/[;"\n\r]/.test(said));
        expect(readBack(line)).toEqual([[mayBeReadAsFormula(value) ? `'${value}` : value, "x"]]);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("CSV other cells", () => {
  it("write Oui / Non, NA and nothing", () => {
    expect(cellText(true)).toBe("Oui");
    expect(cellText(false)).toBe("Non");
    expect(cellText(NOT_SHARED)).toBe("NA");
    expect(cellText(null)).toBe("");
    expect(cellText(undefined)).toBe("");
  });

  it("write dates dd/mm/yyyy and date-times dd/mm/yyyy HH:mm in Paris", () => {
    expect(cellText(new Date("2026-12-31T23:30:00Z"))).toBe("01/01/2027");
    expect(cellText(dateTime(new Date("2026-07-14T08:05:00Z")))).toBe("14/07/2026 10:05");
    expect(cellText(dateTime(new Date("2026-01-15T08:05:00Z")))).toBe("15/01/2026 09:05");
    expect(cellText(dateTime(new Date("2026-03-04T23:00:00Z")))).toBe("05/03/2026 00:00");
    expect(cellText(new Date("invalid"))).toBe("");
    expect(cellText(dateTime(new Date("invalid")))).toBe("");
  });

  it("make lines a CSV reader splits back into the same cells", () => {
    const line = UTF8_BOM + csvLine(["Dupont; Léa", 0.75, true, NOT_SHARED, '"x"', "=A1"]);
    expect(readBack(line)).toEqual([["Dupont; Léa", "0,75", "Oui", "NA", '"x"', "'=A1"]]);
  });

  it("make batches a CSV reader splits back into the same texts, whatever the cells (property)", () => {
    const risky = fc.constantFrom("=", "+", "-", "@", "\t", "\r", "\n", "\0", '"', ";", "'", "1", "-1", "a", " ", "é");
    const text = fc.oneof(fc.string(), fc.string({ unit: risky }), fc.tuple(risky, fc.string()).map(([head, tail]) => head + tail));
    const date = fc.date({ min: new Date("1970-01-01"), max: new Date("2100-01-01"), noInvalidDate: true });
    const cell: fc.Arbitrary<Cell> = fc.oneof(
      text,
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.constant(NOT_SHARED),
      fc.tuple(fc.double({ min: -10, max: 10, noNaN: true }), fc.integer({ min: 0, max: 4 })).map(([value, decimals]) => decimal(value, decimals)),
      date.map((d) => dateTime(d)),
      date,
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 8 }), { minLength: 1, maxLength: 4 }), (rows) => {
        const texts = rows.map((cells) => cells.map(cellText));
        const batch = csvText(texts);
        expect(batch).toBe(rows.map((cells) => csvLine(cells)).join(""));
        expect(readBack(batch)).toEqual(texts);
      }),
      { numRuns: 2000 },
    );
  });
});
