import { initialPassword } from "../../rules/initial-password.js";
import { writeMembers, type ImportMember, type WriteOptions } from "../../members/keycloak-writer.js";
import { Journey, passEmailCheck, type TestRealm } from "../../journeys/http-journey.js";
import { provisionTestRealm } from "../../journeys/realm.js";
import { FORM_FIELD, METHOD, PAGE, STAGE, USER_ATTRIBUTE } from "../../contracts/index.js";
import { firstAttribute } from "../../members/attributes.js";

/** A member is their card (記号 + 番号 + 枝番), never their user ID: the import matches on the card. */

type Card = [symbol: string, number: string, branch?: string];

function row(
  line: number,
  userId: string,
  [symbol, number, branch]: Card,
  extra: Partial<ImportMember> = {},
): ImportMember {
  const m = {
    line,
    userId,
    symbol,
    number,
    ...(branch ? { branch } : {}),
    birthdate: "1980-12-01",
    lastName: "山田",
    firstName: "太郎",
    email: `${userId}@example.test`,
    ...extra,
  };
  return { ...m, initialPassword: initialPassword(m) };
}

describe("the import matches members by their card", () => {
  let realm: TestRealm;
  const write = (members: ImportMember[], options: Partial<WriteOptions> = {}) =>
    writeMembers(members, { admin: realm.admin, realm: realm.config.realm, ...options });
  const byName = async (username: string) =>
    (await realm.admin.users.find({ realm: realm.config.realm, username, exact: true }))[0];
  const withCard = async ([symbol, number, branch]: Card) =>
    (
      await realm.admin.users.find({
        realm: realm.config.realm,
        q: `${USER_ATTRIBUTE.symbol}:${symbol} ${USER_ATTRIBUTE.number}:${number}`,
      })
    )
      .filter((u) => (firstAttribute(u, USER_ATTRIBUTE.branch) ?? "") === (branch ?? ""))
      .map((u) => u.username);

  beforeAll(async () => {
    realm = await provisionTestRealm("identity");
  });
  afterAll(() => realm.cleanup());

  test("a member who changed the user ID at ⑤: a re-import creates nothing and reports the current user ID; --update-profile updates that account", async () => {
    const card: Card = ["61", "6100001", "00"];
    const member = row(2, "rename.before", card);
    expect(await write([member])).toMatchObject({ created: 1 });
    const j = await (
      await new Journey(realm).open()
    ).post({ username: "rename.before", password: member.initialPassword }, PAGE.birthdate);
    await j.post({ [FORM_FIELD.birthdate]: "1980-12-01" }, PAGE.terms);
    await j.post({ [FORM_FIELD.accept]: "yes" }, PAGE.methodChoice);
    await j.post({ [FORM_FIELD.method]: METHOD.otp, [FORM_FIELD.newUserId]: "rename.after" }, PAGE.emailCode);
    await passEmailCheck(j, realm.mailbox!, member.email!, "login-update-password.ftl");

    const renamed = [{ line: 2, userId: "rename.before", currentUserId: "rename.after" }];
    const dry = await write([member], { dryRun: true });
    expect(dry).toMatchObject({
      planned: { create: 0, update: 0, skip: 1, conflict: 0 },
      plan: { create: [], skip: ["rename.after"] },
      renamed,
      conflicts: [],
    });
    const again = await write([member]);
    expect(again).toMatchObject({
      created: 0,
      updated: 0,
      skipped: 1,
      planned: dry.planned,
      renamed,
      conflicts: [],
      written: true,
    });
    expect(await byName("rename.before")).toBeUndefined();
    expect(await withCard(card)).toEqual(["rename.after"]);

    const moved = { ...member, firstName: "次郎", email: "new-address@example.test" };
    expect(await write([moved], { updateProfile: true })).toMatchObject({ updated: 1, created: 0, renamed });
    const after = await byName("rename.after");
    expect(after).toMatchObject({ firstName: "次郎", email: "new-address@example.test", emailVerified: false });
    expect(after?.attributes?.[USER_ATTRIBUTE.stage]).toEqual([STAGE.enrolling]);
    expect(await withCard(card)).toEqual(["rename.after"]);

    // Another member now holds the freed user ID: the row still skips, but an update could be a mistyped
    // card writing one person's data onto another's account, so it is refused.
    await write([row(2, "rename.before", ["61", "6100002", "00"])]);
    expect(await write([moved])).toMatchObject({ skipped: 1, conflicts: [], renamed });
    const refused = await write([{ ...moved, firstName: "三郎" }], { updateProfile: true });
    expect(refused).toMatchObject({
      refused: true,
      updated: 0,
      conflicts: [
        { line: 2, field: "user_id", userId: "rename.before", reason: expect.stringContaining('is "rename.after"\'s') },
      ],
    });
    expect(await byName("rename.after")).toMatchObject({ firstName: "次郎" });
    expect(await byName("rename.before")).toMatchObject({ firstName: "太郎" });
  });

  test.each([false, true])(
    "a user ID that belongs to another card is a conflict: reported, and nothing is written (--update-profile: %s)",
    async (updateProfile) => {
      const holder = row(2, updateProfile ? "taken.b" : "taken.a", ["62", updateProfile ? "6200002" : "6200001"]);
      await write([holder]);
      const before = await byName(holder.userId);
      const fresh = row(2, `fresh.${holder.userId}`, ["62", updateProfile ? "6200012" : "6200011"]);
      const intruder = row(3, holder.userId, ["63", updateProfile ? "6300002" : "6300001"], {
        firstName: "別人",
        email: "someone-else@example.test",
        birthdate: "1999-09-09",
      });
      const conflict = {
        line: 3,
        field: "user_id",
        userId: holder.userId,
        reason: expect.stringMatching(/belongs to the account of another card \(記号 62 番号 62\*\*\*0[12]\)/),
      };

      // A conflict stops the whole input, in the dry run and the real run alike.
      const dry = await write([fresh, intruder], { updateProfile, dryRun: true });
      const real = await write([fresh, intruder], { updateProfile });
      for (const report of [dry, real]) {
        expect(report).toMatchObject({
          refused: true,
          written: false,
          created: 0,
          updated: 0,
          conflicts: [conflict],
          planned: { create: 1, update: 0, skip: 0, conflict: 1 },
        });
      }
      expect(await byName(fresh.userId)).toBeUndefined();
      expect(await byName(holder.userId)).toEqual(before);

      // --skip-invalid: the other rows go in; the conflicting one still touches nothing.
      const skipping = await write([fresh, intruder], { updateProfile, skipConflicts: true });
      expect(skipping).toMatchObject({ refused: false, written: true, created: 1, updated: 0, conflicts: [conflict] });
      expect(await byName(fresh.userId)).toBeDefined();
      expect(await byName(holder.userId)).toEqual(before);
      expect(await withCard(["63", intruder.number])).toEqual([]);
    },
  );

  test("two accounts of the realm with one card: every row for that card is a conflict and nothing is written to either", async () => {
    // Made behind the import's back (the planner would refuse the second): a realm problem to report.
    const twins = ["twin.a", "twin.b"].map((u) => ({
      username: u,
      enabled: true,
      firstName: "双子",
      lastName: "山田",
      attributes: {
        [USER_ATTRIBUTE.symbol]: ["64"],
        [USER_ATTRIBUTE.number]: ["6400001"],
        [USER_ATTRIBUTE.birthdate]: ["1980-12-01"],
        [USER_ATTRIBUTE.stage]: [STAGE.initial],
      },
    }));
    await realm.admin.realms.partialImport({
      realm: realm.config.realm,
      rep: { ifResourceExists: "FAIL", users: twins },
    });
    const before = await Promise.all(["twin.a", "twin.b"].map(byName));

    // One of the two user IDs with new data, and a new user ID: neither may pick an account.
    for (const member of [
      row(2, "twin.a", ["64", "6400001"], { firstName: "更新" }),
      row(2, "twin.c", ["64", "6400001"]),
    ]) {
      const report = await write([member], { updateProfile: true, skipConflicts: true });
      const reason = expect.stringMatching(
        /2 accounts in the realm have this card \(記号 64 番号 64\*\*\*01\): twin\.a, twin\.b/,
      );
      expect(report.conflicts).toEqual([{ line: 2, field: "number", userId: member.userId, reason }]);
      expect(report).toMatchObject({ created: 0, updated: 0, skipped: 0 });
    }
    expect(await Promise.all(["twin.a", "twin.b"].map(byName))).toEqual(before);
    expect(await byName("twin.c")).toBeUndefined();
  });

  test("the dry run and the real run classify every row the same way (create, skip, update, conflict)", async () => {
    await write([
      row(2, "same.skip", ["65", "6500001"]),
      row(3, "same.update", ["65", "6500002"]),
      row(4, "same.holder", ["65", "6500003"]),
    ]);
    const input = [
      row(2, "same.skip", ["65", "6500001"]),
      row(3, "same.update", ["65", "6500002"], { lastName: "佐藤" }),
      row(4, "same.holder", ["65", "6500099"]),
      row(5, "same.create", ["65", "6500004"]),
      row(6, "same.create2", ["65", "6500004", "01"]),
    ];
    const options = { updateProfile: true, skipConflicts: true };
    const dry = await write(input, { ...options, dryRun: true });
    const real = await write(input, options);
    const classification = { create: 2, update: 1, skip: 1, conflict: 1 };
    expect(dry).toMatchObject({
      planned: classification,
      created: 2,
      updated: 1,
      skipped: 1,
      written: false,
      plan: { create: ["same.create", "same.create2"], update: ["same.update"], skip: ["same.skip"] },
    });
    expect(real).toMatchObject({ planned: classification, created: 2, updated: 1, skipped: 1, written: true });
    expect(real.conflicts).toEqual(dry.conflicts);
    expect(real.conflicts).toEqual([expect.objectContaining({ line: 4, field: "user_id", userId: "same.holder" })]);
    // Afterwards everyone is there: only the conflict is left.
    expect(await write(input, options)).toMatchObject({ planned: { create: 0, update: 0, skip: 4, conflict: 1 } });
  });
});
