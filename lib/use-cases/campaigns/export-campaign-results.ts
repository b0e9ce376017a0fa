import "server-only";
import { campaignExportHeader, campaignExportParticipations, type CampaignExportHeader, type ExportParticipation } from "../../db/queries/campaign-export";
import { assessmentHeaders, assessmentRowWriter } from "../../domain/export/assessment-columns";
import { UTF8_BOM, csvLine, csvText } from "../../domain/export/csv-cells";
import { fileName } from "../../domain/export/file-name";
import { profilesCollectionHeaders, profilesCollectionRowWriter } from "../../domain/export/profiles-collection-columns";
import { pixProfile, profileFromCompetencePix } from "../../domain/scoring/pix-profile";
import { NotFoundError } from "../../domain/shared/errors";
import { readableCampaign } from "./manage-campaign";

/**
 * The domain decides what each cell says (decimal comma, Paris dates, "NA", "Oui"/"Non", formula guard)
 * through a row writer prepared once per campaign; d3-dsv quotes (only the texts holding `;`, `"` or a
 * line break) and joins the lines of a whole batch at once.
 */
type ExportLayout = { headers: string[]; row: (participation: ExportParticipation) => string[] };

function exportLayout(header: CampaignExportHeader): ExportLayout {
  if (header.type === "ASSESSMENT") {
    // An ExportParticipation is an AssessmentParticipantExport as it comes from the database.
    return { headers: assessmentHeaders(header.campaign), row: assessmentRowWriter(header.campaign) };
  }
  const campaign = header.campaign;
  const competenceIds = campaign.competences.map((c) => c.id);
  const write = profilesCollectionRowWriter(campaign);
  return {
    headers: profilesCollectionHeaders(campaign),
    row: (p) =>
      write({
        lastName: p.lastName,
        firstName: p.firstName,
        division: p.division,
        participantExternalId: p.participantExternalId,
        sharedAt: p.sharedAt,
        profile: p.pixByCompetence
          ? profileFromCompetencePix(p.pixByCompetence, { competenceIds })
          : p.knowledgeElements
            ? pixProfile(p.knowledgeElements, { competenceIds })
            : null,
      }),
  };
}

/**
 * Pull-based: a batch is read from the database only when the consumer asked for more (the queue
 * holds one chunk), so a slow download never piles rows up in memory. The BOM and header are queued
 * at once: the first byte leaves before any participation is read. Each batch is encoded once.
 */
function csvStream(layout: ExportLayout, batches: AsyncGenerator<ExportParticipation[], void, undefined>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(UTF8_BOM + csvLine(layout.headers)));
      },
      async pull(controller) {
        try {
          const next = await batches.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(csvText(next.value.map(layout.row))));
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
