import { readFileSync } from "node:fs";
import path from "node:path";

/** What an attacker can reach in the production build: every page, every route handler, every server action. */
export type BuildEntryPoints = {
  /** URL patterns of pages, e.g. "/orga/campagnes/[id]". */
  pages: string[];
  /** URL patterns of route handlers, e.g. "/api/campagnes/[id]/export" (methods are found over HTTP). */
  routes: string[];
  /** Server actions: "lib/actions/team-actions.ts#removeMemberAction" → its id, and the pages whose bundle holds it. */
  actions: { key: string; id: string; pages: string[] }[];
};

/** Next's own pages, present in every build: they render no data of ours (checked by the "unknown URL" row). */
const FRAMEWORK_PAGES = new Set(["/_not-found", "/_global-error"]);

export function readBuildEntryPoints(buildDir = path.resolve(".next")): BuildEntryPoints {
  const appPaths = JSON.parse(readFileSync(path.join(buildDir, "app-path-routes-manifest.json"), "utf8")) as Record<string, string>;
  const pages: string[] = [];
  const routes: string[] = [];
  for (const [source, pattern] of Object.entries(appPaths)) {
    if (source.endsWith("/route")) routes.push(pattern);
    else if (source.endsWith("/page") && !FRAMEWORK_PAGES.has(pattern)) pages.push(pattern);
  }
  const references = JSON.parse(readFileSync(path.join(buildDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
    edge: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
  };
  const actions = Object.entries({ ...references.node, ...references.edge }).map(([id, reference]) => ({
    key: `${reference.filename}#${reference.exportedName}`,
    id,
    pages: Object.keys(reference.workers).map((worker) => appPaths[`/${worker.replace(/^app\//, "")}`] ?? worker),
  }));
  return { pages: pages.sort(), routes: routes.sort(), actions: actions.sort((a, b) => a.key.localeCompare(b.key)) };
}
