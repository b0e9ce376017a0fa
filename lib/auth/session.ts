import "server-only";
import { getServerSession } from "next-auth";
import { authOptions } from "./options";

/** The signed-in user's id, or null. */
export async function getSessionUserId(): Promise<number | null> {
  const session = (await getServerSession(authOptions())) as { userId?: number } | null;
  return typeof session?.userId === "number" ? session.userId : null;
}
