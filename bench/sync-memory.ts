/**
 * `npm run bench:sync-memory`: what the register sync's plan keeps in memory, without Keycloak, at
 * each register size (BENCH_SIZES, default 10000,100000): month 1's accounts as the admin API
 * returns them (through JSON, as over HTTP), month 2's register file validated and planned as
 * `kenpo sync-register` does (bench:sync's data: 1 % changed), then a full collection. bench:sync's
 * peak heap also counts pages of users read and not yet collected; this is the part that stays, and
 * how it grows with the register. Prints figures; asserts nothing.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateRegister, withInitialPassword } from "../members/import-register.js";
import type UserRepresentation from "@keycloak/keycloak-admin-client/lib/defs/userRepresentation.js";
import { newUser } from "../members/keycloak-writer.js";
import { hashAlgorithmFromPolicy, hashPassword } from "../members/password-hash.js";
import { planRows } from "../members/register-sync.js";
import { SyncPlanner, syncAccountOf, type SyncAccount } from "../members/register-sync-plan.js";
import { member, month2, registerFile } from "./sync-register-data.js";

const gc = globalThis.gc;
if (!gc) throw new Error("run with node --expose-gc (npm run bench:sync-memory does)");
const sizes = (process.env.BENCH_SIZES ?? "10000,100000").split(",").map(Number);
const heapMiB = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

const password = await hashPassword("bench-seed-password", hashAlgorithmFromPolicy(undefined));
const dir = mkdtempSync(join(tmpdir(), "kenpo-bench-sync-memory-"));

// Each phase in its own function: the interpreter keeps a function's temporaries alive until it returns,
// which would count the register's rows as the plan's or hide them from `before`.
function readAccounts(size: number): SyncAccount[] {
  const accounts: SyncAccount[] = [];
  for (let i = 0; i < size; i += 1) {
    const rep = { ...newUser(withInitialPassword(member(i)), password, undefined), id: randomUUID() };
    const account = syncAccountOf(JSON.parse(JSON.stringify(rep)) as UserRepresentation);
    if (account) accounts.push(account);
  }
  return accounts;
}

async function plan(file: string, accounts: SyncAccount[]) {
  const summary = await validateRegister(file, {});
  if ("message" in summary) throw new Error(summary.message);
  const planner = new SyncPlanner(accounts, [], summary);
  const planned = await planRows(summary, planner);
  return { planner, planned, leavers: planner.leavers() };
}

async function measure(size: number, file: string): Promise<string> {
  const before = heapMiB();
  const accounts = readAccounts(size);
  const kept = await plan(file, accounts);
  const after = heapMiB();
  // The run holds the accounts read until the plan is done: keep them to the measurement.
  if (accounts.length !== size) throw new Error(`${accounts.length} accounts read of ${size}`);
  return `  ${size} members: ${(after - before).toFixed(1)} MiB kept (${(((after - before) * 2 ** 20) / size).toFixed(0)} B per member); ${kept.planned.writes.size} writes and ${kept.leavers.length} leavers planned`;
}

try {
  const out: string[] = [];
  for (const size of sizes) out.push(await measure(size, registerFile(dir, `month2-${size}.csv`, month2(size))));
  process.stdout.write(`\nRegister sync plan, live heap after a full collection\n${out.join("\n")}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
