/**
 * Records the answer path's real requests from Chromium: a recorder pupil signs in, arrives on the question
 * page, answers (right, wrong, « Je passe »), continues after checkpoints, starts a timed question, and reaches
 * the end of a short test. Each interaction's requests become the shape that replay.ts sends for every pupil.
 * The recorder also checks the bench's three hand-written assumptions against the real page, and stops with
 * the difference if one is wrong: the form contract (answer-form.ts), how ticked boxes are numbered, and how
 * the next state is read from a response (page-state.ts).
 * Run by the load bench whenever the build has no recorded shape; by hand: npm run bench:answers:record.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { Page } from "@playwright/test";
import { answerFormEntries, isContractField, type ChoiceEncoding, type Decision } from "./answer-form";
import { launchChromium, logInThroughPage } from "./browser";
import { NetworkCapture, type Captured } from "./capture";
import { startCommand } from "./app-cluster";
import { onShutdown } from "./shutdown";
import { anchorsAround, readPageState, type PageState } from "./page-state";
import { detectChoiceEncoding, domState, type DomState } from "./record-dom";
import { PUPIL_PASSWORD, RECORDER_CAMPAIGN, STATE_DIR, recorderEmail, shapeFile } from "./settings";
import { currentBuildId, type Correlation, type InteractionKind, type Outcome, type RecordedInteraction, type Shape } from "./shape";
import type { ChallengeSource } from "../../lib/domain/learning-content/schema";

const DECISIONS: Decision[] = ["right", "wrong", "skip", "right", "right", "wrong", "right"];
const MAX_ANSWERS = 60;

type Recording = { interaction: RecordedInteraction; captured: Captured[]; after: DomState };

async function waitForChange(page: Page, before: DomState): Promise<DomState> {
  for (let i = 0; i < 600; i++) {
    const now = await domState(page);
    if (now.kind !== "unknown" && (now.kind !== before.kind || now.challengeId !== before.challengeId)) return now;
    await page.waitForTimeout(100);
  }
  throw new Error(`La page n'a pas changé en 60 s après l'état ${JSON.stringify(before)}`);
}

function toInteraction(kind: InteractionKind, outcome: Outcome, code: string, challengeId: string | null, captured: Captured[], form: [string, string][] | null): RecordedInteraction {
  let submission: RecordedInteraction["submission"] = null;
  if (form) {
    const challengeEntry = form.find(([name]) => name === "challengeId")!;
    const index = captured.findIndex((c) => c.request.body && "entries" in c.request.body && c.request.body.entries.some(([n, v]) => n.endsWith("challengeId") && v === challengeEntry[1]));
    if (index < 0) throw new Error("Aucune requête ne porte le formulaire de la question : la page envoie la réponse autrement (voir replay.ts)");
    const body = captured[index].request.body as { entries: [string, string][] };
    const name = body.entries.find(([n, v]) => n.endsWith("challengeId") && v === challengeEntry[1])![0];
    const prefix = name.slice(0, name.length - "challengeId".length);
    const posted = body.entries.filter(([n]) => n.startsWith(prefix) && isContractField(n.slice(prefix.length))).map(([n, v]) => `${n.slice(prefix.length)}=${v}`);
    const expected = form.map(([n, v]) => `${n}=${v}`);
    if (posted.join("&") !== expected.join("&")) throw new Error(`La réponse envoyée ne suit plus answer-form.ts :\n  envoyé : ${posted.join("&")}\n  prévu  : ${expected.join("&")}`);
    submission = { index, prefix };
  }
  return { kind, outcome, code, challengeId, requests: captured.map((c) => c.request), submission };
}

async function contentOf(client: pg.Client, challengeId: string): Promise<ChallengeSource> {
  const row = await client.query<{ content: ChallengeSource }>("SELECT content FROM challenges WHERE id = $1", [challengeId]);
  if (!row.rows[0]) throw new Error(`épreuve ${challengeId} introuvable`);
  return row.rows[0].content;
}

/** Puts a timed challenge as the recorder's current question (so that the next page is a timed question's warning). */
async function makeNextQuestionTimed(client: pg.Client, assessmentId: number, campaignCode: string): Promise<void> {
  const timed = await client.query<{ id: string }>(
    `SELECT c.id FROM challenges c
     LEFT JOIN campaign_skills cs ON cs.skill_id = c.skill_id AND cs.campaign_id = (SELECT id FROM campaigns WHERE code = $2)
     WHERE c.timer IS NOT NULL AND c.retired_at IS NULL AND c.id NOT IN (SELECT challenge_id FROM answers WHERE assessment_id = $1)
     ORDER BY cs.campaign_id IS NULL, c.id LIMIT 1`,
    [assessmentId, campaignCode],
  );
  await client.query("UPDATE assessments SET current_challenge_id = $2, is_timer_started = false, current_asked_at = now() WHERE id = $1", [assessmentId, timed.rows[0].id]);
}

