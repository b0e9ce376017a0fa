/**
 * The enhancement of « Signaler un problème » without any framework (so that a question page served as plain HTML
 * can ship it as a small script): the form is posted with fetch and the answer shown in place, which keeps the
 * answer the pupil was typing in the question's form. Without it, the form posts and the page comes back with
 * `?signalement=…` (app/api/signalements/route.ts).
 */
export function enhanceReportForm(form: HTMLFormElement): () => void {
  const message = form.parentElement?.querySelector<HTMLElement>("[data-report-message]") ?? null;
  const button = form.querySelector<HTMLButtonElement>("button[type=submit]");
  const show = (ok: boolean, text: string) => {
    if (!message) return;
    message.textContent = text;
    message.setAttribute("role", ok ? "status" : "alert");
    message.dataset.ok = String(ok);
    message.hidden = false;
    message.focus();
  };
  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (button?.disabled) return;
    if (button) button.disabled = true;
    try {
      const response = await fetch(form.action, { method: "POST", body: new FormData(form), headers: { accept: "application/json" }, credentials: "same-origin" });
      const body = (await response.json().catch(() => null)) as { ok?: boolean; message?: string } | null;
      if (response.ok && body?.ok) {
        form.reset();
        show(true, "Merci, votre signalement a été envoyé. Vous pouvez continuer à répondre à la question.");
      } else {
        show(false, body?.message ?? "Le signalement n'a pas pu être envoyé. Réessayez dans un instant.");
      }
    } catch {
      show(false, "Le signalement n'a pas pu être envoyé : vérifiez votre connexion et réessayez.");
    } finally {
      if (button) button.disabled = false;
    }
  };
  form.addEventListener("submit", onSubmit);
  return () => form.removeEventListener("submit", onSubmit);
}
