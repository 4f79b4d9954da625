import { spawn, type ChildProcess } from "node:child_process";
import {
  closeSync,
  copyFileSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { ensureDistribution } from "./distribution.js";
import { findJdk } from "./jdk.js";
import { cacheDir, providersBuildDir } from "./paths.js";
import { freePort, lostPortRace, portBindFailure } from "./ports.js";

/** Features our providers need; `scripts` runs the JavaScript authenticators. */
export const KEYCLOAK_FEATURES = ["scripts"];

export interface DatabaseOptions {
  vendor: "postgres";
  url: string;
  username: string;
  password: string;
}

export interface KeycloakOptions {
  /** Instance name: its own copy of the distribution under .cache/keycloak/instances/<name>. */
  name: string;
  /** 0 picks a free port. */
  httpPort?: number;
  managementPort?: number;
  /** Loopback by default: a dev Keycloak with a default admin password must not be reachable from outside. */
  httpHost?: string;
  /** dev mode on its file database (default), or a production-like start on PostgreSQL. */
  database?: DatabaseOptions;
  adminUser?: string;
  adminPassword?: string;
  /** Provider JARs copied into the instance's providers/; default: build/providers/*.jar. */
  providers?: string[];
  /** Features switched on; default KEYCLOAK_FEATURES. [] starts a stock Keycloak (provision's check refuses it). */
  features?: string[];
  extraArgs?: string[];
  extraEnv?: Record<string, string>;
  /** Remove the instance folder (and its database) when stopped. */
  ephemeral?: boolean;
  /** Seconds to wait for readiness. */
  startTimeout?: number;
  /** Echo Keycloak's log to our stderr. */
  echoLog?: boolean;
}

export interface RunningKeycloak {
  name: string;
  url: string;
  managementUrl: string;
  adminUser: string;
  adminPassword: string;
  pid: number;
  home: string;
  logFile: string;
}

const DEV_ADMIN_USER = "admin";
const DEV_ADMIN_PASSWORD = "admin";

export function instancesDir(): string {
  return join(cacheDir, "keycloak", "instances");
}

function stateFile(name: string): string {
  return join(instancesDir(), `${name}.json`);
}

export function defaultProviders(): string[] {
  if (!existsSync(providersBuildDir)) return [];
  return readdirSync(providersBuildDir)
    .filter((f) => f.endsWith(".jar"))
    .map((f) => join(providersBuildDir, f));
}

/**
 * Each instance runs from its own copy of the distribution: Keycloak's build step writes into
 * lib/quarkus and reads providers/ from its home, so two instances with different providers
 * (tests next to `npm start`) must not share one. KEYCLOAK_HOME is often a link (/opt/keycloak →
 * keycloak-26.x): the copy is of what it points to, since a copied link would share the installation.
 */
export function prepareHome(distHome: string, name: string, providers: string[]): string {
  const home = join(instancesDir(), name);
  // A home that is a link (cpSync copies a linked distribution as the link itself, e.g. a worktree whose
  // .cache links to another checkout's) would share providers/ and lib/quarkus with every other instance.
  if (existsSync(home) && lstatSync(home).isSymbolicLink()) rmSync(home);
  if (!existsSync(join(home, "bin", "kc.sh"))) {
    mkdirSync(instancesDir(), { recursive: true });
    cpSync(realpathSync(distHome), home, { recursive: true, preserveTimestamps: true });
  }
  const providersDir = join(home, "providers");
  mkdirSync(providersDir, { recursive: true });
  const wanted = new Set(providers.map((p) => p.split("/").pop()!));
  for (const file of readdirSync(providersDir)) {
    if (file.endsWith(".jar") && !wanted.has(file)) rmSync(join(providersDir, file));
  }
  for (const jar of providers) {
    const target = join(providersDir, jar.split("/").pop()!);
    // Copy only what changed, so an unchanged restart skips Keycloak's re-augmentation.
    if (
      !existsSync(target) ||
      statSync(target).mtimeMs !== statSync(jar).mtimeMs ||
      statSync(target).size !== statSync(jar).size
    ) {
      copyFileSync(jar, target);
      const { atime, mtime } = statSync(jar);
      utimesSync(target, atime, mtime);
    }
  }
  return home;
}

/** Keycloak's process ended before it was ready (as opposed to a start that timed out). */
class KeycloakExited extends Error {}

async function waitReady(
  kc: { managementUrl: string; logFile: string },
  child: ChildProcess | undefined,
  timeoutSec: number,
): Promise<void> {
  const deadline = Date.now() + timeoutSec * 1000;
  // Asserted, not annotated: set by the exit listener, which TypeScript's narrowing cannot see, so an
  // annotated `= null` would narrow it to null for good.
  let exited = null as number | null;
  child?.once("exit", (code) => (exited = code ?? -1));
  while (Date.now() < deadline) {
    if (exited !== null) {
      throw new KeycloakExited(
        `Keycloak exited with code ${exited} before it was ready; see ${kc.logFile}:\n${tail(kc.logFile, 30)}`,
      );
    }
    try {
      // Bounded: whoever else holds a port we picked may accept the connection and never answer.
      const res = await fetch(`${kc.managementUrl}/health/ready`, { signal: AbortSignal.timeout(5000) });
      if (res.ok && exited === null) return;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  throw new Error(`Keycloak was not ready after ${timeoutSec}s; see ${kc.logFile}:\n${tail(kc.logFile, 30)}`);
}

export function tail(file: string, lines: number): string {
  if (!existsSync(file)) return "(no log)";
  return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
}

/**
 * How many times a start is repeated with new ports when another process took a port freePort() had picked
 * before Keycloak bound it (freePort() closes its probe, so the port is free only at that moment).
 */
const PORT_RACE_RETRIES = 2;

/** Starts Keycloak in its own process group and resolves once /health/ready answers. */
export async function startKeycloak(options: KeycloakOptions): Promise<RunningKeycloak & { process: ChildProcess }> {
  const existing = readState(options.name);
  if (existing && isAlive(existing.pid)) {
    throw new Error(`Keycloak instance "${options.name}" is already running (pid ${existing.pid}, ${existing.url})`);
  }
  const dist = await ensureDistribution();
  const jdk = findJdk();
  const httpHost = options.httpHost ?? "127.0.0.1";
  const production = options.database !== undefined;
  const adminUser = options.adminUser ?? process.env.KENPO_ADMIN_USER ?? DEV_ADMIN_USER;
  const adminPassword = options.adminPassword ?? process.env.KENPO_ADMIN_PASSWORD ?? DEV_ADMIN_PASSWORD;
  if (production && adminPassword === DEV_ADMIN_PASSWORD) {
    throw new Error("Refusing the dev admin password on the PostgreSQL profile: set KENPO_ADMIN_PASSWORD");
  }
  const providers = options.providers ?? defaultProviders();
  const home = prepareHome(dist.home, options.name, providers);
  const logFile = join(instancesDir(), `${options.name}.log`);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    JAVA_HOME: jdk.home,
    PATH: `${join(jdk.home, "bin")}:${process.env.PATH ?? ""}`,
    KC_BOOTSTRAP_ADMIN_USERNAME: adminUser,
    KC_BOOTSTRAP_ADMIN_PASSWORD: adminPassword,
    // Keycloak's default takes 70 % of RAM per JVM; several instances share our machines.
    JAVA_OPTS_KC_HEAP: process.env.JAVA_OPTS_KC_HEAP ?? "-Xms256m -Xmx1g",
    ...(options.database ? { KC_DB_PASSWORD: options.database.password } : {}),
    ...options.extraEnv,
  };

  for (let attempt = 1; ; attempt += 1) {
    const httpPort = options.httpPort || (await freePort());
    const managementPort = options.managementPort || (await freePort());
    const picked = [options.httpPort ? [] : [httpPort], options.managementPort ? [] : [managementPort]].flat();
    const args = [
      join(home, "bin", "kc.sh"),
      production ? "start" : "start-dev",
      `--http-port=${httpPort}`,
      `--http-host=${httpHost}`,
      `--http-management-port=${managementPort}`,
      "--health-enabled=true",
    ];
    const features = options.features ?? KEYCLOAK_FEATURES;
    if (features.length > 0) args.push(`--features=${features.join(",")}`);
    if (options.database) {
      args.push(
        `--db=${options.database.vendor}`,
        `--db-url=${options.database.url}`,
        `--db-username=${options.database.username}`,
        "--http-enabled=true",
        "--hostname-strict=false",
      );
    }
    args.push(...(options.extraArgs ?? []));

    const out = openSync(logFile, "w");
    const child = spawn("bash", args, { cwd: home, env, detached: true, stdio: ["ignore", out, out] });
    closeSync(out);
    const running: RunningKeycloak = {
      name: options.name,
      url: `http://${httpHost === "0.0.0.0" ? "127.0.0.1" : httpHost}:${httpPort}`,
      managementUrl: `http://127.0.0.1:${managementPort}`,
      adminUser,
      adminPassword,
      pid: child.pid!,
      home,
      logFile,
    };
    writeFileSync(
      stateFile(options.name),
      JSON.stringify({ ...running, adminPassword: undefined, ephemeral: options.ephemeral ?? false }, null, 2),
    );
    let echo: ReturnType<typeof setInterval> | undefined;
    if (options.echoLog) echo = followLog(logFile);
    try {
      await waitReady(running, child, options.startTimeout ?? 300);
      return { ...running, process: child };
    } catch (error) {
      const raced =
        error instanceof KeycloakExited &&
        attempt <= PORT_RACE_RETRIES &&
        lostPortRace(readFileSync(logFile, "utf8"), picked);
      if (!raced) {
        await stopKeycloak(options.name);
        throw error;
      }
      // Keycloak has exited; its instance folder stays for the next attempt (no second copy of the distribution).
      await endProcessGroup(child.pid!);
      const ports = portBindFailure(readFileSync(logFile, "utf8"))?.ports ?? [];
      const what = ports.length ? `port ${ports.join(", ")}` : "one of its ports";
      process.stderr.write(
        `[keycloak] ${options.name}: ${what} was taken by another process before Keycloak bound it; ` +
          `starting again on new ports (attempt ${attempt + 1} of ${PORT_RACE_RETRIES + 1})\n`,
      );
    } finally {
      if (echo) clearInterval(echo);
    }
  }
}

function followLog(file: string): ReturnType<typeof setInterval> {
  let offset = 0;
  return setInterval(() => {
    if (!existsSync(file)) return;
    const text = readFileSync(file, "utf8");
    if (text.length > offset) {
      process.stderr.write(text.slice(offset));
      offset = text.length;
    }
  }, 500);
}

export function readState(name: string): (RunningKeycloak & { ephemeral?: boolean }) | undefined {
  const file = stateFile(name);
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, "utf8")) as RunningKeycloak & { ephemeral?: boolean };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to the whole process group (bash + java), SIGKILL after a grace period. */
async function endProcessGroup(pid: number, graceSec = 30): Promise<void> {
  try {
    process.kill(-pid, "SIGTERM");
  } catch {
    // already gone
  }
  const deadline = Date.now() + graceSec * 1000;
  while (isAlive(pid) && Date.now() < deadline) await sleep(200);
  if (isAlive(pid)) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

/** Stops the instance (see endProcessGroup), forgets its state and removes an ephemeral instance's folder. */
export async function stopKeycloak(name: string, graceSec = 30): Promise<boolean> {
  const state = readState(name);
  if (!state) return false;
  const wasRunning = isAlive(state.pid);
  if (wasRunning) await endProcessGroup(state.pid, graceSec);
  rmSync(stateFile(name), { force: true });
  if (state.ephemeral) rmSync(state.home, { recursive: true, force: true });
  return wasRunning;
}

/** Kills a node at once, as a crash would: no graceful shutdown. */
export function killKeycloak(name: string): void {
  const state = readState(name);
  if (state && isAlive(state.pid)) process.kill(-state.pid, "SIGKILL");
}

export async function keycloakStatus(
  name: string,
): Promise<{ running: boolean; ready: boolean; state?: RunningKeycloak }> {
  const state = readState(name);
  if (!state || !isAlive(state.pid)) return { running: false, ready: false };
  try {
    const res = await fetch(`${state.managementUrl}/health/ready`);
    return { running: true, ready: res.ok, state };
  } catch {
    return { running: true, ready: false, state };
  }
}
