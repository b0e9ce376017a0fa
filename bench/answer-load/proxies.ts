/**
 * nginx (load balancer) and PgBouncer (transaction pooling) from Debian's packages, with configurations
 * generated under .data/bench-answers/. Bench only: `npm test` never needs them
 * (apt-get install -y nginx pgbouncer). docs/deploy.md shows the same settings for servers.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, chownSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { STATE_DIR } from "./settings";
import { stopGroup } from "./process-group";

export type Service = { name: string; pid: () => number | null; url: string; stop: () => Promise<void> };

function binary(name: string, candidates: string[]): string {
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`${name} introuvable : apt-get install -y ${name} (seulement pour le bench, pas pour npm test)`);
  return found;
}

async function waitForPort(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => {
        socket.end();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`rien n'écoute sur le port ${port} après ${timeoutMs / 1000} s`);
}

/** Runs and restarts a service; its output goes to .data/bench-answers/logs/<name>.log. */
function supervise(name: string, command: string, args: string[], log: (line: string) => void, options: { uid?: number; gid?: number } = {}): { child: () => ChildProcess; stop: () => Promise<void> } {
  let child: ChildProcess;
  let stopping = false;
  let restart: NodeJS.Timeout | undefined;
  const logFile = path.join(STATE_DIR, "logs", `${name}.log`);
  mkdirSync(path.dirname(logFile), { recursive: true });
  writeFileSync(logFile, "");
  const start = () => {
    if (stopping) return;
    // Its own process group (nginx's workers with their master): the stop reaches all of them, not only the leader.
    child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"], detached: true, ...options });
    child.stderr?.on("data", (chunk: Buffer) => appendFileSync(logFile, chunk));
    child.on("exit", (code, signal) => {
      if (stopping) return;
      log(`[supervision] ${name} arrêté (${signal ?? code}) : redémarrage`);
      restart = setTimeout(start, 500);
    });
  };
  start();
  return {
    child: () => child,
    stop: async () => {
      stopping = true;
      clearTimeout(restart);
      if (child.pid) await stopGroup(child.pid, 10_000);
    },
  };
}

/**
 * How nginx picks an app process: `least_conn` (fewest requests in progress), or by the session cookie so that a
 * pupil stays on one process: `cookie` (nginx's plain `hash`, the key's CRC32 modulo the servers) or
 * `cookie-consistent` (`hash … consistent`, a ring of 160 points per server).
 */
export type Balance = "least_conn" | "cookie" | "cookie-consistent";
export const BALANCES: readonly Balance[] = ["least_conn", "cookie", "cookie-consistent"];

/**
 * The session cookie's value, as nginx's `map` extracts it (a variable cannot name a cookie with dots and dashes):
 * the same expression as docs/deploy.md, in PCRE syntax that JavaScript also reads (the unit test applies it).
 */
export const SESSION_COOKIE_PATTERN = "(?:^|;\\s*)(?:__Secure-)?next-auth\\.session-token=(?<token>[^;]+)";

/**
 * The upstream's choice. `cookie` and `cookie-consistent`: a hash of the session cookie, so that a pupil's answers
 * reach the process that remembers the state of the test (one statement instead of a read first, ADR 0013
 * « 07/12 (8) »). With either, a process out of the rotation (dead, or failing) has its pupils hashed again onto the
 * others and the others' pupils stay where they are (checked with nginx 1.22 and stub servers). They differ when the
 * list of servers changes: the ring moves only about 1/N of the pupils, the plain hash nearly all of them (each
 * moved pupil costs one read, once). But the ring splits unevenly: with the bench's two upstreams (127.0.0.1:N+1
 * and N+2) 54 % / 46 % of the pupils, where the plain hash gave 50.6 % / 49.4 % (1,200 random tokens) — near
 * saturation the busier process queues (ADR 0013 « 07/12 (9) »).
 * A request without the cookie (the login page, a signed-out visitor) has no state to find: it is hashed on
 * $request_id, random per request, so such requests spread over the processes. Not on the client address: a school's
 * pupils share one address (its NAT), which would put the whole school's logins on one process.
 */
