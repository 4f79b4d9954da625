import { FORM_ATTRIBUTE, FORM_FIELD, METHOD, PAGE } from "../../../contracts";
import type { DeepPartial } from "keycloakify/tools/DeepPartial";
import type { KcContext } from "../login/KcContext";
import { fieldErrors, getKcContextMock, realmTextsMock, society, type PageId } from "../login/mocks";

/**
 * Every page in the states a reviewer should see, for the screenshot gallery (npm run screenshots)
 * and the Storybook stories. `action` clicks a button after rendering (e.g. the ⑧ panel choices).
 */
export type Scenario = {
    name: string;
    pageId: PageId;
    overrides?: DeepPartial<KcContext>;
    action?: { click: string };
};



export const scenarios: Scenario[] = [
    { name: "02-login", pageId: "login.ftl", overrides: { ...society } },
    { name: "02-login-passkey", pageId: "login.ftl", overrides: { ...society, enableWebAuthnConditionalUI: true } },
    {
        name: "02-login-error",
        pageId: "login.ftl",
        overrides: { ...society, login: { username: "yamada.taro" }, messagesPerField: fieldErrors({ username: "ユーザIDまたはパスワードが正しくありません。" }) }
    },
    { name: "03-birthdate", pageId: PAGE.birthdate, overrides: { ...society } },
    {
        name: "03-birthdate-error",
        pageId: PAGE.birthdate,
        overrides: {
            ...society,
            [FORM_ATTRIBUTE.attemptsLeft]: 2,
            messagesPerField: fieldErrors({ [FORM_FIELD.birthdate]: "入力された内容では確認できませんでした。しばらくしてから、もう一度お試しください。" })
        }
    },
    {
        name: "04-terms",
        pageId: PAGE.terms,
        overrides: {
            "x-keycloakify": {
                messages: {
                    ...realmTextsMock,
                    termsText:
                        "<h3>第1条（目的）</h3><p>この規約は、加入者ページの利用について定めるものです。</p><h3>第2条（個人情報）</h3><p>健康保険組合は、加入者の個人情報を法令に従って取り扱います。</p>"
                }
            }
        }
    },
    { name: "05-method-choice", pageId: PAGE.methodChoice, overrides: { ...society } },
    {
        name: "05-method-choice-error",
        pageId: PAGE.methodChoice,
        overrides: { ...society, [FORM_ATTRIBUTE.selectedMethod]: METHOD.passkey, messagesPerField: fieldErrors({ [FORM_FIELD.newUserId]: "このユーザIDは使えません。別のユーザIDを入力してください。" }) }
    },
    { name: "06-new-password", pageId: "login-update-password.ftl", overrides: { ...society, isAppInitiatedAction: false } },
    { name: "07-update-profile", pageId: "login-update-profile.ftl", overrides: { ...society, isAppInitiatedAction: false } },
    { name: "07-verify-email", pageId: "login-verify-email.ftl", overrides: { ...society, user: { email: "taro@example.jp" } } },
    { name: "08-first-login-done-passkey", pageId: "webauthn-register.ftl", overrides: { ...society, isAppInitiatedAction: false } },
    {
        name: "08-continue-on-phone",
        pageId: "webauthn-register.ftl",
        overrides: { ...society, isAppInitiatedAction: false },
        action: { click: "#kp-continue-on-phone" }
    },
    { name: "10-12-passkey-register", pageId: "webauthn-register.ftl", overrides: { ...society, isAppInitiatedAction: false }, action: { click: "#kp-set-up-here" } },
    { name: "08-first-login-done-otp", pageId: "login-config-totp.ftl", overrides: { ...society, isAppInitiatedAction: false } },
    { name: "14-otp-setup", pageId: "login-config-totp.ftl", overrides: { ...society, isAppInitiatedAction: false }, action: { click: "#kp-set-up-here" } },
    { name: "14-otp-setup-manual", pageId: "login-config-totp.ftl", overrides: { ...society, isAppInitiatedAction: false, mode: "manual" } },
    { name: "otp-login", pageId: "login-otp.ftl", overrides: { ...society } },
    { name: "reset-password", pageId: "login-reset-password.ftl", overrides: { ...society } },
    {
        name: "passkey-login",
        pageId: "webauthn-authenticate.ftl",
        overrides: {
            ...society,
            shouldDisplayAuthenticators: true,
            authenticators: {
                authenticators: [{ credentialId: "c1", label: "iPhone", createdAt: "2026/04/01 10:00", transports: { iconClass: "kcWebAuthnDefaultIcon" } }]
            }
        }
    },
    { name: "passkey-error-retry", pageId: "webauthn-error.ftl", overrides: { ...society, isAppInitiatedAction: false } },
    { name: "timeout-page-expired", pageId: "login-page-expired.ftl", overrides: { ...society } },
    {
        name: "timeout-error",
        pageId: "error.ftl",
        overrides: { ...society, message: { type: "error", summary: "ログインの途中で一定の時間が経ったため、手続きを中断しました。" } }
    },
    { name: "error", pageId: "error.ftl", overrides: { ...society, message: { type: "error", summary: "無効なリクエストです。" } } },
    { name: "info", pageId: "info.ftl", overrides: { ...society, message: { type: "info", summary: "メールアドレスが確認されました。" } } },
    { name: "logout-confirm", pageId: "logout-confirm.ftl", overrides: { ...society } }
];

export function scenarioContext(scenario: Scenario): KcContext {
    return getKcContextMock({ pageId: scenario.pageId, overrides: scenario.overrides as never });
}
