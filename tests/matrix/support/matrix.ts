/**
 * The vocabulary of the matrix rows (see tests/matrix/README.md): an entry point, the call that attacks it with the
 * other party's ids, who may legitimately make that call, and what shows that an allowed call really worked.
 */
import type { ActorName, HelperName, World } from "./world";

export type Caller = ActorName | HelperName;

/** One HTTP call. Paths are concrete (ids filled in from the world). */
export type Call =
  /** GET of a page. */
  | { page: string }
  /** A route handler. */
  | { method: string; route: string; body?: string | FormData | URLSearchParams; headers?: Record<string, string> }
  /** A server action called like the client router does, from the page `from`, `args` as the component passes them.
   *  Phase 1 also posts every action probe the way a browser without JavaScript does (multipart form, React's hidden
   *  `$ACTION_…` fields); `noJs: true` makes a phase-2 call use that shape. `origin`: sent from another site (CSRF). */
  | { action: string; from: string; args: unknown[]; noJs?: boolean; origin?: string }
  /** next-auth's sign-in as the login form does it: CSRF token first, then the provider's callback. */
  | { signIn: "credentials" | "sso-token"; fields: Record<string, string> };

/** What shows that an allowed call worked. Everything given must hold. */
export type Proof = {
  /** Expected HTTP status. */
  status?: number;
  /** Texts (markers or words, case-insensitive) the body must contain. */
  shows?: string[];
  /** Texts the body must not contain, even when the caller may see them elsewhere (an e-mail on the pupils' list). */
  hides?: string[];
  /** The call redirects there (Location or x-action-redirect). */
  redirect?: RegExp;
  /** The answer sets a session cookie. */
  opensSession?: boolean;
  /** Tables whose fingerprint must change. */
  changes?: string[];
  /** Phase 2 does not replay this call; say why (another control covers it). */
  skip?: string;
  /** Markers this caller may see here (e.g. the holder of a link sees the name it was sent for). */
  mayShow?: string[];
  /** A page GET must not write; say why this one may (e.g. it picks the next question). */
  mayWrite?: string;
  /** A check of the database after the call: a French sentence saying what is wrong, or null. */
  verify?: (w: World, sql: <T extends Record<string, unknown>>(text: string, values?: unknown[]) => Promise<T[]>) => Promise<string | null>;
};

/** What an outsider's call must look like, beyond "no 5xx, no data, no change, no session" (checked for every refusal). */
export type Refusal = { status?: number[]; redirect?: RegExp; mayShow?: string[] };

export type Row = {
  /** "page /orga/campagnes/[id]", "GET /api/campagnes/[id]/export", "action lib/actions/team-actions.ts#removeMemberAction". */
  entry: string;
  /** Who may do what here, in one sentence. */
  rule: string;
  /** The attack: what each actor sends, with the other party's ids (one call or several variants). */
  probe: (w: World, actor: ActorName) => Call | Call[];
  /** Actors for whom the probe is legitimate: phase 1 leaves them out, phase 2 replays the probe and checks the proof. */
  allowed?: Partial<Record<ActorName, Proof>>;
  /** Other phase-2 calls, on objects kept for them (when replaying the probe would spoil the world). */
  controls?: { as: Caller; call: (w: World) => Call; proof: Proof }[];
  /** Extra expectations on every refused call. */
  refusal?: Refusal;
  /** A GET that may write for an allowed caller (e.g. picks the next question); refusals still must not. */
  note?: string;
};

/** Arguments of an action used with useActionState: (previous state, form data). */
export function stateArgs(fields: Record<string, string | number | string[] | File>): unknown[] {
  return [{ ok: false }, fieldsToForm(fields)];
}

export function fieldsToForm(fields: Record<string, string | number | string[] | File>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) form.append(name, item instanceof File ? item : String(item));
  }
  return form;
}

/** Every actor. */
export const EVERYONE: ActorName[] = ["anonymous", "pupil", "otherPupil", "member", "admin", "otherAdmin"];
export const SIGNED_IN: ActorName[] = ["pupil", "otherPupil", "member", "admin", "otherAdmin"];

/** The same proof for several actors. */
export function allowedFor(actors: ActorName[], proof: Proof): Partial<Record<ActorName, Proof>> {
  return Object.fromEntries(actors.map((actor) => [actor, proof]));
}
