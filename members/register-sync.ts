import type KcAdminClient from "@keycloak/keycloak-admin-client";
import type UserRepresentation from "@keycloak/keycloak-admin-client/lib/defs/userRepresentation.js";
import { USER_ATTRIBUTE } from "../contracts/index.js";
import { t } from "../admin-messages/catalogue.js";
import { memberKey } from "../rules/member-key.js";
import { validateRegister, withInitialPassword, type RealmConnection } from "./import-register.js";
import { MemberCreator, updateMember } from "./keycloak-writer.js";
import type { Conflict } from "./member-plan.js";
import { hashAlgorithmFromPolicy } from "./password-hash.js";
import { validMembers, type ValidationSummary } from "./read-members.js";
import { everyRealmUser } from "./realm-users.js";
import { FileDigest, replannedRows, rowDigest } from "./row-digest.js";
import { ScratchMap } from "./scratch-db.js";
import {
  leaveGuard,
  SyncPlanner,
  syncAccountOf,
  type LeaveGuard,
  type Leaver,
  type SyncAccount,
  type SyncDecision,
} from "./register-sync-plan.js";

/**
 * `kenpo sync-register`, start to end: this month's full register against the realm. The realm is
 * read once, every row planned (register-sync-plan.ts), then, unless a dry run, refused for
 * conflicts or stopped by the leave guard, written: joiners as the import creates them, changed
 * members updated, returners enabled, leavers' sessions ended and their accounts disabled. The
 * realm is the journal: each write leaves a state the next plan reads, so a killed run is finished
 * by running it again, and a run over a realm that already matches the file writes nothing.
 */

export interface SyncRegisterOptions {
  encoding?: string;
  dryRun?: boolean;
  /** Sync the other rows even when some rows are invalid or conflict with the realm. */
  skipInvalid?: boolean;
  /** Disable leavers even past maxLeavePercent. */
  force?: boolean;
  /** The society's policies.registerSyncMaxLeavePercent. */
  maxLeavePercent: number;
  batchSize?: number;
  /** The date recorded on leavers; default: today (UTC). */
  today?: Date;
}

/** One change of the plan as the report lists it; line is absent for leavers (no row). */
export interface SyncChangeReport {
  line?: number;
  userId: string;
  action: "create" | "update" | "leave";
  reasons: string[];
}

export interface SyncReport {
  dryRun: boolean;
  /** False when nothing was written: a dry run, conflicts without skipInvalid, or the leave guard. */
  written: boolean;
  /** Conflicts without skipInvalid: nothing was (in a dry run: would be) written. */
  refused: boolean;
  guard: LeaveGuard;
  planned: { create: number; update: number; return: number; leave: number; keep: number; conflict: number };
  done: { created: number; updated: number; disabled: number };
  /** Write requests sent to Keycloak's admin API (partial imports, updates, logouts). */
  writes: number;
  changes: SyncChangeReport[];
  conflicts: Conflict[];
  notes: Array<{ line: number; userId: string; note: string }>;
  seconds: number;
}

export type SyncOutcome =
  | { kind: "unreadable"; message: string }
  | { kind: "invalid"; summary: ValidationSummary }
  | { kind: "synced"; summary: ValidationSummary; realm: string; report: SyncReport };

type ReadAccount = { account: SyncAccount } | { other: string };

/**
 * One paged read of every account: the register's (with card data) as the sync's small view, the
 * others by user ID alone. The pages themselves (users with all their attributes) go as soon as
 * they are read. Exported for the test that reads a real realm in small pages.
 */
export async function* readAccounts(admin: KcAdminClient, realm: string, pageSize = 500): AsyncGenerator<ReadAccount> {
  for await (const user of everyRealmUser(admin, realm, pageSize)) {
    const account = syncAccountOf(user);
    if (account) yield { account };
    else if (user.username) yield { other: user.username };
  }
}

type PlannedWrite = { digest: string; decision: Extract<SyncDecision, { action: "create" | "update" }> };

/**
 * What the plan keeps of the rows: the decisions that write (create, update) by line, on disk
 * until the second read asks for them, and what the report lists. A row that stays as it is leaves
 * only a count behind.
 */
export interface SyncPlan {
  writes: ScratchMap<number, PlannedWrite>;
  /** Of every row planned (register-sync's second read must find the same file). */
  fileDigest: string;
  planned: SyncReport["planned"];
  changes: SyncChangeReport[];
  conflicts: Conflict[];
  notes: SyncReport["notes"];
}

/** The caller closes plan.writes. */
async function planRows(summary: ValidationSummary, planner: SyncPlanner): Promise<SyncPlan> {
  const whole = new FileDigest();
  const plan: SyncPlan = {
    writes: new ScratchMap(),
    fileDigest: "",
    planned: { create: 0, update: 0, return: 0, leave: 0, keep: 0, conflict: 0 },
    changes: [],
    conflicts: [],
    notes: [],
  };
  try {
    for await (const row of validMembers(summary)) {
      whole.add(row);
      const d = planner.classify(row);
      plan.planned[d.action] += 1;
      if (d.action === "conflict") plan.conflicts.push(d.conflict);
      if (d.action === "keep" && d.note) plan.notes.push({ line: d.line, userId: d.userId, note: d.note });
      if (d.action === "create")
        plan.changes.push({ line: d.line, userId: d.userId, action: "create", reasons: d.reasons });
      if (d.action === "update") {
        if (d.changes.includes("returns")) plan.planned.return += 1;
        plan.changes.push({ line: d.line, userId: d.account.username, action: "update", reasons: d.reasons });
      }
      if (d.action === "create" || d.action === "update")
        plan.writes.set(d.line, { digest: rowDigest(row), decision: d });
    }
  } catch (error) {
    plan.writes.close();
    throw error;
  }
  plan.fileDigest = whole.value();
  return plan;
}

