import { mailboxSmtp, startMailbox, type Mailbox } from "../../runtime/mail/mailbox.js";
import {
  cardMember,
  freshCode,
  importMember,
  Journey,
  totpFromPage,
  passEmailCheck,
  type TestRealm,
} from "../../journeys/http-journey.js";
import { decodeJwt } from "../../journeys/http-login.js";
import { provisionTestRealm } from "../../journeys/realm.js";
import {
  CREDENTIAL_TYPE,
  FORM_ATTRIBUTE,
  FORM_FIELD,
  METHOD,
  PAGE,
  REQUIRED_ACTION,
  STAGE,
  USER_ATTRIBUTE,
} from "../../contracts/index.js";

/** The first-login journey of the member manual, driven over HTTP against the real Keycloak and flows. */
/** Polls until `done` holds or 10 s pass; returns the last value either way so the assertion shows it. */
async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    value = await read();
  }
  return value;
}

describe("first login: ② → ③ → ④ → ⑤ → ⑥ → ⑦ → ⑧/⑭ → portal", () => {
  let realm: TestRealm;
  let mailbox: Mailbox;

  beforeAll(async () => {
    mailbox = await startMailbox();
    realm = await provisionTestRealm("journey", {
      smtp: mailboxSmtp(mailbox),
    });
  });
  afterAll(async () => {
    await realm.cleanup();
    await mailbox.close();
  });

  test("OTP journey from the import to a token, a returning login with password + OTP, and a second named device", async () => {
    const member = cardMember("otp.taro");
    await importMember(realm, member);
    const used = new Set<string>();

    const j = await (
      await new Journey(realm).open()
    ).post({ username: "OTP.TARO", password: member.initialPassword }, PAGE.birthdate);
    // In the first login, ③ and ④ are its steps: the served shell shows the manual's step already.
    expect(j.page.$("#kp-step").text()).toContain("③");
    await j.post({ [FORM_FIELD.birthdate]: "19801201" }, PAGE.terms);
    expect(j.page.kcContext?.[FORM_ATTRIBUTE.pastFirstLogin]).toBeUndefined();
    expect(j.page.$("#kp-step").text()).toContain("④");
    await j.post({ [FORM_FIELD.accept]: "同意する" }, PAGE.methodChoice);
    await j.post({ [FORM_FIELD.method]: METHOD.otp, [FORM_FIELD.newUserId]: "" }, PAGE.emailCode);
    // The email check: the code mailed to the member's address, typed in this login.
    await passEmailCheck(j, mailbox, member.email!, "login-update-password.ftl");
    // The first login's ⑥ (Keycloak's updatePasswordMessage): its shell shows the step.
    expect(j.page.$("#kp-step").text()).toContain("⑦");
    // The new password: the initial one is refused.
    await j.post(
      { "password-new": member.initialPassword, "password-confirm": member.initialPassword },
      "login-update-password.ftl",
    );
    expect(j.message + j.fieldError("password")).not.toBe("");
    await j.post(
      { "password-new": "Kenpo-New-Pass-2026", "password-confirm": "Kenpo-New-Pass-2026" },
      "login-config-totp.ftl",
    );
    const { secret, totp } = totpFromPage(j.page);
    await j.post(
      { totp: await freshCode(totp, used), totpSecret: secret, userLabel: "iPhone 15", mode: "manual" },
      "portal",
    );
    expect(decodeJwt(j.tokens!.id_token).preferred_username).toBe("otp.taro");

    const [user] = await realm.admin.users.find({ realm: realm.config.realm, username: "otp.taro", exact: true });
    expect(user?.attributes?.[USER_ATTRIBUTE.mfaMethod]).toEqual([METHOD.otp]);
    const credentials = await realm.admin.users.getCredentials({ realm: realm.config.realm, id: user!.id! });
    expect(credentials.find((c) => c.type === CREDENTIAL_TYPE.otp)?.userLabel).toBe("iPhone 15");

    const again = await (
      await new Journey(realm).open()
    ).post({ username: "otp.taro", password: "Kenpo-New-Pass-2026" }, "login-otp.ftl");
    await again.post({ otp: await freshCode(totp, used) }, "portal");
    const [active] = await realm.admin.users.find({ realm: realm.config.realm, username: "otp.taro", exact: true });
    expect(active?.attributes?.[USER_ATTRIBUTE.stage]).toEqual([STAGE.active]);

    // A second device (a new phone), asked for from the portal while logged in; the OTP page then names both.
    const add = await new Journey(realm, { kc_action: REQUIRED_ACTION.configureTotp }, again.browser).open();
    expect(add.pageId).toBe("login-config-totp.ftl");
    const second = totpFromPage(add.page);
    await add.post(
      { totp: await freshCode(second.totp, used), totpSecret: second.secret, userLabel: "Pixel 9", mode: "manual" },
      "portal",
    );
    const next = await (
      await new Journey(realm).open()
    ).post({ username: "otp.taro", password: "Kenpo-New-Pass-2026" }, "login-otp.ftl");
    const devices = (next.page.kcContext?.otpLogin as { userOtpCredentials: Array<{ id: string; userLabel: string }> })
      .userOtpCredentials;
    expect(devices.map((d) => d.userLabel).sort()).toEqual(["Pixel 9", "iPhone 15"]);
    const pixel = devices.find((d) => d.userLabel === "Pixel 9")!;
    await next.post({ otp: await freshCode(second.totp, used), selectedCredentialId: pixel.id }, "portal");
  });

  test("five wrong birthdates lock the member, with the same neutral message as a wrong answer", async () => {
    const member = cardMember("locked.hanako", { birthdate: "1975-04-15" });
    await importMember(realm, member);
    const j = await (
      await new Journey(realm).open()
    ).post({ username: "locked.hanako", password: member.initialPassword }, PAGE.birthdate);
    // The realm's failure factor is 5: the page counts down the wrong answers that are left.
    const attemptsLeft = () => j.page.kcContext?.[FORM_ATTRIBUTE.attemptsLeft];
    await j.post({ [FORM_FIELD.birthdate]: "1975-4-16" }, PAGE.birthdate);
    const wrongMessage = j.fieldError(FORM_FIELD.birthdate);
    expect(wrongMessage).not.toBe("");
    expect(attemptsLeft()).toBe(4);
    // A date that is not a date is a typing mistake: another message, and not counted.
    await j.post({ [FORM_FIELD.birthdate]: "1975-02-30" }, PAGE.birthdate);
    expect(j.fieldError(FORM_FIELD.birthdate)).not.toBe(wrongMessage);
    expect(attemptsLeft()).toBeUndefined();
    const [user] = await realm.admin.users.find({ realm: realm.config.realm, username: "locked.hanako", exact: true });
    const attack = () => realm.admin.attackDetection.findOne({ realm: realm.config.realm, id: user!.id! });
    // Slower than Keycloak's quick-login check (1 s), so only the count of wrong answers locks.
    const slowly = () => new Promise((r) => setTimeout(r, 1100));
    for (let i = 0; i < 3; i += 1) {
      await slowly();
      await j.post({ [FORM_FIELD.birthdate]: "19750416" }, PAGE.birthdate);
      expect(attemptsLeft()).toBe(3 - i);
    }
    const afterFour = await waitFor(attack, (s) => Number(s?.numFailures) === 4);
    expect(afterFour).toMatchObject({ numFailures: 4, disabled: false });
    await slowly();
    await j.post({ [FORM_FIELD.birthdate]: "19750416" }, PAGE.birthdate);
    // The fifth locks: no count any more, only the neutral message.
    expect(attemptsLeft()).toBeUndefined();
    expect(j.fieldError(FORM_FIELD.birthdate)).toBe(wrongMessage);
    // Keycloak records login failures on a background executor: wait for the lockout to show.
    const status = await waitFor(attack, (s) => s?.disabled === true);
    expect(status).toMatchObject({ disabled: true, numFailures: 5 });
    // Locked: even the right birthdate gets the same neutral message.
    await j.post({ [FORM_FIELD.birthdate]: "19750415" }, PAGE.birthdate);
    expect(j.fieldError(FORM_FIELD.birthdate)).toBe(wrongMessage);
    expect(attemptsLeft()).toBeUndefined();
    // A new login: the same answer as for a wrong password, whether the user exists or not.
    const again = await (
      await new Journey(realm).open()
    ).post({ username: "locked.hanako", password: member.initialPassword }, "login.ftl");
    const unknown = await (
      await new Journey(realm).open()
    ).post({ username: "no.such.member", password: member.initialPassword }, "login.ftl");
    expect(again.message).toBe(unknown.message);
    expect(again.message).not.toBe("");
  });

  test("the user ID changed at ⑤ is the one to log in with; taken IDs are refused", async () => {
    await importMember(realm, cardMember("taken.id"));
    const member = cardMember("old.id", { symbol: "7", number: "77", birthdate: "1966-06-06" });
    await importMember(realm, member);
    const j = await (
      await new Journey(realm).open()
    ).post({ username: "old.id", password: member.initialPassword }, PAGE.birthdate);
    await j.post({ [FORM_FIELD.birthdate]: "1966-06-06" }, PAGE.terms);
    await j.post({ [FORM_FIELD.accept]: "yes" }, PAGE.methodChoice);
    await j.post({ [FORM_FIELD.method]: METHOD.otp, [FORM_FIELD.newUserId]: "Taken.ID" }, PAGE.methodChoice);
    expect(j.fieldError(FORM_FIELD.newUserId)).not.toBe("");
    await j.post({ [FORM_FIELD.method]: METHOD.otp, [FORM_FIELD.newUserId]: "x" }, PAGE.methodChoice);
    expect(j.fieldError(FORM_FIELD.newUserId)).not.toBe("");
    await j.post({ [FORM_FIELD.method]: METHOD.otp, [FORM_FIELD.newUserId]: "ＮＥＷ.ＩＤ" }, PAGE.emailCode);
    // Nothing chosen at ⑤ takes effect before the email check: someone who knows the card but not
    // the mailbox, leaving here, has changed nothing — the old ID still starts the first login.
    const [unchanged] = await realm.admin.users.find({ realm: realm.config.realm, username: "old.id", exact: true });
    expect(unchanged?.attributes?.[USER_ATTRIBUTE.stage]).toEqual([STAGE.initial]);
    expect(unchanged?.attributes?.[USER_ATTRIBUTE.mfaMethod]).toBeUndefined();
    expect(unchanged?.requiredActions ?? []).toEqual([]);
    await (await new Journey(realm).open()).post({ username: "new.id", password: member.initialPassword }, "login.ftl");
    await passEmailCheck(j, mailbox, member.email!, "login-update-password.ftl");
    const [renamed] = await realm.admin.users.find({ realm: realm.config.realm, username: "new.id", exact: true });
    expect(renamed?.attributes?.[USER_ATTRIBUTE.stage]).toEqual([STAGE.enrolling]);
    expect(renamed?.emailVerified).toBe(true);
    // Leave here; the next login uses the new ID and resumes with the password step.
    await (
      await new Journey(realm).open()
    ).post({ username: "New.Id", password: member.initialPassword }, "login-update-password.ftl");
    await (await new Journey(realm).open()).post({ username: "old.id", password: member.initialPassword }, "login.ftl");
  });

  test("leaving at ⑧ resumes the enrolment at the next login; no portal without the factor", async () => {
    const member = cardMember("resume.ken", { symbol: "3", number: "33", birthdate: "1990-01-08" });
    await importMember(realm, member);
    const j = await (
      await new Journey(realm).open()
    ).post({ username: "resume.ken", password: member.initialPassword }, PAGE.birthdate);
    await j.post({ [FORM_FIELD.birthdate]: "H2.1.8" }, PAGE.terms);
    await j.post({ [FORM_FIELD.accept]: "yes" }, PAGE.methodChoice);
    await j.post({ [FORM_FIELD.method]: METHOD.passkey }, PAGE.emailCode);
    await passEmailCheck(j, mailbox, member.email!, "login-update-password.ftl");
    await j.post(
      { "password-new": "Resume-Pass-2026", "password-confirm": "Resume-Pass-2026" },
      "webauthn-register.ftl",
    );
    // ⑧ "continue on my smartphone": the member leaves. Logging in again goes straight back to ⑩.
    const again = await (
      await new Journey(realm).open()
    ).post({ username: "resume.ken", password: "Resume-Pass-2026" }, "webauthn-register.ftl");
    // The registration page afresh for this member: neither the retry after a failed ceremony nor an
    // account-console action, so the theme opens it on ⑧'s "here / on my smartphone" choice again.
    expect(again.page.kcContext).toMatchObject({ username: "resume.ken" });
    expect(again.page.kcContext?.isSetRetry).toBeUndefined();
    expect(again.page.kcContext?.isAppInitiatedAction).toBeUndefined();
    expect(again.message).toBe("");
    const [user] = await realm.admin.users.find({ realm: realm.config.realm, username: "resume.ken", exact: true });
    expect(user?.requiredActions).toContain(REQUIRED_ACTION.registerPasskey);
    expect(user?.attributes).toMatchObject({
      [USER_ATTRIBUTE.stage]: [STAGE.enrolling],
      [USER_ATTRIBUTE.mfaMethod]: [METHOD.passkey],
    });
  });

  test("reset-password puts a member who finished everything back at ③", async () => {
    const { findMember, resetMember } = await import("../../members/reset-member.js");
    const member = cardMember("reset.yuki", { symbol: "5", number: "55", birthdate: "1985-05-05" });
    await importMember(realm, member);
    const used = new Set<string>();
    const j = await (
      await new Journey(realm).open()
    ).post({ username: "reset.yuki", password: member.initialPassword }, PAGE.birthdate);
    await j.post({ [FORM_FIELD.birthdate]: "1985-05-05" }, PAGE.terms);
    await j.post({ [FORM_FIELD.accept]: "yes" }, PAGE.methodChoice);
    await j.post({ [FORM_FIELD.method]: METHOD.otp }, PAGE.emailCode);
    await passEmailCheck(j, mailbox, member.email!, "login-update-password.ftl");
    await j.post({ "password-new": "Yuki-Pass-2026!", "password-confirm": "Yuki-Pass-2026!" }, "login-config-totp.ftl");
    const { secret, totp } = totpFromPage(j.page);
    await j.post(
      { totp: await freshCode(totp, used), totpSecret: secret, userLabel: "Pixel", mode: "manual" },
      "portal",
    );

    const user = await findMember(realm.admin, realm.config.realm, "reset.yuki");
    await resetMember(realm.admin, realm.config.realm, user, member.initialPassword, { removeMfa: true });
    const back = await (
      await new Journey(realm).open()
    ).post({ username: "reset.yuki", password: member.initialPassword }, PAGE.birthdate);
    expect(back.pageId).toBe(PAGE.birthdate);
    await (await new Journey(realm).open()).post({ username: "reset.yuki", password: "Yuki-Pass-2026!" }, "login.ftl");
  });
});
