import { join } from "node:path";
import type { Browser } from "playwright-core";
import { METHOD } from "../contracts/index.js";
import { addVirtualAuthenticator, openDevice, type Device, type DeviceKind } from "../journeys/browser.js";
import { firstLoginUpToPassword, memberSession, type MemberSession } from "../journeys/browser-journeys.js";
import { importMembers, newTestMember, type BrowserRealm } from "../journeys/browser-realm.js";
import { Journey, type Screen } from "../journeys/journey-record.js";
import {
  biometricRetry,
  forgotPassword,
  forgotUserId,
  otpPhoneThenPc,
  passkeyFromPc,
  passkeyPcThenPhone,
  reopenedEarlierStep,
  timedOutLogin,
  wrongBirthdates,
} from "../journeys/troubleshooting.js";
import type { ManualChapter, ManualStep } from "./render.js";

type Text = { ja: string; en: string };

/** How long the manual's own realm keeps a login page open while the time-out is photographed (seconds). */
const TIMEOUT_SECONDS = 8;

function toSteps(screens: Screen[], dir: string): ManualStep[] {
  return screens.map((s) => ({
    step: s.step,
    instruction: s.instruction,
    device: s.device,
    image: s.screenshot ? `${dir}/${s.screenshot}` : undefined,
  }));
}

/**
 * The manual's device changes (⑨, ⑬) and its troubleshooting pages, each run with a member of its
 * own in the real browser (journeys/troubleshooting.ts, the flows the end-to-end tests assert).
 * Device changes show every screen; troubleshooting chapters only their unnumbered screens.
 */
export async function extraChapters(
  browser: Browser,
  realm: BrowserRealm,
  out: string,
  log: (line: string) => void,
): Promise<ManualChapter[]> {
  const chapters: ManualChapter[] = [];
  const run = async (
    id: string,
    title: Text,
    lead: Text,
    body: (s: MemberSession) => Promise<unknown>,
    all = false,
  ): Promise<void> => {
    log(`▶ ${title.en}`);
    const member = newTestMember({ lastName: "健保", firstName: "三郎" });
    await importMembers(realm, [member]);
    const s = memberSession(realm, new Journey(title.en, { screenshotsDir: join(out, id), log }), member);
    await body(s);
    const screens = all ? s.journey.screens : s.journey.screens.filter((x) => x.step === "");
    chapters.push({ id, title, lead, steps: toSteps(screens, id) });
  };
  const onDevice = async (kind: DeviceKind, act: (device: Device) => Promise<unknown>): Promise<void> => {
    const device = await openDevice(browser, kind);
    try {
      await act(device);
    } finally {
      await device.close();
    }
  };

  await run(
    "pc-then-phone",
    {
      ja: "パソコンで始めて、スマートフォンで生体認証を設定する",
      en: "Start on a PC, set up the passkey on the smartphone",
    },
    {
      ja: "⑧でスマートフォンに切り替え、スマートフォンでもう一度ログインして生体認証を設定します。",
      en: "At ⑧ switch to the smartphone, log in there again and set up the passkey.",
    },
    (s) => passkeyPcThenPhone(browser, s, "スマートフォン"),
    true,
  );
  await run(
    "phone-then-pc",
    {
      ja: "スマートフォンで始めて、パソコンでワンタイムパスワードを設定する",
      en: "Start on the smartphone, set up the OTP app from a PC",
    },
    {
      ja: "認証アプリのQRコードは、パソコンの画面に出すと読み取りやすくなります。",
      en: "The authenticator app's QR code is easiest to scan from a PC's screen.",
    },
    (s) => otpPhoneThenPc(browser, s),
    true,
  );

  const trouble = (en: string, ja: string): Text => ({ ja: `困ったとき：${ja}`, en: `Troubleshooting: ${en}` });
  const lifespans = await realm.admin.realms.findOne({ realm: realm.config.realm });
  await realm.admin.realms.update(
    { realm: realm.config.realm },
    {
      accessCodeLifespanLogin: TIMEOUT_SECONDS,
      accessCodeLifespanUserAction: TIMEOUT_SECONDS,
      accessCodeLifespan: TIMEOUT_SECONDS,
    },
  );
  try {
    await run(
      "timeout",
      trouble("the login timed out", "時間切れになったとき"),
      {
        ja: "ログインの画面をしばらく開いたままにすると、時間切れになります。最初からやり直してください。",
        en: "A login page left open for a while times out. Start again from the beginning.",
      },
      (s) => onDevice("pc", (pc) => timedOutLogin(s, pc, (TIMEOUT_SECONDS + 4) * 1000)),
    );
  } finally {
    await realm.admin.realms.update(
      { realm: realm.config.realm },
      {
        accessCodeLifespanLogin: lifespans?.accessCodeLifespanLogin,
        accessCodeLifespanUserAction: lifespans?.accessCodeLifespanUserAction,
        accessCodeLifespan: lifespans?.accessCodeLifespan,
      },
    );
  }
  await run(
    "back",
    trouble("after the browser's Back", "ブラウザの「戻る」を押したとき"),
    {
      ja: "終わった画面に戻っても、ログインの手続きは続いています。",
      en: "Going back to a finished screen does not end your login.",
    },
    (s) => onDevice("pc", (pc) => reopenedEarlierStep(s, pc)),
  );
  await run(
    "biometric-error",
    trouble("the biometric check failed", "生体認証でエラーが出たとき"),
    { ja: "もう一度試せます。", en: "You can try again." },
    (s) =>
      onDevice("iphone", async (phone) => {
        const authenticator = await addVirtualAuthenticator(phone.page);
        await firstLoginUpToPassword(s, phone, METHOD.passkey);
        await biometricRetry(s, phone, authenticator, "スマートフォン");
      }),
  );
  await run(
    "passkey-from-pc",
    trouble("logging in on a PC with the phone's passkey", "パソコンでスマートフォンの生体認証を使うとき"),
    {
      ja: "パソコンの画面に出るQRコードをスマートフォンで読み取ります。Bluetooth で両方をつなぎます。",
      en: "Scan the QR code on the PC's screen with the phone; Bluetooth connects the two.",
    },
    (s) => onDevice("pc", (pc) => passkeyFromPc(s, pc)),
  );
  const lockout = realm.config.policies;
  await run(
    "lockout",
    trouble("too many wrong answers", "まちがいが続いてログインできなくなったとき"),
    {
      ja: `まちがいが合わせて${lockout.maxLoginFailures}回になると、${lockout.lockoutMinutes}分間ログインできなくなります。`,
      en: `After ${lockout.maxLoginFailures} wrong answers in all, the login locks for ${lockout.lockoutMinutes} minutes.`,
    },
    (s) => onDevice("pc", (pc) => wrongBirthdates(s, pc, lockout.maxLoginFailures)),
  );
  await run(
    "forgot-password",
    trouble("a forgotten password", "パスワードを忘れたとき"),
    {
      ja: "ログイン画面から、パスワードを設定し直すメールを受け取れます。",
      en: "The login page mails you a link to set a new password.",
    },
    (s) => onDevice("pc", (pc) => forgotPassword(s, pc)),
  );
  await run(
    "forgot-user-id",
    trouble("a forgotten user ID", "ユーザIDを忘れたとき"),
    { ja: "ログイン画面の案内を見てください。", en: "See the help on the login page." },
    (s) => onDevice("pc", (pc) => forgotUserId(s, pc)),
  );
  return chapters;
}
