import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cacheDir } from "./paths.js";
import { freePort } from "./ports.js";
import type { DatabaseOptions } from "./server.js";

/** Debian's PostgreSQL server binaries (package `postgresql`). */
export function postgresBin(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, "bin", "pg_ctl"))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error("PostgreSQL server not found: apt-get install postgresql");
  return join(root, newest, "bin");
}

interface PostgresState {
  port: number;
  password: string;
}

const isRoot = process.getuid?.() === 0;

/** PostgreSQL refuses to run as root, so as root we run it as Debian's `postgres` user. */
function runAsOwner(cmd: string, args: string[]): string {
  return isRoot
    ? execFileSync("runuser", ["-u", "postgres", "--", cmd, ...args], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      })
    : execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

function ownerIds(): { uid: number; gid: number } | undefined {
  if (!isRoot) return undefined;
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  return { uid: id("-u"), gid: id("-g") };
}

/**
 * A private PostgreSQL cluster on loopback for one Keycloak profile (or a whole Keycloak cluster):
 * created on first use under .cache/postgres/<name>, started if stopped. Returns Keycloak's DB options.
 */
export async function startPostgres(opts: {
  name: string;
  port?: number;
}): Promise<DatabaseOptions & { port: number; dataDir: string }> {
  const bin = postgresBin();
  const base = join(cacheDir, "postgres", opts.name);
  const dataDir = join(base, "data");
  const socketDir = join(base, "run");
  const stateFile = join(base, "state.json");
  mkdirSync(socketDir, { recursive: true });
  const ids = ownerIds();
  if (ids) {
    // postgres must be able to reach its folders through the cache path.
    chownSync(base, ids.uid, ids.gid);
    chownSync(socketDir, ids.uid, ids.gid);
  }
  let state: PostgresState;
  if (!existsSync(join(dataDir, "PG_VERSION"))) {
    state = { port: opts.port ?? (await freePort()), password: randomBytes(18).toString("base64url") };
    mkdirSync(dataDir, { recursive: true });
    if (ids) chownSync(dataDir, ids.uid, ids.gid);
    const pwFile = join(base, "pwfile");
    writeFileSync(pwFile, state.password + "\n", { mode: 0o600 });
    if (ids) chownSync(pwFile, ids.uid, ids.gid);
    runAsOwner(join(bin, "initdb"), [
      "-D",
      dataDir,
      "-U",
      "keycloak",
      "--auth=scram-sha-256",
      `--pwfile=${pwFile}`,
      "-E",
      "UTF8",
      "--locale=C.UTF-8",
    ]);
    writeFileSync(stateFile, JSON.stringify(state), { mode: 0o600 });
  } else {
    state = JSON.parse(readFileSync(stateFile, "utf8")) as PostgresState;
  }
  let running: boolean;
  try {
    runAsOwner(join(bin, "pg_ctl"), ["-D", dataDir, "status"]);
    running = true;
  } catch {
    running = false;
  }
  if (!running) {
    runAsOwner(join(bin, "pg_ctl"), [
      "-D",
      dataDir,
      "-l",
      join(base, "postgres.log"),
      "-w",
      "start",
      "-o",
      `-p ${state.port} -c listen_addresses=127.0.0.1 -k ${socketDir} -c max_connections=200`,
    ]);
    const env = { ...process.env, PGPASSWORD: state.password };
    const exists = execFileSync(
      join(bin, "psql"),
      [
        "-h",
        "127.0.0.1",
        "-p",
        String(state.port),
        "-U",
        "keycloak",
        "-d",
        "postgres",
        "-tAc",
        "SELECT 1 FROM pg_database WHERE datname='keycloak'",
      ],
      { env, encoding: "utf8" },
    ).trim();
    if (exists !== "1") {
      execFileSync(join(bin, "createdb"), ["-h", "127.0.0.1", "-p", String(state.port), "-U", "keycloak", "keycloak"], {
        env,
      });
    }
  }
  chmodSync(stateFile, 0o600);
  return {
    vendor: "postgres",
    url: `jdbc:postgresql://127.0.0.1:${state.port}/keycloak`,
    username: "keycloak",
    password: state.password,
    port: state.port,
    dataDir,
  };
}

export function stopPostgres(name: string): void {
  const dataDir = join(cacheDir, "postgres", name, "data");
  if (!existsSync(join(dataDir, "postmaster.pid"))) return;
  runAsOwner(join(postgresBin(), "pg_ctl"), ["-D", dataDir, "-m", "fast", "-w", "stop"]);
}
