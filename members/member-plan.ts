import type KcAdminClient from "@keycloak/keycloak-admin-client";
import type UserRepresentation from "@keycloak/keycloak-admin-client/lib/defs/userRepresentation.js";
import { USER_ATTRIBUTE } from "../contracts/index.js";
import { t } from "../admin-messages/catalogue.js";
import { describeKey, memberKey } from "../rules/member-key.js";
import { everyRealmUser } from "./realm-users.js";
import { ScratchMap, scratchDb, type ScratchDb } from "./scratch-db.js";
import type { MemberRow } from "./validate.js";

/**
 * The import's plan: each row of the register is matched to the realm by its card (memberKey),
 * never by user ID, and classified as create, skip, update or conflict. The dry run and the real
 * run both come from this one classification, so they cannot disagree.
 */

/** What the plan needs to know of an account; small, because a society has 100,000 of them. */
export interface RealmAccount {
  /** Empty for an account this plan is about to create. */
  id: string;
  username: string;
  key?: string;
  /** profileOf(…): compared to tell whether --update-profile has anything to write. */
  profile: string;
  /** Set for an account this plan is about to create: the register line it comes from. */
  line?: number;
}

export interface Conflict {
  line: number;
  /** user_id: the user ID is another person's; number: the card itself is the problem; person_number: the person number. */
  field: "user_id" | "number" | "person_number";
  /** The user ID in the register row. */
  userId: string;
  /** For admins; card numbers masked. */
  reason: string;
}

export type Decision =
  | { action: "create"; line: number; userId: string; key: string }
  | { action: "skip" | "update"; line: number; userId: string; key: string; account: RealmAccount }
  | { action: "conflict"; line: number; userId: string; conflict: Conflict };

type Profile = Pick<MemberRow, "firstName" | "lastName" | "email" | "symbol" | "number" | "branch" | "birthdate">;

/** The data --update-profile writes, in one comparable string (the realm's and the row's alike). */
export function profileOf(p: Partial<Profile>): string {
  return JSON.stringify([
    p.firstName ?? "",
    p.lastName ?? "",
    p.email ?? "",
    p.symbol ?? "",
    p.number ?? "",
    p.branch ?? "",
    p.birthdate ?? "",
  ]);
}

export function accountOf(user: UserRepresentation): RealmAccount {
  const a = user.attributes ?? {};
  const first = (name: string): string | undefined => (a[name] as string[] | undefined)?.[0];
  return {
    id: user.id ?? "",
    username: user.username ?? "",
    key: memberKey(first(USER_ATTRIBUTE.symbol), first(USER_ATTRIBUTE.number), first(USER_ATTRIBUTE.branch)),
    profile: profileOf({
      firstName: user.firstName,
      lastName: user.lastName,
      email: user.email,
      symbol: first(USER_ATTRIBUTE.symbol),
      number: first(USER_ATTRIBUTE.number),
      branch: first(USER_ATTRIBUTE.branch),
      birthdate: first(USER_ATTRIBUTE.birthdate),
    }),
  };
}

/** An account as RealmMembers stores it: n, its place in the read, is its identity within the plan. */
export type StoredAccount = RealmAccount & { n: number };

/**
 * The realm's accounts by card and by user ID, on disk (scratch-db.ts): a society's 100,000
 * accounts cost the import no memory. close() when the plan is done.
 */
export class RealmMembers {
  private readonly db: ScratchDb = scratchDb();
  private readonly sql;
  private indexed = false;

  constructor(accounts: Iterable<RealmAccount> = []) {
    this.db.exec("CREATE TABLE account (n INTEGER PRIMARY KEY, data TEXT NOT NULL, key TEXT, username TEXT NOT NULL)");
    this.sql = {
      insert: this.db.prepare<[string, string | null, string]>(
        "INSERT INTO account (data, key, username) VALUES (?, ?, ?)",
      ),
      byKey: this.db.prepare<[string], { n: number; data: string }>(
        "SELECT n, data FROM account WHERE key = ? ORDER BY n",
      ),
      // A user ID added again (a joiner's, planned) stands for the one added last.
      byUsername: this.db.prepare<[string], { n: number; data: string }>(
        "SELECT n, data FROM account WHERE username = ? ORDER BY n DESC LIMIT 1",
      ),
    };
    for (const account of accounts) this.add(account);
  }

