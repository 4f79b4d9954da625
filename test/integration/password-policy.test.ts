import type { Browser } from "playwright-core";
import { mailboxSmtp, startMailbox, type Mailbox } from "../../runtime/mail/mailbox.js";
import { cardMember, importMember, Journey, passEmailCheck, type TestRealm } from "../../journeys/http-journey.js";
import { PAGE } from "../../contracts/index.js";
import { launchBrowser, openDevice } from "../../journeys/browser.js";
import { provisionTestRealm } from "../../journeys/realm.js";
import type { Page } from "../../journeys/http-login.js";
import { loadSocietyConfig } from "../../realm-config/load.js";
import { planRealm } from "../../realm-config/provision.js";
import { desiredPasswordPolicy } from "../../realm-config/desired-realm.js";
import { repoRoot } from "../../runtime/keycloak/paths.js";

/**
 * Manual ⑥ shows the realm's own password policy, not one written into the theme: a society with
 * passwordMinLength 10 gets "10文字以上", and Keycloak refuses 9 characters in our words.
 */

/** The rules as a member's browser renders them from the page Keycloak served (the theme is client-side React). */
async function renderedRules(browser: Browser, page: Page): Promise<{ rules: string[]; alert: string }> {
  const device = await openDevice(browser, "pc");
  try {
    // Serve exactly the HTML Keycloak sent for this step; the theme's scripts and styles load from Keycloak.
    await device.page.route(page.url, (route) =>
      route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: page.html }),
    );
    await device.page.goto(page.url);
    await device.page.locator("#password-new").waitFor();
    const rules = await device.page.locator("#kp-password-rules li").evaluateAll((items) =>
      items.map((li) => {
        const copy = li.cloneNode(true) as HTMLElement;
        copy.querySelectorAll(".kp-visually-hidden, [aria-hidden=true]").forEach((hidden) => hidden.remove());
        return copy.textContent ?? "";
      }),
    );
    const alert = (await device.page.locator("[role=alert]").allInnerTexts()).join("\n");
    return { rules, alert };
  } finally {
    await device.close();
  }
}

describe("password policy on ⑥: the realm's rules, in our words", () => {
  const demo = loadSocietyConfig(`${repoRoot}/realm-config/societies/demo.yaml`);
  let realm: TestRealm;
  let mailbox: Mailbox;
  let browser: Browser;

  beforeAll(async () => {
    mailbox = await startMailbox();
    realm = await provisionTestRealm("pwpolicy", {
      policies: { ...demo.policies, passwordMinLength: 10 },
      smtp: mailboxSmtp(mailbox),
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await realm?.cleanup();
    await mailbox?.close();
  });

  test("the stored policy has no 'undefined', and a re-plan after provisioning is empty", async () => {
    const stored = (await realm.admin.realms.findOne({ realm: realm.config.realm }))?.passwordPolicy;
    expect(stored).toBe("length(10) and notUsername and notEmail and passwordHistory(3) and hashAlgorithm(argon2)");
    expect(stored).toBe(desiredPasswordPolicy(realm.config));
    const plan = await planRealm(realm.admin, realm.config);
    expect(plan.map((c) => `${c.action} ${c.target}: ${c.details.join("; ")}`)).toEqual([]);
  });

  test("⑥ lists length 10 from Keycloak's passwordPolicies and refuses 9 characters with our text", async () => {
    const member = cardMember("policy.hanako");
    await importMember(realm, member);
    const j = await (
      await new Journey(realm).open()
    ).post({ username: "policy.hanako", password: member.initialPassword }, "login-birthdate.ftl");
    await j.post({ birthdate: "19801201" }, "terms.ftl");
    await j.post({ accept: "yes" }, "login-method-choice.ftl");
    await j.post({ method: "otp", newUserId: "" }, PAGE.emailCode);
    await passEmailCheck(j, mailbox, member.email!, "login-update-password.ftl");

    // What Keycloak 26 sends the theme (PasswordPoliciesBean): numbers only for the policies the realm has.
    const policies = j.page.kcContext?.passwordPolicies as Record<string, unknown> | undefined;
    expect(policies).toMatchObject({ length: 10, passwordHistory: 3, notUsername: true, notEmail: true });
    expect(policies).not.toHaveProperty("maxLength");
    expect(policies).not.toHaveProperty("digits");

    const before = await renderedRules(browser, j.page);
    expect(before.rules).toEqual([
      "10文字以上",
      "ユーザIDと同じではない",
      "メールアドレスと同じではない",
      "最近使った3個のパスワードは使えません",
    ]);
    expect(before.rules.join("\n")).not.toContain("8文字");

    // 9 characters: Keycloak's length policy refuses them, and the message comes from our theme's bundle.
    await j.post({ "password-new": "Sakura-26", "password-confirm": "Sakura-26" }, "login-update-password.ftl");
    // UpdatePassword hands a policy error to the page as its message (not to the field).
    expect(j.message).toBe("パスワードは10文字以上にしてください。");
    expect(j.page.html).not.toContain("無効なパスワード");
    const after = await renderedRules(browser, j.page);
    expect(after.alert).toContain("パスワードは10文字以上にしてください。");
    expect(after.rules[0]).toBe("10文字以上");

    // The initial password is refused by the history policy, again in our words.
    await j.post(
      { "password-new": member.initialPassword, "password-confirm": member.initialPassword },
      "login-update-password.ftl",
    );
    expect(j.message).toBe("最近使った3個のパスワードは使えません。別のパスワードを入力してください。");

    // 10 characters pass on to the factor's set-up.
    await j.post({ "password-new": "Sakura-202", "password-confirm": "Sakura-202" }, "login-config-totp.ftl");
  });
});
