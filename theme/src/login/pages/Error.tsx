import { kcSanitize } from "keycloakify/lib/kcSanitize";
import type { KcContext } from "../KcContext";
import type { I18n } from "../i18n";
import Template from "../Template";
import { StartAgain } from "../components/StartAgain";
import { getPortalUrl, getSocietyTexts } from "../lib/portal";

type Props = { kcContext: Extract<KcContext, { pageId: "error.ftl" }>; i18n: I18n };

/**
 * Error page. A timed-out login (loginTimeout, expiredActionMessage, expiredCodeMessage) gets the
 * start-again page; an old page posted (invalidCodeMessage) is no error of the member's and says so.
 */
export default function ErrorPage(props: Props) {
  const { kcContext, i18n } = props;
  const { message, skipLink } = kcContext;
  const { msgStr } = i18n;
  const { portalName } = getSocietyTexts(i18n, kcContext);
  const portalUrl = getPortalUrl(kcContext, i18n);
  const isTimeout = [msgStr("loginTimeout"), msgStr("expiredActionMessage"), msgStr("expiredCodeMessage")].includes(
    message.summary,
  );
  const isOldPage = message.summary === msgStr("invalidCodeMessage");

  if (isTimeout) {
    return (
      <Template kcContext={kcContext} i18n={i18n} headerNode={msgStr("kenpoTimeoutTitle")} displayMessage={false}>
        <StartAgain kcContext={kcContext} i18n={i18n} />
      </Template>
    );
  }

  return (
    <Template
      kcContext={kcContext}
      i18n={i18n}
      headerNode={msgStr(isOldPage ? "kenpoPageExpiredTitle" : "kenpoErrorTitle")}
      displayMessage={false}
    >
      <div className="kp-stack" id="kc-error-message">
        <p
          className="kp-alert kp-alert--error"
          role="alert"
          dangerouslySetInnerHTML={{ __html: kcSanitize(message.summary) }}
        />
        {!skipLink && portalUrl !== undefined && (
          <a className="kp-button kp-button--secondary" href={portalUrl} id="backToApplication">
            {msgStr("kenpoBackToPortal", portalName)}
          </a>
        )}
      </div>
    </Template>
  );
}
