/**
 * Fuzz of the configuration (lib/env.ts): whatever the environment holds, env() gives a configuration or stops the
 * app with « Configuration invalide » and the variables at fault — never another exception (a TypeError from a
 * certificate parser, a stack trace instead of a sentence).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it, vi } from "vitest";

const CERTIFICATE = readFileSync(path.resolve("tests/fixtures/saml/idp-test-cert.pem"), "utf8");
const VALID = {
  NODE_ENV: "production",
  DATABASE_URL: "postgresql://pix:secret@db.example.fr:5432/pix",
  APP_URL: "https://app.example.fr",
  ORGA_URL: "https://orga.example.fr",
  NEXTAUTH_SECRET: "x".repeat(48),
  SMTP_URL: "smtps://user:password@smtp.example.fr:465",
  MAIL_FROM: "Pix Libre <pix@example.fr>",
  INVITATION_VALIDITY_DAYS: "30",
  MAIL_OUTBOX_PAGE: "0",
  SAML_IDP_ENTRY_POINT: "https://idp.gar.example/sso",
  SAML_IDP_CERT: CERTIFICATE,
  SAML_IDP_ENTITY_ID: "https://idp.gar.example/",
  SAML_SP_ENTITY_ID: "https://app.example.fr/api/saml/metadata",
};
const saved = { ...process.env };
afterAll(() => {
  process.env = saved;
});

const hostile = fc.oneof(
  fc.constantFrom("", " ", "0", "-1", "1e309", "NaN", "true", "development", "test", "http://", "postgresql://", "smtp://", "https://[::1", "\\n", CERTIFICATE.slice(0, 200), CERTIFICATE.replace(/[A-Z]/g, "x"), `-----BEGIN CERTIFICATE-----\n${"A".repeat(5000)}\n-----END CERTIFICATE-----`),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: "binary", maxLength: 60 }),
);
const mutatedEnvironment = fc.dictionary(fc.constantFrom(...Object.keys(VALID)), fc.option(hostile, { nil: undefined }), { maxKeys: 4 }).map((changes) => {
  const environment: Record<string, string | undefined> = { ...VALID };
  for (const [name, value] of Object.entries(changes)) environment[name] = value;
  return environment;
});

async function loadEnv(environment: Record<string, string | undefined>) {
  process.env = Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== undefined)) as NodeJS.ProcessEnv;
  vi.resetModules();
  const { env } = await import("@/lib/env");
  return env;
}

describe("configuration under fuzzing", { timeout: 120_000 }, () => {
  it("the deployment example of the README is accepted", async () => {
    expect((await loadEnv(VALID))().APP_URL).toBe("https://app.example.fr");
  });

  it("a configuration, or « Configuration invalide » naming what is wrong: nothing else", async () => {
    await fc.assert(
      fc.asyncProperty(mutatedEnvironment, async (environment) => {
        const env = await loadEnv(environment);
        try {
          env();
        } catch (error) {
          expect(error).toBeInstanceOf(Error);
          expect((error as Error).message).toMatch(/^Configuration invalide/);
        }
      }),
      { seed: 2026, numRuns: 100 },
    );
  });
});
