import { db } from "../client";

/** True when the database answers a trivial query within the time limit. */
export async function isDatabaseReachable(timeoutMs = 2000): Promise<boolean> {
  const probe = db.$queryRawUnsafe("SELECT 1").then(() => true, () => false);
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs));
  return Promise.race([probe, timeout]);
}
