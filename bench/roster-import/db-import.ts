/**
 * Database half of the SIECLE import: a 4,000-pupil school imported into a real (embedded) PostgreSQL through the
 * product's use case, i.e. unzip/parse + one transaction of set-based statements.
 *   npx tsx --conditions=react-server bench/roster-import/db-import.ts [--pupils 4000]
 * Prints, for a first import (all created), a re-import (all updated) and an import where 10 % left (disabled):
 * the total time, the time of the database transaction alone, and the peak RSS (sampled every 10 ms).
 */
import { startRssSampler } from "../support/rss-sampler";
import { performance } from "node:perf_hooks";
import { startEmbeddedPostgres } from "../../scripts/db/embedded-postgres";
import { prepareDatabase } from "../../scripts/setup/prepare-database";
import { generatePupils, siecleXml, zipFiles } from "../../tests/support/siecle-sample";

const UAI = "0759999Z";
const MEGABYTE = 1024 * 1024;

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

async function measure<T>(task: () => Promise<T>): Promise<{ result: T; milliseconds: number; peakRssMb: number }> {
  const sampler = startRssSampler();
  const start = performance.now();
  const result = await task();
  const milliseconds = performance.now() - start;
  return { result, milliseconds, peakRssMb: sampler.stop() / MEGABYTE };
}

async function main(): Promise<void> {
  const pupilCount = argument("pupils", 4000);
  const database = await startEmbeddedPostgres({ name: "bench-roster", database: "pix_bench", fresh: true, quiet: true });
  try {
    await prepareDatabase(database.url, { demo: false });
    // lib/db reads DATABASE_URL on first use: set it before loading the product's modules.
    process.env.DATABASE_URL = database.url;
    const { db } = await import("../../lib/db/client");
    const { importLearners, importParsedLearners } = await import("../../lib/use-cases/roster/import-learners");
    const { parseSiecleXml } = await import("../../lib/roster-import/parse-siecle-xml");

    const school = await db.establishment.create({ data: { name: "Collège Bench", uai: UAI, type: "SCO", isManagingStudents: true }, select: { id: true } });
    const admin = await db.user.create({ data: { email: "bench.roster@example.org", firstName: "Bench", lastName: "Roster" }, select: { id: true } });
    await db.membership.create({ data: { establishmentId: school.id, userId: admin.id, role: "ADMIN" } });

    const pupils = generatePupils(pupilCount);
    const xml = siecleXml(pupils, { uai: UAI });
    const zip = zipFiles([{ name: `BEE_ELEVES_${UAI}.xml`, data: xml }]);
    const tenPercentLeft = siecleXml(pupils.filter((_, index) => index % 10 !== 0), { uai: UAI });
    console.log(`${pupilCount} pupils: XML ${(xml.length / MEGABYTE).toFixed(2)} MB, zip ${(zip.length / MEGABYTE).toFixed(2)} MB; node ${process.version}`);

    const runs: [string, Buffer, string][] = [
      ["first import (zip, all created)", zip, "export.zip"],
      ["re-import (XML, all updated)", xml, "BEE_ELEVES.xml"],
      ["10 % left (XML, disabled)", tenPercentLeft, "BEE_ELEVES.xml"],
    ];
    for (const [label, bytes, fileName] of runs) {
      const whole = await measure(() => importLearners({ actorUserId: admin.id, establishmentId: school.id, fileName, bytes }));
      const report = whole.result;
      const counts = report.status === "IMPORTED" ? `created ${report.created}, updated ${report.updated}, disabled ${report.disabled}, rejected ${report.rejections.length}` : `REFUSED: ${report.message}`;
      console.log(`${label.padEnd(34)} | use case ${whole.milliseconds.toFixed(0).padStart(5)} ms | peak RSS ${whole.peakRssMb.toFixed(0)} MB | ${counts}`);
    }

    // The database transaction alone (file already parsed): the part the bulk statements are about.
    const parsed = await parseSiecleXml(xml, { expectedUai: UAI });
    const transaction = await measure(() => importParsedLearners(school.id, { fileName: "BEE_ELEVES.xml", ...parsed }, new Date()));
    console.log(`${"database transaction only".padEnd(34)} | ${transaction.milliseconds.toFixed(0).padStart(5)} ms | peak RSS ${transaction.peakRssMb.toFixed(0)} MB | ${parsed.records.length} records upserted`);
    await db.$disconnect();
  } finally {
    await database.stop();
  }
}

await main();