function balanceDirectives(balance: Balance): { http: string; upstream: string } {
  if (balance === "least_conn") return { http: "", upstream: "    least_conn;" };
  return {
    http: `  map $http_cookie $pix_session {
    default "";
    "~${SESSION_COOKIE_PATTERN}" $token;
  }
  map $pix_session $pix_balance_key {
    "" $request_id;
    default $pix_session;
  }
`,
    upstream: `    hash $pix_balance_key${balance === "cookie-consistent" ? " consistent" : ""};`,
  };
}

/**
 * nginx as a reverse proxy and load balancer: least connections or the session cookie (`balance`), keep-alive to the
 * app processes, the client address appended to X-Forwarded-For (the app trusts exactly one hop), a dead process
 * skipped for 5 s after 3 failures (with `cookie`, its pupils are hashed to the others meanwhile). Idle upstream
 * connections are closed by nginx after 60 s, before the app's own keep-alive timeout (HTTP_KEEP_ALIVE_TIMEOUT_MS,
 * 75 s): when the app closed first (Node's default is 5 s), nginx could send an answer on a connection being closed
 * and, a POST not being retried, return 502 (« upstream prematurely closed »). One such failure with max_fails=1 also
 * took the process out of the rotation for 2 s: both out, « no live upstreams ».
 * `exposeUpstream` (the fault bench only): every response names the process that served it in X-Pix-Upstream
 * (« 127.0.0.1:3311 », several when nginx tried more than one), so that the bench knows which pupils a process serves.
 */
export function nginxConfig(input: { dir: string; port: number; upstreams: number[]; maxFails?: number; balance: Balance; exposeUpstream?: boolean }): string {
  const { dir } = input;
  const balance = balanceDirectives(input.balance);
  return `# Generated by bench/answer-load/proxies.ts
worker_processes 1;
daemon off;
master_process on;
user root;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 8192; }
http {
  access_log off;
  client_body_temp_path ${dir}/temp/body;
  proxy_temp_path ${dir}/temp/proxy;
  fastcgi_temp_path ${dir}/temp/fastcgi;
  uwsgi_temp_path ${dir}/temp/uwsgi;
  scgi_temp_path ${dir}/temp/scgi;
${balance.http}  upstream pix_app {
${balance.upstream}
${input.upstreams.map((port) => `    server 127.0.0.1:${port} max_fails=${input.maxFails ?? 3} fail_timeout=${input.maxFails === 1 ? 2 : 5}s;`).join("\n")}
    keepalive 128;
    keepalive_timeout 60s;
    keepalive_requests 10000;
  }
  server {
    listen 127.0.0.1:${input.port} backlog=4096;
    client_max_body_size 21m;
    location / {
      proxy_pass http://pix_app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_read_timeout 60s;${input.exposeUpstream ? "\n      add_header X-Pix-Upstream $upstream_addr always;" : ""}
    }
  }
}
`;
}

export async function startNginx(input: { port: number; upstreams: number[]; log: (line: string) => void; maxFails?: number; balance: Balance; exposeUpstream?: boolean }): Promise<Service> {
  const nginx = binary("nginx", ["/usr/sbin/nginx"]);
  const dir = path.resolve(STATE_DIR, "nginx");
  mkdirSync(path.join(dir, "temp"), { recursive: true });
  const config = nginxConfig({ dir, ...input });
  const file = path.join(dir, "nginx.conf");
  writeFileSync(file, config);
  const service = supervise("nginx", nginx, ["-c", file, "-p", dir], input.log);
  await waitForPort(input.port).catch(async (error) => {
    await service.stop(); // not yet among the cluster's services: stopped here
    throw error;
  });
  return { name: "nginx", pid: () => service.child().pid ?? null, url: `http://localhost:${input.port}`, stop: service.stop };
}

