import type { Browser, Page } from "playwright-core";
import { METHOD } from "../contracts/index.js";
import {
  addVirtualAuthenticator,
  openDevice,
  waitForKeycloakPage,
  type Device,
  type VirtualAuthenticator,
} from "./browser.js";
import {
  expectPortalMember,
  firstLoginDone,
  firstLoginUpToPassword,
  label,
  logInWithPassword,
  openPortal,
  PAGES,
  registerPasskey,
  say,
  setUpOtp,
  type MemberSession,
} from "./browser-journeys.js";

/**
 * What members do when the first login does not go to plan, as the member manual's troubleshooting
 * pages describe it (time-out, biometric error, a PC with the phone's passkey) and what members meet
 * beyond it (Back, a lockout, a forgotten password or user ID), plus the manual's two device
 * changes (⑨ PC → phone for the passkey, ⑬ phone → PC for the OTP app). Each records its screens
 * with an instruction, the troubleshooting ones without a step number (the manual picks them by that); the end-to-end tests assert on what they return, `npm run manual` prints
 * them as the manual's troubleshooting chapters — one flow for both, so the manual shows what is
 * tested.
 */

/** The page a member ended on and what it says. */
export interface Landing {
  page: string;
  text: string;
}

async function landing(device: Device, expected: string[]): Promise<Landing> {
  const page = await waitForKeycloakPage(device.page, expected);
  return { page, text: await device.page.locator("body").innerText() };
}

/** The page's error texts (field errors and alerts), as the member reads them. */
export async function errorText(page: Page): Promise<string> {
  const texts = await page.locator(".kp-error, .kp-alert--error").allInnerTexts();
  return texts
    .map((t) => t.trim())
    .filter(Boolean)
    .join(" | ");
}

/** The login page left open past the realm's login lifespan (`waitMs`), then submitted. */
export async function timedOutLogin(s: MemberSession, device: Device, waitMs: number): Promise<Landing> {
  await openPortal(s, device);
  await waitForKeycloakPage(device.page, PAGES.login);
  await device.page.waitForTimeout(waitMs);
  await logInWithPassword(s, device);
  const shown = await landing(device, [PAGES.login, PAGES.error, PAGES.pageExpired]);
  await s.journey.screen(
    device.page,
    "",
    say(
      "時間切れの画面が出たときは、加入者ページの「Login with OpenID Connect」からやり直します。",
      "If the login timed out, start again with “Login with OpenID Connect” on the member portal.",
    ),
    device.kind,
  );
  return shown;
}

/**
 * ② done, then the browser's Back to ②: the address of a step Keycloak has moved past. Returns the
 * page shown there; `continueLogin` then presses its continue button.
 */
export async function reopenedEarlierStep(s: MemberSession, device: Device): Promise<Landing & { address: string }> {
  await openPortal(s, device);
  await waitForKeycloakPage(device.page, PAGES.login);
  const address = await device.page.evaluate(
    () => (window as unknown as { kcContext: { url: { loginAction: string } } }).kcContext.url.loginAction,
  );
  await logInWithPassword(s, device);
  await waitForKeycloakPage(device.page, PAGES.birthdate);
  // What Back does: the browser loads ②'s address again.
  await device.page.goto(address);
  const shown = await landing(device, [PAGES.pageExpired, PAGES.login, PAGES.birthdate, PAGES.error]);
  if (shown.page === PAGES.pageExpired) {
    const next = await label(device.page.locator("#kp-continue"));
    await s.journey.screen(
      device.page,
      "",
      say(
        `「戻る」で前の画面に戻ると、この画面が出ます。ログインの手続きは続いているので、「${next}」を押すと、途中の画面に戻ります。`,
        `If you went back to an earlier screen, this page appears. Your login goes on: press 「${next}」 (continue) to return to where you were.`,
      ),
      device.kind,
    );
  }
  return { ...shown, address };
}

export async function continueLogin(s: MemberSession, device: Device): Promise<void> {
  const next = await label(device.page.locator("#kp-continue"));
  await s.journey.tap(device.page.locator("#kp-continue"), next);
}

/**
 * ⑩–⑫ with a face/fingerprint check that fails once: the error page, 再試行, the check again.
 * Starts at ⑧ on the phone (after `firstLoginUpToPassword`).
 */
