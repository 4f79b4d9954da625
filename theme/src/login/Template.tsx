import { useEffect, type ReactNode } from "react";
import { kcSanitize } from "keycloakify/lib/kcSanitize";
import type { KcContext } from "./KcContext";
import type { I18n } from "./i18n";
import { StepIndicator, type Step } from "./components/StepIndicator";
import { getSocietyTexts } from "./lib/portal";
import { getBrand } from "./lib/brand";
import { useSingleSubmit } from "./lib/singleSubmit";
import "./kenpo.css";

export type TemplateProps = {
  kcContext: KcContext;
  i18n: I18n;
  /** Page title (the h1). */
  headerNode: ReactNode;
  children: ReactNode;
  /** Manual step shown above the title on first-login pages. */
  step?: Step;
  /** Show the page-level message (false when the page ties the message to a field). */
  displayMessage?: boolean;
  documentTitle?: string;
  // Accepted for compatibility with Keycloakify's DefaultPage, which renders pages we did not restyle.
  doUseDefaultCss?: boolean;
  classes?: unknown;
  displayInfo?: boolean;
  infoNode?: ReactNode;
  socialProvidersNode?: ReactNode;
  displayRequiredFields?: boolean;
  bodyClassName?: string;
};

export default function Template(props: TemplateProps) {
  const {
    kcContext,
    i18n,
    headerNode,
    children,
    step,
    displayMessage = true,
    documentTitle,
    displayInfo = false,
    infoNode,
    socialProvidersNode,
  } = props;
  const { msg, msgStr, enabledLanguages, currentLanguage } = i18n;
  const { message, isAppInitiatedAction, url, auth } = kcContext;
  const { societyName, portalName } = getSocietyTexts(i18n, kcContext);
  const brand = getBrand(i18n);

  useEffect(() => {
    const title = documentTitle ?? (typeof headerNode === "string" ? headerNode : undefined);
    document.title = title === undefined ? portalName : msgStr("kenpoDocumentTitle", title, portalName);
  }, [documentTitle, headerNode, portalName, msgStr]);

  useSessionChecker(kcContext);
  useSingleSubmit();

  return (
    <div className="kp-page" style={brand.style}>
      <header className="kp-header">
        <div className="kp-header__identity">
          {brand.logo !== undefined && <img className="kp-header__logo" src={brand.logo} alt={societyName} />}
          <div className="kp-header__brand">
            <span className="kp-header__society">{societyName}</span>
            <span className="kp-header__portal">{portalName}</span>
          </div>
        </div>
        {enabledLanguages.length > 1 && (
          <nav className="kp-lang" aria-label={msgStr("kenpoLanguage")}>
            <ul>
              {enabledLanguages.map(({ languageTag, label, href }) => (
                <li key={languageTag}>
                  <a
                    href={href}
                    lang={languageTag}
                    aria-current={languageTag === currentLanguage.languageTag ? "true" : undefined}
                  >
                    {label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main className="kp-main" id="kc-content">
        {step !== undefined && <StepIndicator step={step} i18n={i18n} />}
        <h1 id="kc-page-title" className="kp-title">
          {headerNode}
        </h1>
        {auth?.showUsername && auth.attemptedUsername !== undefined && (
          <p className="kp-username">
            <span>{msg("kenpoUserId")}：</span>
            <strong id="kc-attempted-username">{auth.attemptedUsername}</strong>
          </p>
        )}
        {displayMessage && message !== undefined && (message.type !== "warning" || !isAppInitiatedAction) && (
          <div
            className={`kp-alert kp-alert--${message.type}`}
            role={message.type === "error" ? "alert" : "status"}
            dangerouslySetInnerHTML={{ __html: kcSanitize(message.summary) }}
          />
        )}
        {children}
        {auth?.showTryAnotherWayLink && (
          <form id="kc-select-try-another-way-form" action={url.loginAction} method="post" className="kp-stack">
            <input type="hidden" name="tryAnotherWay" value="on" />
            <button type="submit" className="kp-link-button" id="try-another-way">
              {msg("kenpoTryAnotherWay")}
            </button>
          </form>
        )}
        {socialProvidersNode}
        {displayInfo && infoNode}
      </main>
    </div>
  );
}

/**
 * Keycloak's authChecker notices when the same login finished in another tab (e.g. after the
 * email link) and reloads. Plain module script; jsdom never runs it.
 */
function useSessionChecker(kcContext: KcContext) {
  const { url, authenticationSession, scripts } = kcContext;
  useEffect(() => {
    // Scripts the realm's theme configuration adds (kcContext.scripts), as the stock template does.
    for (const src of scripts ?? []) {
      if (document.querySelector(`script[src="${CSS.escape(src)}"]`) !== null) continue;
      const extra = document.createElement("script");
      extra.src = src;
      document.head.appendChild(extra);
    }
    const id = "kenpo-auth-checker";
    if (document.getElementById(id) !== null) return;
    const script = document.createElement("script");
    script.id = id;
    script.type = "module";
    script.textContent = [
      `import { startSessionPolling, checkAuthSession } from ${JSON.stringify(`${url.resourcesPath}/js/authChecker.js`)};`,
      `startSessionPolling(${JSON.stringify(url.ssoLoginInOtherTabsUrl)});`,
      authenticationSession === undefined
        ? ""
        : `checkAuthSession(${JSON.stringify(authenticationSession.authSessionIdHash)});`,
    ].join("\n");
    document.head.appendChild(script);
  }, [scripts, url.resourcesPath, url.ssoLoginInOtherTabsUrl, authenticationSession]);
}
