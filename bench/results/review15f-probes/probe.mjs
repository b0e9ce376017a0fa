// Review15f's targeted probes of the answer path (issue 15, brief item 4), against a production server started by
// `npm run bench:cluster -- --ports P --processes 1` (the bench's data and its cached real sessions).
// Not part of the app or of any test suite: a reviewer's reproduction.
//   node bench/results/review15f-probes/probe.mjs <app base URL> <run database URL> <probe>
//   probes: find | timed-farm | timed-control | share | forged | echo | other
import { readFileSync } from "node:fs";
import pg from "pg";

const [base, dbUrl, probe] = process.argv.slice(2);
const origin = new URL(base).origin;
const db = new pg.Client({ connectionString: dbUrl });
await db.connect();
const sessions = JSON.parse(readFileSync(".data/bench-answers/sessions.json", "utf8")).cookies;
const cookieOf = (email) => {
  const key = Object.keys(sessions).find((k) => k.startsWith(`${email}#`));
  return Object.entries(sessions[key]).map(([n, v]) => `${n}=${encodeURIComponent(v)}`).join("; ");
};
const emails = Object.keys(sessions).map((k) => k.split("#")[0]).filter((e) => e.startsWith("eleve.bench."));
const t = () => new Date().toISOString().slice(11, 23);
const log = (...a) => console.log(t(), ...a);

async function post(path, body, { cookie, flow = true, headers = {} } = {}) {
  const started = performance.now();
  const res = await fetch(new URL(path, base), {
    method: "POST", redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin, ...(flow ? { "x-pix-flow": "1" } : {}), ...(cookie ? { cookie } : {}), ...headers },
    body,
  });
  const text = await res.text();
  return { status: res.status, arrival: res.headers.get("x-pix-arrival"), retryAfter: res.headers.get("retry-after"), type: res.headers.get("content-type"), text, ms: Math.round(performance.now() - started) };
}
async function page(path, cookie) {
  const res = await fetch(new URL(path, base), { headers: { cookie }, redirect: "manual" });
  return { status: res.status, html: await res.text() };
}
function formOf(html) {
  const hidden = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) hidden[m[1]] = m[2];
  const choices = [...html.matchAll(/name="choice" value="(\d+)"/g)].map((m) => m[1]);
  return { hidden, choices };
}
async function current(email, code) {
  const { rows } = await db.query(
    `select a.id, a.current_challenge_id, a.is_timer_started, a.current_asked_at, a.answers_count, ch.timer, ch.type
       from assessments a join participations p on p.id = a.participation_id join campaigns c on c.id = p.campaign_id
       join users u on u.id = a.user_id left join challenges ch on ch.id = a.current_challenge_id
      where u.email = $1 and c.code = $2 and a.state = 'STARTED' order by a.id desc limit 1`, [email, code]);
  return rows[0];
}
async function answersOf(assessmentId) {
  const { rows } = await db.query("select id, challenge_id, result, time_spent, value, created_at from answers where assessment_id = $1 order by id", [assessmentId]);
  return rows;
}
const sleepUntil = (ms) => new Promise((r) => setTimeout(r, Math.max(0, ms - Date.now())));

async function timedPupils(limit) {
  const { rows } = await db.query(
    `select u.email, c.code, a.id aid, a.current_challenge_id cid, ch.timer, ch.type, a.is_timer_started
       from assessments a join participations p on p.id = a.participation_id join campaigns c on c.id = p.campaign_id
       join users u on u.id = a.user_id join challenges ch on ch.id = a.current_challenge_id
      where a.state = 'STARTED' and ch.timer is not null and ch.type = 'QCU' and not a.is_timer_started and u.email = any($1)
        and a.id = (select max(a2.id) from assessments a2 where a2.participation_id = p.id)
      order by ch.timer, u.email limit $2`, [emails, limit]);
  return rows;
}

/** A timed QCU: « Commencer », then before the timer ends proofs for every choice (2 slot holders + the candidates,
 * refused by the per-pupil share, no overload), then one answer sent late with its proof. */
