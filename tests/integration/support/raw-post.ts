import { request, type Agent, type IncomingHttpHeaders } from "node:http";

export type RawReply = { status: number; headers: IncomingHttpHeaders; body: string };

/**
 * A form POST to a local server, as raw as a test of the answer gate needs (no fetch: its own sockets, an agent to
 * share, a request to destroy mid-way). `content-length` and the form's content type are set; `headers` add to or
 * replace them. `abort` destroys the request (a client gone).
 */
export function rawPost(input: { port: number; path: string; body: string; headers?: Record<string, string | number>; agent?: Agent }): { done: Promise<RawReply>; abort: () => void } {
  let abort = () => {};
  const done = new Promise<RawReply>((resolve, reject) => {
    const headers = { "content-length": Buffer.byteLength(input.body), "content-type": "application/x-www-form-urlencoded", ...input.headers };
    const req = request({ host: "127.0.0.1", port: input.port, method: "POST", path: input.path, agent: input.agent, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    abort = () => req.destroy();
    req.end(input.body);
  });
  return { done, abort };
}
