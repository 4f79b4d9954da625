import type { KcContext } from "../KcContext";
import type { I18n } from "../i18n";
import Template from "../Template";
import { CancelAiaForm } from "../components/CancelAia";
import { OtherMethod } from "../components/OtherMethod";
import { isFirstLoginPasskeyRegistration } from "../lib/otherMethod";

type Props = { kcContext: Extract<KcContext, { pageId: "webauthn-error.ftl" }>; i18n: I18n };

/** A failed biometric check: what happened, and 再試行 (retry) as the one obvious next step. */
export default function WebauthnError(props: Props) {
  const { kcContext, i18n } = props;
  const { url, isAppInitiatedAction, execution } = kcContext;
  const { msg, msgStr } = i18n;

  return (
    <Template kcContext={kcContext} i18n={i18n} headerNode={msgStr("kenpoPasskeyErrorTitle")}>
      <div className="kp-stack">
        <p>{msg("kenpoPasskeyErrorLead")}</p>
        <p>{msg("kenpoPasskeyErrorHint")}</p>
        <form id="kc-error-credential-form" action={url.loginAction} method="post">
          <input type="hidden" id="executionValue" name="authenticationExecution" value={execution} />
          <input type="hidden" id="isSetRetry" name="isSetRetry" value="retry" />
          <button type="submit" className="kp-button kp-button--primary" name="try-again" id="kc-try-again" autoFocus>
            {msg("kenpoDoRetry")}
          </button>
        </form>
        {isAppInitiatedAction && <CancelAiaForm i18n={i18n} loginAction={url.loginAction} />}
        {isFirstLoginPasskeyRegistration(url.loginAction, isAppInitiatedAction) && (
          <OtherMethod kcContext={kcContext} i18n={i18n} />
        )}
      </div>
    </Template>
  );
}
