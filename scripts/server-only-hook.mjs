/**
 * A module resolve hook for scripts/server.ts (docs/adr/0018-answer-outside-next.md): outside Next.js's bundle, the
 * `server-only` marker that lib modules import resolves to its empty module, as it does for React Server Components
 * (its `react-server` export condition); every other import resolves as usual. Registered before the answer's fast
 * path is imported.
 */
export async function resolve(specifier, context, nextResolve) {
  if (specifier !== "server-only") return nextResolve(specifier, context);
  return nextResolve(specifier, { ...context, conditions: ["react-server", ...context.conditions] });
}
