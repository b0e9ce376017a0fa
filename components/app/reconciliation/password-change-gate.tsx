"use client";

import { redirect, usePathname } from "next/navigation";

/** Where an account with a one-time password is sent (lib/auth/session.ts sends actions and routes there too). */
export const PASSWORD_CHANGE_PATH = "/changer-mot-de-passe";

/**
 * Layouts do not know the requested path; this gate does. An account with a one-time password is redirected
 * (during rendering, so the server answers with a redirect) to the page where it chooses its own password.
 */
export function PasswordChangeGate({ isRequired, children }: { isRequired: boolean; children: React.ReactNode }) {
  const pathname = usePathname();
  if (isRequired && pathname !== PASSWORD_CHANGE_PATH) redirect(`${PASSWORD_CHANGE_PATH}?retour=${encodeURIComponent(pathname)}`);
  return <>{children}</>;
}
