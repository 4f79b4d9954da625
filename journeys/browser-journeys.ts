import { TOTP, URI } from "otpauth";
import type { Browser, Locator, Page } from "playwright-core";
import { FORM_FIELD, METHOD, PAGE, type Method } from "../contracts/index.js";
import { mailedCode } from "./http-journey.js";
import {
  addVirtualAuthenticator,
  openDevice,
  waitForKeycloakPage,
  type Device,
  type VirtualAuthenticator,
} from "./browser.js";
import { Journey } from "./journey-record.js";
import { readQrCode } from "./browser-qr.js";
import { initialPasswordOf, type BrowserRealm, type TestMember } from "./browser-realm.js";

/**
 * The member's journeys through the real pages, step by step as the member manual numbers them.
 * Each helper waits for the page it expects (by Keycloak page id), records the screen and the
 * member's inputs, and acts like the member. Used by the end-to-end tests and `npm run manual`.
 */

const PAGES = {
  login: "login.ftl",
  birthdate: PAGE.birthdate,
  terms: PAGE.terms,
  method: PAGE.methodChoice,
  newPassword: "login-update-password.ftl",
  profile: "login-update-profile.ftl",
  verifyEmail: "login-verify-email.ftl",
  emailCode: PAGE.emailCode,
  passkeyRegister: "webauthn-register.ftl",
  otpSetup: "login-config-totp.ftl",
  otpLogin: "login-otp.ftl",
  passkeyLogin: "webauthn-authenticate.ftl",
  passkeyError: "webauthn-error.ftl",
  pageExpired: "login-page-expired.ftl",
  resetPassword: "login-reset-password.ftl",
  error: "error.ftl",
  info: "info.ftl",
} as const;

export { PAGES };

export interface MemberSession {
  realm: BrowserRealm;
  journey: Journey;
  member: TestMember;
  /** The password the member uses now (initial, then the one set at ⑥). */
  password: string;
  newPassword: string;
  totp?: TOTP;
  usedCodes: Set<string>;
}

export function memberSession(realm: BrowserRealm, journey: Journey, member: TestMember): MemberSession {
  return {
    realm,
    journey,
    member,
    password: initialPasswordOf(member),
    newPassword: `Kenpo-${member.userId}-New1`,
    usedCodes: new Set(),
  };
}

/** An instruction for the member: Japanese, then English. */
export const say = (ja: string, en: string) => ({ ja, en });

/** A button's words as the member sees them, so instructions always name the real buttons. */
export async function label(locator: Locator): Promise<string> {
  return (await locator.first().innerText()).trim().replace(/\s+/g, " ");
}

/** ① The society's portal: the member presses "Login with OpenID Connect". */
export async function openPortal(s: MemberSession, device: Device, step = "①"): Promise<void> {
  const { page } = device;
  s.journey.watch(page);
  await page.goto(s.realm.portal.url);
  const button = page.getByRole("button", { name: "Login with OpenID Connect" });
  await button.waitFor({ state: "visible" });
  await s.journey.screen(
    page,
    step,
    say(
      "加入者ページを開き、「Login with OpenID Connect」を押します。",
      "Open the member portal and press “Login with OpenID Connect”.",
    ),
    device.kind,
  );
  await s.journey.tap(button, "Login with OpenID Connect");
}

/** ② User ID and password (the initial password the first time). */
export async function logInWithPassword(
  s: MemberSession,
  device: Device,
  options: { userId?: string; password?: string; step?: string } = {},
): Promise<void> {
  const { page } = device;
  await waitForKeycloakPage(page, PAGES.login);
  const button = await label(page.locator("#kc-login"));
  await s.journey.screen(
    page,
    options.step ?? "②",
    options.step === undefined
      ? say(
          `ユーザIDと初期パスワード（記号＋番号＋生年月日の数字）を入力し、「${button}」を押します。`,
          `Enter your user ID and the initial password (the digits of 記号 + 番号 + date of birth), then press 「${button}」 (log in).`,
        )
      : say(
          `ユーザIDとパスワードを入力し、「${button}」を押します。`,
          `Enter your user ID and password, then press 「${button}」 (log in).`,
        ),
    device.kind,
  );
  await s.journey.type(page.locator("#username"), options.userId ?? s.member.userId, "ユーザID");
  await s.journey.type(page.locator("#password"), options.password ?? s.password, "パスワード");
  await s.journey.tap(page.locator("#kc-login"), button);
}

