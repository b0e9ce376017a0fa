import "server-only";
import { env } from "../../env";
import { CampaignActivityListener, type CampaignActivitySubscriber } from "./campaign-activity-listener";

const globalForLive = globalThis as unknown as { campaignActivityListener?: CampaignActivityListener };

/** The process's single listener (kept on globalThis: a development reload does not open a second connection). */
export function campaignActivityListener(): CampaignActivityListener {
  if (!globalForLive.campaignActivityListener) {
    const settings = env();
    globalForLive.campaignActivityListener = new CampaignActivityListener({
      // Never PgBouncer in transaction mode: the LISTEN must stay on one backend (docs/deploy.md).
      connectionString: settings.DATABASE_DIRECT_URL ?? settings.DATABASE_URL,
      log: (message) => console.warn(message),
    });
  }
  return globalForLive.campaignActivityListener;
}

export function subscribeToCampaignActivity(campaignId: number, subscriber: CampaignActivitySubscriber): () => void {
  return campaignActivityListener().subscribe(campaignId, subscriber);
}