export async function biometricRetry(
  s: MemberSession,
  phone: Device,
  authenticator: VirtualAuthenticator,
  deviceName: string,
): Promise<{ retryLabel: string; passkeysAfterFailure: number }> {
  await firstLoginDone(s, phone, METHOD.passkey, "here");
  await authenticator.setUserVerified(false);
  await registerPasskey(s, phone, deviceName);
  await waitForKeycloakPage(phone.page, PAGES.passkeyError);
  const retry = phone.page.locator("#kc-try-again");
  await retry.waitFor({ state: "visible" });
  const retryLabel = await label(retry);
  await s.journey.screen(
    phone.page,
    "",
    say(
      `生体認証でエラーが出たときは「${retryLabel}」を押します。もう一度、顔認証・指紋認証が始まります。`,
      `If the biometric check fails, press 「${retryLabel}」 (retry): the face or fingerprint check starts again.`,
    ),
    phone.kind,
  );
  const passkeysAfterFailure = (await authenticator.credentials()).length;
  await authenticator.setUserVerified(true);
  await s.journey.tap(retry, retryLabel);
  await registerPasskey(s, phone, deviceName, "⑫");
  return { retryLabel, passkeysAfterFailure };
}

/**
 * Wrong birthdates at ③ until the account locks (`times`, more than the quick-login window apart so
 * only the count locks). `onAnswer` sees each landing (tests assert there); the first wrong answer
 * and the locked page are recorded for the manual.
 */
export async function wrongBirthdates(
  s: MemberSession,
  device: Device,
  times: number,
  onAnswer: (attempt: number, shown: Landing, errors: string) => Promise<void> | void = () => undefined,
): Promise<string[]> {
  const { page } = device;
  await openPortal(s, device);
  await logInWithPassword(s, device);
  const errors: string[] = [];
  for (let attempt = 1; attempt <= times; attempt += 1) {
    if (attempt > 1) await page.waitForTimeout(1_200);
    await waitForKeycloakPage(page, PAGES.birthdate);
    await page.locator("#birthdate").fill("19000101");
    await Promise.all([page.waitForEvent("load"), page.locator("#kp-birthdate-submit").click()]);
    const shown = await landing(device, [PAGES.birthdate, PAGES.login, PAGES.terms, PAGES.error]);
    errors.push(await errorText(page));
    if (attempt === 1)
      await s.journey.screen(
        page,
        "",
        say(
          "生年月日がちがうと、あと何回まちがえるとログインできなくなるかが表示されます。保険証の生年月日を確かめて、もう一度入力します。",
          "A wrong date of birth shows how many tries are left before the login locks. Check the date on your insurance card and try again.",
        ),
        device.kind,
      );
    await onAnswer(attempt, shown, errors[errors.length - 1]!);
  }
  await s.journey.screen(
    page,
    "",
    say(
      "まちがいが続くと、しばらくログインできなくなります。画面に書かれた時間が過ぎてから、正しい内容でもう一度ログインします。急ぐときは健康保険組合にお問い合わせください。",
      "After too many wrong answers the login locks for a while. Wait for the time the page gives, then log in again with the right details; if it is urgent, call the society.",
    ),
    device.kind,
  );
  return errors;
}

/** The login page's "forgot password" link, the member's user ID, the page that says a mail was sent. */
export async function forgotPassword(s: MemberSession, device: Device): Promise<Landing> {
  const { page } = device;
  await openPortal(s, device);
  await waitForKeycloakPage(page, PAGES.login);
  const link = page.locator("#kp-forgot-password");
  const linkLabel = await label(link);
  await s.journey.screen(
    page,
    "",
    say(
      `パスワードを忘れたときは、ログイン画面の「${linkLabel}」を押します。`,
      `If you forgot your password, press 「${linkLabel}」 on the login page.`,
    ),
    device.kind,
  );
  await Promise.all([page.waitForEvent("load"), s.journey.tap(link, linkLabel)]);
  await waitForKeycloakPage(page, PAGES.resetPassword);
  const submit = page.locator("#kc-reset-password-form [type=submit]");
  const submitLabel = await label(submit);
  await s.journey.screen(
    page,
    "",
    say(
      `ユーザIDを入力して「${submitLabel}」を押します。登録したメールアドレスに、パスワードを設定し直すためのメールが届きます。`,
      `Enter your user ID and press 「${submitLabel}」: a mail to reset your password goes to the address you registered.`,
    ),
    device.kind,
  );
  await s.journey.type(page.locator("#username"), s.member.userId, "ユーザID");
  await Promise.all([page.waitForEvent("load"), s.journey.tap(submit, submitLabel)]);
  return landing(device, [PAGES.login, PAGES.info, PAGES.error, PAGES.resetPassword]);
}