/** ③ The member's own birthdate, typed as YYYYMMDD. */
export async function enterBirthdate(
  s: MemberSession,
  device: Device,
  birthdate = s.member.birthdate.replaceAll("-", ""),
): Promise<void> {
  const { page } = device;
  await waitForKeycloakPage(page, PAGES.birthdate);
  const next = await label(page.locator("#kp-birthdate-submit"));
  await s.journey.screen(
    page,
    "③",
    say(
      `ご自身の生年月日を西暦8桁の数字（例：19801201）で入力し、「${next}」を押します。`,
      `Enter your date of birth as 8 digits (e.g. 19801201) and press 「${next}」 (next).`,
    ),
    device.kind,
  );
  await s.journey.type(page.locator("#birthdate"), birthdate, "生年月日");
  await s.journey.tap(page.locator("#kp-birthdate-submit"), next);
}

/** ④ Terms of use. */
export async function acceptTerms(s: MemberSession, device: Device): Promise<void> {
  const { page } = device;
  await waitForKeycloakPage(page, PAGES.terms);
  const agree = await label(page.locator("#kc-accept"));
  await s.journey.screen(
    page,
    "④",
    say(`利用規約を最後まで読み、「${agree}」を押します。`, `Read the terms of use and press 「${agree}」 (agree).`),
    device.kind,
  );
  await s.journey.tap(page.locator("#kc-accept"), agree);
}

/** ⑤ Passkey (生体認証) or OTP app; the user ID change is optional. */
export async function chooseMethod(
  s: MemberSession,
  device: Device,
  method: Method,
  newUserId?: string,
): Promise<void> {
  const { page } = device;
  await waitForKeycloakPage(page, PAGES.method);
  const choice = await label(page.locator(`label[for=method-${method}] .kp-option__title`));
  const next = await label(page.locator("#kp-method-submit"));
  await s.journey.screen(
    page,
    "⑤",
    method === METHOD.passkey
      ? say(
          `認証方法は「${choice}」を選び、「${next}」を押します。スマートフォンの顔認証・指紋認証を使います。ユーザIDの変更は必須ではありません。`,
          `Choose 「${choice}」 (biometrics, passkey) and press 「${next}」. It uses your phone's face or fingerprint unlock. Changing the user ID is optional.`,
        )
      : say(
          `認証方法は「${choice}」を選び、「${next}」を押します。スマートフォンに認証アプリを入れておきます。ユーザIDの変更は必須ではありません。`,
          `Choose 「${choice}」 (one-time password app) and press 「${next}」. Install an authenticator app on your phone first. Changing the user ID is optional.`,
        ),
    device.kind,
  );
  await s.journey.check(page.locator(`#method-${method}`), choice);
  if (newUserId) {
    await s.journey.type(page.locator("#newUserId"), newUserId, "新しいユーザID");
    s.member = { ...s.member, userId: newUserId };
  }
  await s.journey.tap(page.locator("#kp-method-submit"), next);
}

/** ⑦ A new password instead of the initial one (after the email check: README "The first login"). */
export async function setNewPassword(s: MemberSession, device: Device): Promise<void> {
  const { page } = device;
  await waitForKeycloakPage(page, PAGES.newPassword);
  const change = await label(page.locator("#kp-password-submit"));
  await s.journey.screen(
    page,
    "⑦",
    say(
      `画面の条件を満たす新しいパスワードを決め、2回入力して「${change}」を押します。初期パスワードは使えません。`,
      `Choose a new password that meets the rules on the screen, enter it twice and press 「${change}」. The initial password cannot be reused.`,
    ),
    device.kind,
  );
  await s.journey.type(page.locator("#password-new"), s.newPassword, "新しいパスワード");
  await s.journey.type(page.locator("#password-confirm"), s.newPassword, "新しいパスワード（確認）");
  await s.journey.tap(page.locator("#kp-password-submit"), change);
  s.password = s.newPassword;
}

/**
 * The email check (the manual's ⑦, before the new password): the code mailed to the address on file,
 * read in the mailbox and typed on the page. Where the society lets a member without an address
 * enter one, the page asks for it first.
 */
