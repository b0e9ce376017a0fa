import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { findPupilDisplayName } from "@/lib/db/queries/orga-context";
import { createUser } from "../../support/factories";
import { learnerNamed, schoolWithFixtureRoster } from "./roster-builders";

describe("the name a pupil is greeted with", () => {
  it("is the school's spelling once linked to its roster (« Joël NOËL », not « Joel Noel »), the account's otherwise", async () => {
    const { school } = await schoolWithFixtureRoster();
    const pupil = await createUser({ firstName: "Joel", lastName: "Noel" });
    expect(await findPupilDisplayName(pupil.id)).toEqual({ firstName: "Joel", lastName: "Noel" });

    const joel = await learnerNamed(school.id, "NOËL", "Joël");
    await db.learner.update({ where: { id: joel.id }, data: { userId: pupil.id } });
    expect(await findPupilDisplayName(pupil.id)).toEqual({ firstName: "Joël", lastName: "NOËL" });

    // Left the school (absent from the last import): the account's own names again.
    await db.learner.update({ where: { id: joel.id }, data: { isDisabled: true } });
    expect(await findPupilDisplayName(pupil.id)).toEqual({ firstName: "Joel", lastName: "Noel" });
    expect(await findPupilDisplayName(pupil.id + 1000)).toBeNull();
  });
});
