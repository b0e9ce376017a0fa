import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { answerActionIds } from "@/lib/server/answer-action-ids";

/** A build directory with a server-reference manifest shaped as `next build` writes it. */
function buildWith(node: Record<string, unknown>): string {
  const dist = mkdtempSync(path.join(tmpdir(), "answer-ids-"));
  mkdirSync(path.join(dist, "server"));
  writeFileSync(path.join(dist, "server", "server-reference-manifest.json"), JSON.stringify({ node, edge: {} }));
  return dist;
}

describe("the answer action's ids in a build", () => {
  it("keeps the answer action's id, not the other actions of the question page", () => {
    const dist = buildWith({
      "60ad8a": { workers: {}, filename: "lib/actions/answer-action.tsx", exportedName: "answerAction" },
      "4062ef": { workers: {}, filename: "lib/actions/pupil-actions.ts", exportedName: "startTimerAction" },
    });
    expect([...(answerActionIds(dist) ?? [])]).toEqual(["60ad8a"]);
  });

  it("null without a manifest or without the answer action (the gate then counts every action of the page)", () => {
    expect(answerActionIds(path.join(tmpdir(), "no-such-build"))).toBeNull();
    expect(answerActionIds(buildWith({ "4062ef": { workers: {}, filename: "lib/actions/pupil-actions.ts", exportedName: "startTimerAction" } }))).toBeNull();
  });
});
