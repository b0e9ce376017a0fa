import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, strictTransportSecurity } from "@/lib/domain/requests/security-headers";

const directives = (policy: string) => Object.fromEntries(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("security headers", () => {
  it("production: scripts only with the nonce, no inline script, no eval, nothing framed, forms post home", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc123", isDevelopment: false, isHttps: true }));
    expect(policy["script-src"]).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(policy["style-src"]).toEqual(["'self'", "'nonce-abc123'"]);
    expect(JSON.stringify(policy)).not.toMatch(/unsafe-eval/);
    expect(policy["script-src"]).not.toContain("'unsafe-inline'");
    expect(policy["frame-ancestors"]).toEqual(["'none'"]);
    expect(policy["object-src"]).toEqual(["'none'"]);
    expect(policy["form-action"]).toEqual(["'self'"]);
    expect(policy["upgrade-insecure-requests"]).toEqual([]);
  });

  it("plain http (a local test server) does not upgrade requests; development allows eval for React", () => {
    expect(contentSecurityPolicy({ nonce: "n", isDevelopment: false, isHttps: false })).not.toMatch(/upgrade-insecure-requests/);
    expect(directives(contentSecurityPolicy({ nonce: "n", isDevelopment: true, isHttps: false }))["script-src"]).toContain("'unsafe-eval'");
  });

  it("HSTS only when the app is served over https", () => {
    expect(strictTransportSecurity("https://app.example.fr")).toBe("max-age=63072000");
    expect(strictTransportSecurity("http://localhost:3000")).toBeNull();
  });
});
