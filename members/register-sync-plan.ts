import type UserRepresentation from "@keycloak/keycloak-admin-client/lib/defs/userRepresentation.js";
import { t } from "../admin-messages/catalogue.js";
import { USER_ATTRIBUTE } from "../contracts/index.js";
import { describeKey, describePersonNumber, memberKey } from "../rules/member-key.js";
import { firstAttribute } from "./attributes.js";
import { FirstAndRepeats } from "./first-and-repeats.js";
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
  personNumbers: ReadonlySet<string>;
  /** Cards and person numbers of invalid rows: their accounts are not taken for leavers. */
  invalidKeys: ReadonlySet<string>;
}

const names = (accounts: readonly SyncAccount[]) => accounts.map((a) => a.username).join(", ");

/** Who holds a user ID: an account of the register, one without card data (null), or a joiner's line. */
type UsernameHolder = SyncAccount | null | number;

function describeHolder(holder: UsernameHolder): string {
  if (holder === null) return t("holderNoCard");
  if (typeof holder === "number") return t("holderOnRegisterLine", { line: holder });
  return t("holderOtherCard", { card: describeKey(holder.key) });
}

/**
 * Classifies the register's valid rows in file order, then names who left. What it holds grows
 * with the realm (one small record per account, in three indexes) and with the joiners (their user
 * IDs), not with the rows that stay: the caller keeps only decisions that write or report something.
 */
export class SyncPlanner {
  private readonly accounts: SyncAccount[] = [];
  private readonly byKey = new FirstAndRepeats<string, SyncAccount>();
  private readonly byPerson = new FirstAndRepeats<string, SyncAccount>();
  /** Every user ID in the realm (accounts without card data too) and of this run's joiners. */
  private readonly usernames = new Map<string, UsernameHolder>();
  /** Account → the line that matched it. */
  private readonly claimed = new Map<SyncAccount, number>();
  /** Accounts a refused row may mean: never taken for leavers. */
  private readonly kept = new Set<SyncAccount>();

  constructor(
    accounts: Iterable<SyncAccount>,
    otherUsernames: Iterable<string>,
    private readonly context: SyncContext,
  ) {
    for (const u of otherUsernames) this.usernames.set(u, null);
    for (const a of accounts) {
      this.accounts.push(a);
      this.byKey.add(a.key, a);
      this.byPerson.add(a.personNumber, a);
      this.usernames.set(a.username, a);
    }
  }

  classify(row: MemberRow): SyncDecision {
    const { line, userId } = row;
    const key = memberKey(row.symbol, row.number, row.branch);
    const conflict = (field: Conflict["field"], reason: string, ...maybe: Array<SyncAccount | undefined>) => {
      for (const a of maybe) if (a) this.kept.add(a);
      return { action: "conflict" as const, line, userId, conflict: { line, field, userId, reason } };
    };
    if (key === undefined) return conflict("number", t("reasonNoCard"));
    const card = describeKey(key);

    const holders = this.byKey.get(key);
    if (holders.length > 1)
      return conflict(
        "number",
        t("syncReasonCardHeldByMany", { count: holders.length, card, names: names(holders) }),
        ...holders,
      );
    const [holder] = holders;
    const persons = this.byPerson.get(row.personNumber || undefined);
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

    let account: SyncAccount | undefined;
    if (person) {
      // The same person under a new card: the card must not be someone else's already.
      if (holder && holder !== person)
        return conflict(
          "number",
          t("syncReasonCardOfOtherPerson", { card, holder: holder.username, person: person.username }),
          person,
          holder,
        );
      account = person;
    } else if (holder) {
      if (row.personNumber && holder.personNumber && holder.personNumber !== row.personNumber)
        return conflict(
          "person_number",
          t("syncReasonPersonMismatch", {
            card,
            holder: holder.username,
            theirs: describePersonNumber(holder.personNumber),
            ours: describePersonNumber(row.personNumber),
          }),
          holder,
        );
      if (!row.personNumber && holder.personNumber && this.context.personNumbers.has(holder.personNumber))
        return conflict(
          "number",
          t("syncReasonOldCard", {
            card,
            holder: holder.username,
            person: describePersonNumber(holder.personNumber),
          }),
          holder,
        );
      account = holder;
    }

    if (account) {
      const earlier = this.claimed.get(account);
      if (earlier !== undefined)
        return conflict("number", t("syncReasonMatchedTwice", { holder: account.username, earlier }), account);
      this.claimed.set(account, line);
      return this.compare(row, key, account, person !== undefined);
    }

    const owner = this.usernames.get(userId);
    if (owner !== undefined)
      return conflict("user_id", t("reasonUserIdTaken", { userId, whose: describeHolder(owner) }));
    this.usernames.set(userId, line);
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
    return this.accounts
      .filter(
        (a) =>
          a.enabled &&
          !this.claimed.has(a) &&
          !this.kept.has(a) &&
          !this.context.invalidKeys.has(a.key) &&
          !(a.personNumber && this.context.invalidKeys.has(a.personNumber)),
      )
      .map((account) => ({
        account,
        reason: account.personNumber
          ? t("syncReasonLeftPerson", {
              card: describeKey(account.key),
              person: describePersonNumber(account.personNumber),
            })
          : t("syncReasonLeft", { card: describeKey(account.key) }),
      }));
  }

  /** Active accounts of the register before this sync: the guard's base. */
  activeCount(): number {
    return this.accounts.filter((a) => a.enabled).length;
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
