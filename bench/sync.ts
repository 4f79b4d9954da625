/**
 * `npm run bench:sync`: the monthly register sync against re-importing the whole file. Two realms
 * hold the same month-1 register; month 2 differs in 1 % of its members (a quarter each: left,
 * joined, renamed, new card under the same person number). One realm is synced
 * (members/register-sync.ts, as `kenpo sync-register` runs it), the other takes the whole month-2
 * file through the import with --update-profile (members/import-register.ts); then the same file is
 * synced again. Time, write requests and the process's peak memory, side by side, at each register
 * size (BENCH_SIZES, default 10000,100000), so the memory's growth with the register shows.
 * Month 1 is seeded through partial import with one precomputed password hash: the bench measures
 * the sync, not the hashing of 100,000 initial passwords (bench:import does).
 * Prints figures; asserts nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importRegister, withInitialPassword } from "../members/import-register.js";
import { newUser } from "../members/keycloak-writer.js";
import { hashAlgorithmFromPolicy, hashPassword } from "../members/password-hash.js";
import { syncRegister } from "../members/register-sync.js";
import type { MemberRow } from "../members/validate.js";
import { loadSocietyConfig } from "../realm-config/load.js";
import { applyRealm } from "../realm-config/provision.js";
import { connectAdmin } from "../runtime/keycloak/admin.js";
import { repoRoot } from "../runtime/keycloak/paths.js";
import { startKeycloak, stopKeycloak } from "../runtime/keycloak/server.js";

const sizes = (process.env.BENCH_SIZES ?? "10000,100000").split(",").map(Number);
const CHANGED = 0.01;

function member(i: number, overrides: Partial<MemberRow> = {}): MemberRow {
  return {
    line: 0,
    userId: `member${i}`,
    symbol: String(10 + (i % 90)),
    number: String(10_000_000 + i),
    birthdate: `19${String(40 + (i % 60)).padStart(2, "0")}-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`,
    lastName: "健保",
    firstName: `花子${i}`,
    email: `member${i}@example.test`,
    personNumber: `P${i}`,
    ...overrides,
  };
}

/** Month 2: a quarter of the changed members each left, joined, renamed, or got a new card. */
function month2(count: number): MemberRow[] {
  const quarter = Math.max(1, Math.round((count * CHANGED) / 4));
  const rows: MemberRow[] = [];
  for (let i = quarter; i < count; i += 1) {
    if (i < 2 * quarter) rows.push(member(i, { lastName: "改姓" }));
    else if (i < 3 * quarter) rows.push(member(i, { number: String(20_000_000 + i) }));
    else rows.push(member(i));
  }
  for (let i = count; i < count + quarter; i += 1) rows.push(member(i));
  return rows;
}

const registers = mkdtempSync(join(tmpdir(), "kenpo-bench-sync-"));

function registerFile(name: string, rows: MemberRow[]): string {
  const file = join(registers, name);
  const lines = ["user_id,symbol,number,branch,birthdate,last_name,first_name,email,person_number"];
  for (const m of rows)
    lines.push(
      [m.userId, m.symbol, m.number, "", m.birthdate, m.lastName, m.firstName, m.email, m.personNumber].join(","),
    );
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

/** The process's peak RSS and heap while `task` runs, sampled every 20 ms. */
async function peakMemory<T>(task: () => Promise<T>): Promise<{ result: T; rssMiB: number; heapMiB: number }> {
  global.gc?.();
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
    return { result, rssMiB: rss / 2 ** 20, heapMiB: heap / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
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
  for (const size of sizes) {
    const realms = [`bench-sync-${size}`, `bench-reimport-${size}`];
    const month1 = Array.from({ length: size }, (_, i) => member(i));
    for (const realm of realms) {
      await applyRealm(admin, { ...base, realm });
      const realmRep = (await admin.realms.findOne({ realm }))!;
      // One hash for every seeded member: setting up month 1 is not what is measured.
      const password = await hashPassword("bench-seed-password", hashAlgorithmFromPolicy(realmRep.passwordPolicy));
      for (let i = 0; i < month1.length; i += 500) {
        const users = month1
          .slice(i, i + 500)
          .map((m) => newUser(withInitialPassword(m), password, realmRep.defaultRole?.name));
        await admin.realms.partialImport({ realm, rep: { ifResourceExists: "SKIP", users } });
      }
    }
    const file = registerFile(`month2-${size}.csv`, month2(size));
    const connect = (realm: string) => () => ({ admin, realm });
    const fmt = (seconds: number) => `${seconds.toFixed(1)} s`;
    const mem = (m: { rssMiB: number; heapMiB: number }) => `${m.rssMiB.toFixed(0)} / ${m.heapMiB.toFixed(0)} MiB`;

    for (const pass of ["sync", "sync again"]) {
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
    }
    const started = Date.now();
    const m = await peakMemory(() => importRegister(file, { updateProfile: true }, { connect: connect(realms[1]!) }));
    if (m.result.kind !== "imported") throw new Error(`the month-2 register did not import: ${m.result.kind}`);
    const r = m.result.report;
    rows.push([
      `${size}`,
      `re-import --update-profile (${r.created} created, ${r.updated} updated; leavers stay, new cards become new accounts)`,
      fmt((Date.now() - started) / 1000),
      `${r.batches + r.updated}`,
      mem(m),
    ]);
    for (const realm of realms) await admin.realms.del({ realm });
  }
  admin.close();
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  process.stdout.write(`\nRegister sync benchmark on Keycloak ${kc.url}, ${CHANGED * 100} % of the members changed\n`);
  for (const r of rows) process.stdout.write(`  ${r.map((v, c) => v.padEnd(widths[c]!)).join("  ")}\n`);
} finally {
  rmSync(registers, { recursive: true, force: true });
  if (!external) await stopKeycloak(name);
}
