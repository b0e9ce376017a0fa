/**
 * Records the answer path of the current build by hand (the load bench does it by itself when the build has
 * no recording): npm run build && npm run bench:answers:record
 */
import { startCluster } from "./app-cluster";
import { recordShape, saveShape } from "./record";
import { selfCheck } from "./self-check";
import { onShutdown } from "./shutdown";
import { ensureTemplate, flag, numberArgument, openRunDatabase } from "./run-setup";

ensureTemplate({ pupils: numberArgument("pupils", 1200), regenerate: flag("regenerate") });
const { postgres, url } = await openRunDatabase();
onShutdown(() => postgres.stop());
try {
  const cluster = await startCluster({ processes: 1, databaseUrl: url, balancer: false, pgbouncer: false });
  try {
    const shape = await recordShape({ baseUrl: cluster.url, databaseUrl: url });
    await selfCheck({ baseUrl: cluster.url, databaseUrl: url, shape });
    saveShape(shape);
  } finally {
    await cluster.stop();
  }
} finally {
  await postgres.stop();
}
