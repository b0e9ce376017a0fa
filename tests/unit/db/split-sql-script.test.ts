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
});
