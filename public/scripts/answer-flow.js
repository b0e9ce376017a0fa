// @ts-check
/**
 * The question page's only script (ADR 0017; the page itself is app/(app)/campagnes/[code]/evaluation/route.ts). Without it
 * everything works as plain forms; with it:
 * - « Je valide » / « Je passe » are sent with fetch to the same address (header X-Pix-Flow: 1); the reply carries the
 *   next screen's markup, swapped in without loading a page: the address follows (a reload shows the same screen),
 *   focus moves to the new heading and a polite live region says where the pupil is;
 * - « Trop de monde en même temps » (503, or a dropped connection): the same form is sent again by itself, exponential
 *   backoff with full jitter (same rule as lib/domain/participations/retry-delay.ts), 8 attempts; answers are
 *   idempotent, so a reply lost on the way is harmless; the retries send back the first refusal's proof of arrival
 *   (X-Pix-Arrival), so that a timed question is not made late by the wait;
 * - « Commencer » before a timed question is sent the same way (the reply is the question, its countdown running);
 * - after a checkpoint, « Continuer » shows the question that came with it (no request);
 * - the countdown of a timed question, which sends the form by itself when the time is up;
 * - « Signaler un problème » is posted in place (Accept: application/json), so the answer being typed stays.
 */
(() => {
  const MAX_ATTEMPTS = 8;
  const BUSY = "Trop de monde en même temps, votre réponse n'a pas été perdue : réessayez dans quelques secondes.";
  const UNEXPECTED = "Une erreur inattendue est survenue. Réessayez dans un instant.";
  const OFFLINE = "La connexion est coupée : votre réponse n'a pas été perdue, elle sera envoyée dès que possible.";
  const region = document.querySelector("[data-flow-screen]");
  const live = document.querySelector("[data-flow-announce]");
  if (!region || !live) return;

  /** @typedef {{ html: string; path: string; announce: string }} Screen */
  /** @type {Screen | null} the question that came with a checkpoint */
  let after = null;
  /** @type {number | undefined} */
  let ticking;

  /** @param {number} attempt @param {number} retryAfterSeconds */
  const retryDelayMs = (attempt, retryAfterSeconds) => retryAfterSeconds * 500 + Math.random() * Math.min(15000, 1000 * 2 ** attempt);
  /** @param {number} ms */
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  /** @param {Screen} screen */
  function show(screen) {
    if (!region || !live) return;
    // Markup rendered by our server (React escapes every text); the CSP would refuse any inline script anyway.
    region.innerHTML = screen.html;
    live.textContent = screen.announce;
    if (`${location.pathname}${location.search}` !== screen.path) history.replaceState(null, "", screen.path);
    region.querySelector("h1")?.focus();
    startCountdown();
  }

  function startCountdown() {
    clearInterval(ticking);
    const timer = /** @type {HTMLElement | null} */ (region?.querySelector("[data-seconds-left]"));
    const form = timer?.closest("form");
    if (!timer || !form) return;
    const deadline = Date.now() + Number(timer.dataset.secondsLeft) * 1000;
    const clock = timer.querySelector("[data-clock]");
    const tick = () => {
      const left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
      if (clock) clock.textContent = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;
      if (left <= 10 && timer.dataset.urgentClass) {
        timer.className = timer.dataset.urgentClass;
        timer.setAttribute("aria-live", "assertive");
      }
      if (left > 0) return;
      clearInterval(ticking);
      const timedOut = /** @type {HTMLInputElement | null} */ (form.querySelector("[data-timed-out]"));
      if (timedOut) timedOut.value = "1";
      form.requestSubmit();
    };
    tick();
    ticking = window.setInterval(tick, 250);
  }

  /** @param {HTMLFormElement} form @param {boolean} busy */
  function setBusy(form, busy) {
    form.dataset.sending = busy ? "1" : "";
    for (const button of form.querySelectorAll("button")) button.disabled = busy;
  }

  /** @param {HTMLFormElement} form @param {string} text */
  function say(form, text) {
    const message = form.querySelector("[data-message]");
    if (message) message.textContent = text;
  }

  /** @param {HTMLFormElement} form @param {HTMLElement | null} submitter */
  async function send(form, submitter) {
    const body = new URLSearchParams(/** @type {any} */ (new FormData(form, submitter)));
    setBusy(form, true);
    say(form, "");
    // The first refusal's signed proof of when the server received this answer (lib/server/arrival-proof.ts): sent
    // with every retry, so that a timed answer is measured from then, not from the retry that got through.
    /** @type {string | null} */
    let arrival = null;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      let retryAfter = 0;
      let isOffline = false;
      /** @type {any} */
      let reply = null;
      try {
        /** @type {Record<string, string>} */
        const headers = { "x-pix-flow": "1" };
        if (arrival) headers["x-pix-arrival"] = arrival;
        const response = await fetch(form.action, { method: "POST", body, headers, credentials: "same-origin" });
        arrival ??= response.headers.get("x-pix-arrival");
        if (response.headers.get("content-type")?.startsWith("application/json")) reply = await response.json();
        if (reply?.retryAfterSeconds !== undefined) retryAfter = Number(reply.retryAfterSeconds) || 1;
        // A gate, a proxy (its rate limit's 429 included, docs/deploy.md) or a restarting server in front of us:
        // nothing was recorded, or the answer is idempotent.
        else if ([429, 502, 503, 504].includes(response.status)) retryAfter = Number(response.headers.get("retry-after")) || 1;
        else if (!reply) {
          say(form, UNEXPECTED);
          break;
        }
      } catch {
        retryAfter = 1; // a dropped connection
        isOffline = true;
      }
      if (!retryAfter) {
        if (reply.goTo) return location.assign(reply.goTo);
        if (reply.show) {
          after = reply.after ?? null;
          return show(reply.show);
        }
        say(form, reply.message ?? UNEXPECTED);
        break;
      }
      say(form, reply?.message ?? (isOffline ? OFFLINE : BUSY));
      if (attempt < MAX_ATTEMPTS - 1) await sleep(retryDelayMs(attempt, retryAfter));
    }
    setBusy(form, false);
  }

  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.matches("[data-answer-form]")) return;
    event.preventDefault();
    if (form.dataset.sending === "1") return;
    void send(form, /** @type {HTMLElement | null} */ (event.submitter));
  });

  /** @param {HTMLFormElement} form */
  async function report(form) {
    const message = /** @type {HTMLElement | null} */ (form.parentElement?.querySelector("[data-report-message]") ?? null);
    const button = /** @type {HTMLButtonElement | null} */ (form.querySelector("button[type=submit]"));
    /** @param {boolean} ok @param {string} text */
    const tell = (ok, text) => {
      if (!message) return;
      message.textContent = text;
      message.setAttribute("role", ok ? "status" : "alert");
      message.hidden = false;
      message.focus();
    };
    if (button) button.disabled = true;
    try {
      const response = await fetch(form.action, { method: "POST", body: new FormData(form), headers: { accept: "application/json" }, credentials: "same-origin" });
      /** @type {any} */
      const reply = await response.json().catch(() => null);
      if (response.ok && reply?.ok) {
        form.reset();
        tell(true, "Merci, votre signalement a été envoyé. Vous pouvez continuer à répondre à la question.");
      } else tell(false, reply?.message ?? "Le signalement n'a pas pu être envoyé. Réessayez dans un instant.");
    } catch {
      tell(false, "Le signalement n'a pas pu être envoyé : vérifiez votre connexion et réessayez.");
    } finally {
      if (button) button.disabled = false;
    }
  }

  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.matches("[data-report-form]")) return;
    event.preventDefault();
    void report(form);
  });

  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest("a[data-continue]") : null;
    if (!link || !after || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    const next = after;
    after = null;
    show(next);
  });

  startCountdown();
})();
