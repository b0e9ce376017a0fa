import pg from "pg";

/**
 * `timestamp` columns (without time zone) hold UTC, as Prisma writes and reads them. node-pg, left to itself, reads
 * them in the process's time zone and sends a Date in local time with an offset that a cast to `timestamp` drops: on a
 * server with TZ=Europe/Paris, raw pg reads and writes would be an hour or two off from Prisma's (a timed question
 * started with « Commencer » was then over before it began). Every raw pg query that reads such a column passes
 * `types: UTC_TIMESTAMPS`, and sends instants as `utcText(date)`.
 */
const TIMESTAMP_WITHOUT_TIME_ZONE = 1114;

/** The column's text is ISO 8601 once given its "T" and its "Z" (the Prisma adapter's reading). */
const utcTimestamp = (text: string): Date => new Date(`${text.replace(" ", "T")}Z`);

export const UTC_TIMESTAMPS: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_WITHOUT_TIME_ZONE && format !== "binary"
      ? utcTimestamp
      : (pg.types.getTypeParser as (oid: number, format?: "text" | "binary") => unknown)(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};

/** An instant as a parameter: UTC text, whatever the process's time zone. */
export const utcText = (at: Date): string => at.toISOString();

/** A timestamp inside a JSON built by PostgreSQL (json_build_array writes it ISO, without a zone): UTC. */
export const utcOfJson = (value: string): Date => new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
