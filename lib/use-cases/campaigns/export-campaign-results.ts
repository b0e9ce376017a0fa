import "server-only";
import { stringify, type Options as StringifyOptions } from "csv-stringify/sync";
import { campaignExportHeader, campaignExportParticipations, type CampaignExportHeader, type ExportParticipation } from "../../db/queries/campaign-export";
import { assessmentHeaders, assessmentRow } from "../../domain/export/assessment-columns";
import { CSV_LINE_END, CSV_SEPARATOR, UTF8_BOM, serializeCell, type Cell } from "../../domain/export/csv-cells";
import { fileName } from "../../domain/export/file-name";
import { profilesCollectionHeaders, profilesCollectionRow } from "../../domain/export/profiles-collection-columns";
import { pixProfile } from "../../domain/scoring/pix-profile";
import { NotFoundError } from "../../domain/shared/errors";
import { readableCampaign } from "./manage-campaign";

/**
 * Quoting, decided once (csv-stringify writes the lines, the domain decides what each cell says):
 * every cell first goes through the domain's `serializeCell` (decimal comma, Paris dates, "NA",
 * "Oui"/"Non", formula guard). A text comes back quoted: it is unwrapped to its raw (guarded) text, and
 * csv-stringify quotes it again (`quoted_string: true`: `"` doubled, `""` for an empty text). A number
 * comes back bare ("0,67"): it is handed over wrapped in an object, which `cast.object` unwraps;
 * `quoted_string` only quotes fields that were strings, so the number stays bare for Excel.
 * csv-stringify's own `escape_formulas` stays off: its rule (it guards a "-12" text) differs from the
 * domain's, which is the single source of truth. Lines are byte for byte the domain's `csvLine`
 * (checked by a property test).
 */
type NumberLiteral = { literal: string };
export type StringifierField = string | NumberLiteral;

export const CSV_STRINGIFY_OPTIONS: StringifyOptions = {
  delimiter: CSV_SEPARATOR,
  record_delimiter: CSV_LINE_END,
  quoted_string: true,
  cast: { object: (field) => (field as NumberLiteral).literal },
};

export function stringifierField(cell: Cell): StringifierField {
  const serialized = serializeCell(cell);
  if (!serialized.startsWith('"')) return { literal: serialized };
  return serialized.slice(1, -1).replaceAll('""', '"');
}

type FieldOf = (cell: Cell) => StringifierField;
const MEMO_LIMIT = 50_000;
const MINUTE_MS = 60_000;

/**
 * `serializeCell` is pure and a large export repeats the same cells over and over (campaign columns,
 * counts, ratios, the minute of a date: Paris time through Intl is the costliest cell). One memo per
 * export, each map emptied when it reaches MEMO_LIMIT entries, so memory stays bounded.
 */
export function memoizedStringifierField(): FieldOf {
  const texts = new Map<string, StringifierField>();
  const numbers = new Map<number, StringifierField>();
  const decimalsByPrecision = new Map<number, Map<number, StringifierField>>();
  const minutes = new Map<number, StringifierField>();
  const remember = <K>(memo: Map<K, StringifierField>, key: K, cell: Cell): StringifierField => {
    let field = memo.get(key);
    if (field === undefined) {
      if (memo.size >= MEMO_LIMIT) memo.clear();
      field = stringifierField(cell);
      memo.set(key, field);
    }
    return field;
  };
  return (cell) => {
    if (typeof cell === "string") return remember(texts, cell, cell);
    if (typeof cell === "number") return remember(numbers, cell, cell);
    if (cell === null || cell === undefined || typeof cell === "boolean" || cell instanceof Date) return stringifierField(cell);
    if (cell.kind === "decimal") {
      let decimals = decimalsByPrecision.get(cell.decimals);
      if (!decimals) decimalsByPrecision.set(cell.decimals, (decimals = new Map()));
      return remember(decimals, cell.value, cell);
    }
    // dd/mm/yyyy HH:mm: every instant of a UTC minute is the same Paris minute (whole-hour offsets since 1911).
    if (cell.kind === "datetime") return remember(minutes, Math.floor(cell.value.getTime() / MINUTE_MS), cell);
    return stringifierField(cell);
  };
}

/** CSV text of whole lines, each ending with "\n". */
export function csvLines(rows: readonly (readonly Cell[])[], fieldOf: FieldOf = stringifierField): string {
  return stringify(rows.map((cells) => cells.map(fieldOf)), CSV_STRINGIFY_OPTIONS);
}

type ExportLayout = { headers: string[]; row: (participation: ExportParticipation) => Cell[] };

function exportLayout(header: CampaignExportHeader): ExportLayout {
  if (header.type === "ASSESSMENT") {
    const campaign = header.campaign;
    return {
      headers: assessmentHeaders(campaign),
      row: (p) => assessmentRow(campaign, { ...p, isCompleted: p.status !== "STARTED", stars: p.stageReached }),
    };
  }
  const campaign = header.campaign;
  const competenceIds = campaign.competences.map((c) => c.id);
  return {
    headers: profilesCollectionHeaders(campaign),
    row: (p) =>
      profilesCollectionRow(campaign, { ...p, profile: p.knowledgeElements ? pixProfile(p.knowledgeElements, { competenceIds }) : null }),
  };
}

/**
 * Pull-based: a batch is read from the database only when the consumer asked for more (the queue
 * holds one chunk), so a slow download never piles rows up in memory. The BOM and header are queued
 * at once: the first byte leaves before any participation is read.
 */
function csvStream(layout: ExportLayout, batches: AsyncGenerator<ExportParticipation[], void, undefined>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const fieldOf = memoizedStringifierField();
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(UTF8_BOM + csvLines([layout.headers], fieldOf)));
      },
      async pull(controller) {
        try {
          const next = await batches.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(csvLines(next.value.map(layout.row), fieldOf)));
        } catch (error) {
          console.error("Export CSV interrompu", error);
          controller.error(new Error("L'export des résultats a échoué."));
          await batches.return(undefined).catch(() => {});
        }
      },
      async cancel() {
        await batches.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}

/** "Exporter les résultats (.csv)": any active member of the campaign's establishment. */
export async function exportCampaignResults(input: { userId: number; campaignId: number; now: Date }): Promise<{ fileName: string; stream: ReadableStream<Uint8Array> }> {
  const campaign = await readableCampaign(input.userId, input.campaignId);
  const header = await campaignExportHeader(campaign.id);
  if (!header) throw new NotFoundError();
  const layout = exportLayout(header);
  return {
    fileName: fileName(campaign.name, campaign.id, input.now),
    stream: csvStream(layout, campaignExportParticipations(campaign.id, header.type)),
  };
}
