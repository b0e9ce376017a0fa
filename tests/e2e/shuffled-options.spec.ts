import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { selectNextChallenge } from "../../lib/domain/assessment";
import { loadContent, loadParcours } from "../../bench/adaptive/load-parcours";
import { test, expect, DEMO, loginToOrga } from "./fixtures";

type Choice = { id: string; type: "QCU" | "QCM"; proposals: string[]; solution: number | number[] };

const CONTENT_DIR = path.join(process.cwd(), "prisma", "learning-content");

/** Every choice challenge of the bank, as written by its author (canonical order). */
function choiceChallenges(): Map<string, Choice> {
  const framework = JSON.parse(readFileSync(path.join(CONTENT_DIR, "framework.json"), "utf8")) as { competences: { file: string }[] };
  const challenges = new Map<string, Choice>();
  for (const { file } of framework.competences) {
    const competence = JSON.parse(readFileSync(path.join(CONTENT_DIR, "competences", file), "utf8"));
    for (const tube of competence.tubes) for (const skill of tube.skills) for (const c of skill.challenges) if (c.type === "QCU" || c.type === "QCM") challenges.set(c.id, c);
  }
  return challenges;
}

/**
 * A single-competence parcours whose first question can only be one of a few choice questions (the engine asks
 * the easy subjects first, at level 2), none of them on a subject the demo pupils have already answered: with
 * more pupils than possible first questions, two of them are bound to meet the same one (pigeonhole).
 */
function parcoursWithFewFirstQuestions(choices: Map<string, Choice>) {
  const content = loadContent(CONTENT_DIR);
  const { parcours } = loadParcours(CONTENT_DIR, content);
  const profiles = JSON.parse(readFileSync(path.join(CONTENT_DIR, "target-profiles.json"), "utf8")).targetProfiles as { id: string; tubes: { tubeId: string }[] }[];
  const answeredByDemoPupils = new Set(profiles.filter((p) => ["tp-rentree-4e", "tp-competence-4-1"].includes(p.id)).flatMap((p) => p.tubes.map((t) => t.tubeId)));
  for (const p of parcours.filter((x) => x.id.startsWith("tp-competence-"))) {
    const firsts = new Set<string>();
    for (let seed = 1; seed <= 300; seed++) {
      const next = selectNextChallenge({ targetSkills: p.targetSkills, challenges: p.challenges, knowledgeElements: [], answeredChallengeIds: [], lastAnswer: null, seed: String(seed) });
      if (next.kind === "challenge") firsts.add(next.challengeId);
    }
    const tubes = new Set([...firsts].map((id) => p.challenges.find((c) => c.id === id)!.skillId).map((skillId) => p.targetSkills.find((s) => s.id === skillId)!.tubeId));
    const allChoices = [...firsts].every((id) => (choices.get(id)?.proposals.length ?? 0) >= 4);
    if (firsts.size <= 2 && allChoices && [...tubes].every((t) => !answeredByDemoPupils.has(t))) return { name: p.name, firsts };
  }
  throw new Error("Aucun parcours de compétence n'a au plus deux premières questions à choix : revoir ce test.");
}

const isCheckpoint = (page: Page) => new URL(page.url()).pathname.endsWith("/checkpoint");

/** Where the pupil is: the page and the current question (read in one go, the page may be navigating). */
async function position(page: Page): Promise<string> {
  return page
    .evaluate(() => `${location.pathname}|${document.querySelector<HTMLInputElement>("input[name=challengeId]")?.value ?? ""}|${document.querySelector("[role=timer]") ? 1 : 0}`)
    .catch(() => "navigation en cours");
}

async function submitAndWait(page: Page, button: string) {
  const before = await position(page);
  await page.getByRole("button", { name: button }).click();
  await expect.poll(() => position(page), { timeout: 45_000 }).not.toBe(before);
  await page.waitForLoadState("domcontentloaded");
}

const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, " ").replace(/\s+/g, " ").trim();

