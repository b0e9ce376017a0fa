/**
 * On every response, assets included (next.config.ts `headers()`, and the answer's fast path of scripts/server.ts,
 * lib/server/answer-fast-path.ts). The CSP (with its per-request nonce) and HSTS are set by proxy.ts.
 */
export const STATIC_SECURITY_HEADERS: readonly { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/**
 * The Content-Security-Policy of every page (docs/security.md, § 10). Scripts run only with this response's nonce
 * ('strict-dynamic' lets Next.js's own scripts load their chunks); no inline event handler, no eval, no plugin, no
 * foreign frame, no form posting elsewhere, no framing of our pages. Style attributes stay allowed
 * (`style-src-attr`): React writes a few (progress bars, charts) and they cannot run code.
 * In development, React needs eval and Next's dev overlay injects styles: those two are relaxed there only.
 */
export function contentSecurityPolicy(input: { nonce: string; isDevelopment: boolean; isHttps: boolean }): string {
  const nonce = `'nonce-${input.nonce}'`;
  const directives = [
    "default-src 'self'",
    `script-src 'self' ${nonce} 'strict-dynamic'${input.isDevelopment ? " 'unsafe-eval'" : ""}`,
    input.isDevelopment ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' ${nonce}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self'${input.isDevelopment ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(input.isHttps ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** HSTS only when the app is served over https (a browser would otherwise refuse a plain-http deployment for two years). */
export function strictTransportSecurity(appUrl: string): string | null {
  return appUrl.startsWith("https://") ? "max-age=63072000" : null;
}