export async function recordShape(input: { baseUrl: string; databaseUrl: string; log?: (line: string) => void }): Promise<Shape> {
  const log = input.log ?? ((line: string) => console.log(line));
  const client = new pg.Client({ connectionString: input.databaseUrl });
  await client.connect();
  const browser = await launchChromium();
  const forget = onShutdown(() => browser.close());
  const recordings: Recording[] = [];
  let encoding: ChoiceEncoding | null = null;
  let login: Shape["login"] | null = null;
  try {
    const context = await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris" });
    const page = await context.newPage();
    const email = recorderEmail(0);
    const capture = new NetworkCapture(page, new URL(input.baseUrl).origin);
    await capture.install();
    log("Enregistrement de la connexion et du parcours de réponse dans Chromium…");
    await capture.begin();
    await logInThroughPage(page, input.baseUrl, email, PUPIL_PASSWORD);
    const loginCaptured = await capture.end();
    login = {
      interaction: { kind: "login", outcome: "signed-in", code: "", challengeId: null, requests: loginCaptured.map((c) => c.request), submission: null, correlations: findCorrelations(loginCaptured) },
      value: email,
    };
    log(`  login : ${loginCaptured.length} requête(s)`);
    const code = RECORDER_CAMPAIGN.code;
    const { rows } = await client.query<{ id: number }>(
      "SELECT a.id FROM assessments a JOIN participations p ON p.id = a.participation_id JOIN campaigns c ON c.id = p.campaign_id JOIN users u ON u.id = p.user_id WHERE u.email = $1 AND c.code = $2",
      [email, code],
    );
    const assessmentId = rows[0].id;
    const record = async (kind: InteractionKind, before: DomState, act: () => Promise<unknown>, form: [string, string][] | null = null) => {
      await capture.begin();
      await act();
      const after = await waitForChange(page, before);
      const captured = await capture.end();
      if (after.kind === "unknown") throw new Error("état de page inconnu");
      recordings.push({ interaction: toInteraction(kind, after.kind, code, before.challengeId, captured, form), captured, after });
      log(`  ${kind} → ${after.kind}${after.challengeId ? ` (${after.challengeId})` : ""} : ${captured.length} requête(s)`);
      return after;
    };
    // From a blank page, so that the home page's late prefetches do not count as the arrival's requests.
    await page.goto("about:blank");
    let state = await record("arrive", { kind: "unknown", challengeId: null }, () => page.goto(`${input.baseUrl}/campagnes/${code}/evaluation`));
    let answers = 0;
    let timerForced = false;
    while (state.kind !== "end" && answers < MAX_ANSWERS) {
      if (state.kind === "checkpoint") {
        state = await record("continue", state, () => page.getByRole("link", { name: "Continuer" }).click());
        if (!timerForced && state.kind === "question") {
          // A timed question next: set in the database, then the question page loaded again (not recorded), since
          // the question shown by « Continuer » may have come with the checkpoint's response.
          await makeNextQuestionTimed(client, assessmentId, code);
          timerForced = true;
          await page.goto(`${input.baseUrl}/campagnes/${code}/evaluation`);
          state = await waitForChange(page, state);
        }
      } else if (state.kind === "timer") {
        state = await record("start-timer", state, () => page.getByRole("button", { name: "Commencer" }).click());
      } else {
        const challenge = await contentOf(client, state.challengeId!);
        if (challenge.type === "QCU" || challenge.type === "QCM") encoding = (await detectChoiceEncoding(page, challenge, assessmentId)) ?? encoding;
        const decision = DECISIONS[answers % DECISIONS.length];
        const form = answerFormEntries({ code, challenge, decision, encoding: encoding ?? { kind: "canonical" }, assessmentId });
        for (const [name, value] of form) {
          if (name === "choice") await page.locator(`input[name="choice"][value="${value}"]`).check();
          if (name.startsWith("field:")) await page.locator(`input[name="${name}"]`).fill(value);
        }
        const button = page.getByRole("button", { name: decision === "skip" ? "Je passe" : "Je valide" });
        state = await record("answer", state, () => button.click(), form);
        answers++;
      }
    }
    if (!encoding) throw new Error("Aucune question à choix rencontrée : impossible de savoir comment les cases sont numérotées");
    if (!login) throw new Error("connexion non enregistrée");
  } finally {
    forget();
    await browser.close();
    await client.end();
  }
  const shape: Shape = {
    buildId: currentBuildId(),
    recordedAt: new Date().toISOString(),
    startCommand: startCommand(),
    origin: new URL(input.baseUrl).origin,
    login: login!,
    choiceEncoding: encoding!,
    anchors: learnAnchors(recordings),
    interactions: recordings.map((r) => r.interaction),
  };
  mkdirSync(STATE_DIR, { recursive: true });
  // Kept for diagnosis when a check below fails (bodies included).
  writeFileSync(path.join(STATE_DIR, "last-recording.json"), JSON.stringify(recordings, null, 1));
  checkReading(shape, recordings);
  return shape;
}

