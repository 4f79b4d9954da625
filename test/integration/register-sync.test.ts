import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CREDENTIAL_TYPE, METHOD, STAGE, USER_ATTRIBUTE } from "../../contracts/index.js";
import { Journey } from "../../journeys/http-journey.js";
import { expectPage, isLoginForm, pageId } from "../../journeys/http-login.js";
import { provisionTestRealm } from "../../journeys/realm.js";
import { otpApp, otpCredential, seededUser } from "../../journeys/seed.js";
import { firstAttribute } from "../../members/attributes.js";
import { initialPassword } from "../../rules/initial-password.js";
import { everyRealmUser, RealmChanged } from "../../members/realm-users.js";
import { readAccounts } from "../../members/register-sync.js";
import type { SyncAccount } from "../../members/register-sync-plan.js";
import { REGISTER_HEADER, SocietyCli } from "../support/kenpo-cli.js";

/**
 * Month after month against a real Keycloak: the register of month 1 imported, month 2 synced (a
 * joiner, a leaver logged in beforehand, a name change, a new card under the same person number),
 * the same file again writing nothing (counted in Keycloak's own admin events), and the leave guard
 * against a truncated export.
 */

const dir = mkdtempSync(join(tmpdir(), "kenpo-sync-"));
const PASSWORD = "Leaver-Pass-2026";
const SECRET = "SyncLeaverSecret-01";
const MEMBERS = 30;

interface Row {
  userId: string;
  number: string;
  lastName: string;
  person: string;
}

const month1: Row[] = [
  ...Array.from({ length: MEMBERS }, (_, i) => ({
    userId: `sync${i}`,
    number: String(5_000_000 + i),
    lastName: "山田",
    person: `P${i}`,
  })),
  { userId: "leaver", number: "5999999", lastName: "去田", person: "P-LEAVER" },
];
const JOINER: Row = { userId: "joiner", number: "5888888", lastName: "新井", person: "P-JOINER" };
// sync1 marries (name), sync2 gets a new card after a transfer (same person number).
const month2: Row[] = [
  ...month1
    .filter((r) => r.userId !== "leaver")
    .map((r) =>
      r.userId === "sync1" ? { ...r, lastName: "佐藤" } : r.userId === "sync2" ? { ...r, number: "6000002" } : r,
    ),
  JOINER,
];

function register(name: string, rows: Row[]): string {
  const file = join(dir, name);
  const lines = rows.map(
    (r) => `${r.userId},12,${r.number},,1980-12-01,${r.lastName},太郎,${r.userId}@example.test,${r.person}`,
  );
  writeFileSync(file, `${REGISTER_HEADER},個人番号\r\n${lines.join("\r\n")}\r\n`);
  return file;
}

interface Report {
  written: boolean;
  writes: number;
  planned: Record<string, number>;
  changes: Array<{ line?: number; userId: string; action: string; reasons: string[] }>;
  guard: { active: number; leaving: number; refused: boolean };
}

