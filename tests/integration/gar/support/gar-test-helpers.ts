/**
 * What the GAR integration tests share: posting to the ACS like a browser, exchanging the sign-in token like
 * /connexion/sso, a school with Léa DUPONT in its roster, and the server log lines of refusals.
 * Import it after the file has set its GAR environment (the routes read env() once).
 */
import { expect, vi } from "vitest";
import { POST } from "@/app/api/saml/acs/route";
import { authOptions } from "@/lib/auth/options";
import { db } from "@/lib/db/client";
import { createEstablishment } from "../../../support/factories";

export const ACS_URL = "http://localhost:3000/api/saml/acs";
export const UAI = "0759999Z";
export const LEA = { IDO: "gar-ido-lea-0001", PRE: "Léa", NOM: "DUPONT", UAI };

/** What the browser does after the ENT posts the form: the ACS answers with a redirect. */
export async function postToAcs(samlResponse: string, relayState = ""): Promise<URL> {
  const answer = await POST(new Request(ACS_URL, { method: "POST", body: new URLSearchParams({ SAMLResponse: samlResponse, RelayState: relayState }) }));
  expect(answer.status).toBe(303);
  return new URL(answer.headers.get("location")!);
}

export const pathOf = (location: URL) => location.pathname + location.search;

/** The "sso-token" next-auth provider, as /connexion/sso uses it: the user id of the opened session, or null. */
export async function exchange(token: string): Promise<number | null> {
  // next-auth merges a credentials provider's options (id, authorize) when it handles a request.
  type Credentials = { options: { id?: string; authorize: (credentials: { token: string }) => Promise<{ id: string } | null> } };
  const provider = (authOptions().providers as unknown as Credentials[]).find((candidate) => candidate.options?.id === "sso-token")!;
  const user = await provider.options.authorize({ token });
  return user ? Number(user.id) : null;
}

type LearnerData = { firstName: string; lastName: string; birthdate: string; isDisabled?: boolean; userId?: number };

export function createLearner(establishmentId: number, data: LearnerData) {
  return db.learner.create({
    data: { establishmentId, nationalStudentId: `INE${Math.random().toString(36).slice(2, 10)}`, division: "4A", ...data, birthdate: new Date(`${data.birthdate}T00:00:00Z`) },
  });
}

/** The school of UAI 0759999Z: Léa DUPONT (01/12/2011), Léo DUPONT (same day), a disabled Léa DUPONT (2012). */
export async function schoolWithLea() {
  const establishment = await createEstablishment({ uai: UAI });
  const learner = (data: LearnerData) => createLearner(establishment.id, data);
  const lea = await learner({ firstName: "Léa", lastName: "DUPONT", birthdate: "2011-12-01" });
  await learner({ firstName: "Léo", lastName: "DUPONT", birthdate: "2011-12-01" });
  await learner({ firstName: "Léa", lastName: "DUPONT", birthdate: "2012-05-05", isDisabled: true });
  return { establishment, lea, learner };
}

/** Collects what the server writes with console.warn (refusals, ignored RelayStates) instead of printing it. */
export function captureWarnings() {
  const lines: string[] = [];
  const spy = vi.spyOn(console, "warn").mockImplementation((...parts: unknown[]) => {
    lines.push(parts.map(String).join(" "));
  });
  return { lines, refusals: () => lines.filter((line) => line.startsWith("[GAR] connexion refusée")), restore: () => spy.mockRestore() };
}
