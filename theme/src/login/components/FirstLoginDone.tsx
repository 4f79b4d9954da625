import { useState } from "react";
import type { KcContext } from "../KcContext";
import type { I18n } from "../i18n";
import { getPortalUrl, getSocietyTexts } from "../lib/portal";
import { QrCode } from "./QrCode";

/**
 * Manual ⑧ "first login complete", shown before the MFA set-up of the chosen method. Keycloak runs
 * the set-up as a required action, so leaving here keeps it pending: the next login resumes it.
 */
export function FirstLoginDone(props: {
  kcContext: KcContext;
  i18n: I18n;
  method: "passkey" | "otp";
  onSetUpHere: () => void;
}) {
  const { kcContext, i18n, method, onSetUpHere } = props;
  const { msg, msgStr } = i18n;
  const [showPhone, setShowPhone] = useState(false);
  const { portalName } = getSocietyTexts(i18n, kcContext);
  const portalUrl = getPortalUrl(kcContext, i18n);
  const methodName = msgStr(method === "passkey" ? "kenpoMethodPasskey" : "kenpoMethodOtp");

  return (
    <section className="kp-stack" aria-labelledby="kc-page-title">
      <p className="kp-done">{msgStr("kenpoFirstLoginDoneLead", methodName, portalName)}</p>
      <div className="kp-choice-buttons">
        <button
          type="button"
          className="kp-button kp-button--primary"
          id="kp-set-up-here"
          onClick={onSetUpHere}
          aria-describedby="kp-set-up-here-hint"
        >
          {msg("kenpoSetupHere")}
        </button>
        <p className="kp-hint" id="kp-set-up-here-hint">
          {msg(method === "passkey" ? "kenpoSetupHerePasskeyHint" : "kenpoSetupHereOtpHint")}
        </p>
        <button
          type="button"
          className="kp-button kp-button--secondary"
          id="kp-continue-on-phone"
          aria-expanded={showPhone}
          aria-controls="kp-phone-panel"
          onClick={() => setShowPhone(true)}
          aria-describedby="kp-continue-on-phone-hint"
        >
          {msg("kenpoContinueOnPhone")}
        </button>
        <p className="kp-hint" id="kp-continue-on-phone-hint">
          {msg(method === "passkey" ? "kenpoContinueOnPhoneHint" : "kenpoContinueOnPhoneOtpHint")}
        </p>
      </div>
      <div id="kp-phone-panel" className="kp-panel" hidden={!showPhone}>
        {portalUrl !== undefined && (
          <>
            <p>{msgStr("kenpoContinueOnPhoneLead", portalName)}</p>
            {showPhone && <QrCode text={portalUrl} label={msgStr("kenpoPortalQrAlt", portalName)} />}
            <p className="kp-url">{portalUrl}</p>
          </>
        )}
      </div>
      <p className="kp-note">{msg("kenpoResumeNote")}</p>
    </section>
  );
}
