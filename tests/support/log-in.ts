import { authenticate } from "@/lib/auth/authenticate";

/** A login as the login form does it, from one fixed test address and without a device cookie. */
export function logIn(login: string, password: string) {
  return authenticate({ login, password, address: "192.0.2.200", device: null });
}
