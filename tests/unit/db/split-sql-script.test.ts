import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { splitSqlScript } from "@/scripts/db/split-sql-script";

const MIGRATIONS = path.join(process.cwd(), "prisma", "migrations");
/** What Prisma's pg adapter does with a script (cut at every semicolon). */
const naive = (script: string) => script.split(";").map((s) => s.trim()).filter((s) => s.length > 0);

describe("splitSqlScript", () => {
  it("keeps a PL/pgSQL body, strings, quoted identifiers and comments whole", () => {
    const script = `-- a comment; not the end
CREATE FUNCTION f(p integer) RETURNS integer LANGUAGE plpgsql AS $fn$
DECLARE v integer;
BEGIN
  SELECT 1 INTO v; -- inside the body; still the body
  RETURN v + p;
END
$fn$;
INSERT INTO t (a, "b;c") VALUES ('x;y', 'it''s; fine', E'back\\'slash;'); /* one; /* nested; */ two; */
SELECT $$a;b$$, $1;`;
    expect(splitSqlScript(script)).toEqual([
      `-- a comment; not the end
CREATE FUNCTION f(p integer) RETURNS integer LANGUAGE plpgsql AS $fn$
DECLARE v integer;
BEGIN
  SELECT 1 INTO v; -- inside the body; still the body
  RETURN v + p;
END
$fn$`,
      `INSERT INTO t (a, "b;c") VALUES ('x;y', 'it''s; fine', E'back\\'slash;')`,
      `/* one; /* nested; */ two; */
SELECT $$a;b$$, $1`,
    ]);
  });

  it("cuts every migration without a function body exactly where Prisma's adapter cut it", () => {
    let compared = 0;
    for (const folder of readdirSync(MIGRATIONS).filter((name) => /^\d+_/.test(name))) {
      const script = readFileSync(path.join(MIGRATIONS, folder, "migration.sql"), "utf8");
      if (script.includes("$fn$")) continue;
      expect(splitSqlScript(script), folder).toEqual(naive(script));
      compared++;
    }
    expect(compared).toBeGreaterThan(10);
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
    // PostgreSQL's dollar-quote tags follow its identifier rules: letters (non-ASCII ones included), _, digits after the
    // first character; and a $ inside an identifier (after any identifier character) starts no tag.
    ["a tag with a non-ASCII letter", "DO $é$ BEGIN PERFORM 1; END $é$; SELECT 2", ["DO $é$ BEGIN PERFORM 1; END $é$", "SELECT 2"]],
    ["a tag ending in a non-ASCII letter and a digit", "DO $fné1$ BEGIN PERFORM 1; END $fné1$; SELECT 2", ["DO $fné1$ BEGIN PERFORM 1; END $fné1$", "SELECT 2"]],
    ["a tag with a letter outside the BMP", "DO $𝑥$ BEGIN PERFORM 1; END $𝑥$; SELECT 2", ["DO $𝑥$ BEGIN PERFORM 1; END $𝑥$", "SELECT 2"]],
    ["a dollar after a non-ASCII letter of an identifier", "SELECT 1 AS é$a$; SELECT 2 AS é$a$", ["SELECT 1 AS é$a$", "SELECT 2 AS é$a$"]],
    ["no tag starting with a digit", "SELECT $1$; SELECT 2", ["SELECT $1$", "SELECT 2"]],
  ])("keeps %s whole", (_label, script, pieces) => {
    expect(splitSqlScript(script)).toEqual(pieces);
  });
});
