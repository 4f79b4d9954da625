import type UserRepresentation from "@keycloak/keycloak-admin-client/lib/defs/userRepresentation.js";
import { t } from "../admin-messages/catalogue.js";
import { USER_ATTRIBUTE } from "../contracts/index.js";
import { describeKey, describePersonNumber, memberKey } from "../rules/member-key.js";
import { firstAttribute } from "./attributes.js";
import { scratchDb, type KeySet, type ScratchDb } from "./scratch-db.js";
import type { Conflict } from "./member-plan.js";
import type { MemberRow } from "./validate.js";

/**
 * The monthly register sync's plan, pure: this month's full register against the realm's accounts.
 * Each row is matched to an account by the society's person number where the row has one (it
 * outlives a new card), else by its card; rows without an account join, accounts without a row
 * leave (disabled, never deleted), members a previous sync disabled come back, and changed names,
 * emails, cards and birthdates are updated. Only accounts with card data are the sync's: an
 * account made by hand without them is never matched, disabled or counted.
 */

/** What the sync needs of an account; small, because a society has 100,000 of them. */
export interface SyncAccount {
  id: string;
  username: string;
  /** memberKey of the card it holds. */
  key: string;
  personNumber?: string;
  enabled: boolean;
  /** Set when a register sync disabled it (USER_ATTRIBUTE.leftRegister). */
  leftRegister?: string;
  firstName: string;
  lastName: string;
  email: string;
  birthdate: string;
}

/** The sync's view of an account; undefined for an account without card data (not the register's). */
export function syncAccountOf(user: UserRepresentation): SyncAccount | undefined {
  const attribute = (name: string) => firstAttribute(user, name);
  const key = memberKey(
    attribute(USER_ATTRIBUTE.symbol),
    attribute(USER_ATTRIBUTE.number),
    attribute(USER_ATTRIBUTE.branch),
  );
  if (key === undefined || !user.id) return undefined;
  const personNumber = attribute(USER_ATTRIBUTE.personNumber);
  const leftRegister = attribute(USER_ATTRIBUTE.leftRegister);
  return {
    id: user.id,
    username: user.username ?? "",
    key,
    ...(personNumber ? { personNumber } : {}),
    enabled: user.enabled !== false,
    ...(leftRegister ? { leftRegister } : {}),
    firstName: user.firstName ?? "",
    lastName: user.lastName ?? "",
    email: user.email ?? "",
    birthdate: attribute(USER_ATTRIBUTE.birthdate) ?? "",
  };
}

/** What changes on a matched account, each with its reason. */
export type SyncChange = "returns" | "name" | "email" | "card" | "birthdate" | "person_number";

export type SyncDecision =
  | { action: "create"; line: number; userId: string; reasons: string[] }
  | {
      action: "update";
      line: number;
      userId: string;
      account: SyncAccount;
      changes: SyncChange[];
      reasons: string[];
    }
  | { action: "keep"; line: number; userId: string; account: SyncAccount; note?: string }
  | { action: "conflict"; line: number; userId: string; conflict: Conflict };

export interface Leaver {
  account: SyncAccount;
  reason: string;
}

export interface SyncContext {
  /** Every person number in the file (ValidationSummary.personNumbers). */
  personNumbers: KeySet;
  /** Cards and person numbers of invalid rows: their accounts are not taken for leavers. */
  invalidKeys: KeySet;
}

const names = (accounts: readonly { account: SyncAccount }[]) => accounts.map((a) => a.account.username).join(", ");

/** Who holds a user ID: an account of the register, one without card data (null), or a joiner's line. */
type UsernameHolder = SyncAccount | null | number;

function describeHolder(holder: UsernameHolder): string {
  if (holder === null) return t("holderNoCard");
  if (typeof holder === "number") return t("holderOnRegisterLine", { line: holder });
  return t("holderOtherCard", { card: describeKey(holder.key) });
}

/** An account as the planner stores it: n is its place in the read, its identity within the plan. */
interface Stored {
  n: number;
  account: SyncAccount;
  claimed: number | null;
}

interface StoredRow {
  n: number;
  data: string;
  claimed: number | null;
}

const stored = (row: StoredRow | undefined): Stored | undefined =>
  row && { n: row.n, account: JSON.parse(row.data) as SyncAccount, claimed: row.claimed };

/** The planner's tables: accounts by card, person number and user ID, and who this run matched. */
const SCHEMA = `
  CREATE TABLE account (
    n INTEGER PRIMARY KEY,
    data TEXT NOT NULL,
    key TEXT NOT NULL,
    person TEXT,
    enabled INTEGER NOT NULL,
    claimed INTEGER,
    kept INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE username (name TEXT PRIMARY KEY, account INTEGER, line INTEGER) WITHOUT ROWID;
`;

