/**
 * Right after a recording: a second recorder pupil replays it over HTTP through a whole short test and into the
 * next campaign (login, answers, checkpoints, a timed question if one comes, the end), and after every cycle the
 * question the replay sees must be the assessment's current challenge in the database. A replay that drifts from
 * the app stops the run here, before it measures anything.
 */
import pg from "pg";
import { createAgent } from "./http-client";
import { seededRandom } from "./open-loop";
import { Pupil, type LoadContext } from "./pupil";
import { logIn } from "./sessions";
import { LOAD_CAMPAIGNS, RECORDER_CAMPAIGN, recorderEmail } from "./settings";
import type { Shape } from "./shape";
import type { ChallengeSource } from "../../lib/domain/learning-content/schema";

const MAX_CYCLES = 120;

export async function selfCheck(input: { baseUrl: string; databaseUrl: string; shape: Shape; log?: (line: string) => void }): Promise<void> {
  const log = input.log ?? ((line: string) => console.log(line));
  const client = new pg.Client({ connectionString: input.databaseUrl });
  await client.connect();
  const agent = createAgent();
  try {
    const email = recorderEmail(1);
    const rows = await client.query<{ code: string; id: number }>(
      `SELECT c.code, a.id FROM assessments a JOIN participations p ON p.id = a.participation_id JOIN campaigns c ON c.id = p.campaign_id
       JOIN users u ON u.id = p.user_id WHERE u.email = $1 AND c.code = ANY($2) ORDER BY c.code = $3 DESC`,
      [email, [RECORDER_CAMPAIGN.code, LOAD_CAMPAIGNS[0].code], RECORDER_CAMPAIGN.code],
    );
    const content = await client.query<{ id: string; content: ChallengeSource }>("SELECT id, content FROM challenges");
    const random = seededRandom(7);
    const context: LoadContext = {
      agent, baseUrl: new URL(input.baseUrl), shape: input.shape, content: new Map(content.rows.map((r) => [r.id, r.content])), timeoutMs: 60_000,
      decide: () => (["right", "right", "wrong", "skip"] as const)[Math.floor(random() * 4)],
    };
    const cookies = await logIn({ agent, baseUrl: context.baseUrl, shape: input.shape, login: email });
    const pupil = new Pupil(email, cookies, rows.rows.map((r) => ({ code: r.code, assessmentId: r.id })));
    await pupil.arrive(context);
    let cycles = 0;
    while (pupil.campaignIndex === 0) {
      if (cycles >= MAX_CYCLES) throw new Error(`auto-vérification : pas de fin de test après ${MAX_CYCLES} cycles`);
      const result = await pupil.cycle(context, performance.now());
      cycles++;
      if (!result.ok) throw new Error(`auto-vérification : cycle ${cycles} en échec (${result.error})`);
      if (pupil.needsArrival) await pupil.arrive(context);
      const current = await client.query<{ current_challenge_id: string | null }>("SELECT current_challenge_id FROM assessments WHERE id = $1", [pupil.campaign!.assessmentId]);
      const shown = pupil.state.kind === "question" ? pupil.state.challengeId : null;
      if (shown !== current.rows[0].current_challenge_id) throw new Error(`auto-vérification : la page montre ${shown}, la base attend ${current.rows[0].current_challenge_id}`);
    }
    log(`Auto-vérification du rejeu : ${cycles} cycles jusqu'à la fin d'un test, reprise sur la campagne suivante, chaque question conforme à la base.`);
  } finally {
    agent.destroy();
    await client.end();
  }
}
