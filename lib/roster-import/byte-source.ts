/** Bytes to parse: a whole upload, or a stream (e.g. a zip entry) consumed chunk by chunk. */
export type ByteSource = Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

const CHUNK_BYTES = 64 * 1024;
/** Give the event loop a turn every megabyte, so a big file does not freeze the server's other requests. */
const YIELD_EVERY_BYTES = 1024 * 1024;

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

async function* rawChunks(source: ByteSource): AsyncGenerator<Uint8Array> {
  if (source instanceof Uint8Array) {
    for (let start = 0; start < source.length; start += CHUNK_BYTES) yield source.subarray(start, start + CHUNK_BYTES);
  } else {
    yield* source;
  }
}

/** The source as Buffers (views, no copy for a Buffer input), yielding to the event loop as it goes. */
export async function* chunksOf(source: ByteSource): AsyncGenerator<Buffer> {
  let sinceYield = 0;
  for await (const chunk of rawChunks(source)) {
    yield Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    sinceYield += chunk.length;
    if (sinceYield >= YIELD_EVERY_BYTES) {
      sinceYield = 0;
      await yieldToEventLoop();
    }
  }
}

/** Today's date in France (YYYY-MM-DD), the default "today" when checking that birthdates are in the past. */
export function todayInParis(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}
