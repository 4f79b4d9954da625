import type { KcContext } from "../KcContext";
import type { I18n } from "../i18n";
import Template from "../Template";
import { getPortalUrl, getSocietyTexts } from "../lib/portal";

type Props = { kcContext: Extract<KcContext, { pageId: "logout-confirm.ftl" }>; i18n: I18n };

/** Logout confirmation. */
export default function LogoutConfirm(props: Props) {
  const { kcContext, i18n } = props;
  const { url, logoutConfirm } = kcContext;
  const { msg, msgStr } = i18n;
  const { portalName } = getSocietyTexts(i18n, kcContext);
  const backUrl = getPortalUrl(kcContext, i18n);

  return (
    <Template kcContext={kcContext} i18n={i18n} headerNode={msgStr("kenpoLogoutTitle")}>
      <form className="kp-stack" action={url.logoutConfirmAction} method="post" id="kc-logout-confirm">
        <p>{msg("kenpoLogoutLead")}</p>
        <input type="hidden" name="session_code" value={logoutConfirm.code} />
        <button type="submit" className="kp-button kp-button--primary" name="confirmLogout" id="kc-logout" value="">
          {msg("kenpoDoLogout")}
        </button>
        {!logoutConfirm.skipLink && backUrl !== undefined && (
          <a className="kp-button kp-button--secondary" href={backUrl} id="kp-back">
            {msgStr("kenpoBackToPortal", portalName)}
          </a>
        )}
      </form>
    </Template>
  );
}
