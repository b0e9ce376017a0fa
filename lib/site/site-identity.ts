import "server-only";
import { env } from "@/lib/env";

/**
 * Who answers for this instance (SITE_PUBLISHER, SITE_CONTACT_EMAIL, SITE_HOSTING). Pix Libre is installed by each
 * academy or organisation: an unset value says so instead of naming someone who is not responsible.
 */
export function siteIdentity() {
  const settings = env();
  return {
    publisher: settings.SITE_PUBLISHER ?? null,
    contactEmail: settings.SITE_CONTACT_EMAIL ?? null,
    hosting: settings.SITE_HOSTING ?? null,
  };
}
