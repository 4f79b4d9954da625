import { useState } from "react";
import type { KcContext } from "../KcContext";
import type { I18n } from "../i18n";
import Template from "../Template";
import { Field } from "../components/Field";

type Props = { kcContext: Extract<KcContext, { pageId: "login-otp.ftl" }>; i18n: I18n };

/** Returning OTP login: the 6-digit code from the app (device choice when several are registered). */
export default function LoginOtp(props: Props) {
  const { kcContext, i18n } = props;
  const { url, otpLogin, messagesPerField } = kcContext;
  const { msg, msgStr } = i18n;
  const [submitting, setSubmitting] = useState(false);
  const error = messagesPerField.existsError("totp") ? messagesPerField.get("totp") : undefined;
  const credentials = otpLogin.userOtpCredentials;

  return (
    <Template
      kcContext={kcContext}
      i18n={i18n}
      headerNode={msgStr("kenpoOtpLoginTitle")}
      displayMessage={error === undefined}
    >
      <form
        id="kc-otp-login-form"
        className="kp-stack"
        action={url.loginAction}
        method="post"
        onSubmit={() => setSubmitting(true)}
      >
        <p>{msg("kenpoOtpLoginLead")}</p>
        {credentials.length > 1 && (
          <fieldset className="kp-fieldset">
            <legend className="kp-label">{msg("kenpoOtpChooseDevice")}</legend>
            {credentials.map((credential, index) => (
              <label
                key={credential.id}
                className="kp-option kp-option--compact"
                htmlFor={`kc-otp-credential-${index}`}
              >
                <input
                  type="radio"
                  id={`kc-otp-credential-${index}`}
                  name="selectedCredentialId"
                  value={credential.id}
                  defaultChecked={credential.id === (otpLogin.selectedCredentialId ?? credentials[0]?.id)}
                />
                <span className="kp-option__title">{credential.userLabel}</span>
              </label>
            ))}
          </fieldset>
        )}
        <Field
          id="otp"
          i18n={i18n}
          label={msg("kenpoOtpCode")}
          hint={msg("kenpoOtpCodeHint")}
          error={error}
          inputProps={{
            type: "text",
            inputMode: "numeric",
            pattern: "[0-9]*",
            autoComplete: "one-time-code",
            maxLength: 8,
            autoFocus: true,
            required: true,
          }}
        />
        <button type="submit" className="kp-button kp-button--primary" name="login" id="kc-login" disabled={submitting}>
          {msg("kenpoDoLogIn")}
        </button>
      </form>
    </Template>
  );
}
