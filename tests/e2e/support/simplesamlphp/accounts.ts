/**
 * TEST MATERIAL — the pupils SimpleSAMLphp knows (exampleauth:UserPass), with the attributes the GAR sends: IDO
 * (opaque id), PRE, NOM and UAI (multi-valued). Each is a pupil of the demo roster (tests/fixtures/siecle) without
 * an account, in a class no other journey counts (5A, 4C, 6B); the ENT spells names without accents.
 */
export type GarTestPupil = {
  username: string;
  password: string;
  attributes: { IDO: string[]; PRE: string[]; NOM: string[]; UAI: string[] };
  /** Birthdate as typed on the first-arrival page. */
  birthdate: { day: string; month: string; year: string };
  /** How the roster (and so the signed-in header) spells them. */
  rosterName: string;
};

const pupil = (username: string, ido: string, first: string, last: string, uais: string[], birthdate: string, rosterName: string): GarTestPupil => {
  const [day, month, year] = birthdate.split("/");
  return { username, password: `${username}-motdepasse`, attributes: { IDO: [ido], PRE: [first], NOM: [last], UAI: uais }, birthdate: { day, month, year }, rosterName };
};

export const GAR_TEST_PUPILS = {
  /** 5A — SP-initiated, then IdP-initiated, on the app without our key pair. */
  margaux: pupil("margaux", "gar-ssp-margaux", "Margaux", "Beranger", ["0759999Z"], "03/10/2014", "Margaux BÉRANGER"),
  /** 4C — two UAIs, the first not registered on Pix Libre. */
  chloe: pupil("chloe", "gar-ssp-chloe", "Chloe", "Merieux", ["0000000X", "0759999Z"], "19/04/2013", "Chloé MÉRIEUX"),
  /** 6B — encrypted assertion, read with our key pair. */
  raphael: pupil("raphael", "gar-ssp-raphael", "Raphael", "Le Gall", ["0759999Z"], "17/11/2015", "Raphaël LE GALL"),
  /** 4C — only refused journeys (encrypted without our key, SHA-1): never gets an account. */
  noemie: pupil("noemie", "gar-ssp-noemie", "Noemie", "Lemaitre", ["0759999Z"], "26/11/2013", "Noémie LEMAÎTRE"),
} as const;
