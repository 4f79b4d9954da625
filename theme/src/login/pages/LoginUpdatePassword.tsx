import { useState } from "react";
import type { PasswordPolicies } from "keycloakify/login/KcContext";
import type { KcContext, UpdatePasswordUser } from "../KcContext";
import type { I18n, KenpoMessageKey } from "../i18n";
import Template from "../Template";
import { CancelAiaButton } from "../components/CancelAia";
import { PasswordField } from "../components/Field";
import { FIRST_LOGIN_STEPS } from "../steps";
import { passwordResetInTab } from "../lib/tabMemory";

type Props = { kcContext: Extract<KcContext, { pageId: "login-update-password.ftl" }>; i18n: I18n };

/**
 * The realm's password policy as Keycloak 26 puts it into every login page's data model
 * (`passwordPolicies`, org.keycloak.forms.login.freemarker.model.PasswordPoliciesBean) and Keycloakify
 * serializes it: a number only for the policies the realm has (unset ones are left out), notUsername and
 * notEmail as booleans. Keycloakify declares the field only on its profile pages, and without
 * passwordHistory, so this page reads it itself.
 */
export type RealmPasswordPolicies = PasswordPolicies & {
  passwordHistory?: number;
  forceExpiredPasswordChange?: number;
};

export type PasswordRule = {
  id: string;
  key: KenpoMessageKey;
  /** The message's {0}: the policy's number. */
  args: string[];
  /** Absent for rules the page cannot check (the password history lives on the server). */
  isMet?: (password: string) => boolean;
};

const positive = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value) && value > 0;

/**
 * Keycloak's policies look at one UTF-16 code unit at a time (Java's String.length, toCharArray,
 * Character.isDigit ...); counting the same way keeps the live check from disagreeing with the server.
 */
function countUnits(password: string, matches: (unit: string) => boolean): number {
  let count = 0;
  for (let i = 0; i < password.length; i++) if (matches(password.charAt(i))) count++;
  return count;
}
const isDigit = (unit: string) => /\p{Nd}/u.test(unit);
const isLower = (unit: string) => /\p{Lowercase}/u.test(unit);
const isUpper = (unit: string) => /\p{Uppercase}/u.test(unit);
const isSpecial = (unit: string) => !/[\p{L}\p{Nd}]/u.test(unit);

/**
 * The rules of the realm's actual policy, in the order a member reads them. Only what Keycloak sent is
 * shown: without `passwordPolicies` (an older Keycloak) the list is empty rather than guessed.
 */
export function getPasswordRules(
  policies: RealmPasswordPolicies | undefined,
  user: { username?: string; email?: string },
): PasswordRule[] {
  if (policies == null) return [];
  const same = (a: string, b: string | undefined) => b !== undefined && b !== "" && a.toLowerCase() === b.toLowerCase();
  const rules: PasswordRule[] = [];
  const { length, maxLength, lowerCase, upperCase, digits, specialChars, passwordHistory } = policies;
  if (positive(length))
    rules.push({
      id: "kp-rule-length",
      key: "kenpoPasswordRuleLength",
      args: [String(length)],
      isMet: (p) => p.length >= length,
    });
  if (positive(maxLength)) {
    rules.push({
      id: "kp-rule-max-length",
      key: "kenpoPasswordRuleMaxLength",
      args: [String(maxLength)],
      isMet: (p) => p !== "" && p.length <= maxLength,
    });
  }
  if (positive(lowerCase))
    rules.push({
      id: "kp-rule-lowercase",
      key: "kenpoPasswordRuleLowerCase",
      args: [String(lowerCase)],
      isMet: (p) => countUnits(p, isLower) >= lowerCase,
    });
  if (positive(upperCase))
    rules.push({
      id: "kp-rule-uppercase",
      key: "kenpoPasswordRuleUpperCase",
      args: [String(upperCase)],
      isMet: (p) => countUnits(p, isUpper) >= upperCase,
    });
  if (positive(digits))
    rules.push({
      id: "kp-rule-digits",
      key: "kenpoPasswordRuleDigits",
      args: [String(digits)],
      isMet: (p) => countUnits(p, isDigit) >= digits,
    });
  if (positive(specialChars)) {
    rules.push({
      id: "kp-rule-special",
      key: "kenpoPasswordRuleSpecialChars",
      args: [String(specialChars)],
      isMet: (p) => countUnits(p, isSpecial) >= specialChars,
    });
  }
  if (policies.notUsername === true) {
    rules.push({
      id: "kp-rule-userid",
      key: "kenpoPasswordRuleNotUserId",
      args: [],
      isMet: (p) => p !== "" && !same(p, user.username),
    });
  }
  if (policies.notEmail === true)
    rules.push({
      id: "kp-rule-email",
      key: "kenpoPasswordRuleNotEmail",
      args: [],
      isMet: (p) => p !== "" && !same(p, user.email),
    });
  // passwordHistory(0) keeps no history: nothing to tell the member.
  if (positive(passwordHistory))
    rules.push({ id: "kp-rule-history", key: "kenpoPasswordRuleHistory", args: [String(passwordHistory)] });
  return rules;
}

