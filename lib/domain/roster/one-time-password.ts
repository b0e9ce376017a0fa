import { randomString, type RandomInt } from "../shared/random-code";

/**
 * Passwords a teacher prints or reads aloud to a pupil, who must change it at the next login.
 * Pix generates 6 lowercase letters + 2 digits; ours mixes cases too: 5 lowercase + 1 uppercase + 2 digits,
 * e.g. "kpfxwM37". Being random and single-use, it is not held to the policy for chosen passwords
 * (accounts/password-policy.ts), which is about what people pick.
 * Alphabets leave out what is misread on paper (i l o I L O 0 1). About 33 bits: enough for a one-time
 * secret behind login throttling, and it is replaced at first use.
 */
export const OTP_LOWERCASE = "abcdefghjkmnpqrstuvwxyz";
export const OTP_UPPERCASE = "ABCDEFGHJKMNPQRSTUVWXYZ";
export const OTP_DIGITS = "23456789";

export function generateOneTimePassword(randomInt: RandomInt): string {
  return randomString(OTP_LOWERCASE, 5, randomInt) + randomString(OTP_UPPERCASE, 1, randomInt) + randomString(OTP_DIGITS, 2, randomInt);
}
