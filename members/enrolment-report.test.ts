import type UserRepresentation from "@keycloak/keycloak-admin-client/lib/defs/userRepresentation.js";
import Encoding from "encoding-japanese";
import { METHOD, STAGE, USER_ATTRIBUTE } from "../contracts/index.js";
import {
  csvField,
  encodeCsv,
  EnrolmentTally,
  funnelStepOf,
  FunnelEvents,
  reportCsv,
  type FunnelStep,
} from "./enrolment-report.js";
import { memberStage, type MemberStage } from "./realm-users.js";

const NOW = new Date("2026-06-30T03:00:00Z");
const DAY = 24 * 60 * 60 * 1000;

function member(
  id: string,
  stage: string | undefined,
  extra: { method?: string; enabled?: boolean; daysAgo?: number; number?: string } = {},
): UserRepresentation {
  return {
    id,
    username: id,
    enabled: extra.enabled ?? true,
    lastName: "山田",
    firstName: "太郎",
    email: `${id}@example.test`,
    createdTimestamp: NOW.getTime() - (extra.daysAgo ?? 0) * DAY,
    attributes: {
      [USER_ATTRIBUTE.symbol]: ["12"],
      [USER_ATTRIBUTE.number]: [extra.number ?? "3456789"],
      ...(stage ? { [USER_ATTRIBUTE.stage]: [stage] } : {}),
      ...(extra.method ? { [USER_ATTRIBUTE.mfaMethod]: [extra.method] } : {}),
    },
  };
}

describe("memberStage", () => {
  test.each<[string, UserRepresentation, MemberStage]>([
    ["initial", member("a", STAGE.initial), "imported"],
    ["no stage (counts as initial)", member("a", undefined), "imported"],
    ["unknown stage (counts as initial)", member("a", "bogus"), "imported"],
    ["enrolling", member("a", STAGE.enrolling, { method: METHOD.otp }), "firstLogin"],
    ["active with a passkey", member("a", STAGE.active, { method: METHOD.passkey }), "passkey"],
    ["active with OTP", member("a", STAGE.active, { method: METHOD.otp }), "otp"],
    ["disabled, whatever the stage", member("a", STAGE.active, { method: METHOD.otp, enabled: false }), "disabled"],
  ])("%s", (_, user, stage) => expect(memberStage(user)).toBe(stage));

  test.each<[string[], MemberStage]>([
    [["password"], "firstLogin"],
    [["password", "otp"], "otp"],
    [["password", "webauthn-passwordless"], "passkey"],
  ])("enrolling with credentials %j (the factor registered, not logged in since): %s", (types, stage) =>
    expect(memberStage(member("a", STAGE.enrolling, { method: METHOD.otp }), types)).toBe(stage),
  );
});

describe("funnelStepOf", () => {
  test.each<[string, Parameters<typeof funnelStepOf>[0], FunnelStep | undefined]>([
    ["a wrong password", { type: "LOGIN_ERROR" }, "triedLogin"],
    ["the new password", { type: "UPDATE_PASSWORD" }, "newPassword"],
    ["an OTP app", { type: "UPDATE_CREDENTIAL", details: { credential_type: "otp" } }, "factorRegistered"],
    [
      "a passkey",
      { type: "UPDATE_CREDENTIAL", details: { credential_type: "webauthn-passwordless" } },
      "factorRegistered",
    ],
    [
      "a password credential is no factor",
      { type: "UPDATE_CREDENTIAL", details: { credential_type: "password" } },
      undefined,
    ],
    ["the old OTP event", { type: "UPDATE_TOTP" }, "factorRegistered"],
    [
      "the passkey action",
      { type: "CUSTOM_REQUIRED_ACTION", details: { custom_required_action: "webauthn-register-passwordless" } },
      "factorRegistered",
    ],
    ["another action", { type: "CUSTOM_REQUIRED_ACTION", details: { custom_required_action: "TERMS" } }, undefined],
    ["a login", { type: "LOGIN" }, "loggedIn"],
    ["a logout", { type: "LOGOUT" }, undefined],
  ])("%s", (_, event, step) => expect(funnelStepOf(event)).toBe(step));
});

