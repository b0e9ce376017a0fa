import { describe, expect, it } from "vitest";
import { BUSY_MESSAGE } from "../../../lib/domain/shared/errors";
import { HttpError, type HttpResponse } from "../../../bench/answer-load/http-client";
import { emptyStats, OpenLoop, reloadFailure } from "../../../bench/answer-load/open-loop";
import type { LoadContext, Pupil } from "../../../bench/answer-load/pupil";
import { refusalState } from "../../../bench/answer-load/replay";

const response = (contentType: string, body: string, retryAfter = "2"): HttpResponse => ({
  status: 503,
  headers: { "content-type": contentType, "retry-after": retryAfter },
  body,
  ms: 1,
});

describe("what the answer bench counts of a 503 (replay.ts)", () => {
  it("the gate's refusal in French is a refusal to send again, with the server's Retry-After", () => {
    expect(refusalState(response("text/plain; charset=utf-8", `${BUSY_MESSAGE}\n`))).toEqual({ kind: "error", message: "HTTP 503", retryAfterSeconds: 2 });
  });

  it("a plain-text 503 without the French message is an error of its own, not a refusal", () => {
    const state = refusalState(response("text/plain; charset=utf-8", "Service Unavailable"));
    expect(state).toEqual({ kind: "error", message: "HTTP 503 sans le message « Trop de monde… »" });
  });

  it("the answer's own 503 (JSON or page) stays « Trop de monde… »", () => {
    expect(refusalState(response("application/json", "{}", "3"))).toEqual({ kind: "error", message: BUSY_MESSAGE, retryAfterSeconds: 3 });
  });
});

describe("a failed reload says why (open-loop.ts)", () => {
  it("names the client's give-up, or what the page showed instead of a question", () => {
    expect(reloadFailure(new HttpError("timeout", "30 s"))).toBe("rechargement impossible (timeout)");
    expect(reloadFailure(new Error(`arrivée impossible : ${JSON.stringify({ kind: "error", message: "HTTP 500" })}`))).toBe("rechargement impossible (HTTP 500)");
    expect(reloadFailure(new Error(`arrivée impossible : ${JSON.stringify({ kind: "unknown" })}`))).toBe("rechargement impossible (page unknown)");
    expect(reloadFailure(new Error("socket hang up"))).toBe("rechargement impossible (socket hang up)");
  });

  it("is what the open loop counts when a pupil's page cannot be loaded again", async () => {
    const pupil = {
      isDone: false,
      needsArrival: true,
      arrive: () => Promise.reject(new HttpError("network", "ECONNRESET")),
      cycle: () => {
        throw new Error("no cycle without a page");
      },
    } as unknown as Pupil;
    const loop = new OpenLoop({} as LoadContext, [pupil]);
    const stats = emptyStats(0, 0);
    expect(loop.salvo(1, stats)).toBe(1);
    await loop.drain();
    expect([...stats.errors]).toEqual([["rechargement impossible (network)", 1]]);
    expect(loop.freePupils).toBe(1);
  });
});
