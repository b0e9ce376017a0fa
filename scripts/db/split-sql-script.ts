/**
 * PostgreSQL's identifier characters (its lexer's ident_cont): ASCII letters, digits, _ and $, and every non-ASCII
 * character (bytes ≥ 0x80 of its encoding; here each UTF-16 unit ≥ 0x80, surrogate halves included).
 */
const IDENTIFIER_CHAR = /[A-Za-z0-9_$\u0080-\uffff]/;
/** A dollar-quote tag: $$, or $ + a letter or _ (non-ASCII letters included), then letters, digits or _ + $. */
const DOLLAR_TAG = /^\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/;

/**
 * Splits a migration script into its statements at the semicolons that end one: not inside a string ('…', E'…'),
 * a quoted identifier ("…"), a dollar-quoted body ($$…$$, $fn$…$fn$), or a comment (-- …, nested /* … *\/).
 * Prisma's pg driver adapter cuts at every semicolon, which breaks a function body (PL/pgSQL ends each of its
 * statements with one); scripts/db/schema-engine.ts runs migrations with this instead, statement by statement as
 * before. On a script without those, the pieces are the adapter's own (tests/unit/db/split-sql-script.test.ts).
 */
export function splitSqlScript(script: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let i = 0;
  const push = (end: number) => {
    const statement = script.slice(start, end).trim();
    if (statement) statements.push(statement);
  };
  while (i < script.length) {
    const c = script[i];
    const next = script[i + 1];
    if (c === "-" && next === "-") {
      const end = script.indexOf("\n", i);
      i = end === -1 ? script.length : end + 1;
    } else if (c === "/" && next === "*") {
      let depth = 1;
      i += 2;
      while (i < script.length && depth > 0) {
        if (script[i] === "/" && script[i + 1] === "*") (depth++, (i += 2));
        else if (script[i] === "*" && script[i + 1] === "/") (depth--, (i += 2));
        else i++;
      }
    } else if (c === "'" || c === '"') {
      // E'…' allows backslash escapes; a doubled quote is the quote itself in every form.
      const backslashes = c === "'" && /[eE]/.test(script[i - 1] ?? "") && !IDENTIFIER_CHAR.test(script[i - 2] ?? "");
      i++;
      while (i < script.length) {
        if (backslashes && script[i] === "\\") i += 2;
        else if (script[i] === c && script[i + 1] === c) i += 2;
        else if (script[i] === c) break;
        else i++;
      }
      i++;
    } else if (c === "$" && !IDENTIFIER_CHAR.test(script[i - 1] ?? "")) {
      const tag = DOLLAR_TAG.exec(script.slice(i));
      if (tag) {
        const end = script.indexOf(tag[0], i + tag[0].length);
        i = end === -1 ? script.length : end + tag[0].length;
      } else i++;
    } else if (c === ";") {
      push(i);
      start = ++i;
    } else i++;
  }
  push(script.length);
  return statements;
}
