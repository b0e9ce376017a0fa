import { describe, expect, it } from "vitest";
import { nginxConfig, SESSION_COOKIE_PATTERN } from "@/bench/answer-load/proxies";

/**
 * The bench's nginx configuration (bench/answer-load/proxies.ts): `--balance least_conn` keeps the former
 * upstream, `--balance cookie` hashes the session cookie (consistent) and spreads requests without it.
 */
const base = { dir: "/tmp/nginx", port: 3340, upstreams: [3341, 3342] };

function upstreamBlock(config: string): string {
  return /upstream pix_app \{([\s\S]*?)\n {2}\}/.exec(config)![1];
}

describe("nginx configuration of the answer bench", () => {
  it("least_conn: least connections, no cookie map, every process listed", () => {
    const config = nginxConfig({ ...base, balance: "least_conn" });
    const upstream = upstreamBlock(config);
    expect(upstream).toContain("least_conn;");
    expect(upstream).not.toContain("hash");
    expect(config).not.toContain("map $http_cookie");
    expect(upstream).toContain("server 127.0.0.1:3341 max_fails=3 fail_timeout=5s;");
    expect(upstream).toContain("server 127.0.0.1:3342 max_fails=3 fail_timeout=5s;");
  });

  it("cookie-consistent: the same key on nginx's ring", () => {
    const upstream = upstreamBlock(nginxConfig({ ...base, balance: "cookie-consistent" }));
    expect(upstream).toContain("hash $pix_balance_key consistent;");
    expect(upstream).not.toContain("least_conn");
  });

  it("cookie: a plain hash of the session cookie, the request id without it, never least_conn", () => {
    const config = nginxConfig({ ...base, balance: "cookie" });
    const upstream = upstreamBlock(config);
    expect(upstream).toContain("hash $pix_balance_key;");
    expect(upstream).not.toContain("least_conn");
    expect(config).toContain(`"~${SESSION_COOKIE_PATTERN}" $token;`);
    // No cookie: $request_id (random per request), not the client address (a school's NAT is one address).
    expect(config).toMatch(/map \$pix_session \$pix_balance_key \{\s*"" \$request_id;\s*default \$pix_session;\s*\}/);
    // The maps belong to the http block, before the upstream that uses them.
    expect(config.indexOf("map $http_cookie")).toBeLessThan(config.indexOf("upstream pix_app"));
    expect(upstream).toContain("server 127.0.0.1:3342 max_fails=3 fail_timeout=5s;");
  });

  it("the cookie expression finds the session token wherever the cookie stands, secure or not, and nothing else", () => {
    const pattern = new RegExp(SESSION_COOKIE_PATTERN);
    const token = (header: string) => pattern.exec(header)?.groups?.token ?? "";
    expect(token("next-auth.session-token=abc.def-ghi")).toBe("abc.def-ghi");
    expect(token("pix_device=1; next-auth.session-token=abc.def; theme=dark")).toBe("abc.def");
    expect(token("__Secure-next-auth.session-token=xyz")).toBe("xyz");
    expect(token("pix_device=1;next-auth.session-token=tok")).toBe("tok");
    // Another cookie whose name ends like it, or no session at all: no key (the request spreads).
    expect(token("old-next-auth.session-token=abc")).toBe("");
    expect(token("next-auth.session-tokenX=abc")).toBe("");
    expect(token("pix_device=1")).toBe("");
  });

  it("the former setting reproduced by --nginx-max-fails 1", () => {
    expect(upstreamBlock(nginxConfig({ ...base, balance: "cookie", maxFails: 1 }))).toContain("max_fails=1 fail_timeout=2s;");
  });
});