async function timedFarm(which, withProof) {
  const rows = await timedPupils(10);
  const row = rows[which];
  if (!row) throw new Error("no pupil on a timed QCU");
  const cookie = cookieOf(row.email);
  const path = `/campagnes/${row.code}/evaluation`;
  log(`pupil ${row.email}, campaign ${row.code}, assessment ${row.aid}, challenge ${row.cid}, timer ${row.timer} s (+3 s grace)`);
  const before = await page(path, cookie);
  log(`GET page: ${before.status}, « Question chronométrée »: ${before.html.includes("Question chronométrée")}`);
  const start = await post(path, new URLSearchParams({ intent: "start-timer", code: row.code, challengeId: row.cid }).toString(), { cookie });
  const t0 = Date.now();
  log(`Commencer: HTTP ${start.status}`);
  const shown = await page(path, cookie);
  const { hidden, choices } = formOf(shown.html);
  log(`question shown: challengeId=${hidden.challengeId}, choices ${choices.join(",")}`);
  const bodyFor = (choice) => new URLSearchParams([["code", row.code], ["challengeId", row.cid], ["kind", "choices"], ["timedOut", "0"], ["choice", choice], ["intent", "answer"]]).toString();
  let proofs = {};
  if (withProof) {
    await sleepUntil(t0 + (row.timer - 2) * 1000);
    const dummy = new URLSearchParams([["code", row.code], ["challengeId", "rec-no-such-challenge"], ["kind", "choices"], ["timedOut", "0"], ["choice", "1"], ["intent", "answer"]]).toString();
    log(`at t0+${((Date.now() - t0) / 1000).toFixed(1)} s (inside the timer): 2 slot holders + ${choices.length} candidates at once`);
    const holders = Number(process.env.HOLDERS ?? 2);
    const sent = [...Array.from({ length: holders }, () => post(path, dummy, { cookie })), ...choices.map((c) => post(path, bodyFor(c), { cookie }))];
    const got = await Promise.all(sent);
    got.forEach((r, i) => log(`  ${i < holders ? "holder" : `choice ${choices[i - holders]}`}: HTTP ${r.status} ${r.retryAfter ? `Retry-After ${r.retryAfter} ` : ""}${r.arrival ? `X-Pix-Arrival ${r.arrival}` : "(no proof)"} ${JSON.stringify(r.text.slice(0, 90))}`));
    got.slice(holders).forEach((r, i) => { if (r.arrival) proofs[choices[i]] = r.arrival; });
    log(`answers stored for the challenge after the farm: ${(await answersOf(row.aid)).filter((a) => a.challenge_id === row.cid).length}`);
  }
  await sleepUntil(t0 + (row.timer + 3 + 8) * 1000);
  const choice = process.env.LATE_CHOICE ?? choices[0];
  const proof = proofs[choice];
  log(`at t0+${((Date.now() - t0) / 1000).toFixed(1)} s (timer ${row.timer} s + 3 s grace is over): choice ${choice} ${proof ? `with the farmed proof (age ${((Date.now() - Number(proof.split(".")[0])) / 1000).toFixed(1)} s)` : "without proof"}`);
  const late = await post(path, bodyFor(choice), { cookie, headers: proof ? { "x-pix-arrival": proof } : {} });
  log(`  HTTP ${late.status} ${JSON.stringify(late.text.slice(0, 80))}`);
  const stored = (await answersOf(row.aid)).filter((a) => a.challenge_id === row.cid);
  log(`stored: ${JSON.stringify(stored.map((a) => ({ result: a.result, time_spent: a.time_spent, value: a.value })))}`);
}

/** One session: N answers at once to its current question; how many the gate lets in. */
async function share() {
  const email = emails[5];
  const code = (await db.query("select c.code from campaigns c where c.code <> 'BNCHRZ239' order by c.id limit 1")).rows[0].code;
  const cur = await current(email, code);
  const cookie = cookieOf(email);
  const path = `/campagnes/${code}/evaluation`;
  const body = new URLSearchParams([["code", code], ["challengeId", "rec-no-such-challenge"], ["kind", "choices"], ["timedOut", "0"], ["choice", "1"], ["intent", "answer"]]).toString();
  const got = await Promise.all(Array.from({ length: 30 }, () => post(path, body, { cookie })));
  const by = {};
  for (const r of got) by[r.status] = (by[r.status] ?? 0) + 1;
  log(`one session, 30 posts at once (not-current challenge): statuses ${JSON.stringify(by)}; 503 bodies: ${JSON.stringify([...new Set(got.filter((r) => r.status === 503).map((r) => r.text.trim()))])}`);
  log(`assessment ${cur.id} unchanged: answers ${cur.answers_count} → ${(await current(email, code)).answers_count}`);
}

