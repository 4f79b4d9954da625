import type { KcContext } from "../KcContext";
import type { I18n } from "../i18n";
import { getPortalUrl, getSocietyTexts } from "../lib/portal";

/** A timed-out login: what happened, and one button back to the portal to start again. */
export function StartAgain(props: { kcContext: KcContext; i18n: I18n }) {
  const { kcContext, i18n } = props;
  const { msg, msgStr } = i18n;
  const { portalName } = getSocietyTexts(i18n, kcContext);
  const href = getPortalUrl(kcContext, i18n) ?? kcContext.url.loginRestartFlowUrl;
  return (
    <div className="kp-stack" id="kp-timeout">
      <p>{msg("kenpoTimeoutWhat")}</p>
      <p>{msgStr("kenpoTimeoutNext", portalName)}</p>
      <a className="kp-button kp-button--primary" href={href} id="kp-start-again">
        {msgStr("kenpoStartAgain", portalName)}
      </a>
    </div>
  );
}