export async function confirmEmail(s: MemberSession, device: Device): Promise<void> {
  const { page } = device;
  await waitForKeycloakPage(page, PAGES.emailCode);
  if ((await page.locator("#kp-email-submit").count()) > 0) {
    const send = await label(page.locator("#kp-email-submit"));
    await s.journey.screen(
      page,
      "⑥",
      say(
        `メールアドレスを入力し、「${send}」を押します。`,
        `Enter your email address and press 「${send}」 (send the code).`,
      ),
      device.kind,
    );
    await s.journey.type(page.locator(`#${FORM_FIELD.email}`), s.member.email, "メールアドレス");
    await s.journey.tap(page.locator("#kp-email-submit"), send);
    await page.locator("#kp-code-submit").waitFor({ state: "visible" });
  }
  const next = await label(page.locator("#kp-code-submit"));
  await s.journey.screen(
    page,
    "⑥",
    say(
      `登録されているメールアドレスに、6桁の確認コードが届きます。メールを開き、確認コードを入力して「${next}」を押します。メールはスマートフォンで読み、コードはパソコンに入力してもかまいません。`,
      `A 6-digit confirmation code is mailed to your email address on file. Open the mail, enter the code and press 「${next}」. You may read the mail on your phone and type the code on a computer.`,
    ),
    device.kind,
  );
  // Each test member has an address of their own, so the first code mail to it is theirs.
  const code = await mailedCode(s.realm.mailbox, s.member.email);
  s.journey.outside("mail", "確認コードのメール");
  await s.journey.type(page.locator(`#${FORM_FIELD.emailCode}`), code, "確認コード");
  await s.journey.tap(page.locator("#kp-code-submit"), next);
}

/** ⑧ "First login complete": set up the second factor here, or continue on the smartphone. */
export async function firstLoginDone(
  s: MemberSession,
  device: Device,
  method: Method,
  choice: "here" | "phone",
): Promise<string | undefined> {
  const { page } = device;
  await waitForKeycloakPage(page, method === METHOD.passkey ? PAGES.passkeyRegister : PAGES.otpSetup);
  await page.locator("#kp-set-up-here").waitFor({ state: "visible" });
  const here = await label(page.locator("#kp-set-up-here"));
  const phone = await label(page.locator("#kp-continue-on-phone"));
  await s.journey.screen(
    page,
    "⑧",
    choice === "here"
      ? say(
          `初回ログインの完了です。続けて多要素認証を設定します。いま使っている端末で設定するときは「${here}」を押します。`,
          `The first login is complete; multi-factor authentication comes next. To set it up on the device in your hand, press 「${here}」.`,
        )
      : say(
          `初回ログインの完了です。パソコンで操作しているときは「${phone}」を押します。`,
          `The first login is complete. If you are on a PC, press 「${phone}」 (continue on the smartphone).`,
        ),
    device.kind,
  );
  if (choice === "here") {
    await s.journey.tap(page.locator("#kp-set-up-here"), here);
    return undefined;
  }
  await s.journey.tap(page.locator("#kp-continue-on-phone"), phone);
  const qr = page.locator("#kp-phone-panel [role=img]");
  await qr.locator("svg").waitFor({ state: "visible" });
  await s.journey.screen(
    page,
    "⑨",
    say(
      "スマートフォンのカメラで画面のQRコードを読み取り、加入者ページを開いて、もう一度ログインします。",
      "Scan the QR code with your smartphone's camera, open the member portal and log in again.",
    ),
    device.kind,
  );
  return readQrCode(qr);
}

/** ⑭ OTP app set-up: scan the QR code with the app, type the 6-digit code and a device name. */
export async function setUpOtp(s: MemberSession, device: Device, deviceName = "わたしのスマートフォン"): Promise<void> {
  const { page } = device;
  await waitForKeycloakPage(page, PAGES.otpSetup);
  const qr = page.locator("#kc-totp-secret-qr-code");
  await qr.waitFor({ state: "visible" });
  const save = await label(page.locator("#saveTOTPBtn"));
  await s.journey.screen(
    page,
    "⑭",
    say(
      `スマートフォンの認証アプリ（Google Authenticator、Microsoft Authenticator、FreeOTP のどれか）でQRコードを読み取ります。アプリに出た6桁の数字と、スマートフォンを見分けるためのデバイスの名前を入力し、「${save}」を押します。`,
      `Scan the QR code with an authenticator app on your phone (Google Authenticator, Microsoft Authenticator or FreeOTP). Enter the 6-digit code the app shows and a name for the phone, then press 「${save}」.`,
    ),
    device.kind,
  );
  // The "phone app": reads the QR code from the screen pixels, as the member's app does.
  const otpauth = URI.parse(await readQrCode(qr));
  if (!(otpauth instanceof TOTP)) throw new Error(`the QR code is not a TOTP key: ${otpauth.toString()}`);
  s.totp = otpauth;
  s.journey.outside("app", "認証アプリでQRコードを読み取る");
  await s.journey.type(page.locator("#totp"), freshCode(s), "6桁の数字");
  await s.journey.type(page.locator("#userLabel"), deviceName, "デバイスの名前");
  await s.journey.tap(page.locator("#saveTOTPBtn"), save);
}