/** Forged session cookies flood the answer address while real pupils answer: do the pupils still get in? */
async function forged() {
  const code = (await db.query("select c.code from campaigns c where c.code <> 'BNCHRZ239' order by c.id limit 1")).rows[0].code;
  const path = `/campagnes/${code}/evaluation`;
  const junk = () => `next-auth.session-token=${Buffer.from(crypto.getRandomValues(new Uint8Array(300))).toString("base64url")}`;
  const real = async (email) => {
    const cur = await current(email, code);
    const body = new URLSearchParams([["code", code], ["challengeId", cur.current_challenge_id], ["kind", "choices"], ["timedOut", "0"], ["intent", "skip"]]).toString();
    return post(path, body, { cookie: cookieOf(email) });
  };
  const flood = Array.from({ length: 400 }, () => post(path, "code=" + code + "&challengeId=x&kind=choices&timedOut=0&intent=skip", { cookie: junk() }));
  const pupils = await Promise.all(emails.slice(20, 30).map(real));
  const floodDone = await Promise.all(flood);
  const by = {};
  for (const r of floodDone) by[`${r.status} ${r.text.slice(0, 40)}`] = (by[`${r.status} ${r.text.slice(0, 40)}`] ?? 0) + 1;
  log(`400 forged-cookie posts at once: ${JSON.stringify(by)}`);
  log(`10 real pupils' skips sent during the flood: ${JSON.stringify(pupils.map((r) => `${r.status}/${r.ms}ms`))}`);
}

