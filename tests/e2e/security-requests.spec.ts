import { test, expect, DEMO, loginToOrga, orgaCampaignSearch } from "./fixtures";
import type { BrowserContext, Page } from "@playwright/test";

/**
 * Issue 12, findings 2, 4, 6, 7, 8, 9, 10, 12, replayed against the production server. The e2e server trusts one
 * proxy hop: a test that spends a per-address budget plays that proxy and appends its own address to
 * X-Forwarded-For (what comes before it is what an attacker would write), so other tests keep theirs.
 */
const unique = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;
/**
 * A proxy hop of its own for each call: drawn from 100.64.0.0/10 (4 million addresses) rather than one /24, so two
 * hops of a run (the attacker's and « another address ») do not share a budget by chance: with 250 of them they did
 * about once in 250 runs, and « another address » was then refused.
 */
const proxyHop = () => `100.${64 + Math.floor(Math.random() * 64)}.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;
const forgedThen = (realHop: string) => `${Math.floor(Math.random() * 223) + 1}.${Math.floor(Math.random() * 255)}.7.9, ${realHop}`;

/** Fills and sends the login form, and waits for the server's answer (not the message of the previous try). */
async function fillLogin(page: Page, login: string, password: string) {
  await page.getByLabel("Adresse e-mail ou identifiant").fill(login);
  await page.getByLabel("Mot de passe").fill(password);
  await Promise.all([page.waitForResponse((response) => response.request().method() === "POST"), page.getByRole("button", { name: "Je me connecte" }).click()]);
}

async function signUpPupil(page: Page, email: string, password: string, retour = "/competences") {
  await page.goto(`/inscription?retour=${encodeURIComponent(retour)}`);
  await page.getByLabel("Prénom").fill("Zoé");
  await page.getByLabel("Nom", { exact: true }).fill("Sécurité");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByLabel(/J'accepte les/).check();
  await page.getByRole("button", { name: "Je m'inscris" }).click();
}

/** Every URL the browser asked for, to prove no secret ever travelled in one. */
function recordUrls(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on("request", (request) => urls.push(request.url()));
  return urls;
}

test.describe("forms that carry a password work without JavaScript (finding 12)", () => {
  test.use({ javaScriptEnabled: false });

  test("the teacher logs in to Pix Orga with a POST, the password never in a URL, and logs out", async ({ page, context }) => {
    const urls = recordUrls(context);
    await page.goto("/orga");
    await fillLogin(page, DEMO.member, DEMO.password);
    await expect(page.getByRole("banner").getByText("Hugo Bernard")).toBeVisible();
    expect(urls.filter((url) => url.includes(DEMO.password) || /password=/i.test(url))).toEqual([]);
    await page.getByRole("banner").getByRole("button", { name: "Se déconnecter" }).click();
    await expect(page.getByRole("heading", { name: "Connectez-vous à Pix Orga" })).toBeVisible();
  });

  test("a wrong password gets the French message, still without JavaScript", async ({ page }) => {
    await page.goto("/orga");
    await fillLogin(page, DEMO.member, "Mauvais-Mot-2026");
    await expect(page.getByText("L'adresse e-mail ou l'identifiant et/ou le mot de passe saisis sont incorrects.")).toBeVisible();
    await expect(page.getByLabel("Adresse e-mail ou identifiant")).toHaveValue(DEMO.member);
  });

  test("a pupil logs in at /connexion and comes back to `retour`", async ({ page, context }) => {
    const urls = recordUrls(context);
    await page.goto("/connexion?retour=/competences");
    await fillLogin(page, "ada.lovelace@example.org", DEMO.password);
    await page.waitForURL(/\/competences$/);
    await expect(page.getByRole("banner").getByRole("link", { name: "Ada Lovelace" })).toBeVisible();
    expect(urls.filter((url) => url.includes(DEMO.password))).toEqual([]);
  });

  test("a pupil signs up, is signed in and goes on; a common password is refused first", async ({ page, context }) => {
    const urls = recordUrls(context);
    const email = `zoe.${unique()}@example.org`;
    await signUpPupil(page, email, "Azerty123");
    await expect(page.getByText(/trop facile à deviner/)).toBeVisible();
    await page.getByLabel("Mot de passe").fill("Girafe-Bleue-42");
    await page.getByLabel(/J'accepte les/).check();
    await page.getByRole("button", { name: "Je m'inscris" }).click();
    await page.waitForURL(/\/competences$/);
    await expect(page.getByRole("banner").getByRole("link", { name: "Zoé Sécurité" })).toBeVisible();
    expect(urls.filter((url) => /Girafe|Azerty|password=/i.test(url))).toEqual([]);
  });

  test("a new password from a reset link, then a login with it", async ({ page, browser }) => {
    const email = `reset.${unique()}@example.org`;
    const withScript = await browser.newContext();
    await signUpPupil(await withScript.newPage(), email, "Girafe-Bleue-42");
    await withScript.close();
    await page.goto("/mot-de-passe-oublie");
    await page.getByLabel("Adresse e-mail").fill(email);
    await page.getByRole("button", { name: /Envoyer|Recevoir|Réinitialiser/ }).click();
    await expect(page.getByText(/Si un compte existe avec cette adresse/)).toBeVisible();
    await page.goto("/dev/mails");
    const link = page.getByRole("article", { name: new RegExp(`E-mail à ${email.replace(/[.]/g, "\\.")}`) }).first().getByRole("link", { name: /nouveau-mot-de-passe/ });
    await page.goto((await link.getAttribute("href"))!);
    await page.getByLabel("Nouveau mot de passe").fill("Nuage7Tortue");
    await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
    await page.waitForURL(/\/connexion/);
    await expect(page.getByText("Votre mot de passe a été modifié. Vous pouvez vous connecter.")).toBeVisible();
    await page.goto("/connexion?retour=/competences");
    await fillLogin(page, email, "Nuage7Tortue");
    await page.waitForURL(/\/competences$/);
  });
});

test("after login, `retour` never leads off the app (tab, backslash, protocol-relative) — finding 8", async ({ page, baseURL }) => {
  for (const retour of ["/%09/attacker.invalid/", "/%5C/attacker.invalid/", "//attacker.invalid/"]) {
    await page.context().clearCookies();
    await page.goto(`/connexion?retour=${retour}`);
    await fillLogin(page, "mary.jackson@example.org", DEMO.password);
    await expect(page.getByRole("banner").getByRole("link", { name: "Mary Jackson" })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  }
});

test("security headers on every page, and the CSP breaks none of them (charts, QR code, questions) — finding 9", async ({ page, request }) => {
  test.setTimeout(90_000);
  const response = await request.get("/");
  const csp = response.headers()["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain("unsafe-eval");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(response.headers()["permissions-policy"]).toContain("camera=()");
  // Served over plain http here: no HSTS (it is sent when APP_URL is https).
  expect(response.headers()["strict-transport-security"]).toBeUndefined();
  const other = await request.get("/connexion");
  expect(other.headers()["content-security-policy"]).not.toBe(csp);

  // The fixture fails the test on any CSP violation on the pages visited here.
  await loginToOrga(page, DEMO.admin);
  await page.goto(orgaCampaignSearch("Démo – Rentrée 4e A"));
  const campaignLink = page.getByRole("link", { name: /Démo – Rentrée 4e A/ }).first();
  await campaignLink.click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  for (const tab of ["Résultats", "Analyse", "Activité"]) {
    await page.getByRole("link", { name: new RegExp(`^${tab}`) }).first().click();
    await page.waitForLoadState("networkidle");
  }
  await expect(page.locator("canvas").first()).toBeVisible();
  const id = /\/orga\/campagnes\/(\d+)/.exec(page.url())![1];
  await page.goto(`/orga/impression/${id}`);
  await expect(page.getByRole("img").first()).toBeVisible();
});

test.describe("sessions can be ended (finding 6)", () => {
  test("« Se déconnecter de tous les appareils » ends the session of the other browser too", async ({ browser }) => {
    const email = `appareils.${unique()}@example.org`;
    const first = await (await browser.newContext()).newPage();
    await signUpPupil(first, email, "Girafe-Bleue-42");
    await first.waitForURL(/\/competences$/);
    const second = await (await browser.newContext()).newPage();
    await second.goto("/connexion?retour=/competences");
    await fillLogin(second, email, "Girafe-Bleue-42");
    await second.waitForURL(/\/competences$/);
    await first.goto("/mon-compte");
    await first.getByRole("button", { name: "Se déconnecter de tous les appareils" }).click();
    await first.waitForURL(/\/connexion/);
    await second.goto("/mon-compte");
    await second.waitForURL(/\/connexion\?retour=\/mon-compte/);
    await first.goto("/mon-compte");
    await first.waitForURL(/\/connexion\?retour=\/mon-compte/);
  });

  test("a new password in « Mon compte » closes the other sessions, not this one", async ({ browser }) => {
    const email = `motdepasse.${unique()}@example.org`;
    const first = await (await browser.newContext()).newPage();
    await signUpPupil(first, email, "Girafe-Bleue-42");
    await first.waitForURL(/\/competences$/);
    const second = await (await browser.newContext()).newPage();
    await second.goto("/connexion?retour=/mon-compte");
    await fillLogin(second, email, "Girafe-Bleue-42");
    await second.waitForURL(/\/mon-compte$/);
    await first.goto("/mon-compte");
    // « Supprimer mon compte » asks for the current password too: the change is its own section.
    const change = first.getByRole("region", { name: "Changer de mot de passe" });
    await change.getByLabel("Mot de passe actuel").fill("Girafe-Bleue-42");
    await change.getByLabel("Nouveau mot de passe").fill("Nuage7Tortue");
    await change.getByRole("button", { name: "Changer le mot de passe" }).click();
    await expect(first.getByText(/Vos autres sessions ont été fermées/)).toBeVisible();
    await first.goto("/mon-compte");
    await expect(first.getByRole("heading", { level: 1, name: "Mon compte" })).toBeVisible();
    await second.reload();
    await second.waitForURL(/\/connexion\?retour=\/mon-compte/);
  });

  test("a session cookie copied before « Se déconnecter » opens nothing afterwards", async ({ browser, page }) => {
    await page.goto("/connexion?retour=/mon-compte");
    await fillLogin(page, "louis.pouzin@example.org", DEMO.password);
    await page.waitForURL(/\/mon-compte$/);
    const copied = await page.context().cookies();
    await page.getByRole("banner").getByRole("button", { name: "Se déconnecter" }).click();
    await expect(page.getByRole("banner").getByRole("link", { name: "Se connecter" })).toBeVisible();
    const thief = await browser.newContext();
    await thief.addCookies(copied);
    const stolen = await thief.newPage();
    await stolen.goto("/mon-compte");
    await stolen.waitForURL(/\/connexion\?retour=\/mon-compte/);
    await thief.close();
  });

  test("Pix Orga's account menu offers « Se déconnecter de tous les appareils »", async ({ page }) => {
    await loginToOrga(page, DEMO.member);
    await page.getByRole("banner").getByText("Hugo Bernard").click();
    await expect(page.getByRole("banner").getByRole("button", { name: "Se déconnecter de tous les appareils" })).toBeVisible();
  });
});

test.describe("limits that no X-Forwarded-For escapes (findings 2, 4, 7)", () => {
  test("guessing a password: a forged X-Forwarded-For changes nothing, the owner elsewhere still logs in", async ({ page, browser }) => {
    const realHop = proxyHop();
    await page.goto("/connexion");
    for (let i = 0; i < 10; i++) {
      await page.setExtraHTTPHeaders({ "x-forwarded-for": forgedThen(realHop) });
      await fillLogin(page, "garance.santa@example.org", `Devine-${i}-Essai`);
      await expect(page.getByText("L'adresse e-mail ou l'identifiant et/ou le mot de passe saisis sont incorrects.")).toBeVisible();
      // React empties the form once the answer is shown: type the next try only after that.
      await expect(page.getByLabel("Mot de passe")).toHaveValue("");
    }
    await page.setExtraHTTPHeaders({ "x-forwarded-for": forgedThen(realHop) });
    await fillLogin(page, "garance.santa@example.org", DEMO.password);
    await expect(page.getByText(/Trop de tentatives : votre compte est bloqué pendant \d+ minutes?/)).toBeVisible();
    // The real pupil, from her school's address.
    const owner = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": proxyHop() } });
    const ownerPage = await owner.newPage();
    await ownerPage.goto("/connexion?retour=/competences");
    await fillLogin(ownerPage, "garance.santa@example.org", DEMO.password);
    await ownerPage.waitForURL(/\/competences$/);
    await owner.close();
  });

  test("the direct link /campagnes/CODE and « J'ai un code » share one limit of failed look-ups", async ({ page, browser, request }) => {
    test.setTimeout(90_000);
    const realCode = await (async () => {
      const teacher = await browser.newPage();
      await loginToOrga(teacher, DEMO.member);
      await teacher.goto(orgaCampaignSearch("4e B – Sécurité numérique"));
      const row = teacher.getByRole("row", { name: /4e B – Sécurité numérique/ });
      const code = (await row.getByRole("cell").first().textContent())!.trim();
      await teacher.close();
      return code;
    })();
    const realHop = proxyHop();
    for (let i = 0; i < 50; i++) {
      const code = `ZQ${String.fromCharCode(65 + (i % 23))}${String.fromCharCode(66 + Math.floor(i / 23))}XW${234 + i}`;
      const response = await request.get(`/campagnes/${code}`, { headers: { "x-forwarded-for": forgedThen(realHop) } });
      expect(response.status(), code).toBe(404);
    }
    const refused = await request.get(`/campagnes/${realCode}`, { headers: { "x-forwarded-for": forgedThen(realHop) } });
    expect(await refused.text()).toContain("Trop de codes erronés ont été saisis");
    await page.setExtraHTTPHeaders({ "x-forwarded-for": forgedThen(realHop) });
    await page.goto("/campagnes");
    await page.getByLabel(/code/i).first().fill(realCode);
    await page.getByRole("button", { name: /Accéder|Commencer|Valider/ }).click();
    await expect(page.getByText(/Trop de codes erronés ont été saisis/)).toBeVisible();
    // Another address reaches the campaign.
    const elsewhere = await request.get(`/campagnes/${realCode}`, { headers: { "x-forwarded-for": proxyHop() } });
    expect(elsewhere.status()).toBe(200);
    expect(await elsewhere.text()).not.toContain("Trop de codes erronés");
  });
});

test.describe("malformed requests get a French 4xx, never a 500 (finding 10)", () => {
  test("broken percent-encoding, JSON to the login callback, an oversized anonymous body", async ({ request }) => {
    const broken = await request.get("/campagnes/%E0%A4%A");
    expect(broken.status()).toBe(400);
    expect(await broken.text()).toContain("Adresse invalide");
    for (const provider of ["credentials", "sso-token"]) {
      const json = await request.post(`/api/auth/callback/${provider}`, { data: { login: "a", password: "b", token: "c" } });
      expect(json.status(), provider).toBeLessThan(500);
    }
    const big = await request.post("/orga/eleves", { multipart: { file: { name: "siecle.xml", mimeType: "text/xml", buffer: Buffer.alloc(200 * 1024, 0x41) } } });
    expect(big.status()).toBe(413);
    expect(await big.text()).toContain("trop volumineuse");
  });

  test("JSON or a broken multipart body to /api/eleves/identifiants: 400 for a signed-in teacher", async ({ page }) => {
    await loginToOrga(page, DEMO.admin);
    const json = await page.request.post("/api/eleves/identifiants", { data: { action: "RESET_PASSWORD", learnerId: [1] } });
    expect(json.status()).toBe(400);
    expect(await json.text()).toContain("formulaire envoyé est illisible");
    const cut = await page.request.post("/api/eleves/identifiants", {
      headers: { "content-type": "multipart/form-data; boundary=frontiere" },
      data: "--frontiere\r\nContent-Disposition: form-data; name=\"action\"\r\n\r\nRESET",
    });
    expect(cut.status()).toBe(400);
  });
});
