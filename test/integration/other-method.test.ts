import { mailboxSmtp, startMailbox, type Mailbox } from "../../runtime/mail/mailbox.js";
import {
  cardMember,
  freshCode,
  atMethodChoice,
  Journey,
  passEmailCheck,
  totpFromPage,
  type TestRealm,
} from "../../journeys/http-journey.js";
import { decodeJwt } from "../../journeys/http-login.js";
import { provisionTestRealm } from "../../journeys/realm.js";
import {
  ACR,
  CREDENTIAL_TYPE,
  FORM_ATTRIBUTE,
  FORM_FIELD,
  METHOD,
  OTHER_METHOD_COOKIE,
  PAGE,
  REQUIRED_ACTION,
  STAGE,
  USER_ATTRIBUTE,
} from "../../contracts/index.js";

/**
 * 「別の方法を選ぶ」 on the factor's registration page: back to ⑤ for the method only, after the password
 * and the email check of a new login, and only while the member has no factor. The theme's link sets
 * OTHER_METHOD_COOKIE and opens Keycloak's restart address; here the test does both.
 */
describe("another method before a factor exists", () => {
  let realm: TestRealm;
  let mailbox: Mailbox;
  const PASSWORD = "Other-Method-2026";

  beforeAll(async () => {
    mailbox = await startMailbox();
    realm = await provisionTestRealm("other-method", { smtp: mailboxSmtp(mailbox) });
  });
  afterAll(async () => {
    await realm.cleanup();
    await mailbox.close();
  });

  async function memberState(userId: string) {
    const [user] = await realm.admin.users.find({ realm: realm.config.realm, username: userId, exact: true });
    const credentials = await realm.admin.users.getCredentials({ realm: realm.config.realm, id: user!.id! });
    return { user: user!, credentials: credentials.map((c) => c.type) };
  }

  /** ② to the passkey registration page (⑩) of the first login, passkey chosen at ⑤. */
  async function toPasskeyPage(userId: string): Promise<Journey> {
    const member = cardMember(userId);
    const j = await atMethodChoice(realm, member);
    await j.post({ [FORM_FIELD.method]: METHOD.passkey }, PAGE.emailCode);
    await passEmailCheck(j, mailbox, member.email!, "login-update-password.ftl");
    await j.post({ "password-new": PASSWORD, "password-confirm": PASSWORD }, "webauthn-register.ftl");
    return j;
  }

  /** What the theme's 「別の方法を選ぶ」 does: the cookie, then Keycloak's restart of this login. */
  async function askForOtherMethod(j: Journey): Promise<Journey> {
    await setOtherMethodCookie(j);
    return j.follow(new URL(String(j.page.kcContext!.url.loginRestartFlowUrl), j.page.url).toString(), "login.ftl");
  }

  async function setOtherMethodCookie(j: Journey): Promise<void> {
    const realmUrl = new URL(`/realms/${realm.config.realm}/`, realm.config.server.url).toString();
    await j.browser.jar.setCookie(`${OTHER_METHOD_COOKIE}=1; Path=/realms/${realm.config.realm}/`, realmUrl);
  }

  test("passkey chosen, the phone cannot make one: back to ⑤, the OTP app instead, logged in with acr mfa", async () => {
    const j = await toPasskeyPage("switch.taro");
    await askForOtherMethod(j);
    // The new login proves the password again; the email is already proven, so ⑤ comes next.
    await j.post({ username: "switch.taro", password: PASSWORD }, PAGE.methodChoice);
    expect(j.page.kcContext?.[FORM_ATTRIBUTE.otherMethod]).toBe("true");
    expect(j.page.kcContext?.[FORM_ATTRIBUTE.selectedMethod]).toBe(METHOD.passkey);
    // Nothing changed by showing ⑤ again.
    expect((await memberState("switch.taro")).user.attributes?.[USER_ATTRIBUTE.mfaMethod]).toEqual([METHOD.passkey]);

    // Choosing is required; then the OTP set-up, not the passkey page, and not the new password again.
    await j.post({}, PAGE.methodChoice);
    expect(j.fieldError(FORM_FIELD.method)).not.toBe("");
    await j.post({ [FORM_FIELD.method]: METHOD.otp }, "login-config-totp.ftl");
    const { secret, totp } = totpFromPage(j.page);
    await j.post(
      { totp: await freshCode(totp, new Set()), totpSecret: secret, userLabel: "iPhone", mode: "manual" },
      "portal",
    );
    expect(decodeJwt(j.tokens!.id_token).acr).toBe(ACR.mfa);
    expect(decodeJwt(j.tokens!.id_token).preferred_username).toBe("switch.taro");

    const { user, credentials } = await memberState("switch.taro");
    expect(user.attributes?.[USER_ATTRIBUTE.mfaMethod]).toEqual([METHOD.otp]);
    expect(user.requiredActions ?? []).toEqual([]);
    expect(credentials).toContain(CREDENTIAL_TYPE.otp);
  });

  test("a member with a factor never gets ⑤ back, and a switch posted after the factor exists is refused", async () => {
    // Tab 1 asks for another method and stops at ⑤.
    const first = await toPasskeyPage("guarded.hanako");
    await askForOtherMethod(first);
    await first.post({ username: "guarded.hanako", password: PASSWORD }, PAGE.methodChoice);
    expect(first.page.kcContext?.[FORM_ATTRIBUTE.otherMethod]).toBe("true");

    // Tab 2 (another browser) does the same and registers an OTP app.
    const second = await new Journey(realm).open();
    await setOtherMethodCookie(second);
    await second.post({ username: "guarded.hanako", password: PASSWORD }, PAGE.methodChoice);
    await second.post({ [FORM_FIELD.method]: METHOD.otp }, "login-config-totp.ftl");
    const used = new Set<string>();
    const { secret, totp } = totpFromPage(second.page);
    await second.post(
      { totp: await freshCode(totp, used), totpSecret: secret, userLabel: "Pixel", mode: "manual" },
      "portal",
    );

    // Tab 1's ⑤, posted now, would swap the factor without proving the one that exists: refused.
    const refused = await first.browser.submit(first.page, { [FORM_FIELD.method]: METHOD.passkey });
    expect("redirectedTo" in refused).toBe(false);
    expect("kcContext" in refused && refused.kcContext?.pageId).toBe("error.ftl");
    let state = await memberState("guarded.hanako");
    expect(state.user.attributes?.[USER_ATTRIBUTE.mfaMethod]).toEqual([METHOD.otp]);
    expect(state.user.requiredActions ?? []).not.toContain(REQUIRED_ACTION.registerPasskey);

    // A member with a factor who is still mid-enrolment (the factor proven first) and wishes another
    // method: the factor, then straight to the portal; ⑤ is not shown.
    await realm.admin.users.update(
      { realm: realm.config.realm, id: state.user.id! },
      { ...state.user, attributes: { ...state.user.attributes, [USER_ATTRIBUTE.stage]: [STAGE.enrolling] } },
    );
    const third = await new Journey(realm).open();
    await setOtherMethodCookie(third);
    await third.post({ username: "guarded.hanako", password: PASSWORD }, "login-otp.ftl");
    await third.post({ otp: await freshCode(totp, used) }, "portal");
    state = await memberState("guarded.hanako");
    expect(state.user.attributes?.[USER_ATTRIBUTE.mfaMethod]).toEqual([METHOD.otp]);
    expect(state.user.attributes?.[USER_ATTRIBUTE.stage]).toEqual([STAGE.active]);
    expect(state.credentials).not.toContain(CREDENTIAL_TYPE.passkey);
  });
});
