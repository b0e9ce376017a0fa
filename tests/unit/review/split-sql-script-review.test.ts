import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { splitSqlScript } from "@/scripts/db/split-sql-script";

/**
 * Review (review-sql, 07/12) of the migration splitter: every migration before the answer's functions is cut exactly as
 * Prisma's pg adapter cut it (split at every `;`, trimmed, empty pieces dropped), and the lexical cases of
 * PostgreSQL's grammar keep a statement whole.
 */
const DIR = path.join(process.cwd(), "prisma", "migrations");

describe("review-sql: splitSqlScript", () => {
  it("cuts every earlier migration as the adapter did", () => {
    const names = readdirSync(DIR).filter((n) => existsSync(path.join(DIR, n, "migration.sql")) && n < "20261207025000").sort();
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) {
      const script = readFileSync(path.join(DIR, name, "migration.sql"), "utf8");
      const adapter = script.split(";").map((s) => s.trim()).filter((s) => s.length > 0);
      expect({ name, pieces: splitSqlScript(script) }).toEqual({ name, pieces: adapter });
    }
  });

  it.each([
    ["a comment holding a semicolon", "SELECT 1; -- a;b\nSELECT 2;", ["SELECT 1", "-- a;b\nSELECT 2"]],
    ["a string holding one", "SELECT 'a;b'; SELECT 2", ["SELECT 'a;b'", "SELECT 2"]],
    ["an E'' string with an escaped quote", "SELECT E'a\\';b'; SELECT 2", ["SELECT E'a\\';b'", "SELECT 2"]],
    ["a doubled quote", "SELECT 'it''s;'; SELECT 2", ["SELECT 'it''s;'", "SELECT 2"]],
    ["a quoted identifier", 'SELECT 1 AS "a;b"; SELECT 2', ['SELECT 1 AS "a;b"', "SELECT 2"]],
    ["nested block comments", "SELECT 1 /* x /* ; */ ; */; SELECT 2", ["SELECT 1 /* x /* ; */ ; */", "SELECT 2"]],
    ["a dollar body inside a tagged one", "DO $a$ BEGIN EXECUTE $b$SELECT 1;$b$; END $a$; SELECT 2", ["DO $a$ BEGIN EXECUTE $b$SELECT 1;$b$; END $a$", "SELECT 2"]],
    ["a positional parameter", "PREPARE p AS SELECT $1; SELECT 2", ["PREPARE p AS SELECT $1", "SELECT 2"]],
    ["a dollar inside an identifier", "SELECT 1 AS a$b; SELECT $$x;$$", ["SELECT 1 AS a$b", "SELECT $$x;$$"]],
    // PostgreSQL's dollar-quote tags follow identifier rules, non-ASCII letters included (low: no migration uses one).
    ["a tag with a non-ASCII letter", "DO $é$ BEGIN PERFORM 1; END $é$; SELECT 2", ["DO $é$ BEGIN PERFORM 1; END $é$", "SELECT 2"]],
  ])("keeps %s whole", (_label, script, pieces) => {
    expect(splitSqlScript(script)).toEqual(pieces);
  });
});