async function shownQuestion(page: Page): Promise<{ challengeId: string; proposals: string[] }> {
  await expect(page.getByRole("button", { name: "Je valide" })).toBeVisible();
  const challengeId = await page.locator("input[name=challengeId]").inputValue();
  // The answer form's proposals (« Signaler un problème » below it has a fieldset of its own).
  const proposals = (await page.locator("form:has(input[name=challengeId]) fieldset label").allInnerTexts()).map(plain);
  return { challengeId, proposals };
}

async function pupilOnFirstQuestion(browser: Browser, email: string, code: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/connexion?retour=/campagnes/${code}`);
  await page.getByLabel("Adresse e-mail ou identifiant").fill(email);
  await page.getByLabel("Mot de passe").fill(DEMO.password);
  await page.getByRole("button", { name: "Je me connecte" }).click();
  await page.getByRole("button", { name: "C'est parti !" }).click();
  await page.waitForURL(/\/evaluation$/);
  return { context, page, question: await shownQuestion(page) };
}

test("two pupils see the proposals of the same question in different orders, stable on reload, and the right answer is accepted", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const choices = choiceChallenges();
  const chosen = parcoursWithFewFirstQuestions(choices);

  await loginToOrga(page, DEMO.member);
  await page.goto("/orga/campagnes/nouvelle");
  await page.getByLabel("Nom de la campagne").fill("Ordre des propositions");
  await page.getByLabel("Que souhaitez-vous tester ?").selectOption({ label: chosen.name });
  await page.getByRole("button", { name: "Créer la campagne" }).click();
  const code = (await page.getByTestId("campaign-code").textContent())!.trim();

  const pupils = [];
  for (const email of [DEMO.pupil, "ada.lovelace@example.org", "mary.jackson@example.org", "louis.pouzin@example.org", "garance.santa@example.org"]) {
    pupils.push(await pupilOnFirstQuestion(browser, email, code));
  }
  for (const { question } of pupils) {
    expect(chosen.firsts).toContain(question.challengeId);
    const canonical = choices.get(question.challengeId)!.proposals.map(plain);
    // The same proposals, whatever their order.
    expect([...question.proposals].sort()).toEqual([...canonical].sort());
  }
  // Five pupils, at most two possible first questions: at least three share one, and their orders differ
  // (all equal would happen once in 13,824 runs).
  const byChallenge = new Map<string, typeof pupils>();
  for (const pupil of pupils) byChallenge.set(pupil.question.challengeId, [...(byChallenge.get(pupil.question.challengeId) ?? []), pupil]);
  const shared = [...byChallenge.values()].filter((group) => group.length >= 2);
  expect(shared.length).toBeGreaterThan(0);
  expect(shared.some((group) => new Set(group.map((p) => p.question.proposals.join("|"))).size > 1)).toBe(true);

  // Stable on reload.
  const first = pupils[0];
  await first.page.reload();
  expect((await shownQuestion(first.page)).proposals).toEqual(first.question.proposals);

  // The right proposals, ticked where this pupil sees them, are accepted (checkpoint after five answers).
  const challenge = choices.get(first.question.challengeId)!;
  const keys = (Array.isArray(challenge.solution) ? challenge.solution : [challenge.solution]).map((n) => plain(challenge.proposals[n - 1]));
  for (const key of keys) await first.page.getByRole(challenge.type === "QCU" ? "radio" : "checkbox", { name: key, exact: true }).check();
  await submitAndWait(first.page, "Je valide");
  // Skip to the checkpoint (every five answers, or the end of the test).
  for (let i = 0; i < 12 && !isCheckpoint(first.page); i++) {
    if (await first.page.getByRole("button", { name: "Commencer" }).count()) await submitAndWait(first.page, "Commencer");
    else await submitAndWait(first.page, "Je passe");
  }
  await first.page.waitForURL(/\/checkpoint/);
  const firstAnswer = first.page.getByRole("listitem").filter({ hasText: "Bonne réponse" }).first();
  await expect(firstAnswer).toContainText("Réponse correcte");
  for (const key of keys) await expect(firstAnswer).toContainText(key);
  for (const pupil of pupils) await pupil.context.close();
});
