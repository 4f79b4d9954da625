import { atMethodChoice, cardMember, Journey, mailedCode, type TestRealm } from "../../journeys/http-journey.js";
import { provisionTestRealm } from "../../journeys/realm.js";
import { EMAIL_CODE, FORM_ATTRIBUTE, FORM_FIELD, METHOD, PAGE, STAGE, USER_ATTRIBUTE } from "../../contracts/index.js";
import { firstAttribute } from "../../members/attributes.js";

/**
 * The email check after ⑤: a code mailed to the address on file, typed in the same login. Nothing
 * chosen at ⑤ takes effect before it (first-login.test.ts leaves at this page and finds the member
 * unchanged); here the code itself: what the mail says, wrong codes, new codes, and the limits.
 */
describe("the email check", () => {
  let realm: TestRealm;

  beforeAll(async () => {
    realm = await provisionTestRealm("email-check", { helpDesk: "電話 03-0000-0000" });
  });
  afterAll(() => realm.cleanup());

  async function atEmailCheck(userId: string): Promise<{ j: Journey; email: string }> {
    const member = cardMember(userId);
    const j = await atMethodChoice(realm, member);
    await j.post({ [FORM_FIELD.method]: METHOD.passkey, [FORM_FIELD.newUserId]: `${userId}.new` }, PAGE.emailCode);
    return { j, email: member.email! };
  }

  test("the mail: Japanese first, the society's name, six digits; the page shows the address masked and the help desk", async () => {
    const { j, email } = await atEmailCheck("mail.words");
    expect(j.page.kcContext?.[FORM_ATTRIBUTE.emailShown]).toBe("m***@example.test");
    expect(j.page.html).not.toContain(email);
    expect(j.page.kcContext?.[FORM_ATTRIBUTE.helpDesk]).toBe("電話 03-0000-0000");
    expect(j.page.kcContext?.[FORM_ATTRIBUTE.emailCodeMinutes]).toBe(EMAIL_CODE.minutes);
    await mailedCode(realm.mailbox!, email);
    const mail = realm.mailbox!.mails.find((m) => m.to.includes(email))!;
    expect(mail.subject).toBe(`【${realm.config.societyName.ja}】メールアドレスの確認コード / Email confirmation code`);
    expect(mail.code).toMatch(/^\d{6}$/);
    expect(mail.text.indexOf("確認コード:")).toBeLessThan(mail.text.indexOf("Confirmation code:"));
    expect(mail.text).toContain(`有効期限は${EMAIL_CODE.minutes}分`);
    expect(mail.text).toContain(realm.config.societyName.ja);
    expect(mail.links).toEqual([]);
  });

  test("a wrong code counts towards the lockout; a new code replaces the old one; the right one moves on", async () => {
    const { j, email } = await atEmailCheck("code.tries");
    const first = await mailedCode(realm.mailbox!, email);
    const wrong = first === "000000" ? "111111" : "000000";
    await j.post({ [FORM_FIELD.emailCode]: wrong }, PAGE.emailCode);
    expect(j.fieldError(FORM_FIELD.emailCode)).toContain("確認コードが正しくありません");
    expect(j.page.kcContext?.[FORM_ATTRIBUTE.attemptsLeft]).toBe(4);
    // Not six digits: the format, counted as nothing.
    await j.post({ [FORM_FIELD.emailCode]: "12345" }, PAGE.emailCode);
    expect(j.fieldError(FORM_FIELD.emailCode)).toContain("6桁の数字");
    expect(j.page.kcContext?.[FORM_ATTRIBUTE.attemptsLeft]).toBeUndefined();

    await j.post({ [FORM_FIELD.resend]: "1" }, PAGE.emailCode);
    expect(j.page.kcContext?.[FORM_ATTRIBUTE.emailCodeResent]).toBe("true");
    const second = await mailedCode(realm.mailbox!, email, 2);
    if (second !== first) {
      // Keycloak locks for a minute after two failures within a second (its quick-login check).
      await new Promise((r) => setTimeout(r, 1100));
      await j.post({ [FORM_FIELD.emailCode]: first }, PAGE.emailCode);
      expect(j.page.kcContext?.[FORM_ATTRIBUTE.attemptsLeft]).toBe(3);
    }
    // Typed as members do: full-width digits with a space.
    const typed = `${second.slice(0, 3)} ${second.slice(3)}`.replace(/[0-9]/g, (d) =>
      String.fromCharCode(d.charCodeAt(0) + 0xfee0),
    );
    await j.post({ [FORM_FIELD.emailCode]: typed }, "login-update-password.ftl");
    const [user] = await realm.admin.users.find({ realm: realm.config.realm, username: "code.tries.new", exact: true });
    expect(user).toMatchObject({ emailVerified: true });
    expect(firstAttribute(user, USER_ATTRIBUTE.stage)).toBe(STAGE.enrolling);
    expect(firstAttribute(user, USER_ATTRIBUTE.mfaMethod)).toBe(METHOD.passkey);
  });

  test(`one login sends at most ${EMAIL_CODE.sendsPerLogin} mails`, async () => {
    const { j, email } = await atEmailCheck("code.sends");
    for (let sent = 2; sent <= EMAIL_CODE.sendsPerLogin; sent += 1) {
      await j.post({ [FORM_FIELD.resend]: "1" }, PAGE.emailCode);
      await mailedCode(realm.mailbox!, email, sent);
    }
    await j.post({ [FORM_FIELD.resend]: "1" }, PAGE.emailCode);
    expect(j.fieldError(FORM_FIELD.emailCode)).toContain("送れる回数を超えました");
    await new Promise((r) => setTimeout(r, 500));
    expect(realm.mailbox!.mails.filter((m) => m.to.includes(email))).toHaveLength(EMAIL_CODE.sendsPerLogin);
    // The last code still works.
    await j.post(
      { [FORM_FIELD.emailCode]: await mailedCode(realm.mailbox!, email, EMAIL_CODE.sendsPerLogin) },
      "login-update-password.ftl",
    );
  });
});
