import { useEffect, useState } from "react";
import type { KcContext } from "../KcContext";
import type { I18n } from "../i18n";
import { isSmartphone } from "../lib/deviceName";
import { getPortalUrl, getSocietyTexts } from "../lib/portal";
import { userIdChangedTo } from "../lib/tabMemory";
import Template from "../Template";
import { FIRST_LOGIN_STEPS } from "../steps";
import { QrCode } from "./QrCode";

/**
 * ⑧'s "set up here" works in the page's shell too (src/shell/): a tap there, before the scripts have run,
 * leaves this in the address, and the page opens the set-up when it starts.
 */
export const SET_UP_HERE_TARGET = "kp-setup";

/** The hint under "set up here", which reads differently on a smartphone (the shells swap it in early). */
export const SET_UP_HERE_HINT_ID = "kp-set-up-here-hint";

/**
 * Whether the member tapped "set up here" in the page's shell. Not when the user ID changed at ⑤: ⑧ then
 * shows the new ID to note down (from this tab's memory, which the shell cannot know), so ⑧ stays. The mark
 * is taken out of the address, so a reload or a link carrying it does not skip ⑧ later.
 */
function useSetUpHereTap(username: string | undefined): boolean {
  const tapped = window.location.hash === `#${SET_UP_HERE_TARGET}`;
  const [chosen] = useState(() => tapped && !userIdChangedTo(username));
  useEffect(() => {
    // An absolute path: a relative one would resolve against the page's <base> (the theme's resources).
    if (tapped)
      window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search);
  }, [tapped]);
  return chosen;
}

/**
 * Whether a set-up page (⑭, the passkey's) opens on ⑧ first, and how the member leaves ⑧ for the set-up.
 * Not when the member is setting up here already: an application-initiated action, an error, the page's own
 * retry or mode switch (`settingUp`), or a tap on the shell's "set up here".
 */
export function useFirstLoginDone(
  kcContext: Pick<KcContext, "isAppInitiatedAction" | "message">,
  username: string | undefined,
  settingUp: boolean,
): { showDone: boolean; setUpHere: () => void } {
  const tapped = useSetUpHereTap(username);
  const [showDone, setShowDone] = useState(
    !(settingUp || kcContext.isAppInitiatedAction || kcContext.message?.type === "error" || tapped),
  );
  return { showDone, setUpHere: () => setShowDone(false) };
}

/**
 * Manual ⑧ "first login complete", the whole page shown before the MFA set-up of the chosen method.
 * Keycloak runs the set-up as a required action, so leaving here keeps it pending: the next login
 * resumes it.
 */
export function FirstLoginDone(props: {
  kcContext: KcContext;
  i18n: I18n;
  method: "passkey" | "otp";
  /** The member's user ID now (a change at ⑤ took effect with the email check). */
  username: string | undefined;
  onSetUpHere: () => void;
}) {
  const { kcContext, i18n, method, username, onSetUpHere } = props;
  const [onPhone] = useState(() => isSmartphone(navigator.userAgent));
  const [newUserId] = useState(() => (userIdChangedTo(username) ? username : undefined));
  const { msg, msgStr } = i18n;
  const [showPhone, setShowPhone] = useState(false);
  const { portalName } = getSocietyTexts(i18n, kcContext);
  const portalUrl = getPortalUrl(kcContext, i18n);
  const methodName = msgStr(method === "passkey" ? "kenpoMethodPasskey" : "kenpoMethodOtp");

  return (
    <Template
      kcContext={kcContext}
      i18n={i18n}
      headerNode={msgStr("kenpoFirstLoginDoneTitle")}
      step={FIRST_LOGIN_STEPS.firstLoginDone[method]}
    >
      <section className="kp-stack" aria-labelledby="kc-page-title">
        <p className="kp-done">{msgStr("kenpoFirstLoginDoneLead", methodName, portalName)}</p>
        {newUserId !== undefined && (
          <div className="kp-panel" id="kp-new-userid" role="note">
            <p>{msgStr("kenpoNewUserIdMemo", newUserId)}</p>
            <p className="kp-example__value">{newUserId}</p>
          </div>
        )}
        <div className="kp-choice-buttons">
          <button
            type="button"
            className="kp-button kp-button--primary"
            id="kp-set-up-here"
            onClick={onSetUpHere}
            aria-describedby={SET_UP_HERE_HINT_ID}
          >
            {msg("kenpoSetupHere")}
          </button>
          <p className="kp-hint" id={SET_UP_HERE_HINT_ID}>
            {msg(
              method === "otp"
                ? "kenpoSetupHereOtpHint"
                : onPhone
                  ? "kenpoSetupHerePasskeyHint"
                  : "kenpoSetupHerePasskeyHintPc",
            )}
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
    </Template>
  );
}
