import type KcAdminClient from "@keycloak/keycloak-admin-client";
import type UserRepresentation from "@keycloak/keycloak-admin-client/lib/defs/userRepresentation.js";
import { availableParallelism } from "node:os";
import { t } from "../admin-messages/catalogue.js";
import { STAGE, USER_ATTRIBUTE } from "../contracts/index.js";
import { initialPasswordOf } from "../rules/initial-password.js";
import { describeKey, memberKey } from "../rules/member-key.js";
import { MemberPlanner, RealmMembers, type Conflict, type Decision } from "./member-plan.js";
import { hashAlgorithmFromPolicy, hashPassword, type HashAlgorithm } from "./password-hash.js";
import { RegisterChanged, rowDigest } from "./row-digest.js";
import { ScratchMap } from "./scratch-db.js";
import type { MemberRow } from "./validate.js";

/**
 * Writes validated members into a realm. Rows are matched to accounts by their card (see
 * member-plan.ts), never by user ID. The whole input is planned first; conflicts stop the run
 * before anything is written unless skipConflicts is set. New members are then created in batches
 * (Keycloak's partial import, one transaction per batch) with their initial password already
 * hashed here; members that exist are never overwritten, so a re-run or a run after a kill only
 * adds who is missing.
 */

/** A validated row of the register with the initial password derived from its card (rules/initial-password.ts). */
export interface ImportMember extends MemberRow {
  initialPassword: string;
}

/**
 * The input is read twice (plan, then write). A function returning a fresh iterable streams a big
 * register twice without holding it; arrays are re-read; any other iterable is held in memory.
 */
export type MemberSource =
  Iterable<ImportMember> | AsyncIterable<ImportMember> | (() => Iterable<ImportMember> | AsyncIterable<ImportMember>);

export interface WriteOptions {
  admin: KcAdminClient;
  realm: string;
  batchSize?: number;
  /** Hashes in flight at once; default: the machine's cores. */
  hashConcurrency?: number;
  dryRun?: boolean;
  /** Update names, email and card data of existing members whose data in the file differs. */
  updateProfile?: boolean;
  /** Write the rows without conflicts even when some rows conflict; by default a conflict stops everything. */
  skipConflicts?: boolean;
  onProgress?: (progress: WriteProgress) => void;
}

export interface WriteProgress {
  processed: number;
  created: number;
  skipped: number;
  updated: number;
}

/** A row matched by its card to an account whose user ID differs from the row's (renamed at ⑤). */
export interface Renamed {
  line: number;
  userId: string;
  currentUserId: string;
}

export interface WriteReport extends WriteProgress {
  dryRun: boolean;
  /** False when nothing was written: a dry run, or a refused run. */
  written: boolean;
  /** Conflicts without skipConflicts: nothing was (in a dry run: would be) written. */
  refused: boolean;
  /** The classification of every row; the same in a dry run and the real run. */
  planned: { create: number; update: number; skip: number; conflict: number };
  batches: number;
  hashAlgorithm: string;
  /** User IDs (skip, update: the account's current one) per classification; dry run only. */
  plan?: { create: string[]; update: string[]; skip: string[] };
  conflicts: Conflict[];
  renamed: Renamed[];
  seconds: number;
}

function attributesOf(member: ImportMember): Record<string, string[]> {
  return {
    [USER_ATTRIBUTE.symbol]: [member.symbol],
    [USER_ATTRIBUTE.number]: [member.number],
    ...(member.branch ? { [USER_ATTRIBUTE.branch]: [member.branch] } : {}),
    [USER_ATTRIBUTE.birthdate]: [member.birthdate],
    ...(member.personNumber ? { [USER_ATTRIBUTE.personNumber]: [member.personNumber] } : {}),
  };
}

/** Keeps at most `limit` promises running; resolves in input order. */
class Limiter {
  private running = 0;
  private readonly queue: Array<() => void> = [];
  constructor(private readonly limit: number) {}
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.running += 1;
    try {
      return await task();
    } finally {
      this.running -= 1;
      this.queue.shift()?.();
    }
  }
}

