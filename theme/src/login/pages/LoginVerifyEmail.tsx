import type { KcContext } from "../KcContext";
import type { I18n } from "../i18n";
import Template from "../Template";
import { FIRST_LOGIN_STEPS } from "../steps";

type Props = { kcContext: Extract<KcContext, { pageId: "login-verify-email.ftl" }>; i18n: I18n };

/** Manual ⑦: confirm the email address by opening the link Keycloak sent. */
export default function LoginVerifyEmail(props: Props) {
  const { kcContext, i18n } = props;
  const { url, user, message } = kcContext;
  const { msg, msgStr } = i18n;
  // Keycloak's standing notice repeats our lead; anything else (a resend within the cooldown) is news.
  const news = message !== undefined && message.summary !== msgStr("verifyEmailMessage");

  return (
    <Template
      kcContext={kcContext}
      i18n={i18n}
      headerNode={msgStr("kenpoVerifyEmailTitle")}
      step={FIRST_LOGIN_STEPS.email}
      displayMessage={news}
    >
      <div className="kp-stack">
        <p id="kp-verify-lead">
          {user?.email ? msgStr("kenpoVerifyEmailLead", user.email) : msg("kenpoVerifyEmailLeadNoAddress")}
        </p>
        <p className="kp-hint">{msg("kenpoVerifyEmailSpam")}</p>
        <a className="kp-button kp-button--secondary" href={url.loginAction} id="kp-verify-resend">
          {msg("kenpoVerifyEmailResend")}
        </a>
      </div>
    </Template>
  );
}
