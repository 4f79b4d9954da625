import type UserRepresentation from "@keycloak/keycloak-admin-client/lib/defs/userRepresentation.js";
import { USER_ATTRIBUTE } from "../contracts/index.js";
import { leaveGuard, SyncPlanner, syncAccountOf, type SyncDecision } from "./register-sync-plan.js";
import type { MemberRow } from "./validate.js";
import { registerRow } from "../test/support/register-row.js";

// The English texts are asserted: whatever the machine's locale (a test switches to Japanese and back).
process.env.LC_ALL = "C.UTF-8";

/** Accounts as the admin API returns them (briefRepresentation: false). */
function user(
  username: string,
  card: [string, string, string?] | undefined,
  extra: { person?: string; enabled?: boolean; left?: string; email?: string } = {},
): UserRepresentation {
  const [symbol, number, branch] = card ?? [];
  return {
    id: `id-${username}`,
    username,
    enabled: extra.enabled ?? true,
    firstName: "太郎",
    lastName: "山田",
    email: extra.email ?? `${username}@example.test`,
    attributes: card
      ? {
          [USER_ATTRIBUTE.symbol]: [symbol],
          [USER_ATTRIBUTE.number]: [number],
          ...(branch ? { [USER_ATTRIBUTE.branch]: [branch] } : {}),
          [USER_ATTRIBUTE.birthdate]: ["1980-12-01"],
          ...(extra.person ? { [USER_ATTRIBUTE.personNumber]: [extra.person] } : {}),
          ...(extra.left ? { [USER_ATTRIBUTE.leftRegister]: [extra.left] } : {}),
        }
      : {},
  };
}

const REALM = [
  user("same", ["12", "1000001"]),
  user("moved", ["12", "1000002"], { person: "P2" }),
  user("left.before", ["12", "1000003"], { enabled: false, left: "2026-11-01" }),
  user("admin.disabled", ["12", "1000004"], { enabled: false }),
  user("twin.a", ["20", "2000000"]),
  user("twin.b", ["20", "2000000"]),
  user("numbered", ["12", "1000005"], { person: "P5" }),
  user("admin.made", undefined),
  user("gone", ["12", "1000006"]),
  user("shared.p1", ["30", "3000001"], { person: "PD" }),
  user("shared.p2", ["30", "3000002"], { person: "PD" }),
];

const row = registerRow;

function planner(fileNumbers: string[] = [], invalidKeys: string[] = []) {
  const planner = new SyncPlanner({ personNumbers: new Set(fileNumbers), invalidKeys: new Set(invalidKeys) });
  for (const user of REALM) {
    const account = syncAccountOf(user);
    if (account) planner.add(account);
    else planner.addOther(user.username!);
  }
  return planner;
}

/** A decision as an admin reads it: the action, the account, what changes or which field conflicts. */
function outcome(d: SyncDecision): string {
  if (d.action === "conflict") return `conflict ${d.conflict.field}`;
  if (d.action === "create") return "create";
  if (d.action === "keep") return `keep ${d.account.username}${d.note ? " (note)" : ""}`;
  return `update ${d.account.username}: ${d.changes.join(",")}`;
}

test.each<[string, MemberRow, string, string[]?]>([
  ["an unchanged member writes nothing", row("same", ["12", "1000001"]), "keep same"],
  [
    "a user ID renamed at ⑤ is not a change",
    row("old.id", ["12", "1000001"], { email: "same@example.test" }),
    "keep same",
  ],
  ["a new card, not in the realm", row("new.member", ["12", "9000000"]), "create"],
  [
    "a new card with a known person number keeps the account",
    row("moved", ["13", "7000000"], { personNumber: "P2" }),
    "update moved: card",
    ["P2"],
  ],
  [
    "a person number on a card that had none is recorded",
    row("same", ["12", "1000001"], { personNumber: "P1" }),
    "update same: person_number",
    ["P1"],
  ],
  [
    "names and emails",
    row("same", ["12", "1000001"], { lastName: "佐藤", email: "x@example.test" }),
    "update same: name,email",
  ],
  ["a corrected birthdate", row("same", ["12", "1000001"], { birthdate: "1980-12-02" }), "update same: birthdate"],
  ["a member the sync disabled returns", row("left.before", ["12", "1000003"]), "update left.before: returns"],
  ["a member an admin disabled stays disabled", row("admin.disabled", ["12", "1000004"]), "keep admin.disabled (note)"],
  [
    "the person number's account, but the row's card is another account's",
    row("moved", ["12", "1000001"], { personNumber: "P2" }),
    "conflict number",
    ["P2"],
  ],
  [
    "a card whose account has another person number",
    row("someone", ["12", "1000005"], { personNumber: "P9" }),
    "conflict person_number",
    ["P9"],
  ],
  ["an old card whose person number is on another row", row("numbered", ["12", "1000005"]), "conflict number", ["P5"]],
  ["a card held by two accounts", row("twin.a", ["20", "2000000"]), "conflict number"],
  [
    "a card and a person number that name the same account",
    row("numbered", ["12", "1000005"], { personNumber: "P5" }),
    "keep numbered",
    ["P5"],
  ],
  [
    "a person number two accounts share",
    row("shared", ["30", "3000009"], { personNumber: "PD" }),
    "conflict person_number",
    ["PD"],
  ],
  ["a joiner whose user ID an account without card data has", row("admin.made", ["12", "9000001"]), "conflict user_id"],
  ["a joiner whose user ID another card's account has", row("same", ["12", "9000002"]), "conflict user_id"],
])("%s", (_name, member, expected, fileNumbers = []) => {
  expect(outcome(planner(fileNumbers).classify(member))).toBe(expected);
});

