import { readFile } from "node:fs/promises";
import type { PrismaClient } from "../prisma-factory";
import { matchLearner } from "../../domain/roster/match-learner";
import { parseSiecleXml } from "../../roster-import/parse-siecle-xml";
import { importParsedLearners } from "../../use-cases/roster/import-learners";
import { DEMO_ACCOUNTS, DEMO_UAI } from "./demo-school";

const FIXTURE = new URL("../../../tests/fixtures/siecle/BEE_ELEVES_0759999Z.xml", import.meta.url);

/**
 * The demo collège manages its pupils: its SIECLE export (the committed fixture) is imported, and the five demo
 * pupil accounts are linked to their learners (same names and birthdates), as if they had joined a campaign.
 * Idempotent: a second run updates the same learners and links nobody twice.
 */
export async function seedDemoRoster(client: PrismaClient, establishmentId: number): Promise<void> {
  const parsed = await parseSiecleXml(await readFile(FIXTURE), { expectedUai: DEMO_UAI });
  await importParsedLearners(establishmentId, { fileName: "BEE_ELEVES_0759999Z.xml", ...parsed }, new Date(), client);

  for (const pupil of DEMO_ACCOUNTS.pupils) {
    const user = await client.user.findUnique({ where: { email: pupil.email }, select: { id: true } });
    if (!user) continue;
    const alreadyLinked = await client.learner.count({ where: { establishmentId, userId: user.id } });
    if (alreadyLinked) continue;
    const candidates = await client.learner.findMany({
      where: { establishmentId, isDisabled: false, userId: null, birthdate: new Date(`${pupil.birthdate}T00:00:00Z`) },
      select: { id: true, firstName: true, middleName: true, thirdName: true, lastName: true, preferredLastName: true },
    });
    const match = matchLearner(pupil, candidates.map((candidate) => ({ ...candidate, birthdate: pupil.birthdate })));
    if (match.kind === "MATCH") await client.learner.update({ where: { id: match.learnerId }, data: { userId: user.id } });
  }
}
