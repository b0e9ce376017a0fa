import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { aimSalvo, ANSWER_LOCK_NAMESPACE, whoWroteTheCut } from "@/bench/answer-load/kill-cut";
import { leafProcess, listeningInodes, listeningProcess } from "@/bench/answer-load/proc-stats";
import { killGroup } from "@/bench/answer-load/process-group";
import { nginxConfig } from "@/bench/answer-load/proxies";

/**
 * The fault bench's aimed cut (bench/answer-load/kill-cut.ts, faults.ts, r10): the process killed is the one holding
 * the app's port, the salvo goes to pupils that process serves, their answers wait in PostgreSQL behind the answer
 * lock the bench holds, and each cut answer is attributed to the transaction that stored it.
 */
describe("the fault bench's aimed cut", () => {
  it("finds the listening socket of a port in /proc/net/tcp and tcp6, not a connection from or to it", () => {
    const tcp = [
      "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
      // 127.0.0.1:3320 listening (PgBouncer), 127.0.0.1:54321 → 127.0.0.1:3311 established (a client of app 1).
      "   0: 0100007F:0CF8 00000000:0000 0A 00000000:00000000 00:00000000 00000000   101        0 1026695 1 0000000083441e4b 100 0 0 10 0",
      "   1: 0100007F:D431 0100007F:0CEF 01 00000000:00000000 00:00000000 00000000     0        0 2222 1 0000000083441e4b 20 4 30 10 -1",
    ].join("\n");
    const tcp6 = [
      "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
      // *:3311 listening (node listens on every address: the IPv6 any address), and an accepted connection on it.
      "   0: 00000000000000000000000000000000:0CEF 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 3333 1 0000000000000000 100 0 0 10 0",
      "   1: 0000000000000000FFFF00000100007F:0CEF 0000000000000000FFFF00000100007F:D432 01 00000000:00000000 00:00000000 00000000     0        0 4444 1 0000000000000000 20 4 30 10 -1",
    ].join("\n");
    expect(listeningInodes(tcp, 3320)).toEqual([1026695]);
    expect(listeningInodes(tcp, 3311)).toEqual([]);
    expect(listeningInodes(tcp6, 3311)).toEqual([3333]);
    expect(listeningInodes(tcp6, 54322)).toEqual([]);
  });

  it("kills the server holding the port, not the tree's leaf (a child of the server, as esbuild's service under tsx)", async () => {
    // sh -c → node (the server, listening on a free port) → a child that only waits.
    const server = `const s = require("node:http").createServer(); s.listen(0, "127.0.0.1", () => {
      require("node:child_process").spawn("sleep", ["30"], { stdio: "ignore" });
      setTimeout(() => console.log(process.pid + " " + s.address().port), 200);
    });`;
    const root = spawn("sh", ["-c", `${process.execPath} -e '${server}'`], { stdio: ["ignore", "pipe", "inherit"], detached: true });
    try {
      const [pid, port] = await new Promise<number[]>((resolve) => root.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString().trim().split(" ").map(Number))));
      expect(listeningProcess(root.pid!, port)).toBe(pid);
      expect(leafProcess(root.pid!)).not.toBe(pid);
      // A port nobody of this tree listens on: nothing to kill.
      expect(listeningProcess(root.pid!, port + 1 === 65536 ? 1 : port + 1)).toBeNull();
    } finally {
      killGroup(root.pid!);
    }
  });

  it("aims at the pupils nginx sent to the victim alone, in order, at most the salvo's size", () => {
    const probed = [
      { pupil: "a", upstream: "127.0.0.1:3311" },
      { pupil: "b", upstream: "127.0.0.1:3312" },
      { pupil: "c", upstream: "127.0.0.1:3311" },
      // nginx tried both: not a pupil it keeps on the victim.
      { pupil: "d", upstream: "127.0.0.1:3312, 127.0.0.1:3311" },
      { pupil: "e", upstream: null },
      { pupil: "f", upstream: "127.0.0.1:3311" },
      { pupil: "g", upstream: "127.0.0.1:3311" },
    ];
    expect(aimSalvo(probed, "127.0.0.1:3311", 3)).toEqual(["a", "c", "f"]);
    expect(aimSalvo(probed, "127.0.0.1:3312", 6)).toEqual(["b"]);
    expect(aimSalvo(probed, "127.0.0.1:3311", 0)).toEqual([]);
  });

  it("attributes a cut answer to the killed process's transaction when its request reached the app before the kill, to a resend after", () => {
    const kill = Date.UTC(2026, 11, 7, 17, 50, 0);
    expect(whoWroteTheCut([kill - 40, kill - 1, kill, kill + 900, null], kill)).toEqual({ byCutTransaction: 2, byResend: 2, missing: 1 });
    expect(whoWroteTheCut([], kill)).toEqual({ byCutTransaction: 0, byResend: 0, missing: 0 });
  });

  it("holds the very lock pix_answer_submit takes first (the namespace of the latest migration defining it)", () => {
    const migration = readFileSync("prisma/migrations/20261207150000_answer_submit_user_lock/migration.sql", "utf8");
    expect(migration).toContain(`PERFORM pg_advisory_xact_lock(${ANSWER_LOCK_NAMESPACE}, p_user_id);`);
    const repository = readFileSync("lib/db/repositories/assessment-repository.ts", "utf8");
    expect(repository).toContain(`export const USER_ANSWER_LOCK_NAMESPACE = ${ANSWER_LOCK_NAMESPACE};`);
  });

  it("names the serving process in X-Pix-Upstream only when the fault bench asks", () => {
    const base = { dir: "/tmp/nginx", port: 3340, upstreams: [3341, 3342], balance: "cookie" as const };
    expect(nginxConfig({ ...base, exposeUpstream: true })).toContain("add_header X-Pix-Upstream $upstream_addr always;");
    expect(nginxConfig(base)).not.toContain("X-Pix-Upstream");
  });
});
