import { EMAIL_ENTRY, FORM_ATTRIBUTE, FORM_FIELD, PAGE } from "../../../../contracts";
import type { KcContext } from "../KcContext";
import type { I18n } from "../i18n";
import Template from "../Template";
import { Field } from "../components/Field";
import { AttemptsLeft, LockoutRule } from "../components/Lockout";
import { FIRST_LOGIN_STEPS } from "../steps";

type Props = { kcContext: Extract<KcContext, { pageId: typeof PAGE.emailCode }>; i18n: I18n };

/**
 * The email check (the manual's ⑦, here before the new password): the member types the 6-digit code
 * mailed to the address on file (script kenpo-email-code). Where the society lets members without an
 * address enter one, the page first asks for it.
 */
export default function LoginEmailCode(props: Props) {
  const { kcContext, i18n } = props;
  const { url, messagesPerField } = kcContext;
  const shown = kcContext[FORM_ATTRIBUTE.emailShown];
  const entry = kcContext[FORM_ATTRIBUTE.emailEntry];
  const resent = kcContext[FORM_ATTRIBUTE.emailCodeResent] === "true";
  const minutes = kcContext[FORM_ATTRIBUTE.emailCodeMinutes];
  const helpDesk = kcContext[FORM_ATTRIBUTE.helpDesk];
  const attemptsLeft = kcContext[FORM_ATTRIBUTE.attemptsLeft];
  const { msg, msgStr } = i18n;
  // Literals, not FORM_FIELD: `keycloakify build` reads the field names passed to messagesPerField
  // from the source text to decide which field errors reach the page.
  const codeError = messagesPerField.existsError("emailCode") ? messagesPerField.get("emailCode") : undefined;
  const emailError = messagesPerField.existsError("email") ? messagesPerField.get("email") : undefined;
  const asking = entry === EMAIL_ENTRY.ask || shown === undefined;

  return (
    <Template
      kcContext={kcContext}
      i18n={i18n}
      headerNode={msgStr(asking ? "kenpoEmailEntryTitle" : "kenpoEmailCodeTitle")}
      step={FIRST_LOGIN_STEPS.email}
      displayMessage={codeError === undefined && emailError === undefined}
    >
      {asking ? (
        <form id="kp-email-form" className="kp-stack" action={url.loginAction} method="post" noValidate>
          <p>{msg("kenpoEmailEntryLead")}</p>
          <Field
            id={FORM_FIELD.email}
            i18n={i18n}
            label={msg("kenpoEmailEntryLabel")}
            hint={msg("kenpoEmailEntryHint")}
            error={emailError}
            inputProps={{ type: "email", autoComplete: "email", maxLength: 254, required: true, autoFocus: true }}
          />
          <button type="submit" className="kp-button kp-button--primary" id="kp-email-submit">
            {msg("kenpoEmailEntrySubmit")}
          </button>
        </form>
      ) : (
        <div className="kp-stack">
          <form id="kp-code-form" className="kp-stack" action={url.loginAction} method="post" noValidate>
            <p id="kp-code-lead">{msgStr("kenpoEmailCodeLead", shown)}</p>
            {resent && (
              <p className="kp-alert kp-alert--success" role="status" id="kp-code-resent">
                {msg("kenpoEmailCodeResent")}
              </p>
            )}
            <Field
              id={FORM_FIELD.emailCode}
              i18n={i18n}
              label={msg("kenpoEmailCodeLabel")}
              hint={msgStr("kenpoEmailCodeHint", String(minutes ?? ""))}
              error={codeError}
              inputProps={{
                type: "text",
                inputMode: "numeric",
                autoComplete: "one-time-code",
                maxLength: 12,
                required: true,
                autoFocus: true,
              }}
            />
            <AttemptsLeft i18n={i18n} attemptsLeft={attemptsLeft} />
            {codeError !== undefined && <LockoutRule i18n={i18n} />}
            <button type="submit" className="kp-button kp-button--primary" id="kp-code-submit">
              {msg("kenpoDoNext")}
            </button>
          </form>
          <p className="kp-hint">{msg("kenpoVerifyEmailSpam")}</p>
          <form action={url.loginAction} method="post" className="kp-stack">
            <button
              type="submit"
              name={FORM_FIELD.resend}
              value="1"
              className="kp-button kp-button--secondary"
              id="kp-code-resend"
            >
              {msg("kenpoEmailCodeResend")}
            </button>
            {entry === EMAIL_ENTRY.change && (
              <button
                type="submit"
                name={FORM_FIELD.changeEmail}
                value="1"
                className="kp-button kp-button--secondary"
                id="kp-email-change"
              >
                {msg("kenpoEmailEntryChange")}
              </button>
            )}
          </form>
          {entry !== EMAIL_ENTRY.change && (
            <p className="kp-hint" id="kp-code-help">
              {msgStr("kenpoEmailCodeWrongAddress", helpDesk ?? "")}
            </p>
          )}
        </div>
      )}
    </Template>
  );
}
