// recheck15: the production AnswerGate class in-process (no app, no database): the pupil's own two answers held, then
// the 4 choices by script and one plain form post (share refusals); then the gate full for another pupil.
import { createServer, request as httpRequest } from "node:http";
import { AnswerGate } from "../../../lib/server/answer-gate";
import { gateArrivalProver } from "../../../lib/server/arrival-proof";

const cookieName = "next-auth.session-token";
const gate = new AnswerGate({ concurrency: 8, queue: 64, queueMs: 1000, retryAfterSeconds: 2, perPupil: 2 },
  { pupilOf: async (req) => (String(req.headers.cookie).includes("alice") ? 1 : String(req.headers.cookie).includes("bob") ? 2 : 10 + Number(/p(\d+)/.exec(String(req.headers.cookie))?.[1] ?? 0)), proveArrival: gateArrivalProver("x".repeat(40), cookieName) });
const held: (() => void)[] = [];
const server = createServer((req, res) => {
  void gate.enter(req, res).then((release) => {
    if (!release) return;
    const done = () => { res.end("ok"); release(); };
    if (req.url?.includes("hold")) held.push(done); else done();
  });
});
await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
const port = (server.address() as { port: number }).port;
function post(path: string, body: string, cookie: string, flow: boolean): Promise<{ status: number; arrival: string | undefined; text: string }> {
  return new Promise((resolve) => {
    const req = httpRequest({ port, host: "127.0.0.1", path, method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body), cookie: `${cookieName}=${cookie}`, origin: `http://127.0.0.1:${port}`, ...(flow ? { "x-pix-flow": "1" } : {}) } }, (res) => {
      let text = ""; res.on("data", (c) => (text += c)); res.on("end", () => resolve({ status: res.statusCode!, arrival: res.headers["x-pix-arrival"] as string | undefined, text }));
    });
    req.end(body);
  });
}
const path = "/campagnes/BNCHRA231/evaluation";
const holders = [post(path + "?hold", "challengeId=rec-no-such&intent=answer&choice=1", "alice", true), post(path + "?hold", "challengeId=rec-no-such&intent=answer&choice=1", "alice", true)];
while (held.length < 2) await new Promise((r) => setTimeout(r, 5));
for (const c of ["1", "2", "3", "4"]) {
  const r = await post(path, `code=BNCHRA231&challengeId=ch-extensions-formats-1-b&kind=choices&timedOut=0&choice=${c}&intent=answer`, "alice", true);
  console.log(`share, script, choice ${c}: HTTP ${r.status} X-Pix-Arrival ${r.arrival ?? "(none)"}`);
}
const form = await post(path, "code=BNCHRA231&challengeId=ch-extensions-formats-1-b&kind=choices&timedOut=0&choice=1&intent=answer", "alice", false);
console.log(`share, plain form: HTTP ${form.status}, « Renvoyer ma réponse »: ${form.text.includes("Renvoyer ma réponse")}, arrival field: ${/name="arrival"/.test(form.text)}`);
// the gate full: 8 slots and 64 places taken by 36 other pupils, then bob
const others = Array.from({ length: 72 }, (_, i) => post(path + "?hold", "challengeId=x&intent=skip", `p${Math.floor(i / 2)}`, true));
while (held.length < 8) await new Promise((r) => setTimeout(r, 5));
await new Promise((r) => setTimeout(r, 50));
const full = await post(path, "code=BNCHRA231&challengeId=ch-x&kind=choices&timedOut=0&choice=1&intent=answer", "bob", true);
console.log(`full gate, script (another pupil): HTTP ${full.status} X-Pix-Arrival ${full.arrival ?? "(none)"}; counters ${JSON.stringify(gate.counters)}`);
for (const h of held.splice(0)) h();
const t = setInterval(() => { for (const h of held.splice(0)) h(); }, 5);
await Promise.all([...holders, ...others]);
clearInterval(t);
server.close();
process.exit(0);
