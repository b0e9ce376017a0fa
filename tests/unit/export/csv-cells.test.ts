import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import {
  NOT_SHARED,
  UTF8_BOM,
  csvLine,
  dateTime,
  decimal,
  mayBeReadAsFormula,
  serializeCell,
  serializeText,
} from "@/lib/domain/export/csv-cells";

describe("CSV line", () => {
  it("joins cells with ';' and ends with '\\n'; the BOM is U+FEFF", () => {
    expect(csvLine(["a", 1, null])).toBe('"a";1;""\n');
    expect(UTF8_BOM).toBe("\uFEFF");
  });
});

describe("CSV numbers", () => {
  it("use a decimal comma", () => {
    expect(serializeCell(12)).toBe("12");
    expect(serializeCell(0.5)).toBe("0,5");
    expect(serializeCell(-1.5)).toBe("-1,5");
    expect(serializeCell(0.1 + 0.2)).toBe("0,3");
  });

  it("round to the asked decimals, without trailing zeros", () => {
    expect(serializeCell(decimal(2 / 3, 2))).toBe("0,67");
    expect(serializeCell(decimal(1 / 3, 3))).toBe("0,333");
    expect(serializeCell(decimal(1, 3))).toBe("1");
    expect(serializeCell(decimal(0.125, 2))).toBe("0,13");
  });

  it("leave nothing for a non-number", () => {
    expect(serializeCell(Number.NaN)).toBe('""');
    expect(serializeCell(Number.POSITIVE_INFINITY)).toBe('""');
  });
});

describe("CSV texts", () => {
  it("are double-quoted with quotes doubled", () => {
    expect(serializeCell('Il a dit "bonjour"')).toBe('"Il a dit ""bonjour"""');
    expect(serializeCell("a;b")).toBe('"a;b"');
    expect(serializeCell("ligne 1\nligne 2")).toBe('"ligne 1\nligne 2"');
    expect(serializeCell("")).toBe('""');
  });

  it("guard what a spreadsheet would run as a formula", () => {
    expect(serializeCell("=1+1")).toBe(`"'=1+1"`);
    expect(serializeCell("+33 6 12 34 56 78")).toBe(`"'+33 6 12 34 56 78"`);
    expect(serializeCell("-2+3+cmd|' /C calc'!A0")).toBe(`"'-2+3+cmd|' /C calc'!A0"`);
    expect(serializeCell("@SOMME(A1:A2)")).toBe(`"'@SOMME(A1:A2)"`);
    expect(serializeCell("\t=1")).toBe(`"'\t=1"`);
    expect(serializeCell("\r=1")).toBe(`"'\r=1"`);
    expect(serializeCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
  });

  it("leave plain numbers and dates as they are", () => {
    expect(serializeCell("-12")).toBe('"-12"');
    expect(serializeCell("-1,5")).toBe('"-1,5"');
    expect(serializeCell("12")).toBe('"12"');
    expect(serializeCell("2026-09-15")).toBe('"2026-09-15"');
    expect(serializeCell("15/09/2026")).toBe('"15/09/2026"');
  });

  it("never start with = + - @ tab or CR after the opening quote unless numeric (property)", () => {
    const risky = fc.constantFrom("=", "+", "-", "@", "\t", "\r", "\0", "1", "a", '"', ";", " ");
    const text = fc.oneof(fc.string(), fc.tuple(risky, fc.string()).map(([head, tail]) => head + tail));
    fc.assert(
      fc.property(text, (value) => {
        const cell = serializeText(value);
        expect(cell.startsWith('"') && cell.endsWith('"')).toBe(true);
        const inside = cell.slice(1, -1);
        if (/^[=+\-@\t\r]/.test(inside)) expect(/^-?\d+(?:[.,]\d+)?$/.test(value)).toBe(true);
        // Reading it back gives the text, with the guard when one was needed.
        const [[read]] = parse(cell + "\n", { delimiter: ";" }) as string[][];
        expect(read).toBe(mayBeReadAsFormula(value) ? `'${value}` : value);
      }),
    );
  });
});

describe("CSV other cells", () => {
  it("write Oui / Non, NA and nothing", () => {
    expect(serializeCell(true)).toBe('"Oui"');
    expect(serializeCell(false)).toBe('"Non"');
    expect(serializeCell(NOT_SHARED)).toBe('"NA"');
    expect(serializeCell(null)).toBe('""');
    expect(serializeCell(undefined)).toBe('""');
  });

  it("write dates dd/mm/yyyy and date-times dd/mm/yyyy HH:mm in Paris", () => {
    expect(serializeCell(new Date("2026-12-31T23:30:00Z"))).toBe('"01/01/2027"');
    expect(serializeCell(dateTime(new Date("2026-07-14T08:05:00Z")))).toBe('"14/07/2026 10:05"');
    expect(serializeCell(dateTime(new Date("2026-01-15T08:05:00Z")))).toBe('"15/01/2026 09:05"');
    expect(serializeCell(dateTime(new Date("2026-03-04T23:00:00Z")))).toBe('"05/03/2026 00:00"');
    expect(serializeCell(new Date("invalid"))).toBe('""');
  });

  it("make lines a CSV reader splits back into the same cells", () => {
    const line = UTF8_BOM + csvLine(["Dupont; Léa", 0.75, true, NOT_SHARED, '"x"', "=A1"]);
    expect(parse(line, { delimiter: ";", bom: true })).toEqual([["Dupont; Léa", "0,75", "Oui", "NA", '"x"', "'=A1"]]);
  });
});
