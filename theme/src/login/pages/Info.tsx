import { kcSanitize } from "keycloakify/lib/kcSanitize";
import type { KcContext } from "../KcContext";
import type { I18n } from "../i18n";
import Template from "../Template";
import { getPortalUrl, getSocietyTexts } from "../lib/portal";

type Props = { kcContext: Extract<KcContext, { pageId: "info.ftl" }>; i18n: I18n };

/** Information page (e.g. after the email link, or before a required action). */
export default function Info(props: Props) {
  const { kcContext, i18n } = props;
  const { messageHeader, message, requiredActions, skipLink, pageRedirectUri, actionUri } = kcContext;
  const { msgStr, advancedMsgStr } = i18n;
  const { portalName } = getSocietyTexts(i18n, kcContext);
  const backUrl = pageRedirectUri ?? getPortalUrl(kcContext, i18n);

  return (
    <Template
      kcContext={kcContext}
      i18n={i18n}
      headerNode={messageHeader !== undefined ? advancedMsgStr(messageHeader) : msgStr("kenpoInfoTitle")}
      displayMessage={false}
    >
      <div className="kp-stack" id="kc-info-message">
        <p className="kp-alert kp-alert--info" dangerouslySetInnerHTML={{ __html: kcSanitize(message.summary) }} />
        {requiredActions !== undefined && requiredActions.length > 0 && (
          <ul className="kp-list">
            {requiredActions.map((action) => (
              <li key={action}>{advancedMsgStr(`requiredAction.${action}`)}</li>
            ))}
          </ul>
        )}
        {!skipLink && actionUri !== undefined && (
          <a className="kp-button kp-button--primary" href={actionUri} id="kp-proceed">
            {msgStr("kenpoProceed")}
          </a>
        )}
        {!skipLink && actionUri === undefined && backUrl !== undefined && (
          <a className="kp-button kp-button--secondary" href={backUrl} id="kp-back">
            {msgStr("kenpoBackToPortal", portalName)}
          </a>
        )}
      </div>
    </Template>
  );
}
