import { useState } from "react";
import type { KcContext } from "../KcContext";
import type { I18n } from "../i18n";
import Template from "../Template";
import { Field } from "../components/Field";

type Props = { kcContext: Extract<KcContext, { pageId: "login-reset-password.ftl" }>; i18n: I18n };

/**
 * Forgotten password: asks for the user ID only. Keycloak looks members up by email only when the
 * realm allows email login with unique emails; our realms share addresses within families, so an
 * email typed here would silently find no one (Keycloak answers neutrally either way).
 */
export default function LoginResetPassword(props: Props) {
  const { kcContext, i18n } = props;
  const { url, realm, auth, messagesPerField } = kcContext;
  const { msg } = i18n;
  const [submitting, setSubmitting] = useState(false);
  const error = messagesPerField.existsError("username") ? messagesPerField.get("username") : undefined;
  const emailFindsMember = realm.loginWithEmailAllowed && !realm.duplicateEmailsAllowed;

  return (
    <Template
      kcContext={kcContext}
      i18n={i18n}
      headerNode={msg("kenpoResetTitle")}
      displayMessage={error === undefined}
    >
      <form
        id="kc-reset-password-form"
        className="kp-stack"
        action={url.loginAction}
        method="post"
        onSubmit={() => setSubmitting(true)}
      >
        <p>{msg("kenpoResetLead")}</p>
        <Field
          id="username"
          i18n={i18n}
          label={msg("kenpoUserId")}
          hint={emailFindsMember ? undefined : msg("kenpoResetUserIdHint")}
          error={error}
          inputProps={{
            type: "text",
            autoComplete: "username",
            autoCapitalize: "none",
            // A string: preact (the built bundle) drops an attribute whose value is false.
            spellCheck: "false",
            defaultValue: auth.attemptedUsername ?? "",
            autoFocus: true,
            required: true,
          }}
        />
        <button type="submit" className="kp-button kp-button--primary" disabled={submitting}>
          {msg("kenpoResetSubmit")}
        </button>
        <p className="kp-hint">{msg("kenpoForgotUserId")}</p>
        <a className="kp-link" href={url.loginUrl} id="kp-back-to-login">
          {msg("kenpoBackToLogin")}
        </a>
      </form>
    </Template>
  );
}
