import { eventsText, memberText, type MemberView } from "./help-desk.js";

// The English texts are asserted: whatever the machine's locale (a test switches to Japanese and back).
process.env.LC_ALL = "C.UTF-8";

const VIEW: MemberView = {
  userId: "hanako",
  enabled: true,
  card: "記号 12 番号 34***89",
  personNumber: "個人番号 K-***23",
  stage: "active",
  effectiveStage: "active",
  method: "otp",
  emailVerified: true,
  devices: [{ kind: "otp", name: "iPhone 15", registered: "2026-11-02T01:02:03.000Z" }],
  lock: { locked: true, failures: 5, lastFailure: "2026-12-01T09:00:00.000Z", lastFailureIp: "192.0.2.1" },
  eventsStored: true,
  lastLogins: [],
};

afterEach(() => (process.env.LC_ALL = "C.UTF-8"));

// What the phone line reads: in English as before, in Japanese with the manual's words.
test.each([
  [
    "C",
    [
      "hanako: enabled",
      "  card: 記号 12 番号 34***89 · 個人番号 K-***23",
      "  stage: active · method chosen at ⑤: otp · email confirmed",
      '  devices: otp "iPhone 15" (registered 2026-11-02)',
      "  lock: LOCKED after 5 wrong answer(s), last at 2026-12-01T09:00:00.000Z from 192.0.2.1; it ends by itself",
      "  last logins: none stored",
    ],
  ],
  [
    "ja_JP.UTF-8",
    [
      "hanako: 有効",
      "  保険証: 記号 12 番号 34***89・個人番号 K-***23",
      "  段階: 利用中・手順⑤で選んだ方法: ワンタイムパスワード・メールアドレス確認済み",
      "  端末: ワンタイムパスワード「iPhone 15」（2026-11-02 登録）",
      "  ロック: ロック中（誤り 5 回、最後は 2026-12-01T09:00:00.000Z、192.0.2.1 から）。",
      "  最近のログイン: 記録なし",
    ],
  ],
])("kenpo member under LC_ALL=%s", (locale, lines) => {
  process.env.LC_ALL = locale;
  const text = memberText(VIEW);
  for (const line of lines) expect(text).toContain(line);
});

test.each([
  ["C", { ...VIEW, enabled: false, disabledBy: { registerSync: "2026-11-30" } }, "DISABLED: left the register"],
  ["ja_JP.UTF-8", { ...VIEW, enabled: false, disabledBy: { registerSync: "2026-11-30" } }, "無効（資格喪失"],
  [
    "ja_JP.UTF-8",
    { ...VIEW, stage: "bogus", effectiveStage: "initial" },
    "初回ログイン前（手順③〜⑤が未完了）（保存値: bogus）",
  ],
  ["ja_JP.UTF-8", { ...VIEW, eventsStored: false }, "ログインの記録を保存していません"],
] as const)("LC_ALL=%s: %j says %s", (locale, view, expected) => {
  process.env.LC_ALL = locale;
  expect(memberText(view as MemberView)).toContain(expected);
});

test("kenpo events' heading in Japanese", () => {
  process.env.LC_ALL = "ja_JP.UTF-8";
  expect(eventsText({ userId: "hanako", since: "2026-11-01", eventsStored: true, events: [] })).toBe(
    "hanako: 2026-11-01 以降の記録 0 件（新しい順）\n",
  );
});