describe("kenpo sync-register against Keycloak", () => {
  let realm: Awaited<ReturnType<typeof provisionTestRealm>>;
  const society = new SocietyCli();
  const cli = (args: string[]) => society.run(args);
  const sync = async (file: string, ...args: string[]) =>
    JSON.parse((await cli(["sync-register", file, "--report", "json", ...args])).stdout) as Report;
  const user = async (username: string) =>
    (
      await realm.admin.users.find({ realm: realm.config.realm, username, exact: true, briefRepresentation: false })
    )[0]!;
  const adminEvents = async () =>
    (await realm.admin.realms.findAdminEvents({ realm: realm.config.realm, max: 100_000 })).length;
  const enabledCount = async () =>
    (await realm.admin.users.find({ realm: realm.config.realm, max: 1000, enabled: true })).length;

  beforeAll(async () => {
    realm = await provisionTestRealm("sync");
    society.write(realm.config);
    // The leaver finished the first login long ago: password + OTP app. The import skips them (same card).
    await realm.admin.realms.partialImport({
      realm: realm.config.realm,
      rep: {
        ifResourceExists: "FAIL",
        users: [
          seededUser({
            username: "leaver",
            number: "5999999",
            password: PASSWORD,
            attributes: {
              [USER_ATTRIBUTE.stage]: [STAGE.active],
              [USER_ATTRIBUTE.mfaMethod]: [METHOD.otp],
              [USER_ATTRIBUTE.personNumber]: ["P-LEAVER"],
            },
            credentials: [otpCredential(SECRET)],
          }),
          // An admin's account without card data: not the register's, never disabled by a sync.
          { username: "helpdesk.admin", enabled: true, firstName: "a", lastName: "b", email: "h@example.test" },
        ],
      },
    });
    const imported = JSON.parse(
      (await cli(["import-members", register("month1.csv", month1), "--report", "json"])).stdout,
    );
    expect(imported).toMatchObject({ created: MEMBERS, skipped: 1 });
  });
  afterAll(() => realm.cleanup());

  // Pages are read several at once: whatever the page size, every account once, none twice.
  test.each([1, 2, 7, 31, 32, 33, 1000])("the realm read in pages of %i: every account once", async (pageSize) => {
    const accounts: SyncAccount[] = [];
    const others: string[] = [];
    for await (const read of readAccounts(realm.admin, realm.config.realm, pageSize))
      if ("account" in read) accounts.push(read.account);
      else others.push(read.other);
    const usernames = [...accounts.map((a) => a.username), ...others];
    expect(new Set(usernames).size).toBe(usernames.length);
    expect(accounts).toHaveLength(MEMBERS + 1);
    expect(others).toEqual(["helpdesk.admin"]);
  });

  // Read in pages of 2; the first page holds "aaa.passerby", which sorts first.
  test.each([
    ["removed", false],
    ["removed while another is added (the count stays)", true],
  ])(
    "an account %s while the realm is read: the read stops instead of planning without some account",
    async (_, add) => {
      const target = realm.config.realm;
      const { id } = await realm.admin.users.create({ realm: target, username: "aaa.passerby", enabled: true });
      let added: string | undefined;
      try {
        const read = async () => {
          for await (const user of everyRealmUser(realm.admin, target, 2, 1))
            if (user.username === "aaa.passerby") {
              await realm.admin.users.del({ realm: target, id });
              if (add)
                added = (await realm.admin.users.create({ realm: target, username: "zzz.newcomer", enabled: true })).id;
            }
        };
        await expect(read()).rejects.toThrow(RealmChanged);
      } finally {
        for (const user of [id, added])
          if (user) await realm.admin.users.del({ realm: target, id: user }).catch(() => undefined);
      }
    },
  );

  test("month 2: joiner created, leaver's session ended and account disabled, name and card updated; again: no writes", async () => {
    const leaver = await user("leaver");
    const journey = await new Journey(realm).open();
    await journey.post({ username: "leaver", password: PASSWORD }, "login-otp.ftl");
    await journey.post({ otp: otpApp(SECRET).generate() }, "portal");
    expect(await realm.admin.users.listSessions({ realm: realm.config.realm, id: leaver.id! })).toHaveLength(1);
    const transferred = await user("sync2");
    const file = register("month2.csv", month2);

    const eventsBefore = await adminEvents();
    const dry = await sync(file, "--dry-run");
    expect(dry).toMatchObject({
      written: false,
      writes: 0,
      planned: { create: 1, update: 2, leave: 1, keep: MEMBERS - 2 },
    });
    expect(await adminEvents()).toBe(eventsBefore);
    expect((await user("leaver")).enabled).toBe(true);
    const byUser = Object.fromEntries(dry.changes.map((c) => [c.userId, c]));
    expect(byUser.joiner).toMatchObject({ action: "create", line: MEMBERS + 2 });
    expect(byUser.sync1).toMatchObject({ action: "update", line: 3, reasons: ["name changed"] });
    expect(byUser.sync2).toMatchObject({ action: "update", line: 4 });
    expect(byUser.sync2!.reasons[0]).toMatch(
      /^new card: 記号 12 番号 50\*\*\*02 → 記号 12 番号 60\*\*\*02 \(matched by person number\)$/,
    );
    expect(byUser.leaver).toMatchObject({ action: "leave" });
    expect(byUser.leaver).not.toHaveProperty("line");
    expect(JSON.stringify(dry)).not.toContain("5999999");

    const real = await sync(file);
    expect(real).toMatchObject({ written: true, planned: dry.planned });
    // One partial import, two updates, the leaver's logout and disable.
    expect(real.writes).toBe(5);
    expect(await adminEvents()).toBeGreaterThan(eventsBefore);

    const gone = await user("leaver");
    expect(gone.enabled).toBe(false);
    expect(firstAttribute(gone, USER_ATTRIBUTE.leftRegister)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await realm.admin.users.listSessions({ realm: realm.config.realm, id: leaver.id! })).toHaveLength(0);
    // The member's browser: the SSO session is gone, and the password no longer leads to the OTP page.
    const again = expectPage(await journey.browser.navigate(journey.request.authUrl), "the login page");
    expect(isLoginForm(again)).toBe(true);
    const refused = await new Journey(realm).open();
    const after = expectPage(
      await refused.browser.submit(
        refused.page,
        { username: "leaver", password: PASSWORD },
        { stopAt: refused.request.redirectUri },
      ),
      "the login page again",
    );
    expect(pageId(after)).toBe("login.ftl");

    const moved = await user("sync2");
    expect(moved.id).toBe(transferred.id);
    expect(firstAttribute(moved, USER_ATTRIBUTE.number)).toBe("6000002");
    expect(firstAttribute(moved, USER_ATTRIBUTE.personNumber)).toBe("P2");
    // Still in the first login: the initial password follows the new card.
    const login = await new Journey(realm).open();
    await login.post(
      { username: "sync2", password: initialPassword({ symbol: "12", number: "6000002", birthdate: "1980-12-01" }) },
      "login-birthdate.ftl",
    );
    expect((await user("sync1")).lastName).toBe("佐藤");
    const joiner = await user("joiner");
    expect(firstAttribute(joiner, USER_ATTRIBUTE.stage)).toBe(STAGE.initial);
    expect(firstAttribute(joiner, USER_ATTRIBUTE.personNumber)).toBe("P-JOINER");
    expect((await user("helpdesk.admin")).enabled).toBe(true);

    const eventsAfter = await adminEvents();
    const second = await sync(file);
    expect(second).toMatchObject({ written: true, writes: 0, planned: { create: 0, update: 0, leave: 0 } });
    expect(await adminEvents()).toBe(eventsAfter);
    const credentials = await realm.admin.users.getCredentials({ realm: realm.config.realm, id: leaver.id! });
    expect(credentials.map((c) => c.type).sort()).toEqual([CREDENTIAL_TYPE.otp, CREDENTIAL_TYPE.password]);
  });

  test("a truncated register is refused by the leave guard, --force disables them, and the full register brings them back", async () => {
    const full = register("month2-again.csv", month2);
    const truncated = register("truncated.csv", month2.slice(0, 20));
    const active = await enabledCount();
    const events = await adminEvents();
    const refused = await cli(["sync-register", truncated]).catch((e: { code: number; stderr: string }) => e);
    expect(refused).toMatchObject({ code: 8 });
    expect((refused as { stderr: string }).stderr).toContain("11 of 31 active members (35.5 %) would be disabled");
    expect((refused as { stderr: string }).stderr).toContain("limit of 5 %");
    expect(await adminEvents()).toBe(events);
    expect(await enabledCount()).toBe(active);

    const forced = await sync(truncated, "--force");
    expect(forced).toMatchObject({ written: true, guard: { leaving: 11, refused: false } });
    expect(await enabledCount()).toBe(active - 11);

    const back = await sync(full);
    expect(back.planned).toMatchObject({ update: 11, return: 11, leave: 0 });
    expect(back.changes[0]?.reasons[0]).toMatch(
      /^back in the register \(left it on \d{4}-\d{2}-\d{2}\): enabled again$/,
    );
    expect(await enabledCount()).toBe(active);
    expect(firstAttribute(await user("sync29"), USER_ATTRIBUTE.leftRegister)).toBeUndefined();
  });
});
