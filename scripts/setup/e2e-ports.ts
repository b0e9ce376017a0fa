/**
 * The ports of the end-to-end suite, all derived from E2E_PORT so that several copies of the project can run
 * their suites side by side on one machine (each with its own range of ten ports).
 */
export function e2ePorts(base = Number(process.env.E2E_PORT ?? 3100)) {
  return {
    /** The application every journey uses (GAR without our key pair). */
    app: base,
    /** The same application and database, GAR with our key pair (encrypted assertions, signed AuthnRequests). */
    garWithKeyApp: base + 1,
    /** The authorization matrix's own server (tests/matrix, the step of npm test before this suite). */
    matrix: base + 2,
    /** The same application and database with an answer gate of one slot, no queue: started by the spec that needs it. */
    saturatedApp: base + 3,
    /** SimpleSAMLphp playing the GAR: plain assertions. */
    idp: base + 5,
    /** SimpleSAMLphp playing the GAR: assertions encrypted for the service provider. */
    encryptingIdp: base + 6,
  };
}

/** The entityID of the test GAR, whether SimpleSAMLphp or the in-process test IdP plays it (same TEST key pair). */
export const TEST_GAR_ENTITY_ID = "https://idp.gar.test/";

/** The session secret of the suite's servers (scripts/e2e-server.ts, and a spec that starts one of its own). */
export const E2E_SECRET = "e2e-secret-e2e-secret-e2e-secret-e2e-secret";

/**
 * Where scripts/e2e-server.ts writes the address of the suite's database, for a spec that starts a server of its own
 * or reads the database (tests/e2e/overload-without-script.spec.ts). Beside .data, in the project.
 */
export const E2E_DATABASE_URL_FILE = ".data/e2e-database-url";
