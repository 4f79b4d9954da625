import type KcAdminClient from "@keycloak/keycloak-admin-client";
import type UserRepresentation from "@keycloak/keycloak-admin-client/lib/defs/userRepresentation.js";
import { availableParallelism } from "node:os";
import { hashAlgorithmFromPolicy, hashPassword, type HashAlgorithm } from "./password-hash.js";

/**
 * Writes validated members into a realm: new members are created in batches (Keycloak's partial
 * import, one transaction per batch) with their initial password already hashed here; members that
 * exist are never overwritten, so a re-run or a run after a kill only adds who is missing.
 */

export interface ImportMember {
  /** Physical line in the source file, for reports. */
  line: number;
  userId: string;
  symbol: string;
  number: string;
  branch?: string;
  /** YYYY-MM-DD */
  birthdate: string;
  lastName: string;
  firstName: string;
  email?: string;
  initialPassword: string;
}

export interface WriteOptions {
  admin: KcAdminClient;
  realm: string;
  batchSize?: number;
  /** Hashes in flight at once; default: the machine's cores. */
  hashConcurrency?: number;
  dryRun?: boolean;
  /** Update names and email of existing members whose data in the file differs. */
  updateProfile?: boolean;
  onProgress?: (progress: WriteProgress) => void;
}

export interface WriteProgress {
  processed: number;
  created: number;
  skipped: number;
  updated: number;
}

export interface WriteReport extends WriteProgress {
  dryRun: boolean;
  batches: number;
  hashAlgorithm: string;
  /** User IDs that would be / were created, updated or skipped (dry-run only: the plan). */
  plan?: { create: string[]; update: string[]; skip: string[] };
  seconds: number;
}

export const MEMBER_ATTRIBUTES = ["kenpoSymbol", "kenpoNumber", "kenpoBranch", "kenpoBirthdate"] as const;

function attributesOf(member: ImportMember): Record<string, string[]> {
  return {
    kenpoSymbol: [member.symbol],
    kenpoNumber: [member.number],
    ...(member.branch ? { kenpoBranch: [member.branch] } : {}),
    kenpoBirthdate: [member.birthdate],
  };
}

/** Every user ID in the realm, paged: the import's view of who is already there. */
export async function existingUserIds(admin: KcAdminClient, realm: string, pageSize = 1000): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let first = 0; ; first += pageSize) {
    const page = await admin.users.find({ realm, first, max: pageSize, briefRepresentation: true });
    for (const user of page) if (user.username) ids.add(user.username);
    if (page.length < pageSize) return ids;
  }
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

function newUser(member: ImportMember, password: Awaited<ReturnType<typeof hashPassword>>): UserRepresentation {
  return {
    username: member.userId,
    enabled: true,
    firstName: member.firstName,
    lastName: member.lastName,
    ...(member.email ? { email: member.email, emailVerified: false } : {}),
    attributes: { ...attributesOf(member), kenpoStage: ["initial"] },
    credentials: [{ ...password, temporary: false }],
  };
}

function profileDiffers(user: UserRepresentation, member: ImportMember): boolean {
  const attrs = user.attributes ?? {};
  const wanted = attributesOf(member);
  return (
    (user.firstName ?? "") !== member.firstName ||
    (user.lastName ?? "") !== member.lastName ||
    (user.email ?? "") !== (member.email ?? "") ||
    MEMBER_ATTRIBUTES.some((key) => (attrs[key]?.[0] ?? "") !== (wanted[key]?.[0] ?? ""))
  );
}

export async function writeMembers(members: AsyncIterable<ImportMember> | Iterable<ImportMember>, options: WriteOptions): Promise<WriteReport> {
  const started = Date.now();
  const { admin, realm } = options;
  const batchSize = options.batchSize ?? 200;
  const realmRep = await admin.realms.findOne({ realm });
  if (!realmRep) throw new Error(`realm ${realm} does not exist: provision it first`);
  const algorithm: HashAlgorithm = hashAlgorithmFromPolicy(realmRep.passwordPolicy);
  const existing = await existingUserIds(admin, realm);
  const limiter = new Limiter(options.hashConcurrency ?? availableParallelism());
  const progress: WriteProgress = { processed: 0, created: 0, skipped: 0, updated: 0 };
  const plan = { create: [] as string[], update: [] as string[], skip: [] as string[] };
  let batches = 0;
  let pending: Array<Promise<UserRepresentation>> = [];
  let inFlight: Promise<void> = Promise.resolve();

  const flush = async () => {
    if (pending.length === 0) return;
    const users = await Promise.all(pending);
    pending = [];
    // One batch is written while the next one is being hashed.
    await inFlight;
    inFlight = (async () => {
      const result = await admin.realms.partialImport({ realm, rep: { ifResourceExists: "SKIP", users } });
      batches += 1;
      for (const r of result.results ?? []) {
        if (r.action === "ADDED") progress.created += 1;
        else progress.skipped += 1;
      }
      progress.processed += users.length;
      options.onProgress?.({ ...progress });
    })();
    // Checked at the next flush; marked handled so a failure in between is not reported twice.
    inFlight.catch(() => undefined);
  };

  for await (const member of members) {
    if (existing.has(member.userId)) {
      const outcome = await handleExisting(member, options);
      if (outcome === "updated") progress.updated += 1;
      else progress.skipped += 1;
      (outcome === "updated" ? plan.update : plan.skip).push(member.userId);
      progress.processed += 1;
      options.onProgress?.({ ...progress });
      continue;
    }
    existing.add(member.userId);
    if (options.dryRun) {
      plan.create.push(member.userId);
      progress.created += 1;
      progress.processed += 1;
      continue;
    }
    pending.push(limiter.run(async () => newUser(member, await hashPassword(member.initialPassword, algorithm))));
    if (pending.length >= batchSize) await flush();
  }
  await flush();
  await inFlight;
  return {
    ...progress,
    dryRun: Boolean(options.dryRun),
    batches,
    hashAlgorithm: `${algorithm.id} (${algorithm.iterations} iterations)`,
    ...(options.dryRun ? { plan } : {}),
    seconds: (Date.now() - started) / 1000,
  };
}

/**
 * An existing member is never reset. With updateProfile, names, email and card data follow the
 * file; the initial password is re-derived only while the member has not finished ③–⑤ (stage
 * "initial"), because until then it is still the password printed from the card.
 */
async function handleExisting(member: ImportMember, options: WriteOptions): Promise<"skipped" | "updated"> {
  if (!options.updateProfile) return "skipped";
  const { admin, realm } = options;
  const [user] = await admin.users.find({ realm, username: member.userId, exact: true });
  if (!user?.id || !profileDiffers(user, member)) return "skipped";
  if (options.dryRun) return "updated";
  const emailChanged = (user.email ?? "") !== (member.email ?? "");
  await admin.users.update(
    { realm, id: user.id },
    {
      ...user,
      firstName: member.firstName,
      lastName: member.lastName,
      email: member.email ?? "",
      emailVerified: emailChanged ? false : user.emailVerified,
      attributes: { ...user.attributes, ...attributesOf(member) },
    },
  );
  if (user.attributes?.kenpoStage?.[0] === "initial") {
    await admin.users.resetPassword({ realm, id: user.id, credential: { type: "password", value: member.initialPassword, temporary: false } });
  }
  return "updated";
}
