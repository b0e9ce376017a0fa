/**
 * One teacher watching « Suivi en direct » over server-sent events, as the page's EventSource does: the stream route
 * with the teacher's session cookies, each `etat` event parsed, and for every line the first time each answers count
 * was seen (on this process's monotonic clock, the one the acknowledgements use).
 */
import { performance } from "node:perf_hooks";

export type TeacherStream = {
  campaignId: number;
  events: number;
  /** When this teacher first saw the line `key` with at least `answers` answers (null: never). */
  firstSeen: (key: string, answers: number) => number | null;
  close: () => void;
};

type Snapshot = { lines: { key: string; answersCount: number }[] };

export async function watchLiveView(input: { baseUrl: string; campaignId: number; cookies: Record<string, string> }): Promise<TeacherStream> {
  const controller = new AbortController();
  const response = await fetch(`${input.baseUrl}/api/campagnes/${input.campaignId}/suivi/flux`, {
    headers: { accept: "text/event-stream", cookie: Object.entries(input.cookies).map(([k, v]) => `${k}=${v}`).join("; ") },
    signal: controller.signal,
  });
  if (response.status !== 200 || !response.body) throw new Error(`flux refusé (HTTP ${response.status}) pour la campagne ${input.campaignId}`);
  // key → answers count → first time seen
  const seen = new Map<string, Map<number, number>>();
  const stream: TeacherStream = {
    campaignId: input.campaignId,
    events: 0,
    firstSeen: (key, answers) => {
      let first: number | null = null;
      for (const [count, at] of seen.get(key) ?? []) if (count >= answers && (first === null || at < first)) first = at;
      return first;
    },
    close: () => controller.abort(),
  };
  const onEvent = (block: string) => {
    if (!block.startsWith("event: etat\n")) return;
    const at = performance.now();
    stream.events++;
    const snapshot = JSON.parse(block.slice(block.indexOf("data: ") + 6)) as Snapshot;
    for (const line of snapshot.lines) {
      let counts = seen.get(line.key);
      if (!counts) seen.set(line.key, (counts = new Map()));
      if (!counts.has(line.answersCount)) counts.set(line.answersCount, at);
    }
  };
  void (async () => {
    let buffer = "";
    try {
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      for (let read = await reader.read(); !read.done; read = await reader.read()) {
        buffer += read.value;
        for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
          onEvent(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // aborted at the end of the run
    }
  })();
  return stream;
}
