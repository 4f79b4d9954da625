/**
 * `npm run bench:sync`: the monthly register sync against re-importing the whole file. Two realms
 * hold the same month-1 register; month 2 differs in 1 % of its members (a quarter each: left,
 * joined, renamed, new card under the same person number). One realm is synced
 * (members/register-sync.ts, as `kenpo sync-register` runs it), the other takes the whole month-2
 * file through the import with --update-profile (members/import-register.ts); then the same file is
 * synced again. Time, write requests and the process's peak memory, side by side, at each register
 * size (BENCH_SIZES, default 10000,100000), so the memory's growth with the register shows.
 * Month 1 is seeded through partial import with one precomputed password hash: the bench measures
 * the sync, not the hashing of 100,000 initial passwords (bench:import does). Seeding still takes
 * most of a run (25-80 members/s on a shared 2-core machine), hence BENCH_SEED_CONCURRENCY (3
 * partial imports at once), BENCH_REIMPORT=0 (the sync only: one realm to seed) and, with an
 * external Keycloak (KENPO_TEST_KEYCLOAK_URL), a month-1 realm left by a stopped run is resumed.
 * Progress goes to stderr. Prints figures; asserts nothing.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importRegister, withInitialPassword } from "../members/import-register.js";
import { newUser } from "../members/keycloak-writer.js";
import { hashAlgorithmFromPolicy, hashPassword } from "../members/password-hash.js";
import { realmUsers } from "../members/realm-users.js";
import { syncRegister } from "../members/register-sync.js";
import { loadSocietyConfig } from "../realm-config/load.js";
import { applyRealm } from "../realm-config/provision.js";
import { connectAdmin } from "../runtime/keycloak/admin.js";
import { repoRoot } from "../runtime/keycloak/paths.js";
import { startKeycloak, stopKeycloak } from "../runtime/keycloak/server.js";
import { CHANGED, member, month2, registerFile } from "./sync-register-data.js";

const sizes = (process.env.BENCH_SIZES ?? "10000,100000").split(",").map(Number);
const seedConcurrency = Number(process.env.BENCH_SEED_CONCURRENCY ?? 3);
/** BENCH_REIMPORT=0: the sync only, when a second seeded realm would not fit in the time there is. */
const reimport = process.env.BENCH_REIMPORT !== "0";

const registers = mkdtempSync(join(tmpdir(), "kenpo-bench-sync-"));

/** The process's peak RSS and heap while `task` runs, sampled every 20 ms. */
async function peakMemory<T>(
  task: () => Promise<T>,
): Promise<{ result: T; rssMiB: number; heapMiB: number; beforeRssMiB: number; beforeHeapMiB: number }> {
  global.gc?.();
  const before = process.memoryUsage();
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  sample();
  const timer = setInterval(sample, 20);
  try {
    const result = await task();
    sample();
    return {
      result,
      rssMiB: rss / 2 ** 20,
      heapMiB: heap / 2 ** 20,
      beforeRssMiB: before.rss / 2 ** 20,
      beforeHeapMiB: before.heapUsed / 2 ** 20,
    };
  } finally {
    clearInterval(timer);
  }
}

/**
 * The month-1 realm. One hash for every seeded member: setting up month 1 is not what is measured.
 * A realm left by a stopped run on an external Keycloak (KENPO_TEST_KEYCLOAK_URL) that still holds
 * exactly the month-1 count is used as it is: seeding 100,000 members takes most of an hour here.
 */
async function seedMonth1(
  admin: Awaited<ReturnType<typeof connectAdmin>>,
  realm: string,
  base: ReturnType<typeof loadSocietyConfig>,
  size: number,
  log: (message: string) => void,
): Promise<void> {
  const BATCH = 500;
  let from = 0;
  if (await admin.realms.findOne({ realm })) {
    const count = await admin.users.count({ realm });
    if (count === size) {
      log(`${realm}: month 1 already seeded (${count} members), used as it is`);
      return;
    }
    if (count > size) await admin.realms.del({ realm });
    // A stopped seeding: every batch below the last `seedConcurrency` ones was done (SKIP covers the overlap).
    else from = Math.max(0, Math.floor(count / BATCH) - seedConcurrency) * BATCH;
  }
  if (from === 0) await applyRealm(admin, { ...base, realm });
  const realmRep = (await admin.realms.findOne({ realm }))!;
  const password = await hashPassword("bench-seed-password", hashAlgorithmFromPolicy(realmRep.passwordPolicy));
  const seeding = Date.now();
  const every = Math.max(BATCH, Math.round(size / 20 / BATCH) * BATCH);
  let next = from;
  let done = from;
  // Several partial imports at once: each is one transaction on one Keycloak thread, and under
  // nice 19 on a shared machine each thread gets only a small share of a core.
  const worker = async () => {
    while (next < size) {
      const i = next;
      next += BATCH;
      // Generated batch by batch: the register held in this process would count in the sync's memory.
      const users = Array.from({ length: Math.min(BATCH, size - i) }, (_, j) =>
        newUser(withInitialPassword(member(i + j)), password, realmRep.defaultRole?.name),
      );
      await admin.realms.partialImport({ realm, rep: { ifResourceExists: "SKIP", users } });
      const before = done;
      done += users.length;
      if (Math.floor(done / every) > Math.floor(before / every) || done === size)
        log(
          `${realm}: ${done}/${size} month-1 members seeded (${((done - from) / ((Date.now() - seeding) / 1000)).toFixed(0)}/s)`,
        );
    }
  };
  await Promise.all(Array.from({ length: seedConcurrency }, worker));
}

