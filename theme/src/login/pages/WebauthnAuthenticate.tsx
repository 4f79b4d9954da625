import type { KcContext } from "../KcContext";
import type { I18n } from "../i18n";
import Template from "../Template";
import { PasskeyHelp } from "../components/PasskeyHelp";
import { PasskeyLoginForms, usePasskeyLoginScript } from "../components/PasskeyLogin";

type Props = { kcContext: Extract<KcContext, { pageId: "webauthn-authenticate.ftl" }>; i18n: I18n };

const BUTTON_ID = "authenticateWebAuthnButton";

/** Returning passkey login, with the registered device names and the PC-with-phone explanation. */
export default function WebauthnAuthenticate(props: Props) {
  const { kcContext, i18n } = props;
  const { url, authenticators, shouldDisplayAuthenticators } = kcContext;
  const { msg, msgStr, advancedMsgStr } = i18n;

  usePasskeyLoginScript({ kcContext, i18n, buttonId: BUTTON_ID, enabled: true, conditional: false });

  return (
    <Template kcContext={kcContext} i18n={i18n} headerNode={msgStr("kenpoPasskeyLoginTitle")}>
      <div className="kp-stack" id="kc-form-webauthn">
        <PasskeyLoginForms loginAction={url.loginAction} authenticators={authenticators?.authenticators} />
        <p>{msg("kenpoPasskeyLoginLead")}</p>
        {shouldDisplayAuthenticators && authenticators !== undefined && authenticators.authenticators.length > 0 && (
          <section className="kp-panel" aria-labelledby="kp-devices-title">
            <h2 id="kp-devices-title" className="kp-subheading">
              {msg("kenpoPasskeyDevices")}
            </h2>
            <ul className="kp-devices">
              {authenticators.authenticators.map((authenticator, index) => (
                <li key={authenticator.credentialId} id={`kc-webauthn-authenticator-item-${index}`}>
                  <strong>{advancedMsgStr(authenticator.label)}</strong>
                  <span className="kp-hint">{msgStr("kenpoPasskeyCreatedAt", authenticator.createdAt)}</span>
                </li>
              ))}
            </ul>
          </section>
        )}
        <button type="button" id={BUTTON_ID} className="kp-button kp-button--primary" autoFocus>
          {msg("kenpoPasskeyButton")}
        </button>
        <PasskeyHelp i18n={i18n} />
      </div>
    </Template>
  );
}
