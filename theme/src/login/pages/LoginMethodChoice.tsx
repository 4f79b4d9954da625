import { useEffect } from "react";
import { FORM_ATTRIBUTE, FORM_FIELD, METHOD, PAGE } from "../../../../contracts";
import type { KcContext } from "../KcContext";
import type { I18n } from "../i18n";
import Template from "../Template";
import { Field, FieldError } from "../components/Field";
import { OtpApps } from "../components/OtpApps";
import { spentOtherMethodCookie } from "../lib/otherMethod";
import { rememberNewUserId } from "../lib/tabMemory";
import { FIRST_LOGIN_STEPS } from "../steps";

type Props = { kcContext: Extract<KcContext, { pageId: typeof PAGE.methodChoice }>; i18n: I18n };

/**
 * Manual ⑤: passkey or OTP app, each with what the member needs; optional user ID change. Shown
 * again (method only) when the member asked for another method before a factor was registered.
 */
export default function LoginMethodChoice(props: Props) {
  const { kcContext, i18n } = props;
  const { url, messagesPerField } = kcContext;
  const currentUserId = kcContext[FORM_ATTRIBUTE.currentUserId];
  const selectedMethod = kcContext[FORM_ATTRIBUTE.selectedMethod];
  const otherMethod = kcContext[FORM_ATTRIBUTE.otherMethod] === "true";
  const { msg, msgStr } = i18n;
  // Literals, not FORM_FIELD: `keycloakify build` reads the field names passed to messagesPerField
  // from the source text to decide which field errors reach the page.
  const methodError = messagesPerField.existsError("method") ? messagesPerField.get("method") : undefined;
  const userIdError = messagesPerField.existsError("newUserId") ? messagesPerField.get("newUserId") : undefined;

  useEffect(() => {
    // The wish that brought ⑤ back is spent: a later login resumes the set-up of what is chosen now.
    if (otherMethod)
      document.cookie = spentOtherMethodCookie(kcContext.realm.name, window.location.protocol === "https:");
  }, [otherMethod, kcContext.realm.name]);

  return (
    <Template
      kcContext={kcContext}
      i18n={i18n}
      headerNode={msgStr("kenpoMethodTitle")}
      step={FIRST_LOGIN_STEPS.methodChoice}
      displayMessage={methodError === undefined && userIdError === undefined}
    >
      <form
        id="kp-method-form"
        className="kp-stack"
        action={url.loginAction}
        method="post"
        noValidate
        onSubmit={(event) => {
          // ⑧ reminds the member to note a new user ID down (the change itself waits for the email check).
          const typed = new FormData(event.currentTarget).get(FORM_FIELD.newUserId);
          rememberNewUserId(typeof typed === "string" ? typed : "");
        }}
      >
        <p>{msg("kenpoMethodLead")}</p>
        {otherMethod && <p id="kp-other-method-lead">{msg("kenpoOtherMethodChoiceLead")}</p>}
        <fieldset
          className="kp-fieldset"
          aria-invalid={methodError !== undefined || undefined}
          aria-describedby={methodError !== undefined ? "method-error" : undefined}
        >
          <legend className="kp-label">{msg("kenpoMethodLegend")}</legend>
          <label className="kp-option" htmlFor="method-passkey">
            <input
              type="radio"
              id="method-passkey"
              name={FORM_FIELD.method}
              value={METHOD.passkey}
              defaultChecked={selectedMethod === METHOD.passkey}
              required
            />
            <span className="kp-option__body">
              <strong className="kp-option__title">{msg("kenpoMethodPasskey")}</strong>
              <span>{msg("kenpoMethodPasskeyDesc")}</span>
              <span className="kp-needs">{msg("kenpoMethodPasskeyNeeds")}</span>
            </span>
          </label>
          <label className="kp-option" htmlFor="method-otp">
            <input
              type="radio"
              id="method-otp"
              name={FORM_FIELD.method}
              value={METHOD.otp}
              defaultChecked={selectedMethod === METHOD.otp}
            />
            <span className="kp-option__body">
              <strong className="kp-option__title">{msg("kenpoMethodOtp")}</strong>
              <span>{msg("kenpoMethodOtpDesc")}</span>
              <span className="kp-needs">{msg("kenpoMethodOtpNeeds")}</span>
              <OtpApps i18n={i18n} />
            </span>
          </label>
          {methodError !== undefined && <FieldError id="method-error" html={methodError} />}
        </fieldset>

        {!otherMethod && (
          <section className="kp-panel" aria-labelledby="kp-userid-title">
            <h2 id="kp-userid-title" className="kp-subheading">
              {msg("kenpoUserIdChangeHeading")}
            </h2>
            <p id="kp-userid-optional">{msg("kenpoUserIdChangeOptional")}</p>
            {currentUserId !== undefined && <p id="kp-current-userid">{msgStr("kenpoCurrentUserId", currentUserId)}</p>}
            <Field
              id={FORM_FIELD.newUserId}
              i18n={i18n}
              optional
              label={msg("kenpoNewUserId")}
              hint={msg("kenpoNewUserIdHint")}
              error={userIdError}
              inputProps={{
                type: "text",
                autoComplete: "off",
                autoCapitalize: "none",
                // A string: preact (the built bundle) drops an attribute whose value is false.
                spellCheck: "false",
                maxLength: 64,
              }}
            />
          </section>
        )}

        <button type="submit" className="kp-button kp-button--primary" id="kp-method-submit">
          {msg("kenpoDoNext")}
        </button>
      </form>
    </Template>
  );
}