/**
 * Classifies the register's valid rows in file order, then names who left. The realm's accounts
 * (one small record each, by card, person number and user ID) and which of them rows matched are
 * kept in a scratch database on disk, so the memory a plan takes does not grow with the society;
 * the caller keeps only decisions that write or report something. Fill it (add, addOther), then
 * classify every row, then ask for the leavers; close() when done.
 */
export class SyncPlanner {
  private readonly db: ScratchDb = scratchDb();
  private readonly sql;
  private loading = true;

  constructor(private readonly context: SyncContext) {
    this.db.exec(SCHEMA);
    const columns = "n, data, claimed";
    this.sql = {
      insert: this.db.prepare<[string, string, string | null, number]>(
        "INSERT INTO account (data, key, person, enabled) VALUES (?, ?, ?, ?)",
      ),
      holdUsername: this.db.prepare<[string, number | null, number | null]>(
        "INSERT OR REPLACE INTO username (name, account, line) VALUES (?, ?, ?)",
      ),
      // An account with card data holds its user ID whichever is read first (Keycloak never shares one).
      holdOtherUsername: this.db.prepare<[string]>("INSERT OR IGNORE INTO username (name) VALUES (?)"),
      byKey: this.db.prepare<[string], StoredRow>(`SELECT ${columns} FROM account WHERE key = ? ORDER BY n`),
      byPerson: this.db.prepare<[string], StoredRow>(`SELECT ${columns} FROM account WHERE person = ? ORDER BY n`),
      byN: this.db.prepare<[number], StoredRow>(`SELECT ${columns} FROM account WHERE n = ?`),
      username: this.db.prepare<[string], { account: number | null; line: number | null }>(
        "SELECT account, line FROM username WHERE name = ?",
      ),
      claim: this.db.prepare<[number, number]>("UPDATE account SET claimed = ? WHERE n = ?"),
      keep: this.db.prepare<[number]>("UPDATE account SET kept = 1 WHERE n = ?"),
      unmatched: this.db.prepare<[], { data: string }>(
        "SELECT data FROM account WHERE enabled = 1 AND claimed IS NULL AND kept = 0 ORDER BY n",
      ),
      active: this.db.prepare<[]>("SELECT count(*) FROM account WHERE enabled = 1").pluck(),
    };
  }

  /** An account of the register (syncAccountOf). */
  add(a: SyncAccount): void {
    if (!this.loading) throw new Error("SyncPlanner: every account must be added before the first row");
    const { lastInsertRowid } = this.sql.insert.run(
      JSON.stringify(a),
      a.key,
      a.personNumber ?? null,
      a.enabled ? 1 : 0,
    );
    this.sql.holdUsername.run(a.username, Number(lastInsertRowid), null);
  }

  /** The user ID of an account without card data: not the register's, but its user ID is taken. */
  addOther(username: string): void {
    if (!this.loading) throw new Error("SyncPlanner: every account must be added before the first row");
    this.sql.holdOtherUsername.run(username);
  }

  /** The realm is indexed once read: far quicker than indexing account by account. */
  private ready(): void {
    if (!this.loading) return;
    this.loading = false;
    this.db.exec("CREATE INDEX account_key ON account (key); CREATE INDEX account_person ON account (person)");
  }

  close(): void {
    this.db.close();
  }

  private holder(username: string): UsernameHolder | undefined {
    const held = this.sql.username.get(username);
    if (!held) return undefined;
    if (held.line !== null) return held.line;
    return held.account === null ? null : stored(this.sql.byN.get(held.account))!.account;
  }