/** A new member's account as the import writes it (partial import), its password already hashed. */
export function newUser(
  member: ImportMember,
  password: Awaited<ReturnType<typeof hashPassword>>,
  defaultRole: string | undefined,
): UserRepresentation {
  return {
    username: member.userId,
    enabled: true,
    firstName: member.firstName,
    lastName: member.lastName,
    ...(member.email ? { email: member.email, emailVerified: false } : {}),
    attributes: { ...attributesOf(member), [USER_ATTRIBUTE.stage]: [STAGE.initial] },
    credentials: [{ ...password, temporary: false }],
    // Partial import grants no default roles by itself; without them the account console fails.
    ...(defaultRole ? { realmRoles: [defaultRole] } : {}),
  };
}

/** Array.isArray alone would narrow the source to `any[]`. */
const isList = (source: MemberSource): source is ImportMember[] => Array.isArray(source);

/** Two passes over one source: the first may have to keep what a one-shot iterable yields. */
function passes(source: MemberSource): {
  first: AsyncIterable<ImportMember>;
  second: () => Iterable<ImportMember> | AsyncIterable<ImportMember>;
} {
  if (typeof source === "function") return { first: toAsync(source()), second: source };
  if (isList(source)) return { first: toAsync(source), second: () => source };
  const kept: ImportMember[] = [];
  return {
    first: (async function* () {
      for await (const member of source) {
        kept.push(member);
        yield member;
      }
    })(),
    second: () => kept,
  };
}

async function* toAsync(items: Iterable<ImportMember> | AsyncIterable<ImportMember>): AsyncGenerator<ImportMember> {
  yield* items;
}

/** What pass 1 decided for each row of the input, by its place in it, with the row's digest. */
export type PlannedRows = ScratchMap<number, { decision: Decision; digest: string }>;

/**
 * Pass 1: every row classified. Decisions go to disk, so a register of 100,000 members costs no
 * memory but what the report lists: conflicts, renamed members and, for a dry run, every user ID
 * by what would happen to it. Closes the planner. Exported for bench:sync-memory.
 */
export async function planMembers(members: AsyncIterable<ImportMember>, planner: MemberPlanner, dryRun: boolean) {
  const decisions: PlannedRows = new ScratchMap();
  const conflicts: Conflict[] = [];
  const renamed: Renamed[] = [];
  const plan = { create: [] as string[], update: [] as string[], skip: [] as string[] };
  const planned = { create: 0, update: 0, skip: 0, conflict: 0 };
  try {
    for await (const member of members) {
      const decision = planner.classify(member);
      decisions.set(decisions.size, { decision, digest: rowDigest(member) });
      planned[decision.action] += 1;
      if (decision.action === "conflict") conflicts.push(decision.conflict);
      else if (decision.action === "create") {
        if (dryRun) plan.create.push(member.userId);
      } else {
        if (dryRun) plan[decision.action].push(decision.account.username);
        if (decision.account.username !== member.userId)
          renamed.push({ line: member.line, userId: member.userId, currentUserId: decision.account.username });
      }
    }
  } catch (error) {
    decisions.close();
    throw error;
  } finally {
    planner.close();
  }
  return { decisions, conflicts, renamed, plan, planned };
}

