import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

let found: string[] | null = null;

/**
 * The stylesheet(s) of the root layout, for the question page that is not rendered by the App Router (ADR 0017):
 * read once from the build's client reference manifest of the root not-found page (which has only the root layout
 * above it), else every stylesheet of the build (there is one: app/globals.css). Also read by scripts/server.ts, outside
 * Next.js's bundle, for the page of an answer refused by the answer gate (lib/pupil-flow/busy-page.ts): no
 * `server-only` here, which only resolves inside Next.js (it reads the build's files, nothing secret).
 */
export function rootStylesheets(): string[] {
  if (found) return found;
  const build = path.join(process.cwd(), ".next");
  try {
    const manifest = readFileSync(path.join(build, "server/app/_not-found/page_client-reference-manifest.js"), "utf8");
    const entry = /"\[project\]\/app\/layout":(\[[^\]]*\])/.exec(manifest);
    const files = entry ? (JSON.parse(entry[1]) as { path: string }[]).map((f) => `/_next/${f.path}`) : [];
    if (files.length > 0) return (found = files);
  } catch {
    // Not a production build (next dev): fall through.
  }
  try {
    found = readdirSync(path.join(build, "static/chunks")).filter((f) => f.endsWith(".css")).map((f) => `/_next/static/chunks/${f}`);
  } catch {
    found = [];
  }
  return found;
}