/** Keeps a recording for the next runs of this build (once the self-check passed). */
export function saveShape(shape: Shape, log: (line: string) => void = console.log): void {
  writeFileSync(shapeFile(shape.buildId), JSON.stringify(shape, null, 1));
  log(`Forme enregistrée : ${shapeFile(shape.buildId)} (cases numérotées : ${shape.choiceEncoding.kind}).`);
}

/** Body values that an earlier response of the interaction gave in its JSON (a CSRF token), to take from the replay's own. */
function findCorrelations(captured: Captured[]): Correlation[] {
  const correlations: Correlation[] = [];
  captured.forEach((c, request) => {
    const body = c.request.body;
    if (!body || body.kind === "raw") return;
    for (const [entry, value] of body.entries) {
      if (value.length < 16) continue;
      for (let response = 0; response < request; response++) {
        let json: unknown;
        try {
          json = JSON.parse(captured[response].responseBody);
        } catch {
          continue;
        }
        const key = json && typeof json === "object" ? Object.entries(json).find(([, v]) => v === value)?.[0] : undefined;
        if (key) correlations.push({ request, entry, response, jsonKey: key });
      }
    }
  });
  return correlations;
}

/** Anchors found before the next question's id in every recorded body that shows a question, kept when never wrong. */
function learnAnchors(recordings: Recording[]): string[] {
  const candidates = new Set<string>();
  const expectedId = (r: Recording, i: number) => r.after.challengeId ?? (r.after.kind === "checkpoint" ? broughtAlong(recordings, i) : null);
  recordings.forEach((r, i) => {
    const id = expectedId(r, i);
    if (!id) return;
    for (const c of r.captured) if (!c.request.isBackground) for (const a of anchorsAround(c.responseBody, id, r.interaction.code)) candidates.add(a);
  });
  const mentionsChallenge = (anchor: string) => (/challenge/i.test(anchor) ? 0 : 1);
  return [...candidates].sort((a, b) => mentionsChallenge(a) - mentionsChallenge(b)).filter((anchor) =>
    recordings.every((r, i) => r.captured.filter((c) => !c.request.isBackground).every((c) => {
      const ids = [...c.responseBody.matchAll(new RegExp(anchor.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "([a-z0-9][a-z0-9-]*)", "g"))].map((m) => m[1]);
      return ids.every((id) => id === expectedId(r, i));
    })),
  );
}

/** The question « Continuer » showed after checkpoint i when it sent nothing (it came with the checkpoint's response). */
function broughtAlong(recordings: Recording[], i: number): string | null {
  const next = recordings[i + 1];
  return next && next.interaction.kind === "continue" && next.captured.every((c) => c.request.isBackground) ? next.after.challengeId : null;
}

/** What page-state.ts reads from the last waited-for response must be what Chromium showed. */
function checkReading(shape: Shape, recordings: Recording[]): void {
  if (shape.anchors.length === 0) throw new Error("Impossible de retrouver l'identifiant de la question suivante dans les réponses (page-state.ts)");
  let previous: PageState | undefined;
  for (const r of recordings) {
    let seen = r.captured.filter((c) => !c.request.isBackground).map((c) => readPageState(c.responseBody, shape.anchors)).filter((s) => s.kind !== "unknown").at(-1);
    // « Continuer » without a request: the screen is the question the checkpoint brought along.
    if (!seen && r.interaction.kind === "continue" && previous?.kind === "checkpoint") seen = previous.next;
    previous = seen;
    const expected = r.after;
    const ok = seen && seen.kind === expected.kind && (!("challengeId" in seen) || seen.challengeId === expected.challengeId);
    if (!ok) throw new Error(`page-state.ts lit « ${JSON.stringify(seen)} » là où Chromium montre « ${JSON.stringify(expected)} » (${r.interaction.kind})`);
  }
}
