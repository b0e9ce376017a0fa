import { isDatabaseReachable } from "@/lib/db/queries/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const database = await isDatabaseReachable();
  return Response.json(
    { status: database ? "ok" : "degraded", database: database ? "up" : "down" },
    { status: database ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