/** The page a plain form post gets when the gate refuses it (per-pupil share: 2 holders first), by Origin. */
async function echo() {
  const email = emails[7];
  const code = (await db.query("select c.code from campaigns c where c.code <> 'BNCHRZ239' order by c.id limit 1")).rows[0].code;
  const cookie = cookieOf(email);
  const path = `/campagnes/${code}/evaluation`;
  const marker = `"><script>alert(1)</script>ECHO-${Date.now()}`;
  const holder = new URLSearchParams([["code", code], ["challengeId", "rec-no-such-challenge"], ["kind", "choices"], ["timedOut", "0"], ["choice", "1"], ["intent", "answer"]]).toString();
  const body = new URLSearchParams([["code", code], ["challengeId", "rec-no-such-challenge"], ["kind", "fields"], ["timedOut", "0"], ["field:x", marker], ["intent", "answer"]]).toString();
  for (const [label, o] of [["same origin", origin], ["another site", "https://evil.example"], ["Origin: null", "null"], ["no Origin", null]]) {
    const headers = o === null ? {} : { origin: o };
    const plain = (async () => {
      const res = await fetch(new URL(path, base), { method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded", cookie, ...headers, ...(o === null ? {} : {}) }, body });
      return { status: res.status, text: await res.text(), type: res.headers.get("content-type"), retryAfter: res.headers.get("retry-after") };
    });
    if (o === null) {
      // fetch adds no Origin on its own in Node; the holders keep theirs.
    }
    const all = await Promise.all([post(path, holder, { cookie }), post(path, holder, { cookie }), post(path, holder, { cookie }), post(path, holder, { cookie }), plain()]);
    const r = all[4];
    const echoed = r.text.includes("ECHO-");
    const raw = r.text.includes("<script>alert(1)");
    log(`${label}: HTTP ${r.status} ${r.type} Retry-After ${r.retryAfter}; « Trop de monde »: ${r.text.includes("Trop de monde")}; answer echoed: ${echoed}; unescaped <script>: ${raw}; arrival field: ${/name="arrival"/.test(r.text)}; resend button: ${r.text.includes("Renvoyer ma réponse")}`);
  }
}

/** Pupil A answers with B's current challenge in the same campaign, and in a campaign A is not in. */
async function other() {
  const code = (await db.query("select c.code from campaigns c where c.code <> 'BNCHRZ239' order by c.id limit 1")).rows[0].code;
  const [a, b] = [emails[40], emails[41]];
  const curA = await current(a, code), curB = await current(b, code);
  const path = `/campagnes/${code}/evaluation`;
  const body = new URLSearchParams([["code", code], ["challengeId", curB.current_challenge_id], ["kind", "choices"], ["timedOut", "0"], ["intent", "skip"]]).toString();
  const r = await post(path, body, { cookie: cookieOf(a) });
  log(`A (${a}, current ${curA.current_challenge_id}) posts B's current ${curB.current_challenge_id}: HTTP ${r.status} ${r.text.slice(0, 120)}`);
  log(`B's answers ${curB.answers_count} → ${(await current(b, code)).answers_count}; A's ${curA.answers_count} → ${(await current(a, code)).answers_count}`);
  const rec = await post("/campagnes/BNCHRZ239/evaluation", new URLSearchParams([["code", "BNCHRZ239"], ["challengeId", "x"], ["kind", "choices"], ["timedOut", "0"], ["intent", "skip"]]).toString(), { cookie: cookieOf(a) });
  log(`A posts to the recorder's campaign (not A's): HTTP ${rec.status} ${rec.text.slice(0, 120)}`);
  const recRows = (await db.query("select count(*)::int n from answers an join assessments s on s.id = an.assessment_id join users u on u.id = s.user_id where u.email = $1 and an.created_at > now() - interval '1 minute'", [a])).rows[0];
  log(`answers of A written in the last minute: ${recRows.n}`);
}

/** Without JavaScript: a plain form post of the real answer refused (share), then the page's own form posted back. */
async function nojs() {
  const email = emails[9];
  const code = (await db.query("select c.code from campaigns c where c.code <> 'BNCHRZ239' order by c.id limit 1")).rows[0].code;
  const cookie = cookieOf(email);
  const path = `/campagnes/${code}/evaluation`;
  const cur = await current(email, code);
  const holder = new URLSearchParams([["code", code], ["challengeId", "rec-no-such-challenge"], ["kind", "choices"], ["timedOut", "0"], ["choice", "1"], ["intent", "answer"]]).toString();
  const shown = await page(path, cookie);
  const { hidden } = formOf(shown.html);
  const body = new URLSearchParams([["code", code], ["challengeId", cur.current_challenge_id], ["kind", hidden.kind ?? "choices"], ["timedOut", "0"], ["intent", "skip"]]).toString();
  const plainPost = async (b) => {
    const res = await fetch(new URL(path, base), { method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin }, body: b });
    return { status: res.status, text: await res.text(), location: res.headers.get("location"), retryAfter: res.headers.get("retry-after"), lang: null };
  };
  const [, , r] = await Promise.all([post(path, holder, { cookie }), post(path, holder, { cookie }), plainPost(body)]);
  log(`plain post refused: HTTP ${r.status}, Retry-After ${r.retryAfter}, lang fr: ${r.text.includes('lang="fr"')}, « Trop de monde »: ${r.text.includes("Trop de monde")}, « Renvoyer ma réponse »: ${r.text.includes("Renvoyer ma réponse")}`);
  log(`answers before resend: ${cur.answers_count} → ${(await current(email, code)).answers_count}`);
  const form = r.text.match(/<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/);
  const fields = [...(form?.[2] ?? "").matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)"/g)].map((m) => [m[1].replace(/&amp;/g, "&").replace(/&quot;/g, '"'), m[2].replace(/&amp;/g, "&").replace(/&quot;/g, '"')]);
  log(`page's form: action ${form?.[1]}, fields ${JSON.stringify(fields)}`);
  const again = await plainPost(new URLSearchParams(fields).toString());
  log(`resend from the page: HTTP ${again.status}${again.location ? ` → ${again.location}` : ""}`);
  const after = await current(email, code);
  const stored = (await answersOf(cur.id)).filter((a) => a.challenge_id === cur.current_challenge_id);
  log(`answers after resend: ${after ? after.answers_count : "(test over)"}; stored for the challenge: ${JSON.stringify(stored.map((a) => a.result))}`);
}

if (probe === "find") console.log(await timedPupils(10));
else if (probe === "timed-farm") await timedFarm(Number(process.argv[5] ?? 0), true);
else if (probe === "timed-control") await timedFarm(Number(process.argv[5] ?? 1), false);
else if (probe === "share") await share();
else if (probe === "forged") await forged();
else if (probe === "echo") await echo();
else if (probe === "other") await other();
else if (probe === "nojs") await nojs();
await db.end();