  add(account: RealmAccount): void {
    this.sql.insert.run(JSON.stringify(account), account.key ?? null, account.username);
  }

  /** Indexed at the first look-up, once the realm is read: far quicker than account by account. */
  private ready(): void {
    if (this.indexed) return;
    this.indexed = true;
    this.db.exec("CREATE INDEX account_key ON account (key); CREATE INDEX account_username ON account (username)");
  }

  /** The accounts holding a card, in the order added. */
  holders(key: string): StoredAccount[] {
    this.ready();
    return this.sql.byKey.all(key).map(({ n, data }) => ({ ...(JSON.parse(data) as RealmAccount), n }));
  }

  /** The account holding a user ID. */
  owner(username: string): StoredAccount | undefined {
    this.ready();
    const row = this.sql.byUsername.get(username);
    return row && { ...(JSON.parse(row.data) as RealmAccount), n: row.n };
  }

  close(): void {
    this.db.close();
  }

  /** One paged read of every account with its attributes (the brief representation has none). */
  static async read(admin: KcAdminClient, realm: string): Promise<RealmMembers> {
    const members = new RealmMembers();
    try {
      for await (const user of everyRealmUser(admin, realm)) members.add(accountOf(user));
      return members;
    } catch (error) {
      members.close();
      throw error;
    }
  }
}

/**
 * Classifies rows in input order. Rows planned for creation join the realm view, so a later row
 * with the same card or user ID in the same input is caught as well. close() closes the realm view too.
 */
export class MemberPlanner {
  /** Card → the first line of this input that had it. */
  private readonly seen = new ScratchMap<string, number>();

  constructor(
    private readonly realm: RealmMembers,
    private readonly options: { updateProfile?: boolean } = {},
  ) {}

  close(): void {
    this.seen.close();
    this.realm.close();
  }

  classify(member: MemberRow): Decision {
    const { line, userId } = member;
    const conflict = (field: Conflict["field"], reason: string): Decision => ({
      action: "conflict",
      line,
      userId,
      conflict: { line, field, userId, reason },
    });
    const key = memberKey(member.symbol, member.number, member.branch);
    if (key === undefined) return conflict("number", t("reasonNoCard"));
    const card = describeKey(key);

    const earlier = this.seen.get(key);
    if (earlier !== undefined) return conflict("number", t("reasonCardTwiceInFile", { card, earlier }));
    this.seen.set(key, line);

    const holders = this.realm.holders(key);
    if (holders.length > 1) {
      const names = holders.map((h) => h.username).join(", ");
      return conflict("number", t("reasonCardHeldByMany", { count: holders.length, card, names }));
    }
    const [account] = holders;
    if (account) {
      // The member may have renamed themselves at ⑤: the card says who they are, and the user ID
      // in the register is not written to an existing account.
      const update = this.options.updateProfile && account.profile !== profileOf(member);
      if (!update) return { action: "skip", line, userId, key, account };
      // A row whose user ID is yet another account's may carry a mistyped card: writing its names
      // and email onto the card's account could be writing one person's data onto another's.
      const owner = this.realm.owner(userId);
      if (owner && owner.n !== account.n) {
        return conflict("user_id", t("reasonUserIdOfOther", { userId, card, holder: account.username }));
      }
      return { action: "update", line, userId, key, account };
    }

    const owner = this.realm.owner(userId);
    if (owner) {
      const whose =
        owner.line !== undefined
          ? t("holderOnLine", { line: owner.line })
          : owner.key !== undefined
            ? t("holderOtherCard", { card: describeKey(owner.key) })
            : t("holderNoCard");
      return conflict("user_id", t("reasonUserIdTaken", { userId, whose }));
    }
    this.realm.add({ id: "", username: userId, key, profile: profileOf(member), line });
    return { action: "create", line, userId, key };
  }
}
