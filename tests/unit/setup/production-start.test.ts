import { describe, expect, it } from "vitest";
import { productionStartProblem } from "@/scripts/setup/production-start";

const READY = { NEXTAUTH_SECRET: "s".repeat(40) };

describe("productionStartProblem (npm run dev -- --prod)", () => {
  it("accepts a complete production setting with a build", () => {
    expect(productionStartProblem(READY, { hasBuild: true })).toBeNull();
  });

  it("names the missing secret in French", () => {
    expect(productionStartProblem({}, { hasBuild: true })).toMatch(/NEXTAUTH_SECRET est obligatoire en production/);
  });

  it("checks the settings as production ones even when NODE_ENV says otherwise", () => {
    expect(productionStartProblem({ NODE_ENV: "development" }, { hasBuild: true })).toMatch(/NEXTAUTH_SECRET/);
  });

  it("asks for the build when there is none", () => {
    expect(productionStartProblem(READY, { hasBuild: false })).toMatch(/npm run build/);
  });

  it("validates the other settings too", () => {
    expect(productionStartProblem({ ...READY, SMTP_URL: "http://mail" }, { hasBuild: true })).toMatch(/SMTP_URL doit commencer par smtp:\/\//);
  });
});
