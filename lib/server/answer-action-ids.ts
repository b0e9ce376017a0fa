import { readFileSync } from "node:fs";
import path from "node:path";

/** The module and export of the answer action: its id in a build is a hash, found in Next's manifest. */
const ANSWER_ACTION = { filename: "lib/actions/answer-action.tsx", exportedName: "answerAction" };

type Manifest = { node?: Record<string, { filename?: string; exportedName?: string }> };

/**
 * The ids the answer action has in this build (`.next/server/server-reference-manifest.json`, written by
 * `next build`), so that the answer gate (answer-gate.ts) tells an answer from another action posted to the same
 * page. null when the manifest is missing or has no such entry (development before the first compile, a Next.js
 * that no longer writes it): the gate then counts every action posted to the question page.
 */
export function answerActionIds(distDir = ".next"): ReadonlySet<string> | null {
  try {
    const manifest = JSON.parse(readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as Manifest;
    const ids = Object.entries(manifest.node ?? {})
      .filter(([, entry]) => entry.filename === ANSWER_ACTION.filename && entry.exportedName === ANSWER_ACTION.exportedName)
      .map(([id]) => id);
    return ids.length > 0 ? new Set(ids) : null;
  } catch {
    return null;
  }
}
