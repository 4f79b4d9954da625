import { useState } from "react";
import type { KcContext } from "../KcContext";
import type { I18n } from "../i18n";
import Template from "../Template";
import { LockoutRule } from "../components/Lockout";
import { Field, PasswordField } from "../components/Field";
import { PasskeyHelp } from "../components/PasskeyHelp";
import { PasskeyLoginForms, usePasskeyLoginScript } from "../components/PasskeyLogin";
import { StepIndicator } from "../components/StepIndicator";
import { FIRST_LOGIN_STEPS } from "../steps";

type Props = { kcContext: Extract<KcContext, { pageId: "login.ftl" }>; i18n: I18n };

const PASSKEY_BUTTON_ID = "authenticateWebAuthnButton";

/** The member manual's example: 記号 12 + 番号 3456789 + 生年月日 1980-12-01. */
const INITIAL_PASSWORD_EXAMPLE = "12" + "3456789" + "19801201";

/** Manual ②: user ID + password, with the first-login notes; passkey sign-in when the realm offers it. */
export default function Login(props: Props) {
  const { kcContext, i18n } = props;
  const { url, realm, login, usernameHidden, messagesPerField, enableWebAuthnConditionalUI, authenticators, auth } =
    kcContext;
  const { msg, msgStr } = i18n;
  const [submitting, setSubmitting] = useState(false);

  const credentialsError = messagesPerField.existsError("username", "password")
    ? messagesPerField.getFirstError("username", "password")
    : undefined;

  usePasskeyLoginScript({
    kcContext,
    i18n,
    buttonId: PASSKEY_BUTTON_ID,
    enabled: enableWebAuthnConditionalUI === true,
    conditional: true,
  });

  return (
    <Template
      kcContext={kcContext}
      i18n={i18n}
      headerNode={msgStr("kenpoLoginTitle")}
      displayMessage={credentialsError === undefined}
    >
      {realm.password && (
        <form
          id="kc-form-login"
          className="kp-stack"
          action={url.loginAction}
          method="post"
          onSubmit={() => setSubmitting(true)}
          noValidate
        >
          {!usernameHidden && (
            <Field
              id="username"
              i18n={i18n}
              label={msg("kenpoUserId")}
              hint={msg("kenpoUserIdLowercaseNote")}
              error={credentialsError}
              inputProps={{
                type: "text",
                defaultValue: login.username ?? "",
                autoComplete: enableWebAuthnConditionalUI ? "username webauthn" : "username",
                autoCapitalize: "none",
                // A string: preact (the built bundle) drops an attribute whose value is false.
                spellCheck: "false",
                autoFocus: true,
              }}
            />
          )}
          <PasswordField
            id="password"
            i18n={i18n}
            label={msg("kenpoPassword")}
            error={usernameHidden ? credentialsError : undefined}
            extraDescribedBy="kp-first-login"
            inputProps={{
              autoComplete: "current-password",
              "aria-invalid": credentialsError !== undefined || undefined,
            }}
          />
          {realm.rememberMe && !usernameHidden && (
            <label className="kp-check">
              <input type="checkbox" id="rememberMe" name="rememberMe" defaultChecked={login.rememberMe === "on"} />
              {msg("kenpoRememberMe")}
            </label>
          )}
          <input type="hidden" id="id-hidden-input" name="credentialId" value={auth.selectedCredential ?? ""} />
          <button
            type="submit"
            className="kp-button kp-button--primary"
            name="login"
            id="kc-login"
            disabled={submitting}
          >
            {msg("kenpoDoLogIn")}
          </button>
          {credentialsError !== undefined && <LockoutRule i18n={i18n} />}
        </form>
      )}

      <section className="kp-panel" id="kp-first-login" aria-labelledby="kp-first-login-title">
        {/* The login page serves every login; the manual's step ② is shown only in this panel. */}
        <StepIndicator step={FIRST_LOGIN_STEPS.login} i18n={i18n} />
        <h2 id="kp-first-login-title" className="kp-subheading">
          {msg("kenpoFirstLoginHeading")}
        </h2>
        <p>{msg("kenpoFirstTimeNotice")}</p>
        <p>{msg("kenpoInitialPasswordRule")}</p>
        <p>{msg("kenpoInitialPasswordExpiry")}</p>
        <LockoutRule i18n={i18n} id="kp-lockout-rule-first-login" />
        <div className="kp-example">
          <p>{msg("kenpoInitialPasswordExample")}</p>
          <p className="kp-example__result">
            {msg("kenpoInitialPasswordExampleResult")}
            <strong className="kp-example__value">{INITIAL_PASSWORD_EXAMPLE}</strong>
          </p>
        </div>
        <p>{msg("kenpoWhereToFindNumbers")}</p>
      </section>

      {realm.resetPasswordAllowed && (
        <section className="kp-stack" aria-labelledby="kp-forgot-title">
          <h2 id="kp-forgot-title" className="kp-subheading">
            {msg("kenpoForgotHeading")}
          </h2>
          <a className="kp-link" href={url.loginResetCredentialsUrl} id="kp-forgot-password">
            {msg("kenpoForgotPassword")}
          </a>
          <p className="kp-hint">{msg("kenpoForgotUserId")}</p>
        </section>
      )}

      {enableWebAuthnConditionalUI && (
        <section className="kp-stack kp-passkey" aria-labelledby="kp-passkey-title">
          <p className="kp-or">{msg("kenpoOr")}</p>
          <h2 id="kp-passkey-title" className="kp-subheading">
            {msg("kenpoPasskeyHeading")}
          </h2>
          <p>{msg("kenpoPasskeyLead")}</p>
          <PasskeyLoginForms loginAction={url.loginAction} authenticators={authenticators?.authenticators} />
          <button type="button" id={PASSKEY_BUTTON_ID} className="kp-button kp-button--secondary">
            {msg("kenpoPasskeyButton")}
          </button>
          <PasskeyHelp i18n={i18n} />
        </section>
      )}
    </Template>
  );
}
