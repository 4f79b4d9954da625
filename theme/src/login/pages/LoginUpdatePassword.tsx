import { useState } from "react";
import type { KcContext, UpdatePasswordUser } from "../KcContext";
import type { I18n, KenpoMessageKey } from "../i18n";
import Template from "../Template";
import { CancelAiaButton } from "../components/CancelAia";
import { PasswordField } from "../components/Field";
import { FIRST_LOGIN_STEPS } from "../steps";

type Props = { kcContext: Extract<KcContext, { pageId: "login-update-password.ftl" }>; i18n: I18n };

type Rule = { key: KenpoMessageKey; id: string; isMet: (password: string) => boolean };

/** The realm's password policy (length(8) and notUsername and notEmail), explained before typing. */
export function getPasswordRules(user: { username?: string; email?: string }): Rule[] {
    const same = (a: string, b: string | undefined) => b !== undefined && b !== "" && a.toLowerCase() === b.toLowerCase();
    return [
        { key: "kenpoPasswordRuleLength", id: "kp-rule-length", isMet: password => [...password].length >= 8 },
        { key: "kenpoPasswordRuleNotUserId", id: "kp-rule-userid", isMet: password => password !== "" && !same(password, user.username) },
        { key: "kenpoPasswordRuleNotEmail", id: "kp-rule-email", isMet: password => password !== "" && !same(password, user.email) }
    ];
}

/** Manual ⑥: the new password, with the rules shown first and checked while typing. */
export default function LoginUpdatePassword(props: Props) {
    const { kcContext, i18n } = props;
    const { url, messagesPerField, isAppInitiatedAction, auth } = kcContext;
    const { msg, msgStr } = i18n;
    const user = (kcContext as { user?: UpdatePasswordUser }).user;
    const rules = getPasswordRules({ username: user?.username ?? auth?.attemptedUsername, email: user?.email });
    const [password, setPassword] = useState("");
    const [confirm, setConfirm] = useState("");

    const passwordError = messagesPerField.existsError("password") ? messagesPerField.get("password") : undefined;
    const confirmError = messagesPerField.existsError("password-confirm") ? messagesPerField.get("password-confirm") : undefined;

    return (
        <Template
            kcContext={kcContext}
            i18n={i18n}
            headerNode={msgStr("kenpoPasswordTitle")}
            step={isAppInitiatedAction ? undefined : FIRST_LOGIN_STEPS.newPassword}
            displayMessage={passwordError === undefined && confirmError === undefined}
        >
            <form id="kc-passwd-update-form" className="kp-stack" action={url.loginAction} method="post">
                <p>{msg("kenpoPasswordLead")}</p>
                <div className="kp-panel" id="kp-password-rules">
                    <h2 className="kp-subheading" id="kp-password-rules-title">
                        {msg("kenpoPasswordRulesHeading")}
                    </h2>
                    <ul className="kp-rules" aria-labelledby="kp-password-rules-title" aria-live="polite">
                        {rules.map(rule => {
                            const met = rule.isMet(password);
                            return (
                                <li key={rule.id} id={rule.id} className={met ? "kp-rule kp-rule--met" : "kp-rule"} data-met={met}>
                                    <span aria-hidden="true" className="kp-rule__mark">
                                        {met ? "✓" : "・"}
                                    </span>
                                    {msg(rule.key)}
                                    <span className="kp-visually-hidden">{msg(met ? "kenpoPasswordRuleMet" : "kenpoPasswordRuleNotMet")}</span>
                                </li>
                            );
                        })}
                    </ul>
                </div>
                <input type="text" name="username" autoComplete="username" value={user?.username ?? auth?.attemptedUsername ?? ""} readOnly hidden />
                <PasswordField
                    id="password-new"
                    i18n={i18n}
                    label={msg("kenpoPasswordNew")}
                    error={passwordError}
                    extraDescribedBy="kp-password-rules"
                    inputProps={{ autoComplete: "new-password", autoFocus: true, value: password, onChange: event => setPassword(event.target.value) }}
                />
                <PasswordField
                    id="password-confirm"
                    i18n={i18n}
                    label={msg("kenpoPasswordConfirm")}
                    error={confirmError}
                    extraDescribedBy="kp-password-match"
                    inputProps={{ autoComplete: "new-password", value: confirm, onChange: event => setConfirm(event.target.value) }}
                />
                <p id="kp-password-match" className={confirm !== "" && confirm !== password ? "kp-warning" : "kp-hint"} aria-live="polite">
                    {confirm === "" ? "" : confirm === password ? msg("kenpoPasswordMatch") : msg("kenpoPasswordMismatch")}
                </p>
                <label className="kp-check">
                    <input type="checkbox" id="logout-sessions" name="logout-sessions" value="on" defaultChecked />
                    {msg("kenpoLogoutOtherSessions")}
                </label>
                <button type="submit" className="kp-button kp-button--primary" id="kp-password-submit">
                    {msg("kenpoDoSave")}
                </button>
                {isAppInitiatedAction && <CancelAiaButton i18n={i18n} />}
            </form>
        </Template>
    );
}