describe("EnrolmentTally", () => {
  const users = [
    member("new.one", STAGE.initial, { daysAgo: 2 }),
    member("old.one", STAGE.initial, { daysAgo: 40, number: "0012345" }),
    member("half.way", STAGE.enrolling, { method: METHOD.otp, daysAgo: 31 }),
    member("otp.done", STAGE.active, { method: METHOD.otp, daysAgo: 50 }),
    member("key.done", STAGE.active, { method: METHOD.passkey, daysAgo: 50 }),
    member("gone", STAGE.initial, { enabled: false, daysAgo: 90 }),
    { id: "admin", username: "admin", enabled: true },
  ];
  function tally(staleDays?: number, withEvents = true) {
    const funnel = new FunnelEvents();
    for (const [userId, type] of [
      ["old.one", "LOGIN_ERROR"],
      ["half.way", "LOGIN_ERROR"],
      ["otp.done", "UPDATE_PASSWORD"],
      ["otp.done", "LOGIN"],
      ["otp.done", "LOGIN_ERROR"],
      ["key.done", "UPDATE_PASSWORD"],
      ["key.done", "CUSTOM_REQUIRED_ACTION"],
    ] as const)
      funnel.add({
        userId,
        type,
        details: type === "CUSTOM_REQUIRED_ACTION" ? { custom_required_action: "webauthn-register-passwordless" } : {},
      });
    const t = new EnrolmentTally({
      realm: "r",
      now: NOW,
      staleDays,
      events: withEvents ? { funnel, retentionDays: 365 } : undefined,
    });
    for (const u of users) t.add(u);
    return t.result();
  }

  test("counts members by stage; accounts without a card are counted apart", () => {
    const report = tally();
    expect(report.members).toBe(6);
    expect(report.otherAccounts).toBe(1);
    expect(report.stages).toEqual({ imported: 2, firstLogin: 1, passkey: 1, otp: 1, disabled: 1 });
    expect(report.unfinished).toBeUndefined();
  });

  test("the funnel: a later step implies the earlier ones, each member once", () => {
    expect(tally().funnel).toEqual({
      stored: true,
      retentionDays: 365,
      steps: [
        { step: "imported", members: 6 },
        { step: "triedLogin", members: 4 },
        { step: "newPassword", members: 2 },
        { step: "factorRegistered", members: 2 },
        { step: "loggedIn", members: 1 },
      ],
    });
  });

  test("without stored events: stages only, and the report says so", () => {
    const report = tally(undefined, false);
    expect(report.funnel).toEqual({ stored: false, note: expect.stringContaining("eventsEnabled") });
    expect(report.stages.imported).toBe(2);
  });

  test.each<[number, string[]]>([
    [0, ["old.one", "half.way", "new.one"]],
    [30, ["old.one", "half.way"]],
    [31, ["old.one", "half.way"]],
    [32, ["old.one"]],
    [41, []],
  ])("--stale-days %i lists enabled, unfinished members that old, oldest first", (days, ids) => {
    const report = tally(days);
    expect(report.staleDays).toBe(days);
    expect(report.unfinished!.map((m) => m.userId)).toEqual(ids);
  });

  test("an unfinished member's row: card masked, import day in Japan time", () => {
    const [old] = tally(32).unfinished!;
    expect(old).toEqual({
      userId: "old.one",
      lastName: "山田",
      firstName: "太郎",
      email: "old.one@example.test",
      card: "記号 12 番号 00***45",
      stage: "imported",
      importedOn: "2026-05-21",
      daysSinceImport: 40,
    });
    expect(JSON.stringify(tally(0))).not.toContain("0012345");
  });

  test("CSV: counts without --stale-days, one row per member with it; CRLF; no full card number", () => {
    expect(reportCsv(tally()).split("\r\n")).toEqual([
      "区分,項目,人数",
      "状況,未ログイン（初回ログイン前）,2",
      "状況,初回ログイン途中（多要素認証の登録前）,1",
      "状況,登録済み（生体認証）,1",
      "状況,登録済み（ワンタイムパスワード）,1",
      "状況,利用停止,1",
      "状況,合計,6",
      "手順,登録（インポート）,6",
      "手順,ログインを試行,4",
      "手順,新しいパスワードを設定,2",
      "手順,多要素認証を登録,2",
      "手順,ログイン完了,1",
      "",
    ]);
    const rows = reportCsv(tally(32)).split("\r\n");
    expect(rows[0]).toBe("ユーザID,姓,名,メールアドレス,記号・番号,状況,登録日,経過日数");
    expect(rows[1]).toBe(
      "old.one,山田,太郎,old.one@example.test,記号 12 番号 00***45,未ログイン（初回ログイン前）,2026-05-21,40",
    );
    expect(rows).toHaveLength(3);
  });

  test.each<[string | number, string]>([
    ["plain", "plain"],
    [42, "42"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["=HYPERLINK(1)", "'=HYPERLINK(1)"],
    ["+81", "'+81"],
    ["-1", "'-1"],
    ["@x", "'@x"],
  ])("csvField(%j) → %s", (value, field) => expect(csvField(value)).toBe(field));

  test.each([
    ["utf-8", [0xef, 0xbb, 0xbf]],
    ["shift_jis", [0x8b, 0xe6]],
  ] as const)("%s: what Excel reads back", (encoding, start) => {
    const bytes = encodeCsv("区分,人数\r\n", encoding);
    expect([...bytes.subarray(0, start.length)]).toEqual(start);
    const back =
      encoding === "utf-8"
        ? bytes.subarray(3).toString("utf8")
        : Encoding.convert(bytes, { to: "UNICODE", from: "SJIS", type: "string" });
    expect(back).toBe("区分,人数\r\n");
  });
});
