/** Where generate.ts writes the bench data and how the benches find it (kept apart from the generator's imports). */
export const BENCH_DATABASE = { name: "bench", database: "pix_bench" } as const;
export const BENCH_TEACHER_EMAIL = "bench.export@example.org";
export const benchCampaignName = (participants: number) => `Bench export ${participants}`;
/** "Collecter les profils" campaign sent by the pupils of the 10,000-participant campaign. */
export const BENCH_COLLECTION_NAME = "Bench collecte 10000";
