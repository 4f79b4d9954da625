import type UserRepresentation from "@keycloak/keycloak-admin-client/lib/defs/userRepresentation.js";
import { STAGE, USER_ATTRIBUTE } from "../contracts/index.js";
import { accountOf, MemberPlanner, RealmMembers, type Decision } from "./member-plan.js";
import type { MemberRow } from "./validate.js";
import { registerRow } from "../test/support/register-row.js";

// The English texts are asserted: whatever the machine's locale (a test switches to Japanese and back).
process.env.LC_ALL = "C.UTF-8";

/** Accounts as the admin API returns them (briefRepresentation: false). */
function user(
  username: string,
  card?: [string, string, string?],
  extra: Partial<UserRepresentation> = {},
): UserRepresentation {
  const [symbol, number, branch] = card ?? [];
  return {
    id: `id-${username}`,
    username,
    firstName: "太郎",
    lastName: "山田",
    email: `${username}@example.test`,
    attributes: card
      ? {
          [USER_ATTRIBUTE.symbol]: [symbol],
          [USER_ATTRIBUTE.number]: [number],
          ...(branch ? { [USER_ATTRIBUTE.branch]: [branch] } : {}),
          [USER_ATTRIBUTE.birthdate]: ["1980-12-01"],
          [USER_ATTRIBUTE.stage]: [STAGE.initial],
        }
      : {},
    ...extra,
  };
}

const REALM = [
  user("yamada.taro", ["12", "3456789", "00"]),
  user("taro", ["12", "1111111", "00"], { email: "renamed@example.test" }),
  user("twin.a", ["20", "2222222"]),
  user("twin.b", ["20", "2222222"]),
  user("admin.made"),
  user("other", ["30", "3333333"]),
];

const row = registerRow;

/** What a decision means to an admin: the action, and the account it touches or the conflict's field. */
function outcome(d: Decision): string {
  if (d.action === "conflict") return `conflict ${d.conflict.field}`;
  if (d.action === "create") return "create";
  return `${d.action} ${d.account.username}`;
}

test.each<[string, MemberRow, boolean, string, RegExp | null]>([
  ["the same member again", row("yamada.taro", ["12", "3456789", "00"]), false, "skip yamada.taro", null],
  [
    "a member who renamed themselves at ⑤ is found by the card",
    row("suzuki.old", ["12", "1111111", "00"], { email: "renamed@example.test" }),
    false,
    "skip taro",
    null,
  ],
  [
    "renamed, the register changed the name, --update-profile: the card's account is updated",
    row("suzuki.old", ["12", "1111111", "00"], { firstName: "次郎", email: "renamed@example.test" }),
    true,
    "update taro",
    null,
  ],
  [
    "changed data without --update-profile is left as it is",
    row("yamada.taro", ["12", "3456789", "00"], { firstName: "次郎" }),
    false,
    "skip yamada.taro",
    null,
  ],
  [
    "changed data with --update-profile under the account's own user ID is updated",
    row("yamada.taro", ["12", "3456789", "00"], { firstName: "次郎" }),
    true,
    "update yamada.taro",
    null,
  ],
  [
    "unchanged data with --update-profile writes nothing",
    row("yamada.taro", ["12", "3456789", "00"]),
    true,
    "skip yamada.taro",
    null,
  ],
  [
    "renamed, and the register's user ID is now another account's: skipped as long as nothing is written",
    row("other", ["12", "1111111", "00"], { email: "renamed@example.test" }),
    true,
    "skip taro",
    null,
  ],
  [
    "… but --update-profile with changed data refuses: the card may be mistyped",
    row("other", ["12", "1111111", "00"], { firstName: "次郎" }),
    true,
    "conflict user_id",
    /"other" is another account's, but the card \(記号 12 番号 11\*\*\*11 枝番 00\) is "taro"'s/,
  ],
  ["a new card with a free user ID is created", row("new.member", ["12", "9999999", "00"]), false, "create", null],
  ["another 枝番 is another member", row("new.child", ["12", "3456789", "01"]), false, "create", null],
  [
    "a user ID that belongs to another card is a conflict",
    row("other", ["12", "9999999", "00"]),
    false,
    "conflict user_id",
    /"other" already belongs to the account of another card \(記号 30 番号 33\*\*\*33\)/,
  ],
  [
    "… also with --update-profile: nothing is written onto that account",
    row("other", ["12", "9999999", "00"], { firstName: "乗っ取り" }),
    true,
    "conflict user_id",
    null,
  ],
  [
    "a user ID of an account without card data is a conflict",
    row("admin.made", ["12", "9999999", "00"]),
    false,
    "conflict user_id",
    /without card data/,
  ],
  [
    "a card two accounts of the realm share is a conflict",
    row("twin.a", ["20", "2222222"]),
    true,
    "conflict number",
    /2 accounts in the realm have this card \(記号 20 番号 22\*\*\*22\): twin\.a, twin\.b/,
  ],
])("%s", (_, member, updateProfile, expected, reason) => {
  const decision = new MemberPlanner(new RealmMembers(REALM.map(accountOf)), { updateProfile }).classify(member);
  expect(outcome(decision)).toBe(expected);
  if (reason) expect(decision.action === "conflict" && decision.conflict.reason).toMatch(reason);
  if (decision.action === "conflict")
    expect(decision.conflict).toMatchObject({ line: member.line, userId: member.userId });
});

test("within one input: a second row with the same card, or with a user ID the input already gives to another card, conflicts", () => {
  const planner = new MemberPlanner(new RealmMembers(REALM.map(accountOf)));
  const decisions = [
    row("first", ["40", "4444444"], { line: 2 }),
    row("second", ["40", "4444444"], { line: 3 }),
    row("first", ["41", "4141414"], { line: 4 }),
    row("yamada.taro", ["12", "3456789", "00"], { line: 5 }),
    row("again.taro", ["12", "3456789", "00"], { line: 6 }),
  ].map((m) => planner.classify(m));
  expect(decisions.map(outcome)).toEqual([
    "create",
    "conflict number",
    "conflict user_id",
    "skip yamada.taro",
    "conflict number",
  ]);
  const reasons = decisions.map((d) => (d.action === "conflict" ? d.conflict.reason : ""));
  expect(reasons[1]).toMatch(/same card \(記号 40 番号 44\*\*\*44\) is on line 2/);
  expect(reasons[2]).toMatch(/the member on line 2 of this input/);
  expect(reasons[4]).toMatch(/is on line 5/);
  expect(JSON.stringify(reasons)).not.toMatch(/4444444|3456789/);
});

test("accounts read from the realm: card attributes make the key, whitespace and full-width digits included", () => {
  const account = accountOf(user("wide", ["１２", " 3456789 ", "00"]));
  expect(account).toMatchObject({ id: "id-wide", username: "wide", key: "12/3456789/00" });
  expect(accountOf(user("nobody")).key).toBeUndefined();
});
