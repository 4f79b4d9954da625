import Encoding from "encoding-japanese";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FORM_FIELD, METHOD, PAGE, STAGE, USER_ATTRIBUTE } from "../../contracts/index.js";
import {
  cardMember,
  freshCode,
  importMember,
  Journey,
  passEmailCheck,
  totpFromPage,
} from "../../journeys/http-journey.js";
import { provisionTestRealm } from "../../journeys/realm.js";
import { otpApp, otpCredential, seededUser, seedMembers } from "../../journeys/seed.js";
import type { EnrolmentReport } from "../../members/enrolment-report.js";
import { SocietyCli } from "../support/kenpo-cli.js";

/**
 * `kenpo report` against a realm with members in every stage: some seeded straight into their stage,
 * one walked through the whole first login, so that the funnel counts the events Keycloak really stores.
 */
describe("kenpo report against Keycloak", () => {
  let realm: Awaited<ReturnType<typeof provisionTestRealm>>;
  const dir = mkdtempSync(join(tmpdir(), "kenpo-report-"));
  const DAY = 24 * 60 * 60 * 1000;
  const SECRET = "report-otp-secret-0123";
  const society = new SocietyCli();
  const report = (...args: string[]) => society.run(["report", ...args]);

  beforeAll(async () => {
    realm = await provisionTestRealm("report");
    society.write(realm.config);
    const seeded = [
      { username: "fresh.one", number: "5100001", stage: STAGE.initial, days: 1 },
      { username: "old.one", number: "0051002", stage: STAGE.initial, days: 40 },
      { username: "half.way", number: "5100003", stage: STAGE.enrolling, method: METHOD.otp, days: 35 },
      { username: "otp.done", number: "5100004", stage: STAGE.active, method: METHOD.otp, days: 60 },
      { username: "key.done", number: "5100005", stage: STAGE.active, method: METHOD.passkey, days: 60 },
      { username: "gone.one", number: "5100006", stage: STAGE.initial, days: 90, enabled: false },
    ];
    await seedMembers(
      realm.admin,
      realm.config.realm,
      seeded.map((m) => ({
        ...seededUser({
          username: m.username,
          number: m.number,
          password: "Kenpo-Pass-2026",
          attributes: {
            [USER_ATTRIBUTE.stage]: [m.stage],
            ...(m.method ? { [USER_ATTRIBUTE.mfaMethod]: [m.method] } : {}),
          },
          credentials: m.username === "otp.done" ? [otpCredential(SECRET)] : [],
        }),
        enabled: m.enabled ?? true,
        createdTimestamp: Date.now() - m.days * DAY,
      })),
    );

    // Events: a wrong password for old.one, a returning login for otp.done, a whole first login for journey.taro.
    await (await new Journey(realm).open()).post({ username: "old.one", password: "wrong-password" }, "login.ftl");
    const back = await (
      await new Journey(realm).open()
    ).post({ username: "otp.done", password: "Kenpo-Pass-2026" }, "login-otp.ftl");
    await back.post({ otp: otpApp(SECRET).generate() }, "portal");

    const member = cardMember("journey.taro");
    await importMember(realm, member);
    const j = await (
      await new Journey(realm).open()
    ).post({ username: member.userId, password: member.initialPassword }, PAGE.birthdate);
    await j.post({ [FORM_FIELD.birthdate]: "19801201" }, PAGE.terms);
    await j.post({ [FORM_FIELD.accept]: "同意する" }, PAGE.methodChoice);
    await j.post({ [FORM_FIELD.method]: METHOD.otp, [FORM_FIELD.newUserId]: "" }, PAGE.emailCode);
    await passEmailCheck(j, realm.mailbox!, member.email!, "login-update-password.ftl");
    await j.post({ "password-new": "Kenpo-New-2026", "password-confirm": "Kenpo-New-2026" }, "login-config-totp.ftl");
    const { secret, totp } = totpFromPage(j.page);
    await j.post(
      { totp: await freshCode(totp, new Set()), totpSecret: secret, userLabel: "iPhone", mode: "manual" },
      "portal",
    );
  });
  afterAll(() => realm.cleanup());

  test("JSON: members by stage and the funnel from the realm's stored events", async () => {
    const { stdout } = await report();
    const json = JSON.parse(stdout) as EnrolmentReport;
    expect(json.realm).toBe(realm.config.realm);
    expect(json.members).toBe(7);
    expect(json.stages).toEqual({ imported: 2, firstLogin: 1, passkey: 1, otp: 2, disabled: 1 });
    expect(json.funnel).toEqual({
      stored: true,
      retentionDays: realm.config.policies.eventsRetentionDays,
      steps: [
        { step: "imported", members: 7 },
        { step: "triedLogin", members: 3 },
        { step: "newPassword", members: 2 },
        { step: "factorRegistered", members: 2 },
        { step: "loggedIn", members: 2 },
      ],
    });
    expect(json.unfinished).toBeUndefined();
  });

  test("--stale-days 30 --format csv --encoding shift_jis: who has not finished 30 days after import, card masked", async () => {
    const out = join(dir, "stale.csv");
    await report("--stale-days", "30", "--format", "csv", "--encoding", "shift_jis", "--out", out);
    const bytes = readFileSync(out);
    const text = Encoding.convert(bytes, { to: "UNICODE", from: "SJIS", type: "string" });
    const rows = text.trimEnd().split("\r\n");
    expect(rows[0]).toBe("ユーザID,姓,名,メールアドレス,記号・番号,状況,登録日,経過日数");
    expect(rows.slice(1).map((r) => r.split(",")[0])).toEqual(["old.one", "half.way"]);
    expect(rows[1]).toContain("記号 12 番号 00***02");
    expect(text).not.toContain("0051002");
  });

  test("--format csv by default: UTF-8 with a BOM, the counts", async () => {
    const out = join(dir, "counts.csv");
    await report("--format", "csv", "--out", out);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8")).toContain("状況,合計,7\r\n");
  });

  test("a realm without stored events: stages only, and the command says so", async () => {
    await realm.admin.realms.update({ realm: realm.config.realm }, { eventsEnabled: false });
    try {
      const { stdout, stderr } = await report();
      const json = JSON.parse(stdout) as EnrolmentReport;
      expect(json.funnel.stored).toBe(false);
      expect(json.stages.otp).toBe(2);
      expect(stderr).toContain("stores no login events");
    } finally {
      await realm.admin.realms.update({ realm: realm.config.realm }, { eventsEnabled: true });
    }
  });
});
