import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACCESSIBILITY_AUDIT } from "@/lib/site/accessibility-audit";

function countPages(folder: string): number {
  return readdirSync(folder).reduce((count, entry) => {
    const full = path.join(folder, entry);
    if (statSync(full).isDirectory()) return count + countPages(full);
    return count + (/^page\.tsx?$/.test(entry) ? 1 : 0);
  }, 0);
}

describe("the accessibility declaration's figures", () => {
  it("names as many Pix Orga page models as the app has", () => {
    expect(ACCESSIBILITY_AUDIT.orgaPageModels).toBe(countPages(path.join("app", "(orga)", "orga")));
  });
  it("names the installed axe-core version", () => {
    const installed = JSON.parse(readFileSync("node_modules/axe-core/package.json", "utf8")) as { version: string };
    expect(installed.version.startsWith(`${ACCESSIBILITY_AUDIT.axeCoreVersion}.`)).toBe(true);
  });
  it("is dated dd/mm/yyyy", () => {
    expect(ACCESSIBILITY_AUDIT.date).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
  });
});
