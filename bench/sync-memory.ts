/**
 * `npm run bench:sync-memory`: what the register sync's plan, and the import's, take in memory,
 * without Keycloak, at each register size (BENCH_SIZES, default 10000,100000), each in a process of
 * its own so their figures do not mix: month 1's accounts as the admin API returns them (through
 * JSON, as over HTTP) read into the planner, month 2's register validated and planned as `kenpo
 * sync-register` (or `import-members --update-profile`) does (bench:sync's data: 1 % changed).
 * Printed side by side: the JavaScript heap still live after a full collection, resident memory
 * before and after the plan and its peak (the heap, SQLite's page caches and everything else
 * native), and what went to the scratch databases' files on disk instead. Prints figures; asserts nothing.
 */
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readlinkSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type UserRepresentation from "@keycloak/keycloak-admin-client/lib/defs/userRepresentation.js";
import { registerMembers, validateRegister, withInitialPassword } from "../members/import-register.js";
import { newUser, planMembers } from "../members/keycloak-writer.js";
import { accountOf, MemberPlanner, RealmMembers } from "../members/member-plan.js";
import type { ValidationSummary } from "../members/read-members.js";
import { hashAlgorithmFromPolicy, hashPassword } from "../members/password-hash.js";
import { planSync } from "../members/register-sync.js";
import { syncAccountOf } from "../members/register-sync-plan.js";
import { member, month2, registerFile } from "./sync-register-data.js";

const MiB = 2 ** 20;
const PLANS = {
  sync: "Register sync plan",
  import: "Import plan (--update-profile)",
} as const;
type Plan = keyof typeof PLANS;
const one = process.env.BENCH_SYNC_MEMORY_SIZE;

if (one === undefined) {
  const sizes = (process.env.BENCH_SIZES ?? "10000,100000").split(",").map(Number);
  const dir = mkdtempSync(join(tmpdir(), "kenpo-bench-sync-memory-"));
  try {
    const files = new Map(sizes.map((size) => [size, registerFile(dir, `month2-${size}.csv`, month2(size))]));
    for (const plan of Object.keys(PLANS) as Plan[]) {
      const out = sizes.map((size) =>
        execFileSync(process.execPath, [...process.execArgv, process.argv[1]!], {
          env: {
            ...process.env,
            BENCH_SYNC_MEMORY_PLAN: plan,
            BENCH_SYNC_MEMORY_SIZE: String(size),
            BENCH_SYNC_MEMORY_FILE: files.get(size),
          },
          encoding: "utf8",
          stdio: ["ignore", "pipe", "inherit"],
        }).trimEnd(),
      );
      process.stdout.write(`\n${PLANS[plan]}, memory by register size (1 % changed)\n${out.join("\n")}\n`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else await measure(process.env.BENCH_SYNC_MEMORY_PLAN as Plan, Number(one), process.env.BENCH_SYNC_MEMORY_FILE!);

async function measure(what: Plan, size: number, file: string): Promise<void> {
  const gc = globalThis.gc;
  if (!gc) throw new Error("run with node --expose-gc (npm run bench:sync-memory does)");
  const heapMiB = () => {
    gc();
    gc();
    return process.memoryUsage().heapUsed / MiB;
  };
  const password = await hashPassword("bench-seed-password", hashAlgorithmFromPolicy(undefined));
  const rssBefore = process.memoryUsage().rss / MiB;
  const before = heapMiB();
  const started = performance.now();
  const summary = await validateRegister(file, {});
  if ("message" in summary) throw new Error(summary.message);
  // As the realm read yields them: one account at a time, each through JSON as over HTTP.
  function* users(): Generator<UserRepresentation> {
    for (let i = 0; i < size; i += 1) {
      const rep = { ...newUser(withInitialPassword(member(i)), password, undefined), id: randomUUID() };
      yield JSON.parse(JSON.stringify(rep)) as UserRepresentation;
    }
  }
  const planned = what === "sync" ? await planSyncOf(users(), summary) : await planImport(users(), summary);
  const seconds = (performance.now() - started) / 1000;
  const onDisk = scratchFilesMiB();
  const after = heapMiB();
  const peak = process.resourceUsage().maxRSS / 1024;
  const resident = process.memoryUsage().rss / MiB;
  // The plan is kept to the measurement, as the run keeps it until it has written.
  process.stdout.write(
    `  ${size} members: heap ${(after - before).toFixed(1)} MiB kept (${(((after - before) * MiB) / size).toFixed(0)} B per member); ` +
      `resident ${rssBefore.toFixed(0)} MiB before, ${resident.toFixed(0)} MiB after (peak ${peak.toFixed(0)} MiB); ` +
      `scratch files ${onDisk.toFixed(1)} MiB on disk; ${planned.what} in ${seconds.toFixed(1)} s\n`,
  );
  planned.close();
  summary.close();
}

// Both plans as the runs make them, up to the state each keeps while it writes (its planner closed).
async function planSyncOf(users: Iterable<UserRepresentation>, summary: ValidationSummary) {
  const { plan, leavers } = await planSync(
    (function* () {
      for (const user of users) {
        const account = syncAccountOf(user);
        if (account) yield { account };
      }
    })(),
    summary,
  );
  return {
    what: `${plan.writes.size} writes and ${leavers.length} leavers planned`,
    close: () => plan.writes.close(),
  };
}

async function planImport(users: Iterable<UserRepresentation>, summary: ValidationSummary) {
  const realm = new RealmMembers();
  for (const user of users) realm.add(accountOf(user));
  const { decisions, planned } = await planMembers(
    registerMembers(summary)(),
    new MemberPlanner(realm, { updateProfile: true }),
    false,
  );
  return {
    what: `${decisions.size} rows planned: ${planned.create} to create, ${planned.update} to update`,
    close: () => decisions.close(),
  };
}

/** SQLite unlinks a scratch database's file at once; the process still holds it open. */
function scratchFilesMiB(): number {
  let bytes = 0;
  for (const fd of readdirSync("/proc/self/fd")) {
    const path = `/proc/self/fd/${fd}`;
    try {
      if (readlinkSync(path).endsWith("(deleted)")) bytes += statSync(path).size;
    } catch {
      // The directory's own descriptor is gone by the time it is read.
    }
  }
  return bytes / MiB;
}
