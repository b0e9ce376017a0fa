/**
 * Environment of the production server (scripts/server.ts) on this machine (end-to-end tests, benchmarks): the production build on a
 * local database, served over plain HTTP, mails kept in the development outbox instead of SMTP.
 */
export function localProductionEnv(input: { appUrl: string; databaseUrl: string; secret: string }): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: input.databaseUrl,
    APP_URL: input.appUrl,
    NEXTAUTH_URL: input.appUrl,
    NEXTAUTH_SECRET: input.secret,
    NEXT_TELEMETRY_DISABLED: "1",
    // Production mode would otherwise require SMTP; the e2e suite reads mails from the outbox.
    MAIL_OUTBOX_PAGE: "1",
  };
}
