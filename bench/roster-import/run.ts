/**
 * Parsing half of the SIECLE import: time and peak memory for a large school.
 *   npx tsx bench/roster-import/run.ts [--pupils 4000] [--runs 3]
 * For steadier memory figures: node --expose-gc --import tsx bench/roster-import/run.ts
 * Peak RSS is sampled every 10 ms; the parser yields to the event loop every megabyte, so the sampler runs.
 */
import { startRssSampler } from "../support/rss-sampler";
import { performance } from "node:perf_hooks";
import { parseSiecleXml } from "@/lib/roster-import/parse-siecle-xml";
import { readUpload } from "@/lib/roster-import/read-upload";
import { generatePupils, siecleXml, zipFiles } from "@/tests/support/siecle-sample";

const UAI = "0759999Z";
const MEGABYTE = 1024 * 1024;

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

interface Measure {
  milliseconds: number;
  peakRssDeltaMb: number;
  records: number;
  rejections: number;
}

async function measure(task: () => Promise<{ records: unknown[]; rejections: unknown[] }>): Promise<Measure> {
  collectGarbage();
  const baseline = process.memoryUsage().rss;
  const sampler = startRssSampler();
  const start = performance.now();
  const result = await task();
  const milliseconds = performance.now() - start;
  const peak = sampler.stop();
  return { milliseconds, peakRssDeltaMb: (peak - baseline) / MEGABYTE, records: result.records.length, rejections: result.rejections.length };
}

function format(label: string, runs: Measure[]): string {
  const fastest = runs.reduce((best, run) => (run.milliseconds < best.milliseconds ? run : best));
  const worstPeak = Math.max(...runs.map((run) => run.peakRssDeltaMb));
  return [
    label.padEnd(28),
    `first ${runs[0].milliseconds.toFixed(0).padStart(5)} ms`,
    `best ${fastest.milliseconds.toFixed(0).padStart(5)} ms`,
    `peak RSS Δ ${worstPeak.toFixed(1).padStart(6)} MB`,
    `${runs[0].records} records, ${runs[0].rejections} rejections`,
  ].join(" | ");
}

async function main(): Promise<void> {
  const pupilCount = argument("pupils", 4000);
  const runCount = argument("runs", 3);
  const xml = siecleXml(generatePupils(pupilCount), { uai: UAI });
  const zip = zipFiles([{ name: `BEE_ELEVES_${UAI}.xml`, data: xml }]);
  const today = "2026-11-25";
  console.log(`${pupilCount} pupils: XML ${(xml.length / MEGABYTE).toFixed(2)} MB (ISO-8859-15), zip ${(zip.length / MEGABYTE).toFixed(2)} MB`);
  console.log(`node ${process.version}, gc ${typeof (globalThis as { gc?: unknown }).gc === "function" ? "exposed" : "not exposed"}`);

  const xmlRuns: Measure[] = [];
  const zipRuns: Measure[] = [];
  for (let run = 0; run < runCount; run++) {
    xmlRuns.push(await measure(() => parseSiecleXml(xml, { expectedUai: UAI, today })));
    zipRuns.push(
      await measure(async () => {
        const upload = await readUpload(zip, "export.zip");
        return parseSiecleXml(upload.bytes, { expectedUai: UAI, today });
      }),
    );
  }
  console.log(format("XML", xmlRuns));
  console.log(format("zip → unzip → XML", zipRuns));
}

await main();
