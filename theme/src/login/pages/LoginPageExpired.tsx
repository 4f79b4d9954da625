import type { KcContext } from "../KcContext";
import type { I18n } from "../i18n";
import Template from "../Template";
import { getPortalUrl, getSocietyTexts } from "../lib/portal";

type Props = { kcContext: Extract<KcContext, { pageId: "login-page-expired.ftl" }>; i18n: I18n };

/**
 * An earlier step's page was posted or reopened (the browser's Back, an old tab) while the login goes
 * on: nothing timed out. The member continues where the login is (Keycloak's own continue address,
 * which shows the current step), or starts again from the portal.
 */
export default function LoginPageExpired(props: Props) {
  const { kcContext, i18n } = props;
  const { msg, msgStr } = i18n;
  const { portalName } = getSocietyTexts(i18n, kcContext);
  const restart = getPortalUrl(kcContext, i18n) ?? kcContext.url.loginRestartFlowUrl;
  return (
    <Template kcContext={kcContext} i18n={i18n} headerNode={msgStr("kenpoPageExpiredTitle")} displayMessage={false}>
      <div className="kp-stack" id="kp-page-expired">
        <p>{msg("kenpoPageExpiredWhat")}</p>
        <a className="kp-button kp-button--primary" href={kcContext.url.loginAction} id="kp-continue">
          {msg("kenpoPageExpiredContinue")}
        </a>
        <a className="kp-button kp-button--secondary" href={restart} id="kp-start-again">
          {msgStr("kenpoStartAgain", portalName)}
        </a>
      </div>
    </Template>
  );
}
