/**
 * A lean HTTP/1.1 client for the load generator: keep-alive connections (one pool for all pupils, like many
 * browsers behind a school's proxy), a cookie jar per pupil, bodies decompressed as a browser would.
 * node:http rather than fetch: several times less client CPU per request on a machine the server shares.
 */
import http from "node:http";
import { performance } from "node:perf_hooks";
import zlib from "node:zlib";

export type HttpResponse = { status: number; headers: http.IncomingHttpHeaders; body: string; ms: number };

export class HttpError extends Error {
  constructor(
    readonly kind: "timeout" | "network",
    message: string,
  ) {
    super(message);
  }
}

export function createAgent(): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: 2048, maxFreeSockets: 2048, scheduling: "lifo" });
}

function decode(buffer: Buffer, encoding: string | undefined): Buffer {
  switch (encoding) {
    case "gzip":
      return zlib.gunzipSync(buffer);
    case "br":
      return zlib.brotliDecompressSync(buffer);
    case "deflate":
      return zlib.inflateSync(buffer);
    default:
      return buffer;
  }
}

export function request(
  agent: http.Agent,
  url: URL,
  options: { method: string; headers: Record<string, string>; body?: Buffer; timeoutMs: number },
): Promise<HttpResponse> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method, headers: options.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        clearTimeout(timer);
        try {
          const body = decode(Buffer.concat(chunks), res.headers["content-encoding"] as string | undefined).toString("utf8");
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, ms: performance.now() - started });
        } catch (error) {
          reject(new HttpError("network", `corps illisible : ${String(error)}`));
        }
      });
      res.on("error", (error) => {
        clearTimeout(timer);
        reject(new HttpError("network", error.message));
      });
    });
    const timer = setTimeout(() => req.destroy(new HttpError("timeout", `pas de réponse en ${options.timeoutMs / 1000} s`)), options.timeoutMs);
    req.on("error", (error) => {
      clearTimeout(timer);
      reject(error instanceof HttpError ? error : new HttpError("network", (error as NodeJS.ErrnoException).code ?? error.message));
    });
    req.end(options.body);
  });
}

/** Cookies of one browser (one pupil): name → value, updated from Set-Cookie. */
export class CookieJar {
  readonly cookies = new Map<string, string>();

  constructor(initial: Record<string, string> = {}) {
    for (const [name, value] of Object.entries(initial)) this.cookies.set(name, value);
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  update(setCookie: string[] | undefined): void {
    for (const line of setCookie ?? []) {
      const [pair, ...attributes] = line.split(";");
      const at = pair.indexOf("=");
      if (at <= 0) continue;
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split("=")[1]) < Date.now()));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}
