import "server-only";
import { createRequire } from "node:module";
import path from "node:path";
import type { ReactElement } from "react";

type DomServer = { renderToStaticMarkup(element: ReactElement): string };
let domServer: DomServer | null = null;

/**
 * Markup of plain components (no hooks, no client components), for the question page's route handler (ADR 0017).
 * Route handlers are bundled for React Server Components, where `react-dom/server` is replaced by a module that
 * throws; so it is loaded at run time from node_modules, outside the bundle (the name is built so that the bundler
 * does not resolve it). React elements are plain objects marked with global symbols: the two copies of React agree
 * on them, and the components rendered here never call a hook.
 */
export function renderStaticMarkup(element: ReactElement): string {
  domServer ??= createRequire(path.join(process.cwd(), "package.json"))(["react-dom", "server"].join("/")) as DomServer;
  return domServer.renderToStaticMarkup(element);
}
