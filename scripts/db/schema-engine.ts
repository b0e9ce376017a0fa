/**
 * Prisma's schema engine compiled to WebAssembly (npm package @prisma/schema-engine-wasm), driven through
 * the pg driver adapter: applies and creates migrations without Prisma's native engine download.
 * See docs/adr/0002-migrations-without-native-engine.md.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { splitSqlScript } from "./split-sql-script";

type Engine = {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
};

const require = createRequire(import.meta.url);

let loaded: ReturnType<typeof instantiateEngineModule> | undefined;
/** The bindings keep module-level state: instantiate the wasm once per process. */
function loadEngineModule() {
  loaded ??= instantiateEngineModule();
  return loaded;
}

/** Loads the wasm module by hand so that Node needs no --experimental-wasm-modules flag. */
async function instantiateEngineModule() {
  (globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY = {
    set_message(message: string) {
      throw new Error(`Le moteur de schéma Prisma a paniqué : ${message}`);
    },
  };
  const packageDir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
  const bindings = await import(path.join(packageDir, "schema_engine_bg.js"));
  const bytes = readFileSync(path.join(packageDir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bindings });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  return bindings as { SchemaEngine: { new: (o: unknown, cb: (m: string) => void, a: unknown) => Promise<Engine> } };
}

export async function withSchemaEngine<T>(
  databaseUrl: string,
  schemaText: string,
  work: (engine: Engine) => Promise<T>,
  onLog: (message: string) => void = () => {},
): Promise<T> {
  const { SchemaEngine } = await loadEngineModule();
  const adapter = bindMigrationAwareSqlAdapterFactory(scriptsSplitWell(new PrismaPg({ connectionString: databaseUrl })) as never);
  const engine = await SchemaEngine.new(
    { datamodels: [["schema.prisma", schemaText]] },
    onLog,
    adapter,
  );
  try {
    return await work(engine);
  } finally {
    engine.free();
  }
}

type ScriptRunner = { executeScript(script: string): Promise<void> };

/**
 * The pg adapter, except that a migration script is cut by splitSqlScript (a function body stays whole) instead of
 * at every semicolon. Each statement is still sent on its own, and a failure becomes the adapter's own error (with
 * PostgreSQL's code) through its onError, as in its executeScript.
 */
function scriptsSplitWell(factory: PrismaPg): PrismaPg {
  const wrap = <A extends ScriptRunner & { underlyingDriver(): { query(sql: string): Promise<unknown> }; onError?: (e: unknown) => never }>(adapter: A): A => {
    adapter.executeScript = async (script: string) => {
      for (const statement of splitSqlScript(script)) {
        try {
          await adapter.underlyingDriver().query(statement);
        } catch (error) {
          // The adapter's own conversion to the engine's error (a DriverAdapterError with PostgreSQL's code).
          if (adapter.onError) adapter.onError(error);
          throw error;
        }
      }
    };
    return adapter;
  };
  const connect = factory.connect.bind(factory);
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connect = async () => wrap((await connect()) as never);
  factory.connectToShadowDb = async () => wrap((await connectToShadowDb()) as never);
  return factory;
}
