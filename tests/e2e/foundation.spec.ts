import { test, expect, DEMO, loginToOrga } from "./fixtures";

test("the student home shows the « J'ai un code » entry", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "J'ai un code" }).first()).toBeVisible();
});

test("the demo teacher logs in to Pix Orga and logs out", async ({ page }) => {
  await page.goto("/orga");
  await expect(page.getByRole("heading", { name: "Connectez-vous à Pix Orga" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Je n'ai pas reçu mon accès" })).toBeVisible();
  await loginToOrga(page, DEMO.member);
  await expect(page.getByRole("banner").getByText("Collège Ada Lovelace (0759999Z)")).toBeVisible();
  await expect(page.getByRole("banner").getByText("Hugo Bernard")).toBeVisible();
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByRole("heading", { name: "Connectez-vous à Pix Orga" })).toBeVisible();
  await page.goto("/orga");
  await expect(page.getByLabel("Mot de passe")).toBeVisible();
});

test("a wrong password gets the generic French error and no session", async ({ page }) => {
  await page.goto("/orga");
  await page.getByLabel("Adresse e-mail ou identifiant").fill(DEMO.member);
  await page.getByLabel("Mot de passe").fill("Mauvais123");
  await page.getByRole("button", { name: "Je me connecte" }).click();
  await expect(page.getByText("L'adresse e-mail ou l'identifiant et/ou le mot de passe saisis sont incorrects.")).toBeVisible();
  await page.goto("/orga");
  await expect(page.getByLabel("Mot de passe")).toBeVisible();
});

test("the health endpoint reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "up" });
});
