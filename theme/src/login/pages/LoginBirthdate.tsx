import { FORM_ATTRIBUTE, FORM_FIELD, PAGE } from "../../../../contracts";
import type { KcContext } from "../KcContext";
import type { I18n } from "../i18n";
import Template from "../Template";
import { Field } from "../components/Field";
import { AttemptsLeft, LockoutRule } from "../components/Lockout";
import { FIRST_LOGIN_STEPS } from "../steps";

type Props = { kcContext: Extract<KcContext, { pageId: typeof PAGE.birthdate }>; i18n: I18n };

/** Manual ③: the member confirms their own date of birth (custom page of script kenpo-birthdate). */
export default function LoginBirthdate(props: Props) {
  const { kcContext, i18n } = props;
  const { url, messagesPerField } = kcContext;
  const attemptsLeft = kcContext[FORM_ATTRIBUTE.attemptsLeft];
  const { msg, msgStr } = i18n;
  // A literal, not FORM_FIELD.birthdate: `keycloakify build` reads the field names passed to
  // messagesPerField from the source text to decide which field errors reach the page.
  const error = messagesPerField.existsError("birthdate") ? messagesPerField.get("birthdate") : undefined;

  return (
    <Template
      kcContext={kcContext}
      i18n={i18n}
      headerNode={msgStr("kenpoBirthdateTitle")}
      step={FIRST_LOGIN_STEPS.birthdate}
      displayMessage={error === undefined}
    >
      <form id="kp-birthdate-form" className="kp-stack" action={url.loginAction} method="post" noValidate>
        <p>{msg("kenpoBirthdateLead")}</p>
        <Field
          id={FORM_FIELD.birthdate}
          i18n={i18n}
          label={msg("kenpoBirthdateLabel")}
          hint={msg("kenpoBirthdateHint")}
          error={error}
          inputProps={{
            type: "text",
            inputMode: "numeric",
            autoComplete: "bday",
            maxLength: 10,
            placeholder: "19801201",
            required: true,
            autoFocus: true,
          }}
        />
        <AttemptsLeft i18n={i18n} attemptsLeft={attemptsLeft} />
        {error !== undefined && <LockoutRule i18n={i18n} />}
        <button type="submit" className="kp-button kp-button--primary" id="kp-birthdate-submit">
          {msg("kenpoDoNext")}
        </button>
      </form>
    </Template>
  );
}
