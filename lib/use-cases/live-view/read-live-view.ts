import "server-only";
import { liveCounters, type LiveCounters } from "../../domain/live-view/live-counters";
import { pupilLiveState, type PupilLiveState } from "../../domain/live-view/pupil-live-state";
import { liveViewActivity, liveViewDivisions } from "../../db/queries/live-view";
import { readableCampaign } from "../campaigns/manage-campaign";

export type LiveViewSnapshot = {
  campaignId: number;
  division: string | null;
  /** The server's clock when the rows were read: the page counts « depuis » from it, never from the device's clock. */
  serverNow: string;
  lines: PupilLiveState[];
  counters: LiveCounters;
};

/** A class name as the filter sends it: trimmed, bounded; empty means every participant. */
export function divisionFilter(raw: string | null | undefined): string | null {
  const value = (raw ?? "").trim().slice(0, 100);
  return value || null;
}

/**
 * « Suivi en direct »: the lines and counters of a campaign for a teacher. Every read (first render, each push of the
 * event stream, each poll) checks again that the user is an active member of the campaign's establishment: a
 * membership revoked during a session closes the teacher's view at the next update (NotFoundError).
 */
export async function readLiveView(input: { userId: number; campaignId: number; division: string | null; now: Date }): Promise<LiveViewSnapshot> {
  const campaign = await readableCampaign(input.userId, input.campaignId);
  const activity = await liveViewActivity(campaign, input.division);
  const lines = activity.map((a) => pupilLiveState(a, input.now));
  return { campaignId: campaign.id, division: input.division, serverNow: input.now.toISOString(), lines, counters: liveCounters(lines) };
}

/** The classes of the filter (the campaign's establishment's roster); same check. */
export async function liveViewClasses(input: { userId: number; campaignId: number }): Promise<string[]> {
  const campaign = await readableCampaign(input.userId, input.campaignId);
  return liveViewDivisions(campaign.establishmentId);
}