/** Manual ⑥: the new password, with the realm's rules shown first and checked while typing. */
export default function LoginUpdatePassword(props: Props) {
  const { kcContext, i18n } = props;
  const { url, messagesPerField, isAppInitiatedAction, auth } = kcContext;
  const { msg, msgStr } = i18n;
  const { user, passwordPolicies } = kcContext as {
    user?: UpdatePasswordUser;
    passwordPolicies?: RealmPasswordPolicies;
  };
  const rules = getPasswordRules(passwordPolicies, {
    username: user?.username ?? auth?.attemptedUsername,
    email: user?.email,
  });
  // Keycloak's notice: updatePasswordMessage in the first login (the account asks for a new password),
  // resetPasswordMessage when the member forgot it; an error shows instead of either.
  const notice = kcContext.message?.summary;
  const [reset] = useState(() =>
    passwordResetInTab(
      notice === msgStr("resetPasswordMessage") ? true : notice === msgStr("updatePasswordMessage") ? false : undefined,
    ),
  );
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");

  const passwordError = messagesPerField.existsError("password") ? messagesPerField.get("password") : undefined;
  const confirmError = messagesPerField.existsError("password-confirm")
    ? messagesPerField.get("password-confirm")
    : undefined;

  return (
    <Template
      kcContext={kcContext}
      i18n={i18n}
      headerNode={msgStr("kenpoPasswordTitle")}
      step={isAppInitiatedAction || reset ? undefined : FIRST_LOGIN_STEPS.newPassword}
      displayMessage={passwordError === undefined && confirmError === undefined}
    >
      <form id="kc-passwd-update-form" className="kp-stack" action={url.loginAction} method="post">
        {/* The card's initial password is worth a word only in the first login: not when the member changes a
            chosen one (an application's or the account console's password change) or replaces a forgotten one. */}
        <p>{msg(isAppInitiatedAction || reset ? "kenpoPasswordChangeLead" : "kenpoPasswordLead")}</p>
        {rules.length > 0 && (
          <div className="kp-panel" id="kp-password-rules">
            <h2 className="kp-subheading" id="kp-password-rules-title">
              {msg("kenpoPasswordRulesHeading")}
            </h2>
            <ul className="kp-rules" aria-labelledby="kp-password-rules-title" aria-live="polite">
              {rules.map((rule) => {
                const met = rule.isMet?.(password);
                return (
                  <li key={rule.id} id={rule.id} className={met ? "kp-rule kp-rule--met" : "kp-rule"} data-met={met}>
                    <span aria-hidden="true" className="kp-rule__mark">
                      {met ? "✓" : "・"}
                    </span>
                    {msg(rule.key, ...rule.args)}
                    {met !== undefined && (
                      <span className="kp-visually-hidden">
                        {msg(met ? "kenpoPasswordRuleMet" : "kenpoPasswordRuleNotMet")}
                      </span>
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        )}
        <input
          type="text"
          name="username"
          autoComplete="username"
          value={user?.username ?? auth?.attemptedUsername ?? ""}
          readOnly
          hidden
        />
        <PasswordField
          id="password-new"
          i18n={i18n}
          label={msg("kenpoPasswordNew")}
          error={passwordError}
          extraDescribedBy={rules.length > 0 ? "kp-password-rules" : undefined}
          inputProps={{
            autoComplete: "new-password",
            autoFocus: true,
            value: password,
            onChange: (event) => setPassword(event.target.value),
          }}
        />
        <PasswordField
          id="password-confirm"
          i18n={i18n}
          label={msg("kenpoPasswordConfirm")}
          error={confirmError}
          extraDescribedBy="kp-password-match"
          inputProps={{
            autoComplete: "new-password",
            value: confirm,
            onChange: (event) => setConfirm(event.target.value),
          }}
        />
        <p
          id="kp-password-match"
          className={confirm !== "" && confirm !== password ? "kp-warning" : "kp-hint"}
          aria-live="polite"
        >
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
