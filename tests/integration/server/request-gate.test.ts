import { afterEach, describe, expect, it } from "vitest";
import { createServer, request, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { mintSessionToken, sessionCookieName } from "@/lib/auth/session-token";
import { CLIENT_ADDRESS_HEADER } from "@/lib/server/client-address-header";
import { gateRequest, SIGNED_IN_BODY_LIMIT } from "@/lib/server/request-gate";
import { hasValidSessionCookie } from "@/lib/server/session-cookie-check";

/** The gate in front of a stand-in for Next.js that answers with the address it was given. */
let server: Server | undefined;
async function gatedServer(trustedProxyHops: number): Promise<number> {
  server = createServer((req, res) => {
    void gateRequest(req, res, { trustedProxyHops, isSignedIn: hasValidSessionCookie }).then((pass) => {
      if (!pass) return;
      req.resume();
      req.on("end", () => res.end(String(req.headers[CLIENT_ADDRESS_HEADER])));
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

type Sent = { method?: string; path?: string; headers?: Record<string, string | number>; body?: Buffer; chunked?: boolean };
function send(port: number, sent: Sent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method: sent.method ?? "GET", path: sent.path ?? "/", headers: sent.headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    // The server may answer (413) and close before a large body is sent: that is the point.
    req.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : reject(error)));
    if (sent.chunked) req.write("x".repeat(100));
    req.end(sent.body);
  });
}

describe("request gate: the client's address", () => {
  it("with no trusted proxy, X-Forwarded-For and a forged address header are ignored: the socket counts", async () => {
    const port = await gatedServer(0);
    const answer = await send(port, { headers: { "x-forwarded-for": "1.2.3.4", [CLIENT_ADDRESS_HEADER]: "5.6.7.8" } });
    expect(answer.body).toBe("127.0.0.1");
  });

  it("behind one trusted proxy, the hop it appended counts, not what the client wrote before it", async () => {
    const port = await gatedServer(1);
    expect((await send(port, { headers: { "x-forwarded-for": "1.2.3.4, 198.51.100.9" } })).body).toBe("198.51.100.9");
    expect((await send(port, { headers: { "x-forwarded-for": "198.51.100.9", [CLIENT_ADDRESS_HEADER]: "5.6.7.8" } })).body).toBe("198.51.100.9");
    expect((await send(port, {})).body).toBe("127.0.0.1");
  });
});

describe("request gate: malformed requests get a French 4xx, never a 500", () => {
  it("a path whose percent-encoding does not decode: 400", async () => {
    const port = await gatedServer(0);
    const answer = await send(port, { path: "/campagnes/%E0%A4%A" });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatch(/Adresse invalide/);
    expect((await send(port, { path: "/campagnes/%C3%A9t%C3%A9" })).status).toBe(200);
  });

  it("an anonymous body over 64 KB: 413 before it is read; up to 64 KB goes through", async () => {
    const port = await gatedServer(0);
    const refused = await send(port, { method: "POST", path: "/api/auth/callback/credentials", headers: { "content-length": 50 * 1024 * 1024, "content-type": "application/json" }, body: Buffer.alloc(1024) });
    expect(refused.status).toBe(413);
    expect(refused.body).toMatch(/trop volumineuse/);
    expect((await send(port, { method: "POST", headers: { "content-length": 60 * 1024 }, body: Buffer.alloc(60 * 1024) })).status).toBe(200);
  });

  it("a signed-in user may send up to 21 MB (a SIECLE file), not more; a forged session cookie counts as anonymous", async () => {
    const port = await gatedServer(0);
    const token = await mintSessionToken({ userId: 1, sessionVersion: 0, now: new Date() });
    const cookie = `${sessionCookieName()}=${token}`;
    expect((await send(port, { method: "POST", headers: { cookie, "content-length": 1024 * 1024 }, body: Buffer.alloc(1024 * 1024) })).status).toBe(200);
    const tooBig = await send(port, { method: "POST", headers: { cookie, "content-length": SIGNED_IN_BODY_LIMIT + 1 }, body: Buffer.alloc(10) });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body).toMatch(/20 Mo/);
    expect((await send(port, { method: "POST", headers: { cookie: `${sessionCookieName()}=invente`, "content-length": 1024 * 1024 }, body: Buffer.alloc(10) })).status).toBe(413);
  });

  it("a body without announced length (chunked): 411", async () => {
    const port = await gatedServer(0);
    const answer = await send(port, { method: "POST", headers: { "transfer-encoding": "chunked" }, chunked: true });
    expect(answer.status).toBe(411);
  });
});

/**
 * The fuzz's 25–30 MB uploads: the gate answered 413 with `connection: close` before reading the body, so the socket
 * was torn down while the client was still sending, and fetch failed (« fetch failed ») before it could read the
 * French answer. The answer must reach a client that sends its whole body, as browsers and fetch do.
 */
describe("request gate: a refused upload is answered in a way the client reads", () => {
  const MEGABYTE = 1024 * 1024;

  it("anonymous 30 MB bodies, really sent, three at a time (as the fuzz does): every client reads the French 413", async () => {
    // The real server is often busy (rendering a page) when a request arrives: meanwhile the client's body fills the
    // socket's buffers, unread.
    server = createServer((req, res) => {
      for (const until = Date.now() + 150; Date.now() < until; );
      void gateRequest(req, res, { trustedProxyHops: 0, isSignedIn: () => new Promise((resolve) => setTimeout(() => resolve(false), 30)) });
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    const upload = async () => {
      const response = await fetch(`http://127.0.0.1:${port}/api/eleves/identifiants`, { method: "POST", body: new Uint8Array(30 * MEGABYTE), headers: { "content-type": "multipart/form-data; boundary=x" } });
      return `${response.status} ${await response.text()}`;
    };
    for (const answer of await Promise.all(Array.from({ length: 6 }, upload))) expect(answer).toMatch(/^413 Requête trop volumineuse/);
  });

  it("a signed-in 25 MB upload: « 20 Mo au plus » is answered, and the connection stays up until the body is over", async () => {
    const port = await gatedServer(0);
    const cookie = `${sessionCookieName()}=${await mintSessionToken({ userId: 1, sessionVersion: 0, now: new Date() })}`;
    // A client that sends its whole body before it reads (as a browser's form upload does): closing under it resets
    // the connection, which is what the fuzz saw. A raw socket, so that no client library gives up on its own.
    const outcome = await new Promise<{ answer: string; error?: string }>((resolve) => {
      let answer = "";
      const socket = connect(port, "127.0.0.1", async () => {
        socket.write(`POST /orga/eleves HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${cookie}\r\nContent-Length: ${25 * MEGABYTE}\r\n\r\n`);
        const chunk = Buffer.alloc(64 * 1024);
        for (let sent = 0; sent < 25 * MEGABYTE && !socket.destroyed; sent += chunk.length) {
          if (!socket.write(chunk)) await new Promise((drained) => socket.once("drain", drained));
        }
      });
      socket.on("data", (data) => (answer += data.toString("utf8")));
      socket.on("error", (error: NodeJS.ErrnoException) => resolve({ answer, error: error.code }));
      socket.on("close", () => resolve({ answer }));
    });
    expect(outcome.error).toBeUndefined();
    expect(outcome.answer).toMatch(/^HTTP\/1\.1 413/);
    expect(outcome.answer).toMatch(/20 Mo au plus/);
  });

  it("what is read and thrown away is bounded: beyond it, the connection is cut", async () => {
    server = createServer((req, res) => {
      void gateRequest(req, res, { trustedProxyHops: 0, isSignedIn: async () => false, discard: { bytes: 1 * MEGABYTE, milliseconds: 10_000 } });
    });
    const read = new Promise<number>((resolve) => server!.once("connection", (socket: import("node:net").Socket) => socket.once("close", () => resolve(socket.bytesRead))));
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    // Whether this client reads the 413 before the reset is a race: what matters is that the server stopped reading.
    await fetch(`http://127.0.0.1:${port}/`, { method: "POST", body: new Uint8Array(40 * MEGABYTE) }).then((r) => r.text()).catch(() => "coupée");
    expect(await read).toBeLessThan(8 * MEGABYTE);
  });

  it("a client that announces a large body and then stalls is answered at once and cut after the time bound", async () => {
    server = createServer((req, res) => {
      void gateRequest(req, res, { trustedProxyHops: 0, isSignedIn: async () => false, discard: { bytes: MEGABYTE, milliseconds: 300 } });
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    const closed = new Promise<number>((resolve) => {
      const started = Date.now();
      const req = request({ host: "127.0.0.1", port, method: "POST", path: "/", headers: { "content-length": 10 * MEGABYTE } }, (res) => {
        expect(res.statusCode).toBe(413);
        res.resume();
      });
      req.on("error", () => undefined);
      req.on("close", () => resolve(Date.now() - started));
      req.write(Buffer.alloc(1024));
    });
    expect(await closed).toBeLessThan(5_000);
  });
});