function postgresUser(): { uid: number; gid: number } {
  const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
  return { uid, gid };
}

/**
 * PgBouncer in transaction mode: a server connection is lent for one transaction, so many app processes share
 * a small number of PostgreSQL backends. `mode: "session"` (the bench's --pgbouncer-mode session) lends it for as long
 * as the client stays connected: prepared statements survive, but every app connection holds a backend. Works with Prisma's pg adapter because it sends unnamed statements
 * (PgBouncer 1.18 does not keep named prepared statements across transactions). Runs as the postgres user
 * (PgBouncer refuses root).
 */
export async function startPgBouncer(input: { serverUrl: string; port: number; log: (line: string) => void; poolSize?: number; mode?: "transaction" | "session" }): Promise<Service> {
  const pgbouncer = binary("pgbouncer", ["/usr/sbin/pgbouncer"]);
  const server = new URL(input.serverUrl);
  const user = decodeURIComponent(server.username);
  const password = decodeURIComponent(server.password);
  const dir = path.resolve(STATE_DIR, "pgbouncer");
  mkdirSync(dir, { recursive: true });
  const config = `; Generated by bench/answer-load/proxies.ts
[databases]
* = host=${server.hostname} port=${server.port}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${input.port}
unix_socket_dir =
auth_type = scram-sha-256
auth_file = ${dir}/userlist.txt
pool_mode = ${input.mode ?? "transaction"}
default_pool_size = ${input.poolSize ?? 20}
min_pool_size = ${Math.min(10, input.poolSize ?? 20)}
reserve_pool_size = 5
reserve_pool_timeout = 1
max_client_conn = 2000
server_reset_query =
ignore_startup_parameters = extra_float_digits,options
server_login_retry = 1
logfile = ${dir}/pgbouncer.log
pidfile = ${dir}/pgbouncer.pid
admin_users = ${user}
log_connections = 0
log_disconnections = 0
log_stats = 0
`;
  writeFileSync(path.join(dir, "pgbouncer.ini"), config);
  writeFileSync(path.join(dir, "userlist.txt"), `"${user}" "${password}"\n`);
  const owner = postgresUser();
  for (const file of [dir, path.join(dir, "pgbouncer.ini"), path.join(dir, "userlist.txt")]) chownSync(file, owner.uid, owner.gid);
  const service = supervise("pgbouncer", pgbouncer, [path.join(dir, "pgbouncer.ini")], input.log, owner);
  await waitForPort(input.port).catch(async (error) => {
    await service.stop(); // not yet among the cluster's services: stopped here
    throw error;
  });
  const url = new URL(input.serverUrl);
  url.port = String(input.port);
  return { name: "pgbouncer", pid: () => service.child().pid ?? null, url: url.href, stop: service.stop };
}

const NGINX_ERROR_LOG = () => path.resolve(STATE_DIR, "nginx", "error.log");

/** Where nginx's error log ends now (a window's errors are those written after it). */
export function nginxLogOffset(): number {
  return existsSync(NGINX_ERROR_LOG()) ? statSync(NGINX_ERROR_LOG()).size : 0;
}

/**
 * nginx's errors and warnings written since `offset`, by cause (« upstream prematurely closed connection », « no
 * live upstreams », « connect() failed », an upstream timeout…): what is behind a 502 or 504 the bench saw.
 */
export function nginxErrorsSince(offset: number): Map<string, number> {
  const kinds = new Map<string, number>();
  if (!existsSync(NGINX_ERROR_LOG())) return kinds;
  const text = readFileSync(NGINX_ERROR_LOG()).subarray(offset).toString("utf8");
  for (const line of text.split("\n")) {
    const match = /\[(error|warn|crit|alert)\] \d+#\d+: (?:\*\d+ )?(.*?)(?: while |, client:|$)/.exec(line);
    if (!match) continue;
    const kind = match[2].replace(/\(\d+: /, "(").replace(/\d+/g, "N").slice(0, 80);
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  return kinds;
}
