/**
 * Operators (cron): applies the data retention rules and prints what it did (docs/security.md, § 13).
 * npm run data:retention [-- --simulation] [--journal-jours 365]
 * Idempotent; exits 1 on a bad option or a failure (cron mails the output).
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { openDevDatabase } from "./setup/dev-database";

const { values } = parseArgs({
  options: {
    simulation: { type: "boolean", default: false },
    "journal-jours": { type: "string", default: "365" },
  },
});

const input = z
  .object({
    simulation: z.boolean(),
    "journal-jours": z.coerce.number({ error: "--journal-jours : un nombre de jours" }).int("--journal-jours : un nombre entier de jours").min(30, "--journal-jours : 30 jours au moins").max(3650, "--journal-jours : 3650 jours au plus"),
  })
  .safeParse(values);
if (!input.success) {
  for (const issue of input.error.issues) console.error(`✗ ${issue.message}`);
  process.exit(1);
}

const database = await openDevDatabase();
process.env.DATABASE_URL = database.url;
try {
  const { applyRetention } = await import("../lib/use-cases/privacy/apply-retention");
  const { retentionReportLines } = await import("../lib/domain/privacy/retention");
  const { formatDate, formatDateTime } = await import("../lib/domain/shared/format-date");
  const now = new Date();
  const report = await applyRetention({ now, auditLogDays: input.data["journal-jours"], isDryRun: input.data.simulation });
  console.log(`Conservation des données — ${formatDateTime(now)}`);
  for (const line of retentionReportLines(report, formatDate)) console.log(line);
} catch (error) {
  console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  const { db } = await import("../lib/db/client");
  await db.$disconnect();
  await database.close();
}
