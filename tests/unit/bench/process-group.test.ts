import { spawn } from "node:child_process";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { assertPortsFree, groupAlive, stopGroup } from "@/bench/answer-load/process-group";

/**
 * The bench's shutdown reaches every process of a child's group and waits for them (review of 07/12, finding F4: apps
 * left running after SIGINT took the next run's traffic), and a run refuses ports that are already taken.
 */
const groups: number[] = [];
const servers: net.Server[] = [];
afterEach(async () => {
  for (const pgid of groups.splice(0)) {
    try {
      process.kill(-pgid, "SIGKILL");
    } catch {
      // gone
    }
  }
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

function group(script: string): number {
  const child = spawn("sh", ["-c", script], { detached: true, stdio: "ignore" });
  groups.push(child.pid!);
  return child.pid!;
}

describe("stopGroup", () => {
  it("stops the leader and the processes it started, and returns once none is left", async () => {
    const pgid = group("sleep 30 & sleep 30 & wait");
    await new Promise((r) => setTimeout(r, 100));
    expect(groupAlive(pgid)).toBe(true);
    await stopGroup(pgid, 2_000);
    expect(groupAlive(pgid)).toBe(false);
  });

  it("kills what ignores SIGTERM once the grace period is over", async () => {
    // `trap "" TERM`: the shell and the sleeps it starts ignore SIGTERM (an ignored signal stays ignored across exec).
    const pgid = group(`trap "" TERM; sleep 30 & sleep 30 & wait`);
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    await stopGroup(pgid, 300);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(groupAlive(pgid)).toBe(false);
  });
});

describe("assertPortsFree", () => {
  it("names the taken port in French and passes on a free one", async () => {
    const server = net.createServer();
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const taken = (server.address() as net.AddressInfo).port;
    await expect(assertPortsFree([{ port: taken, what: "application 1" }])).rejects.toThrow(`Port déjà pris : ${taken} (application 1)`);
    const free = net.createServer();
    await new Promise<void>((r) => free.listen(0, "127.0.0.1", r));
    const freePort = (free.address() as net.AddressInfo).port;
    await new Promise((r) => free.close(r));
    await expect(assertPortsFree([{ port: freePort, what: "nginx" }])).resolves.toBeUndefined();
  });
});
