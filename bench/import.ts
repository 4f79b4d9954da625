/**
 * `npm run bench:import`: members/s of the naive loop (one users.create with a plaintext temporary
 * password per member, so the server hashes) against our import of a register file as
 * `kenpo import-members` runs it (members/import-register.ts: validation, client-side hashing on
 * every core, batched partial import), side by side on one Keycloak, plus the hashing limit of
 * this machine.
 * Prints figures; asserts nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { CREDENTIAL_TYPE, STAGE, USER_ATTRIBUTE } from "../contracts/index.js";
import { importRegister, withInitialPassword } from "../members/import-register.js";
import type { ImportMember } from "../members/keycloak-writer.js";
import { hashAlgorithmFromPolicy, hashPassword } from "../members/password-hash.js";
import { loadSocietyConfig } from "../realm-config/load.js";
import { applyRealm } from "../realm-config/provision.js";
import { connectAdmin } from "../runtime/keycloak/admin.js";
import { repoRoot } from "../runtime/keycloak/paths.js";
import { startKeycloak, stopKeycloak } from "../runtime/keycloak/server.js";

const sizes = (process.env.BENCH_SIZES ?? "1000,10000").split(",").map(Number);
const naiveCount = Number(process.env.BENCH_NAIVE ?? 200);

/** Each run's members carry cards of their own (`numberBase`): the import matches members by card. */
function* generate(count: number, prefix: string, numberBase: number): Generator<ImportMember> {
  for (let i = 0; i < count; i += 1) {
    yield withInitialPassword({
      line: i + 2,
      userId: `${prefix}${i}`,
      symbol: String(10 + (i % 90)),
      number: String(numberBase + i),
      birthdate: `19${String(40 + (i % 60)).padStart(2, "0")}-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`,
      lastName: "健保",
      firstName: `花子${i}`,
    });
  }
}

const registers = mkdtempSync(join(tmpdir(), "kenpo-bench-import-"));

/** The members as an admin's register file, so the import is measured from the file as admins run it. */
function registerFile(count: number, prefix: string, numberBase: number): string {
  const file = join(registers, `${prefix}.csv`);
  const lines = ["user_id,symbol,number,branch,birthdate,last_name,first_name,email"];
  for (const m of generate(count, prefix, numberBase))
    lines.push([m.userId, m.symbol, m.number, "", m.birthdate, m.lastName, m.firstName, ""].join(","));
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

async function oneCoreHashRate(policy: string | undefined): Promise<number> {
  const algorithm = hashAlgorithmFromPolicy(policy);
  const until = Date.now() + 3000;
  let n = 0;
  while (Date.now() < until) {
    await hashPassword(`password-${n}`, algorithm);
    n += 1;
  }
  return n / 3;
}

const name = "bench-import";
// Our JARs too: the demo realm's browser flow names our authenticators.
const kc = await startKeycloak({ name, ephemeral: true, httpPort: 0, managementPort: 0 });
try {
  const admin = await connectAdmin({ url: kc.url, username: kc.adminUser, password: kc.adminPassword });
  const config = { ...loadSocietyConfig(`${repoRoot}/realm-config/societies/demo.yaml`), realm: "bench-import" };
  await applyRealm(admin, config);
  const realm = (await admin.realms.findOne({ realm: config.realm }))!;
  const rows: Array<[string, string, string]> = [];

  const perCore = await oneCoreHashRate(realm.passwordPolicy);
  const cores = availableParallelism();
  const limit = perCore * cores;
  rows.push(["hashing limit", `${cores} cores × ${perCore.toFixed(1)}/s`, `${limit.toFixed(1)} members/s`]);

  let started = Date.now();
  for (const m of generate(naiveCount, "naive", 1_000_000)) {
    await admin.users.create({
      realm: config.realm,
      username: m.userId,
      enabled: true,
      firstName: m.firstName,
      lastName: m.lastName,
      attributes: {
        [USER_ATTRIBUTE.symbol]: [m.symbol],
        [USER_ATTRIBUTE.number]: [m.number],
        [USER_ATTRIBUTE.birthdate]: [m.birthdate],
        [USER_ATTRIBUTE.stage]: [STAGE.initial],
      },
      credentials: [{ type: CREDENTIAL_TYPE.password, value: m.initialPassword, temporary: true }],
    });
  }
  const naiveRate = naiveCount / ((Date.now() - started) / 1000);
  rows.push(["naive loop (users.create)", `${naiveCount} members`, `${naiveRate.toFixed(1)} members/s`]);

  for (const [index, size] of sizes.entries()) {
    const file = registerFile(size, `m${size}-`, 10_000_000 * (index + 1));
    started = Date.now();
    const outcome = await importRegister(file, {}, { connect: () => ({ admin, realm: config.realm }) });
    if (outcome.kind !== "imported")
      throw new Error(`the generated register of ${size} members did not import: ${outcome.kind}`);
    const { report } = outcome;
    const rate = report.created / ((Date.now() - started) / 1000);
    rows.push([
      `kenpo import`,
      `${size} members`,
      `${rate.toFixed(1)} members/s = ${(rate / naiveRate).toFixed(1)}× naive, ${((rate / limit) * 100).toFixed(0)} % of the hashing limit (rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB)`,
    ]);
  }
  admin.close();
  const width = Math.max(...rows.map((r) => r[0].length));
  const width2 = Math.max(...rows.map((r) => r[1].length));
  process.stdout.write(`\nImport benchmark on Keycloak ${kc.url} (realm policy: ${realm.passwordPolicy})\n`);
  for (const [a, b, c] of rows) process.stdout.write(`  ${a.padEnd(width)}  ${b.padEnd(width2)}  ${c}\n`);
} finally {
  rmSync(registers, { recursive: true, force: true });
  await stopKeycloak(name);
}
