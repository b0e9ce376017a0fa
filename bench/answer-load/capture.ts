/**
 * The recorder's network capture: every document, fetch and XHR request Chromium sends to the app during one
 * interaction (static files excluded: a browser has them in its cache), with its response, turned into
 * replayable RecordedRequests.
 */
import type { Page, Request } from "@playwright/test";
import { computeCacheBustingSearchParam, computeLegacyCacheBustingSearchParam } from "next/dist/shared/lib/router/utils/cache-busting-search-param";
import type { RecordedBody, RecordedRequest } from "./shape";

type PrefetchHeader = Parameters<typeof computeLegacyCacheBustingSearchParam>[0];

export type Captured = { request: RecordedRequest; responseBody: string };

const DROPPED_HEADERS = new Set(["host", "cookie", "content-length", "connection", "content-type"]);

function parseMultipart(body: Buffer, contentType: string): [string, string][] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  if (!boundary) return [];
  const delimiter = `--${boundary[1] ?? boundary[2]}`;
  const entries: [string, string][] = [];
  for (const part of body.toString("utf8").split(delimiter).slice(1)) {
    if (part.startsWith("--")) break;
    const headerEnd = part.indexOf("\r\n\r\n");
    const name = /name="([^"]*)"/.exec(part.slice(0, headerEnd));
    if (name) entries.push([name[1], part.slice(headerEnd + 4, part.length - 2)]);
  }
  return entries;
}

function parseBody(buffer: Buffer | null, contentType: string | undefined): RecordedBody | null {
  if (!buffer) return null;
  if (contentType?.startsWith("multipart/form-data")) return { kind: "multipart", entries: parseMultipart(buffer, contentType) };
  if (contentType?.startsWith("application/x-www-form-urlencoded")) return { kind: "urlencoded", entries: [...new URLSearchParams(buffer.toString("utf8"))] };
  return { kind: "raw", contentType: contentType ?? "text/plain;charset=UTF-8", text: buffer.toString("utf8") };
}

async function cacheBustingOf(url: URL, headers: Record<string, string>): Promise<RecordedRequest["cacheBusting"]> {
  const recorded = url.searchParams.get("_rsc");
  if (recorded === null) return null;
  const args = [headers["next-router-prefetch"] as PrefetchHeader, headers["next-router-segment-prefetch"], headers["next-router-state-tree"], headers["next-url"]] as const;
  if ((await computeCacheBustingSearchParam(...args)) === recorded) return "sha256";
  if (computeLegacyCacheBustingSearchParam(...args) === recorded) return "legacy";
  return "as-recorded";
}

export class NetworkCapture {
  private current: Promise<Captured | null>[] | null = null;
  private inFlight = 0;
  private lastActivity = Date.now();

  /** Response bodies, read while passing the response on (Chromium forgets a fetch's body once React consumed it). */
  private readonly bodies = new WeakMap<Request, Promise<string>>();

  constructor(
    private readonly page: Page,
    private readonly origin: string,
  ) {
    page.on("request", (request) => {
      if (!this.isApp(request)) return;
      this.inFlight++;
      this.lastActivity = Date.now();
      this.current?.push(this.capture(request));
    });
    const done = (request: Request) => {
      if (!this.isApp(request)) return;
      this.inFlight--;
      this.lastActivity = Date.now();
    };
    page.on("requestfinished", done);
    page.on("requestfailed", done);
  }

  /** Passes every app request through the recorder so that its response body can be kept. */
  async install(): Promise<void> {
    await this.page.route(
      (url) => url.origin === this.origin,
      async (route) => {
        const request = route.request();
        if (!this.isApp(request)) return route.continue();
        let resolve!: (body: string) => void;
        this.bodies.set(request, new Promise((r) => (resolve = r)));
        try {
          const response = await route.fetch({ maxRedirects: 0 });
          const body = await response.body();
          resolve(body.toString("utf8"));
          const headers = { ...response.headers() };
          delete headers["content-encoding"];
          delete headers["content-length"];
          await route.fulfill({ status: response.status(), headers, body });
        } catch (error) {
          resolve("");
          await route.abort().catch(() => undefined);
          if (process.env.BENCH_DEBUG) console.error(`requête interrompue ${request.url()} : ${String(error)}`);
        }
      },
    );
  }

  private isApp(request: Request): boolean {
    return new URL(request.url()).origin === this.origin && ["document", "fetch", "xhr"].includes(request.resourceType());
  }

  private async capture(request: Request): Promise<Captured | null> {
    const response = await request.response();
    if (!response) return null;
    const all = await request.allHeaders();
    const url = new URL(request.url());
    const headers = Object.entries(all).filter(([name]) => !DROPPED_HEADERS.has(name) && !name.startsWith(":"));
    const isBackground = all["next-router-prefetch"] === "1" || "next-router-segment-prefetch" in all || /prefetch/i.test(all["sec-purpose"] ?? all.purpose ?? "");
    // The document a 303 leads to (the question page's plain forms) is not routed again by Chromium: read it directly.
    const responseBody = (await this.bodies.get(request)) ?? (await response.body().then((b) => b.toString("utf8")).catch(() => ""));
    return {
      request: {
        method: request.method(),
        path: url.pathname + url.search,
        headers,
        body: parseBody(request.postDataBuffer(), all["content-type"]),
        isBackground,
        cacheBusting: await cacheBustingOf(url, all),
        status: response.status(),
      },
      responseBody,
    };
  }

  /** Starts an interaction once the previous page's own requests (late prefetches) are over. */
  async begin(quietMs = 800): Promise<void> {
    await this.quiet(quietMs);
    this.current = [];
  }

  private async quiet(quietMs: number): Promise<void> {
    while (this.inFlight > 0 || Date.now() - this.lastActivity < quietMs) await new Promise((r) => setTimeout(r, 50));
  }

  /** Waits until no app request has been in flight for `quietMs`, then returns what was captured since begin(). */
  async end(quietMs = 800): Promise<Captured[]> {
    await this.quiet(quietMs);
    const captured = (await Promise.all(this.current ?? [])).filter((c): c is Captured => c !== null);
    this.current = null;
    return captured;
  }
}
