import { kcSanitize } from "keycloakify/lib/kcSanitize";
import { FORM_FIELD, PAGE, REALM_TEXT } from "../../../../contracts";
import type { KcContext } from "../KcContext";
import type { I18n } from "../i18n";
import Template from "../Template";
import { FIRST_LOGIN_STEPS, firstLoginStep } from "../steps";
import { getSocietyTexts } from "../lib/portal";

type Props = { kcContext: Extract<KcContext, { pageId: typeof PAGE.terms }>; i18n: I18n };

/** Manual ④: the society's terms of use (realm text termsText, HTML allowed); again when they are revised. */
export default function Terms(props: Props) {
  const { kcContext, i18n } = props;
  const { url } = kcContext;
  const { msg, msgStr } = i18n;
  const { portalName } = getSocietyTexts(i18n, kcContext);
  const termsHtml = msgStr(REALM_TEXT.termsText).trim();
  const step = firstLoginStep(kcContext, FIRST_LOGIN_STEPS.terms);

  return (
    <Template kcContext={kcContext} i18n={i18n} headerNode={msgStr("kenpoTermsTitle")} step={step}>
      {/* Past the first login, ④ comes back only because the society revised its terms. */}
      <p>{msgStr(step ? "kenpoTermsLead" : "kenpoTermsRevisedLead", portalName)}</p>
      <div className="kp-terms" id="kc-terms-text" tabIndex={0} role="region" aria-label={msgStr("kenpoTermsTitle")}>
        {termsHtml === "" ? (
          <p>{msg("kenpoTermsFallback")}</p>
        ) : (
          <div dangerouslySetInnerHTML={{ __html: kcSanitize(termsHtml) }} />
        )}
      </div>
      <form className="kp-stack" action={url.loginAction} method="post">
        <button
          type="submit"
          className="kp-button kp-button--primary"
          name={FORM_FIELD.accept}
          id="kc-accept"
          value="accept"
        >
          {msg("kenpoTermsAccept")}
        </button>
        <button
          type="submit"
          className="kp-button kp-button--secondary"
          name={FORM_FIELD.cancel}
          id="kc-decline"
          value="cancel"
        >
          {msg("kenpoTermsDecline")}
        </button>
      </form>
    </Template>
  );
}