export async function writeMembers(members: MemberSource, options: WriteOptions): Promise<WriteReport> {
  const started = Date.now();
  const { admin, realm } = options;
  const batchSize = options.batchSize ?? 200;
  const realmRep = await admin.realms.findOne({ realm });
  if (!realmRep) throw new Error(`realm ${realm} does not exist: provision it first`);
  const algorithm: HashAlgorithm = hashAlgorithmFromPolicy(realmRep.passwordPolicy);
  const defaultRole = realmRep.defaultRole?.name;
  const source = passes(members);

  // Pass 1: the plan, from one read of the realm.
  const planner = new MemberPlanner(await RealmMembers.read(admin, realm), { updateProfile: options.updateProfile });
  const { decisions, conflicts, renamed, plan, planned } = await planMembers(
    source.first,
    planner,
    Boolean(options.dryRun),
  );
  try {
    const refused = conflicts.length > 0 && !options.skipConflicts;
    const report = (progress: WriteProgress, batches: number, written: boolean): WriteReport => ({
      ...progress,
      dryRun: Boolean(options.dryRun),
      written,
      refused,
      planned,
      batches,
      hashAlgorithm: `${algorithm.id} (${algorithm.iterations} iterations)`,
      ...(options.dryRun ? { plan } : {}),
      conflicts,
      renamed,
      seconds: (Date.now() - started) / 1000,
    });
    if (refused) return report({ processed: 0, created: 0, skipped: 0, updated: 0 }, 0, false);
    if (options.dryRun)
      return report(
        { processed: decisions.size, created: planned.create, skipped: planned.skip, updated: planned.update },
        0,
        false,
      );

    // Pass 2: write what the plan says, nothing else.
    const progress: WriteProgress = { processed: 0, created: 0, skipped: 0, updated: 0 };
    const creator = new MemberCreator({
      admin,
      realm,
      algorithm,
      defaultRole,
      batchSize,
      hashConcurrency: options.hashConcurrency,
      onBatch: (result) => {
        progress.created += result.added;
        progress.skipped += result.skipped;
        progress.processed += result.added + result.skipped;
        options.onProgress?.({ ...progress });
      },
    });
    await creator.around(() =>
      writePlanned(source.second(), decisions, progress, creator, { ...options, algorithm, conflicts }),
    );
    return report(progress, creator.batches, true);
  } finally {
    decisions.close();
  }
}

async function writePlanned(
  members: Iterable<ImportMember> | AsyncIterable<ImportMember>,
  decisions: PlannedRows,
  progress: WriteProgress,
  creator: MemberCreator,
  options: WriteOptions & { algorithm: HashAlgorithm; conflicts: Conflict[] },
): Promise<void> {
  const { admin, realm, algorithm, conflicts } = options;
  let index = 0;
  for await (const member of toAsync(members)) {
    const planned = decisions.get(index);
    if (!planned || planned.digest !== rowDigest(member))
      throw new RegisterChanged(t("registerChangedLine", { line: member.line }));
    const { decision } = planned;
    index += 1;
    if (decision.action === "conflict") {
      progress.processed += 1;
      continue;
    }
    if (decision.action === "create") {
      await creator.add(member);
      continue;
    }
    if (decision.action === "update") {
      const outcome = await updateMember(member, decision.account.id, decision.key, { admin, realm, algorithm });
      if (typeof outcome === "object") conflicts.push(outcome);
      else progress.updated += 1;
    } else progress.skipped += 1;
    progress.processed += 1;
    options.onProgress?.({ ...progress });
  }
  // Before the last batch: a file cut short since the plan writes none of it.
  if (index !== decisions.size)
    throw new RegisterChanged(t("registerChangedRows", { planned: decisions.size, read: index }));
}

export interface CreatorOptions {
  admin: KcAdminClient;
  realm: string;
  algorithm: HashAlgorithm;
  /** The realm's default roles (`default-roles-<realm>`). */
  defaultRole: string | undefined;
  batchSize: number;
  /** Hashes in flight at once; default: the machine's cores. */
  hashConcurrency?: number;
  onBatch?: (result: { added: number; skipped: number }) => void;
}

/**
 * New members, created the one way the import and the register sync share: the initial password
 * hashed here on every core, the members written in batches through Keycloak's partial import (one
 * transaction per batch; an account that already exists is skipped, never overwritten), one batch
 * written while the next is being hashed.
 */
export class MemberCreator {
  batches = 0;
  private readonly limiter: Limiter;
  private pending: Array<Promise<UserRepresentation>> = [];
  private inFlight: Promise<void> = Promise.resolve();

  constructor(private readonly options: CreatorOptions) {
    this.limiter = new Limiter(options.hashConcurrency ?? availableParallelism());
  }

  async add(member: ImportMember): Promise<void> {
    const { algorithm, defaultRole } = this.options;
    this.pending.push(
      this.limiter.run(async () => newUser(member, await hashPassword(member.initialPassword, algorithm), defaultRole)),
    );
    if (this.pending.length >= this.options.batchSize) await this.flush();
  }

