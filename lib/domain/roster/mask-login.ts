/**
 * Partially hidden login for "cet élève est déjà rattaché au compte l***@e***.org": enough for the pupil
 * to recognise their own account, not enough to hand a stranger a login to attack.
 */
const MASK = "***";

function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const lastDot = domain.lastIndexOf(".");
  const topLevel = lastDot > 0 ? domain.slice(lastDot) : "";
  return `${local.slice(0, 1)}${MASK}@${domain.slice(0, 1)}${MASK}${topLevel}`;
}

/** "lea.dupont0112" → "lea.d***12": the first name, the initial of the last name and the end of the suffix. */
function maskUsername(username: string): string {
  const dot = username.indexOf(".");
  const visibleStart = dot > 0 ? dot + 2 : Math.ceil(username.length / 3);
  const start = username.slice(0, visibleStart);
  const end = username.slice(-2);
  // Too short to show both ends and still hide something.
  if (username.length - start.length - end.length < 2) return `${username.slice(0, 1)}${MASK}`;
  return `${start}${MASK}${end}`;
}

export function maskLogin(login: string): string {
  const value = login.trim();
  if (!value) return MASK;
  return value.includes("@") ? maskEmail(value) : maskUsername(value);
}