const name = "bench-sync";
// A Keycloak already running with our JARs (as for the tests) saves minutes of start-up on a busy machine.
const external = process.env.KENPO_TEST_KEYCLOAK_URL;
const kc = external
  ? {
      url: external,
      adminUser: process.env.KENPO_ADMIN_USER ?? "admin",
      adminPassword: process.env.KENPO_ADMIN_PASSWORD ?? "admin",
    }
  : await startKeycloak({ name, ephemeral: true, httpPort: 0, managementPort: 0, startTimeout: 1500 });
try {
  const admin = await connectAdmin({ url: kc.url, username: kc.adminUser, password: kc.adminPassword });
  const base = loadSocietyConfig(`${repoRoot}/realm-config/societies/demo.yaml`);
  const rows: string[][] = [["register", "run", "time", "writes", "peak RSS / heap"]];
  // Progress on stderr: at 100,000 members a run takes long enough that a stopped one should say how far it got.
  const log = (message: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);
  /**
   * Deleting a realm of 100,000 members outlasts the admin client's five-minute wait for an answer (Keycloak
   * goes on deleting). The figures are measured by then: a slow delete is said and the run goes on.
   */
  const dropRealm = async (realm: string) => {
    try {
      await admin.realms.del({ realm });
    } catch (error) {
      log(
        `${realm}: not deleted in time (${(error as Error).message}); ${external ? "delete it by hand" : "it goes with this throw-away Keycloak"}`,
      );
    }
  };
  for (const size of sizes) {
    const realms = [`bench-sync-${size}`, ...(reimport ? [`bench-reimport-${size}`] : [])];
    // Both realms at once: each partial import is one transaction on one Keycloak thread, and on a
    // shared machine under nice 19 more threads get more of the cores.
    await Promise.all(realms.map((realm) => seedMonth1(admin, realm, base, size, log)));
    const file = registerFile(registers, `month2-${size}.csv`, month2(size));
    const connect = (realm: string) => () => ({ admin, realm });
    const fmt = (seconds: number) => `${seconds.toFixed(1)} s`;
    const mem = (m: { rssMiB: number; heapMiB: number; beforeRssMiB: number; beforeHeapMiB: number }) =>
      `${m.rssMiB.toFixed(0)} / ${m.heapMiB.toFixed(0)} MiB (before: ${m.beforeRssMiB.toFixed(0)} / ${m.beforeHeapMiB.toFixed(0)})`;

    for (const pass of ["sync", "sync again"]) {
      log(`${realms[0]}: ${pass}`);
      const started = Date.now();
      const m = await peakMemory(() => syncRegister(file, { maxLeavePercent: 5 }, connect(realms[0]!)));
      if (m.result.kind !== "synced") throw new Error(`the month-2 register did not sync: ${m.result.kind}`);
      const { report } = m.result;
      const p = report.planned;
      rows.push([
        `${size}`,
        `${pass} (${p.create} join, ${p.update} update, ${p.leave} leave)`,
        fmt((Date.now() - started) / 1000),
        `${report.writes}`,
        mem(m),
      ]);
      log(rows.at(-1)!.join("  "));
    }
    // The plan's read of the realm against its check (a second, brief read of the ids), side by side.
    for (const [label, pageSize, brief] of [
      ["the plan's realm read (attributes, pages of 500)", 500, false],
      ["its check: the ids read again (brief, pages of 1,000)", 1000, true],
    ] as const) {
      const started = Date.now();
      let count = 0;
      for await (const user of realmUsers(admin, realms[0]!, pageSize, 3, brief)) count += user.id ? 1 : 0;
      rows.push([`${size}`, `${label}: ${count} accounts`, fmt((Date.now() - started) / 1000), "0", ""]);
      log(rows.at(-1)!.join("  "));
    }
    await dropRealm(realms[0]!);
    if (!reimport) continue;
    // The import matches by card: a new card whose user ID is already an account's is a conflict,
    // which refuses the whole file; an admin re-importing writes the rest with --skip-invalid.
    log(`${realms[1]}: re-import --update-profile --skip-invalid`);
    const started = Date.now();
    const m = await peakMemory(() =>
      importRegister(file, { updateProfile: true, skipInvalid: true }, { connect: connect(realms[1]!) }),
    );
    if (m.result.kind !== "imported") throw new Error(`the month-2 register did not import: ${m.result.kind}`);
    const r = m.result.report;
    rows.push([
      `${size}`,
      `re-import --update-profile --skip-invalid (${r.created} created, ${r.updated} updated, ${r.conflicts.length} new cards refused; leavers stay enabled)`,
      fmt((Date.now() - started) / 1000),
      `${r.batches + r.updated}`,
      mem(m),
    ]);
    log(rows.at(-1)!.join("  "));
    await dropRealm(realms[1]!);
  }
  admin.close();
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  process.stdout.write(`\nRegister sync benchmark on Keycloak ${kc.url}, ${CHANGED * 100} % of the members changed\n`);
  for (const r of rows) process.stdout.write(`  ${r.map((v, c) => v.padEnd(widths[c]!)).join("  ")}\n`);
} finally {
  rmSync(registers, { recursive: true, force: true });
  if (!external) await stopKeycloak(name);
}
