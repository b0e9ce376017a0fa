import { test, expect, DEMO, loginToOrga, orgaCampaignSearch } from "./fixtures";
import { newCampaignCode, signUpThroughRoster } from "./roster-helpers";

/** Issue 14.5 and 16: the « Questions » view of Analyse, and « Signaler un problème » under a question. */

test("the teacher sees the questions the demo campaign's pupils met: success rate, pupils, text, key and correction, by subject or by success", async ({ page }) => {
  // Five pages, each scanned for accessibility (the Questions page is long): more than the default minute on a busy machine.
  test.setTimeout(120_000);
  await loginToOrga(page, DEMO.member);
  await page.goto(orgaCampaignSearch("Démo – Rentrée 4e A"));
  await page.getByRole("link", { name: "Démo – Rentrée 4e A" }).click();
  await page.waitForURL(/\/orga\/campagnes\/\d+$/);
  await page.getByRole("link", { name: "Analyse", exact: true }).click();
  await page.getByRole("link", { name: /Questions posées et leur taux de réussite/ }).click();
  await page.waitForURL(/\/analyse\/questions$/);
  await expect(page.getByRole("link", { name: "Analyse", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { level: 2, name: /^Questions \(\d+\)$/ })).toBeVisible();
  await expect(page.getByText("le dernier envoi de chaque élève")).toBeVisible();
  // Grouped by subject: each subject is a heading with its tables' questions; no pupil is named.
  const rows = page.getByTestId("question-row");
  expect(await rows.count()).toBeGreaterThan(3);
  await expect(page.getByRole("heading", { level: 3 }).first()).toContainText("% de réussite");
  // (The school is « Collège Ada Lovelace »: only the view itself is searched for pupils' names.)
  const view = page.getByRole("region", { name: /^Questions \(\d+\)$/ });
  await expect(view).toBeVisible();
  await expect(view.getByText(/Babbage|Lovelace|Santa/i)).toHaveCount(0);
  const first = rows.first();
  await expect(first.getByRole("cell").nth(3)).toHaveText(/^\d+ %/);
  await first.getByText("Réponse et correction").click();
  await expect(first.getByText(/^Correction/)).toBeVisible();

  // Sorted by success rate, lowest first, through a plain link; then the other way.
  await page.getByRole("link", { name: "Réussite croissante" }).click();
  await page.waitForURL(/tri=reussite-croissante/);
  await expect(page.getByRole("columnheader", { name: /Réussite/ })).toHaveAttribute("aria-sort", "ascending");
  const rates = async () => (await page.getByTestId("question-row").evaluateAll((trs) => trs.map((tr) => Number.parseInt(tr.children[3].textContent ?? "", 10))));
  const ascending = await rates();
  expect(ascending.length).toBeGreaterThan(3);
  expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
  await page.getByRole("link", { name: "Réussite décroissante" }).click();
  await page.waitForURL(/tri=reussite-decroissante/);
  const descending = await rates();
  expect(descending).toEqual([...descending].sort((a, b) => b - a));
});

test("a pupil reports a problem on a question, sees the confirmation in place, and keeps answering the same question", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const code = await newCampaignCode(page, "5A – questions signalées");
  const context = await browser.newContext();
  const pupil = await context.newPage();
  // Jérôme CHÂTEAU of 5A: no other journey signs him up nor counts his class.
  await signUpThroughRoster(pupil, code, { firstName: "Jérôme", lastName: "Château", day: "28", month: "09", year: "2014" }, { password: "Ecureuil-Vert-2026" });
  await pupil.getByRole("button", { name: "C'est parti !" }).click();
  await pupil.waitForURL(/\/evaluation$/);
  if (await pupil.getByRole("button", { name: "Commencer" }).count()) await pupil.getByRole("button", { name: "Commencer" }).click();
  const heading = pupil.getByRole("heading", { name: "Question 1 sur 5" });
  await expect(heading).toBeVisible();
  const question = pupil.getByRole("region", { name: "Question 1 sur 5" });
  const answerForm = question.locator("form").filter({ has: pupil.getByRole("button", { name: "Je passe" }) });
  const asked = await answerForm.innerText();
  // A typed answer, if the question has a field, must survive the report.
  const hasField = (await answerForm.getByRole("textbox").count()) > 0;
  if (hasField) await answerForm.getByRole("textbox").first().fill("ma réponse en cours");

  await question.getByText("Signaler un problème").click();
  const report = pupil.getByRole("group", { name: /Quel problème avez-vous rencontré avec cette question/ });
  await report.getByLabel("La réponse attendue me semble fausse").check();
  await pupil.getByLabel(/Commentaire \(facultatif/).fill("Deux propositions me semblent justes.");
  await pupil.getByRole("button", { name: "Envoyer le signalement" }).click();
  const confirmation = pupil.getByRole("status").filter({ hasText: "Merci, votre signalement a été envoyé." });
  await expect(confirmation).toBeVisible();
  await expect(confirmation).toBeFocused();
  // Same question, same page, the typed answer kept.
  await expect(heading).toBeVisible();
  expect(await answerForm.innerText()).toBe(asked);
  if (hasField) await expect(answerForm.getByRole("textbox").first()).toHaveValue("ma réponse en cours");

  // Without JavaScript the same form posts and comes back to the same question with the confirmation.
  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await context.storageState() });
  const plain = await noScript.newPage();
  await plain.goto(`/campagnes/${code}/evaluation`);
  await expect(plain.getByRole("heading", { name: "Question 1 sur 5" })).toBeVisible();
  await plain.getByText("Signaler un problème").click();
  await plain.getByLabel("La consigne n'est pas claire").check();
  await plain.getByRole("button", { name: "Envoyer le signalement" }).click();
  await plain.waitForURL(/\?signalement=envoye#signalement-message$/);
  await expect(plain.getByText("Merci, votre signalement a été envoyé.")).toBeVisible();
  await expect(plain.getByRole("heading", { name: "Question 1 sur 5" })).toBeVisible();
  await noScript.close();

  // The pupil goes on: « Je passe » brings question 2.
  await pupil.getByRole("button", { name: "Je passe" }).click();
  await expect(pupil.getByRole("heading", { name: "Question 2 sur 5" })).toBeVisible();
  await context.close();
});