  private async finish(): Promise<void> {
    await this.flush();
    await this.inFlight;
  }

  /**
   * Runs `work`, which adds members, then sends the last batch. If `work` stops (the register changed,
   * a write failed), members not yet sent are dropped and the batch already sent is waited for, so
   * whoever reads the realm after the error sees all that the run wrote.
   */
  async around(work: () => Promise<void>): Promise<void> {
    try {
      await work();
      await this.finish();
    } catch (error) {
      await this.abandon();
      throw error;
    }
  }

  private async abandon(): Promise<void> {
    // Hashes still running are not waited for, and their failures are no one's to report.
    for (const user of this.pending) user.catch(() => undefined);
    this.pending = [];
    await this.inFlight.catch(() => undefined);
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const users = await Promise.all(this.pending);
    this.pending = [];
    await this.inFlight;
    const { admin, realm } = this.options;
    this.inFlight = (async () => {
      const result = await admin.realms.partialImport({ realm, rep: { ifResourceExists: "SKIP", users } });
      this.batches += 1;
      const added = (result.results ?? []).filter((r) => r.action === "ADDED").length;
      this.options.onBatch?.({ added, skipped: users.length - added });
    })();
    // Checked at the next flush; marked handled so a failure in between is not reported twice.
    this.inFlight.catch(() => undefined);
  }
}

/**
 * --update-profile on the account the card matched (never on whoever holds the row's user ID):
 * names, email and card data follow the file, the user ID stays. The initial password is
 * re-derived only while the member has not finished ③–⑤ (stage "initial") and only when its
 * inputs changed; it is written as a stored credential, so the password history cannot refuse it.
 */
export async function updateMember(
  member: ImportMember,
  accountId: string,
  /** The card the account holds now, as planned; the row's own card may be a new one (register sync). */
  key: string,
  ctx: { admin: KcAdminClient; realm: string; algorithm: HashAlgorithm; enable?: boolean },
): Promise<"updated" | Conflict> {
  const { admin, realm } = ctx;
  const user = await admin.users.findOne({ realm, id: accountId });
  const attrs = (user?.attributes ?? {}) as Record<string, string[] | undefined>;
  const first = (name: string) => attrs[name]?.[0];
  if (
    !user ||
    memberKey(first(USER_ATTRIBUTE.symbol), first(USER_ATTRIBUTE.number), first(USER_ATTRIBUTE.branch)) !== key
  ) {
    return {
      line: member.line,
      field: "number",
      userId: member.userId,
      reason: t("reasonAccountChanged", { card: describeKey(key) }),
    };
  }
  const emailChanged = (user.email ?? "") !== (member.email ?? "");
  const current = initialPasswordOf({
    symbol: first(USER_ATTRIBUTE.symbol) ?? "",
    number: first(USER_ATTRIBUTE.number) ?? "",
    birthdate: first(USER_ATTRIBUTE.birthdate) ?? "",
  });
  const rederive =
    first(USER_ATTRIBUTE.stage) === STAGE.initial && (!current.ok || current.password !== member.initialPassword);
  const attributes: Record<string, unknown> = { ...user.attributes, ...attributesOf(member) };
  // A new card without 枝番 must not keep the old card's.
  if (!member.branch) delete attributes[USER_ATTRIBUTE.branch];
  // A returning member (register sync) is no longer one who left.
  if (ctx.enable) delete attributes[USER_ATTRIBUTE.leftRegister];
  await admin.users.update(
    { realm, id: accountId },
    {
      ...user,
      ...(ctx.enable ? { enabled: true } : {}),
      firstName: member.firstName,
      lastName: member.lastName,
      email: member.email ?? "",
      emailVerified: emailChanged ? false : user.emailVerified,
      attributes,
      ...(rederive
        ? { credentials: [{ ...(await hashPassword(member.initialPassword, ctx.algorithm)), temporary: false }] }
        : {}),
    },
  );
  return "updated";
}
