import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";

// An unexpected failure of the answer (the database gone between two checks, a bug): injected here, since a real one
// needs the database to vanish mid-request.
vi.mock("@/lib/pupil-flow/flow-request", () => ({
  FLOW_HEADER: "x-pix-flow",
  answerFlowRequest: () => Promise.reject(new Error("panne simulée")),
}));
const { serveAnswerFast } = await import("@/lib/server/answer-fast-path");

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

describe("the answer's fast path when the answer fails unexpectedly", () => {
  it("answers 500 with the French message and the security headers Next.js would have put on it", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const settings = { appUrl: "https://pix.example.fr", orgaUrl: undefined, isDevelopment: false };
    server = createServer((req, res) => void serveAnswerFast(req, res, settings, "ABCDEF123"));
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const reply = await new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
      const req = httpRequest({ host: "127.0.0.1", port, method: "POST", path: "/campagnes/ABCDEF123/evaluation", headers: { host: `127.0.0.1:${port}`, "x-pix-flow": "1", "content-type": "application/x-www-form-urlencoded" } }, (res) => {
        let body = "";
        res.setEncoding("utf8").on("data", (chunk) => (body += chunk)).on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      });
      req.on("error", reject);
      req.end("code=ABCDEF123&challengeId=x");
    });
    error.mockRestore();
    expect(reply.status).toBe(500);
    expect(reply.body).toBe("Une erreur inattendue est survenue. Réessayez dans un instant.\n");
    expect(reply.headers["cache-control"]).toBe("private, no-store");
    expect(reply.headers["x-content-type-options"]).toBe("nosniff");
    expect(String(reply.headers["content-security-policy"])).toMatch(/nonce-/);
    expect(reply.headers["strict-transport-security"]).toBeTruthy();
  });
});
