import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AREA_PALETTE, areaColours } from "@/lib/domain/branding/area-palette";
import { contrastRatio } from "@/lib/domain/branding/contrast";

const framework = JSON.parse(readFileSync("prisma/learning-content/framework.json", "utf8")) as { areas: { code: string; color: string }[] };

describe("contrastRatio", () => {
  it("gives the WCAG figures for known pairs", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBeCloseTo(1, 5);
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
  });
  it("refuses a colour it cannot read", () => {
    expect(() => contrastRatio("red", "#ffffff")).toThrow("Couleur invalide");
  });
});

describe("area palette", () => {
  it("has colours for each of the framework's five areas", () => {
    expect(framework.areas.map((a) => a.code).sort()).toEqual(Object.keys(AREA_PALETTE).sort());
  });
  it.each(Object.entries(AREA_PALETTE))("area %s: text ≥ 4.5:1 on white and on its tint, accent ≥ 3:1 on white", (_code, colours) => {
    expect(contrastRatio(colours.text, "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(colours.text, colours.tint)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(colours.accent, "#ffffff")).toBeGreaterThanOrEqual(3);
  });
  it("keeps the content's colour as accent for an unknown area, and a neutral palette for a bad one", () => {
    expect(areaColours("9", "#123456").accent).toBe("#123456");
    expect(areaColours("9", "javascript:alert(1)").accent).toBe("#64748b");
  });
});
