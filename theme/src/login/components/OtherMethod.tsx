import type { KcContext } from "../KcContext";
import type { I18n } from "../i18n";
import { otherMethodCookie } from "../lib/otherMethod";

/**
 * On the factor's registration pages of the first login: a phone that cannot make a passkey, or no
 * authenticator app at hand, need not loop here. The login starts again and, after the password (and
 * the email check, already proven), ⑤ comes back — only while the member has no factor (kenpo-enrol).
 */
export function OtherMethod(props: { kcContext: KcContext; i18n: I18n }) {
  const { kcContext, i18n } = props;
  const { msg } = i18n;
  return (
    <section className="kp-panel kp-stack" id="kp-other-method" aria-labelledby="kp-other-method-title">
      <h2 id="kp-other-method-title" className="kp-subheading">
        {msg("kenpoOtherMethodHeading")}
      </h2>
      <p id="kp-other-method-hint">{msg("kenpoOtherMethodLead")}</p>
      <a
        className="kp-button kp-button--secondary"
        id="kp-other-method-link"
        href={kcContext.url.loginRestartFlowUrl}
        aria-describedby="kp-other-method-hint"
        onClick={() => {
          document.cookie = otherMethodCookie(kcContext.realm.name, window.location.protocol === "https:");
        }}
      >
        {msg("kenpoOtherMethodButton")}
      </a>
    </section>
  );
}
