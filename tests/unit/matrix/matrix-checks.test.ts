/** The checks the authorization matrix applies to every answer (tests/matrix/support): they must catch what they claim. */
import { describe, expect, it } from "vitest";
import { secretFormsSentByGet } from "@/tests/matrix/support/execute";
import { changedTables } from "@/tests/matrix/support/fingerprint";
import { leakedMarkers } from "@/tests/matrix/support/markers";

describe("leakedMarkers", () => {
  it("finds another party's datum whatever its case, and lets each actor see their own", () => {
    const page = "<td>ZQPUPILA</td><td>Zoé</td>";
    expect(leakedMarkers("otherAdmin", page)).toEqual(["zqpupila (pupil A1 (name, e-mail, roster))"]);
    expect(leakedMarkers("otherPupil", page)).toHaveLength(1);
    expect(leakedMarkers("pupil", page)).toEqual([]);
    expect(leakedMarkers("admin", page)).toEqual([]);
  });

  it("reads a marker up to the next letter only: « zqexterne » is not found inside « zqexterneb »", () => {
    expect(leakedMarkers("otherPupil", "Numéro : Zqexterneb")).toEqual([]);
    expect(leakedMarkers("otherPupil", "Numéro : Zqexterne.")).toEqual(["zqexterne (pupil A1's external id in campaign a1)"]);
  });

  it("finds e-mails, usernames and birthdates, and ignores what the caller typed", () => {
    expect(leakedMarkers("anonymous", "compte zqmailpupila@example.org, né le 14/03/2011")).toHaveLength(2);
    expect(leakedMarkers("anonymous", "Identifiant : zqloginmanaged")).toHaveLength(1);
    expect(leakedMarkers("anonymous", "Nous ne trouvons pas Zoé Zqpupila", ["zqpupila"])).toEqual([]);
  });
});

describe("secretFormsSentByGet", () => {
  it("counts the forms with a password field that a browser would send in the URL", () => {
    expect(secretFormsSentByGet('<form class="a"><input type="password" name="password"/></form>')).toBe(1);
    expect(secretFormsSentByGet('<form action="" method="POST"><input type="password"/></form><form><input type="text"/></form>')).toBe(0);
    expect(secretFormsSentByGet('<form method="get"><input type="password"/></form>')).toBe(1);
  });
});

describe("changedTables", () => {
  it("names the tables whose digest moved, appeared or disappeared", () => {
    expect(changedTables({ users: "2:a", answers: "0:" }, { users: "2:b", answers: "0:", audit: "1:c" })).toEqual(["audit", "users"]);
    expect(changedTables({ users: "2:a" }, { users: "2:a" })).toEqual([]);
  });
});