/** What the login page tells a member who forgot the user ID. */
export async function forgotUserId(s: MemberSession, device: Device): Promise<Landing> {
  const { page } = device;
  await openPortal(s, device);
  await waitForKeycloakPage(page, PAGES.login);
  const heading = page.locator("#kp-forgot-title");
  const help = heading.locator("xpath=..");
  await help.scrollIntoViewIfNeeded();
  const title = await label(heading);
  await s.journey.screen(
    page,
    "",
    say(
      `ユーザIDを忘れたときは、ログイン画面の「${title}」の案内にしたがいます。`,
      `If you forgot your user ID, follow the help under 「${title}」 on the login page.`,
    ),
    device.kind,
  );
  return { page: PAGES.login, text: await help.innerText() };
}

/**
 * A PC login with the passkey on the member's phone: the PC's login page offers the passkey; the
 * browser then shows its own QR code for the phone (Bluetooth on both), which no test can show.
 */
export async function passkeyFromPc(s: MemberSession, pc: Device): Promise<{ buttonLabel: string }> {
  const { page } = pc;
  await openPortal(s, pc);
  await waitForKeycloakPage(page, PAGES.login);
  const button = page.locator("#authenticateWebAuthnButton");
  await button.waitFor({ state: "visible" });
  const buttonLabel = await label(button);
  await s.journey.screen(
    page,
    "",
    say(
      `パソコンでスマートフォンの生体認証を使うときは「${buttonLabel}」を押し、ブラウザの画面で「iPhone、iPad、または Android デバイス」を選びます。表示されたQRコードをスマートフォンのカメラで読み取り、スマートフォンで顔認証・指紋認証をします。パソコンとスマートフォンの両方で Bluetooth をオンにし、インターネットにつないでおきます。`,
      `To use your phone's passkey on a PC, press 「${buttonLabel}」 and choose "iPhone, iPad or Android device" in the browser's window. Scan the QR code it shows with your phone's camera and unlock with your face or fingerprint. Bluetooth must be on and both devices online.`,
    ),
    pc.kind,
  );
  return { buttonLabel };
}

/**
 * ⑨: the first login on a PC up to ⑧, then the passkey on the phone at the next login; `between`
 * runs after the PC is closed (tests look at the member's state there).
 */
export async function passkeyPcThenPhone(
  browser: Browser,
  s: MemberSession,
  deviceName: string,
  between: () => Promise<void> = () => Promise.resolve(),
): Promise<{ portalFromQr?: string; shown: { name: string; userId: string } }> {
  const pc = await openDevice(browser, "pc");
  let portalFromQr: string | undefined;
  try {
    await firstLoginUpToPassword(s, pc, METHOD.passkey);
    portalFromQr = await firstLoginDone(s, pc, METHOD.passkey, "phone");
  } finally {
    await pc.close();
  }
  await between();
  const phone = await openDevice(browser, "android");
  try {
    await addVirtualAuthenticator(phone.page);
    await openPortal(s, phone, "⑨");
    await logInWithPassword(s, phone, { step: "⑨" });
    // ③–⑦ are done: the login goes straight back to ⑧ and the passkey set-up.
    await firstLoginDone(s, phone, METHOD.passkey, "here");
    await registerPasskey(s, phone, deviceName);
    return { portalFromQr, shown: await expectPortalMember(s, phone) };
  } finally {
    await phone.close();
  }
}

/** ⑬: the OTP app chosen on the phone, set up from a PC at the next login (the QR code on the PC's screen). */
export async function otpPhoneThenPc(
  browser: Browser,
  s: MemberSession,
): Promise<{ shown: { name: string; userId: string } }> {
  const phone = await openDevice(browser, "iphone");
  try {
    await firstLoginUpToPassword(s, phone, METHOD.otp);
    await firstLoginDone(s, phone, METHOD.otp, "here");
    await waitForKeycloakPage(phone.page, PAGES.otpSetup);
    await phone.page.locator("#kp-otp-on-pc").waitFor({ state: "visible" });
    await s.journey.screen(
      phone.page,
      "",
      say(
        "スマートフォンだけで設定しにくいときは、ここで止めて、パソコンで加入者ページからもう一度ログインします。",
        "If setting up on the phone alone is awkward, stop here and log in again from the member portal on a PC.",
      ),
      phone.kind,
    );
  } finally {
    await phone.close();
  }
  const pc = await openDevice(browser, "pc");
  try {
    await openPortal(s, pc, "⑬");
    await logInWithPassword(s, pc, { step: "⑬" });
    await firstLoginDone(s, pc, METHOD.otp, "here");
    await setUpOtp(s, pc);
    return { shown: await expectPortalMember(s, pc) };
  } finally {
    await pc.close();
  }
}