  classify(row: MemberRow): SyncDecision {
    this.ready();
    const { line, userId } = row;
    const key = memberKey(row.symbol, row.number, row.branch);
    const conflict = (field: Conflict["field"], reason: string, ...maybe: Array<Stored | undefined>) => {
      for (const a of maybe) if (a) this.sql.keep.run(a.n);
      return { action: "conflict" as const, line, userId, conflict: { line, field, userId, reason } };
    };
    if (key === undefined) return conflict("number", t("reasonNoCard"));
    const card = describeKey(key);

    const holders = this.sql.byKey.all(key).map((r) => stored(r)!);
    if (holders.length > 1)
      return conflict(
        "number",
        t("syncReasonCardHeldByMany", { count: holders.length, card, names: names(holders) }),
        ...holders,
      );
    const [holder] = holders;
    const persons = row.personNumber ? this.sql.byPerson.all(row.personNumber).map((r) => stored(r)!) : [];
    if (persons.length > 1)
      return conflict(
        "person_number",
        t("syncReasonPersonHeldByMany", {
          count: persons.length,
          person: describePersonNumber(row.personNumber!),
          names: names(persons),
        }),
        ...persons,
        holder,
      );
    const [person] = persons;

    let match: Stored | undefined;
    if (person) {
      // The same person under a new card: the card must not be someone else's already.
      if (holder && holder.n !== person.n)
        return conflict(
          "number",
          t("syncReasonCardOfOtherPerson", { card, holder: holder.account.username, person: person.account.username }),
          person,
          holder,
        );
      match = person;
    } else if (holder) {
      const theirs = holder.account.personNumber;
      if (row.personNumber && theirs && theirs !== row.personNumber)
        return conflict(
          "person_number",
          t("syncReasonPersonMismatch", {
            card,
            holder: holder.account.username,
            theirs: describePersonNumber(theirs),
            ours: describePersonNumber(row.personNumber),
          }),
          holder,
        );
      if (!row.personNumber && theirs && this.context.personNumbers.has(theirs))
        return conflict(
          "number",
          t("syncReasonOldCard", { card, holder: holder.account.username, person: describePersonNumber(theirs) }),
          holder,
        );
      match = holder;
    }

    if (match) {
      if (match.claimed !== null)
        return conflict(
          "number",
          t("syncReasonMatchedTwice", { holder: match.account.username, earlier: match.claimed }),
          match,
        );
      this.sql.claim.run(line, match.n);
      return this.compare(row, key, match.account, person !== undefined);
    }

    const owner = this.holder(userId);
    if (owner !== undefined)
      return conflict("user_id", t("reasonUserIdTaken", { userId, whose: describeHolder(owner) }));
    this.sql.holdUsername.run(userId, null, line);
    return { action: "create", line, userId, reasons: [t("syncReasonJoins", { card })] };
  }

  private compare(row: MemberRow, key: string, account: SyncAccount, byPerson: boolean): SyncDecision {
    const { line, userId } = row;
    const changes: SyncChange[] = [];
    const reasons: string[] = [];
    const change = (what: SyncChange, reason: string) => {
      changes.push(what);
      reasons.push(reason);
    };
    if (!account.enabled) {
      if (!account.leftRegister)
        return {
          action: "keep",
          line,
          userId,
          account,
          note: t("syncNoteAdminDisabled", { userId: account.username }),
        };
      change("returns", t("syncReasonReturns", { date: account.leftRegister }));
    }
    if (key !== account.key)
      change(
        "card",
        t(byPerson ? "syncReasonNewCardByPerson" : "syncReasonNewCard", {
          from: describeKey(account.key),
          to: describeKey(key),
        }),
      );
    if (row.personNumber && row.personNumber !== account.personNumber)
      change("person_number", t("syncReasonPersonRecorded"));
    if (row.lastName !== account.lastName || row.firstName !== account.firstName) change("name", t("syncReasonName"));
    if ((row.email ?? "") !== account.email) change("email", t("syncReasonEmail"));
    if (row.birthdate !== account.birthdate) change("birthdate", t("syncReasonBirthdate"));
    if (changes.length === 0) return { action: "keep", line, userId, account };
    return { action: "update", line, userId, account, changes, reasons };
  }

  /** Active accounts no row matched, except those a refused or invalid row may mean. Call after every row. */
  leavers(): Leaver[] {
    this.ready();
    const leavers: Leaver[] = [];
    for (const { data } of this.sql.unmatched.iterate()) {
      const account = JSON.parse(data) as SyncAccount;
      const { key, personNumber } = account;
      if (this.context.invalidKeys.has(key) || (personNumber && this.context.invalidKeys.has(personNumber))) continue;
      leavers.push({
        account,
        reason: personNumber
          ? t("syncReasonLeftPerson", { card: describeKey(key), person: describePersonNumber(personNumber) })
          : t("syncReasonLeft", { card: describeKey(key) }),
      });
    }
    return leavers;
  }

  /** Active accounts of the register before this sync: the guard's base. */
  activeCount(): number {
    this.ready();
    return this.sql.active.get() as number;
  }
}

export interface LeaveGuard {
  active: number;
  leaving: number;
  /** leaving / active, in percent. */
  percent: number;
  maxPercent: number;
  /** Too many leave and --force was not given: nothing is written. */
  refused: boolean;
}

/** A truncated export must not lock out the rest: past the society's share, only --force disables them. */
export function leaveGuard(active: number, leaving: number, maxPercent: number, force = false): LeaveGuard {
  const percent = active === 0 ? 0 : (leaving / active) * 100;
  return { active, leaving, percent, maxPercent, refused: percent > maxPercent && !force };
}