/**
 * The accounts read into a planner, every row classified, the leavers named; the planner closed,
 * plan.writes the caller's to close. Exported for bench:sync-memory, which reads made-up accounts.
 */
export async function planSync(
  accounts: AsyncIterable<ReadAccount> | Iterable<ReadAccount>,
  summary: ValidationSummary,
) {
  const planner = new SyncPlanner(summary);
  try {
    for await (const read of accounts) {
      if ("account" in read) planner.add(read.account);
      else planner.addOther(read.other);
    }
    const plan = await planRows(summary, planner);
    try {
      return { plan, leavers: planner.leavers(), active: planner.activeCount() };
    } catch (error) {
      plan.writes.close();
      throw error;
    }
  } finally {
    planner.close();
  }
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

export async function syncRegister(
  file: string,
  options: SyncRegisterOptions,
  connect: () => RealmConnection | Promise<RealmConnection>,
): Promise<SyncOutcome> {
  const started = Date.now();
  const summary = await validateRegister(file, options);
  if ("message" in summary) return { kind: "unreadable", message: summary.message };
  try {
    return await syncValidated(summary, options, connect, started);
  } finally {
    summary.close();
  }
}

async function syncValidated(
  summary: ValidationSummary,
  options: SyncRegisterOptions,
  connect: () => RealmConnection | Promise<RealmConnection>,
  started: number,
): Promise<SyncOutcome> {
  if (summary.invalid > 0 && !options.skipInvalid) return { kind: "invalid", summary };
  const { admin, realm, close } = await connect();
  try {
    const realmRep = await admin.realms.findOne({ realm });
    if (!realmRep) throw new Error(`realm ${realm} does not exist: provision it first`);
    const { plan, leavers, active } = await planSync(readAccounts(admin, realm), summary);
    plan.planned.leave = leavers.length;
    for (const l of leavers) plan.changes.push({ userId: l.account.username, action: "leave", reasons: [l.reason] });
    const guard = leaveGuard(active, leavers.length, options.maxLeavePercent, options.force);
    const refused = plan.conflicts.length > 0 && !options.skipInvalid;
    const report: SyncReport = {
      dryRun: Boolean(options.dryRun),
      written: false,
      refused,
      guard,
      planned: plan.planned,
      done: { created: 0, updated: 0, disabled: 0 },
      writes: 0,
      changes: plan.changes,
      conflicts: plan.conflicts,
      notes: plan.notes,
      seconds: 0,
    };
    try {
      if (!refused && !guard.refused && !options.dryRun) {
        await write(summary, plan, leavers, report, {
          admin,
          realm,
          realmRep,
          batchSize: options.batchSize ?? 200,
          today: isoDate(options.today ?? new Date()),
        });
        report.written = true;
      }
    } finally {
      plan.writes.close();
    }
    report.seconds = (Date.now() - started) / 1000;
    return { kind: "synced", summary, realm, report };
  } catch (error) {
    throw new Error(t("syncInterrupted", { reason: (error as Error).message }), { cause: error });
  } finally {
    close?.();
  }
}

interface WriteContext {
  admin: KcAdminClient;
  realm: string;
  realmRep: { passwordPolicy?: string; defaultRole?: { name?: string } };
  batchSize: number;
  today: string;
}

async function write(
  summary: ValidationSummary,
  plan: SyncPlan,
  leavers: Leaver[],
  report: SyncReport,
  ctx: WriteContext,
): Promise<void> {
  const { admin, realm } = ctx;
  const algorithm = hashAlgorithmFromPolicy(ctx.realmRep.passwordPolicy);
  const creator = new MemberCreator({
    admin,
    realm,
    algorithm,
    defaultRole: ctx.realmRep.defaultRole?.name,
    batchSize: ctx.batchSize,
    onBatch: ({ added }) => {
      report.writes += 1;
      report.done.created += added;
    },
  });
  await creator.around(async () => {
    for await (const { row, decision } of replannedRows(validMembers(summary), plan.writes, plan.fileDigest)) {
      if (!decision) continue;
      if (decision.action === "create") await creator.add(withInitialPassword(row));
      if (decision.action !== "update") continue;
      const outcome = await updateMember(withInitialPassword(row), decision.account.id, decision.account.key, {
        admin,
        realm,
        algorithm,
        enable: decision.changes.includes("returns"),
      });
      if (typeof outcome === "object") report.conflicts.push(outcome);
      else {
        report.writes += 1;
        report.done.updated += 1;
      }
    }
  });
  for (const leaver of leavers) {
    await disableLeaver(admin, realm, leaver.account, ctx.today);
    report.writes += 2;
    report.done.disabled += 1;
  }
}

/**
 * Sessions first, then the account: a run killed in between finds the member still enabled and
 * does both again; the other order could leave a disabled member's session alive for good.
 */
async function disableLeaver(admin: KcAdminClient, realm: string, account: SyncAccount, today: string): Promise<void> {
  const user: UserRepresentation | undefined = await admin.users.findOne({ realm, id: account.id });
  const attributes = (user?.attributes ?? {}) as Record<string, string[] | undefined>;
  const first = (name: string) => attributes[name]?.[0];
  if (
    !user ||
    user.enabled === false ||
    memberKey(first(USER_ATTRIBUTE.symbol), first(USER_ATTRIBUTE.number), first(USER_ATTRIBUTE.branch)) !== account.key
  )
    throw new Error(`the account "${account.username}" changed during the sync; run it again`);
  await admin.users.logout({ realm, id: account.id });
  await admin.users.update(
    { realm, id: account.id },
    { ...user, enabled: false, attributes: { ...attributes, [USER_ATTRIBUTE.leftRegister]: [today] } },
  );
}