/** A code not used yet in this 30-second window (Keycloak refuses a code twice). */
export function freshCode(s: MemberSession): string {
  if (!s.totp) throw new Error("no OTP app set up yet");
  const code = s.totp.generate();
  if (s.usedCodes.has(code)) return "";
  s.usedCodes.add(code);
  return code;
}

async function waitForFreshCode(s: MemberSession): Promise<string> {
  for (;;) {
    const code = freshCode(s);
    if (code) return code;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** ⑩–⑫ Passkey registration: name the device, press Register, confirm with face/fingerprint. */
export async function registerPasskey(
  s: MemberSession,
  device: Device,
  deviceName: string,
  step = "⑩〜⑫",
): Promise<void> {
  const { page } = device;
  await waitForKeycloakPage(page, PAGES.passkeyRegister);
  const name = page.locator("#authenticatorLabel");
  await name.waitFor({ state: "visible" });
  const register = await label(page.locator("#authenticateWebAuthnButton"));
  await s.journey.screen(
    page,
    step,
    say(
      `デバイスの名前（機種変更のときに見分けるための名前）を確かめて「${register}」を押し、スマートフォンの顔認証・指紋認証を行います。`,
      `Check the device name (it tells your phones apart when you change phones), press 「${register}」 and unlock with your face or fingerprint.`,
    ),
    device.kind,
  );
  await s.journey.type(name, deviceName, "デバイスの名前");
  await s.journey.tap(page.locator("#authenticateWebAuthnButton"), register);
  s.journey.outside("biometric", "顔認証・指紋認証");
}

/** Back at the portal: the member's name and user ID are shown. */
export async function expectPortalMember(
  s: MemberSession,
  device: Device,
  step = "完了",
): Promise<{ name: string; userId: string }> {
  const { page } = device;
  const name = page.locator("#member-name");
  await name.waitFor({ state: "visible", timeout: 30_000 });
  const words =
    step === "完了"
      ? say(
          "加入者ページにログインできました。設定はこれで完了です。",
          "You are logged in to the member portal. The set-up is complete.",
        )
      : say("加入者ページにログインできました。", "You are logged in to the member portal.");
  await s.journey.screen(page, step, words, device.kind);
  return {
    name: (await name.textContent()) ?? "",
    userId: (await page.locator("#member-user-id").textContent()) ?? "",
  };
}

/** Logs out from the portal and waits for the anonymous page. */
export async function logOut(s: MemberSession, device: Device): Promise<void> {
  const { page } = device;
  await s.journey.tap(page.locator("#logout-link"), "ログアウト");
  await page.getByRole("button", { name: "Login with OpenID Connect" }).waitFor({ state: "visible" });
}

/** Everyday login with password + OTP. */
export async function returningOtpLogin(s: MemberSession, device: Device): Promise<void> {
  const { page } = device;
  await openPortal(s, device, "");
  await logInWithPassword(s, device, { step: "" });
  await waitForKeycloakPage(page, PAGES.otpLogin);
  const logIn = await label(page.locator("#kc-login"));
  await s.journey.screen(
    page,
    "",
    say(
      `認証アプリに出ている6桁の数字を入力し、「${logIn}」を押します。`,
      `Enter the 6-digit code your authenticator app shows and press 「${logIn}」.`,
    ),
    device.kind,
  );
  s.journey.outside("app", "認証アプリを見る");
  await s.journey.type(page.locator("#otp"), await waitForFreshCode(s), "6桁の数字");
  await s.journey.tap(page.locator("#kc-login"), logIn);
}

/**
 * Everyday passwordless login. The login page asks the browser for a passkey as soon as it opens
 * (autofill, conditional mediation): the member picks their passkey and confirms with face or
 * fingerprint, and is back at the portal. The phone's virtual authenticator answers that request
 * by itself, so the pick is counted here. Where the page waits instead, the member presses the
 * passkey button (or gives the user ID first when the realm asks for it).
 */
export async function returningPasskeyLogin(s: MemberSession, device: Device): Promise<"autofill" | "button"> {
  const { page } = device;
  await openPortal(s, device, "");
  const member = page.locator("#member-name");
  const passkeyButton = page.locator("#authenticateWebAuthnButton");
  await member.or(passkeyButton).or(page.locator("#username")).first().waitFor({ state: "visible" });
  // Give the autofill request a moment to finish before deciding the member has to press a button.
  await member.waitFor({ state: "visible", timeout: 3_000 }).catch(() => undefined);
  if (await member.isVisible()) {
    // The login page was on screen only while the phone asked for face or fingerprint: say so on the
    // portal screen that came before it, where the member pressed the button.
    const portal = s.journey.screens.at(-1);
    if (portal)
      portal.instruction = say(
        `${portal.instruction.ja}ログイン画面でパスキーを選び、顔認証・指紋認証を行います。`,
        `${portal.instruction.en} On the login page, pick your passkey and unlock with your face or fingerprint.`,
      );
    s.journey.outside("biometric", "パスキーを選び、顔認証・指紋認証");
    return "autofill";
  }
  if ((await passkeyButton.count()) === 0) {
    await s.journey.screen(
      page,
      "",
      say("ユーザIDを入力し、次へを押します。", "Enter your user ID and press Next."),
      device.kind,
    );
    await s.journey.type(page.locator("#username"), s.member.userId, "ユーザID");
    await s.journey.tap(page.locator("#kc-login"), "次へ");
    await waitForKeycloakPage(page, PAGES.passkeyLogin);
  }
  const passkey = await label(passkeyButton);
  await s.journey.screen(
    page,
    "",
    say(
      `「${passkey}」を押し、顔認証・指紋認証を行います。`,
      `Press 「${passkey}」 and unlock with your face or fingerprint.`,
    ),
    device.kind,
  );
  await s.journey.tap(passkeyButton, passkey);
  s.journey.outside("biometric", "顔認証・指紋認証");
  return "button";
}

/** ②–⑦ of the first login, common to both methods: the email check comes before the new password. */
export async function firstLoginUpToPassword(s: MemberSession, device: Device, method: Method): Promise<void> {
  await openPortal(s, device);
  await logInWithPassword(s, device);
  await enterBirthdate(s, device);
  await acceptTerms(s, device);
  await chooseMethod(s, device, method);
  await confirmEmail(s, device);
  await setNewPassword(s, device);
}

export interface JourneyResult {
  journey: Journey;
  shown: { name: string; userId: string };
  /** Screens and inputs of the first login only (portal to portal). */
  firstLogin: { screens: number; pageLoads: number; inputs: number };
}

function mark(journey: Journey) {
  return { screens: journey.screens.length, pageLoads: journey.pageLoads, inputs: journey.inputs.length };
}

/** Journey 1: on a PC, OTP; then log out and log in again with password + OTP. */
/** `onPortal` runs on the portal page after the returning login, with the same device (e.g. its account link). */
export async function otpJourneyOnPc(
  browser: Browser,
  s: MemberSession,
  onPortal?: (device: Device) => Promise<void>,
): Promise<JourneyResult> {
  const pc = await openDevice(browser, "pc");
  try {
    await firstLoginUpToPassword(s, pc, METHOD.otp);
    await firstLoginDone(s, pc, METHOD.otp, "here");
    await setUpOtp(s, pc);
    const shown = await expectPortalMember(s, pc);
    const firstLogin = mark(s.journey);
    await logOut(s, pc);
    await returningOtpLogin(s, pc);
    await expectPortalMember(s, pc, "");
    await onPortal?.(pc);
    return { journey: s.journey, shown, firstLogin };
  } finally {
    await pc.close();
  }
}

/** Journey 2: on a smartphone, passkey; then log out and log in passwordless. */
export async function passkeyJourneyOnPhone(
  browser: Browser,
  s: MemberSession,
  deviceName = "iPhone（テスト）",
): Promise<JourneyResult & { passkeysOnPhone: Awaited<ReturnType<VirtualAuthenticator["credentials"]>> }> {
  const phone = await openDevice(browser, "iphone");
  try {
    const authenticator = await addVirtualAuthenticator(phone.page);
    await firstLoginUpToPassword(s, phone, METHOD.passkey);
    await firstLoginDone(s, phone, METHOD.passkey, "here");
    await registerPasskey(s, phone, deviceName);
    const shown = await expectPortalMember(s, phone);
    const firstLogin = mark(s.journey);
    await logOut(s, phone);
    await returningPasskeyLogin(s, phone);
    await expectPortalMember(s, phone, "");
    return { journey: s.journey, shown, firstLogin, passkeysOnPhone: await authenticator.credentials() };
  } finally {
    await phone.close();
  }
}

export type { Page };