test("two rows that mean one account: the second is refused", () => {
  const p = planner(["P2"]);
  expect(outcome(p.classify(row("moved", ["13", "7000000"], { personNumber: "P2", line: 2 })))).toBe(
    "update moved: card",
  );
  const second = p.classify(row("moved2", ["12", "1000002"], { line: 3 }));
  expect(second).toMatchObject({ action: "conflict", conflict: { line: 3, field: "number" } });
  expect(second.action === "conflict" && second.conflict.reason).toContain("on another row of this register");
});

test("leavers: active accounts with card data no row matched; never admin-made, disabled, refused or invalid rows' accounts", () => {
  const p = planner([], ["12/1000006/"]);
  p.classify(row("same", ["12", "1000001"]));
  p.classify(row("twin.a", ["20", "2000000"]));
  // In the order the realm was read.
  expect(p.leavers().map((l) => l.account.username)).toEqual(["moved", "numbered", "shared.p1", "shared.p2"]);
  expect(p.activeCount()).toBe(8);
  const [leaver] = p.leavers();
  expect(leaver?.reason).toMatch(/^left: no row of this register has the card \(記号 12 番号 10\*\*\*02\)/);
  expect(leaver?.reason).not.toContain("1000002");
});

test("leavers: never the accounts a refused row may mean, by its card or by its person number", () => {
  const p = planner(["P2", "PD"]);
  // The person number's account (moved) and the card's (same) are both kept back.
  expect(outcome(p.classify(row("moved", ["12", "1000001"], { personNumber: "P2", line: 2 })))).toBe("conflict number");
  expect(outcome(p.classify(row("shared", ["30", "3000009"], { personNumber: "PD", line: 3 })))).toBe(
    "conflict person_number",
  );
  expect(p.leavers().map((l) => l.account.username)).toEqual(["twin.a", "twin.b", "numbered", "gone"]);
});

test.each<[string, number, number, number, boolean, boolean]>([
  ["within the share", 100, 5, 5, false, false],
  ["past the share", 100, 6, 5, false, true],
  ["past the share with --force", 100, 6, 5, true, false],
  ["no active members", 0, 0, 5, false, false],
  ["a share of 0 % refuses any leaver", 1000, 1, 0, false, true],
])("leave guard: %s", (_name, active, leaving, max, force, refused) => {
  expect(leaveGuard(active, leaving, max, force)).toMatchObject({ active, leaving, maxPercent: max, refused });
});

test("in a Japanese locale the reasons are Japanese, cards still masked", () => {
  process.env.LC_ALL = "ja_JP.UTF-8";
  try {
    const p = planner();
    const joiner = p.classify(row("new.member", ["12", "9000000"]));
    expect(joiner.action === "create" && joiner.reasons).toEqual([
      "加入: 保険証（記号 12 番号 90***00）はレルムにありません",
    ]);
    const twins = p.classify(row("twin.a", ["20", "2000000"]));
    expect(twins.action === "conflict" && twins.conflict.reason).toMatch(
      /^レルムの 2 件のアカウントが保険証（記号 20 番号 20\*\*\*00）を持っています: twin\.a, twin\.b。/,
    );
    expect(p.leavers().map((l) => l.reason)).toContain(
      "資格喪失: この名簿に保険証（記号 12 番号 10***06）の行がありません",
    );
  } finally {
    process.env.LC_ALL = "C.UTF-8";
  }
});
