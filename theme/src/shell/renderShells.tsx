import { renderToString } from "react-dom/server";
import { FORM_ATTRIBUTE, LOCALES, PAGE, REALM_TEXT, type Locale } from "../../../contracts";
import KcPage from "../login/KcPage";
import { SET_UP_HERE_HINT_ID, SET_UP_HERE_TARGET } from "../login/components/FirstLoginDone";
import { SMARTPHONE_USER_AGENT } from "../login/lib/deviceName";
import { getKcContextMock, type PageId } from "../login/mocks";
import { SHELL_LOGO_PLACEHOLDER, shellLogo } from "./brandFtl";

/**
 * Each member-journey page's static shell, rendered at build time by React from the page's own
 * components, so the HTML Keycloak serves shows the header, title and form before any script has run
 * (`npm run bench:theme`: a phone on 3G waits seconds for the bundle). Values that differ per request
 * are FreeMarker expressions: the mock carries a token where the page prints one, and the token is
 * replaced by `${expression}` afterwards (Keycloak's templates escape interpolations as HTML).
 *
 * A shell is only the first paint: the bundle then renders the page from the real kcContext and
 * takes over what the member typed (takeOver.ts). Where the real page would differ from the shell
 * (an error shown, a retry, an app-initiated action), `when` leaves the shell out.
 */
interface ShellPage {
  /** FreeMarker: when the real page looks like the shell. A page with a message (but its notice) never does. */
  when: string;
  showsUsername: boolean;
  /**
   * Keycloak opens this required action with a notice (a warning-type message, in our words): the shell shows
   * it too, and is also used without one.
   */
  notice?: true;
}

/** The shells show the first login's step: not on ④ for an active member (FORM_ATTRIBUTE.pastFirstLogin). */
const inFirstLogin = `!(${FORM_ATTRIBUTE.pastFirstLogin}??)`;

export const SHELL_PAGES: Partial<Record<PageId, ShellPage>> = {
  "login.ftl": { when: "true", showsUsername: false },
  [PAGE.birthdate]: { when: "true", showsUsername: true },
  [PAGE.terms]: { when: inFirstLogin, showsUsername: true },
  [PAGE.methodChoice]: { when: "true", showsUsername: true },
  [PAGE.emailCode]: { when: `!(${FORM_ATTRIBUTE.emailEntry}??)`, showsUsername: true },
  // Not the forgotten password's ⑥ (Keycloak's resetPasswordMessage): the shell is the first login's.
  "login-update-password.ftl": {
    when: `!(isAppInitiatedAction??) && !(message?? && message.summary == msg("resetPasswordMessage"))`,
    showsUsername: true,
    notice: true,
  },
  "login-config-totp.ftl": { when: "!(isAppInitiatedAction??) && !(mode??)", showsUsername: true, notice: true },
  "webauthn-register.ftl": {
    when: "!(isAppInitiatedAction??) && !(isSetRetry?has_content)",
    showsUsername: true,
  },
};

/** A FreeMarker expression as a token React prints unchanged (letters and digits only). */
class Expressions {
  private readonly list: string[] = [];
  token(expression: string): string {
    this.list.push(expression);
    return `kpftl${this.list.length - 1}x`;
  }
  fill(html: string): string {
    return html.replace(/kpftl(\d+)x/g, (_, n: string) => `\${${this.list[Number(n)]}}`);
  }
}

/**
 * ⑧'s "set up here" works before the bundle: a tap notes itself in the address (not relative to the page's
 * <base>), and the page opens the set-up when its scripts start (FirstLoginDone.tsx).
 */
function setUpHereBeforeScripts(html: string): string {
  return html.replace(
    /<button type="button"(?=[^>]*\sid="kp-set-up-here")/,
    `<button type="button" onclick="location.hash='${SET_UP_HERE_TARGET}'"`,
  );
}

const IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148";

function deviceHint(html: string): string | undefined {
  return new RegExp(`<p [^>]*id="${SET_UP_HERE_HINT_ID}"[^>]*>(.*?)</p>`).exec(html)?.[1];
}

/**
 * The shells are rendered as on a computer. Where a page's hint reads differently on a smartphone, a
 * one-line script right after it puts the phone's text in before the member has read the other one
 * (the bundle, seconds later on 3G, then renders the same text).
 */
function phoneHintBeforeScripts(html: string, renderOnPhone: () => string): string {
  const computer = deviceHint(html);
  if (computer === undefined) return html;
  const phone = deviceHint(renderOnPhone());
  if (phone === undefined) throw new Error(`theme shells: ${SET_UP_HERE_HINT_ID} is missing when rendered on a phone`);
  if (phone === computer) return html;
  // Already HTML as React wrote it: it goes in as innerHTML, a JSON string in which no "<" can close the script.
  const text = JSON.stringify(phone).replace(/</g, "\\u003c");
  const script = `<script>if(${SMARTPHONE_USER_AGENT}.test(navigator.userAgent))document.getElementById("${SET_UP_HERE_HINT_ID}").innerHTML=${text}</script>`;
  return html.replace(new RegExp(`<p [^>]*id="${SET_UP_HERE_HINT_ID}"[^>]*>.*?</p>`), (hint) => hint + script);
}

/** Renders with the user agent of a smartphone. */
function onPhone(render: () => string): string {
  const own = Object.getOwnPropertyDescriptor(navigator, "userAgent");
  Object.defineProperty(navigator, "userAgent", { value: IPHONE, configurable: true });
  try {
    return render();
  } finally {
    if (own) Object.defineProperty(navigator, "userAgent", own);
    else delete (navigator as unknown as Record<string, unknown>).userAgent;
  }
}

/** Other buttons that only scripts make work: disabled until the bundle has taken over. */
function disableScriptButtons(html: string): string {
  return html.replace(/<button type="button"(?![^>]*\s(disabled|onclick)=)/g, '<button type="button" disabled=""');
}

/** Shows the notice's box only when Keycloak sent one (its text is a token until `fill`). */
function noticeWhenSent(html: string, token: string): string {
  const box = new RegExp(`<div [^>]*class="kp-alert kp-alert--warning"[^>]*>${token}</div>`);
  if (!box.test(html)) throw new Error(`theme shells: the required action's notice (${token}) is not in the shell`);
  return html.replace(box, (found) => `<#if message??>${found}</#if>`);
}

function shell(pageId: PageId, locale: Locale, showsUsername: boolean, notice: boolean): string {
  const x = new Expressions();
  const noticeText = x.token("kcSanitize(message.summary)?no_esc");
  const messages = {
    ...Object.fromEntries(
      Object.values(REALM_TEXT).map((key) => [
        key,
        // termsText may carry HTML, sanitized as Keycloak's own terms page does.
        x.token(key === REALM_TEXT.termsText ? `kcSanitize(msg("${key}"))?no_esc` : `msg("${key}")`),
      ]),
    ),
    // The brand is FreeMarker's (brandFtl.ts): the colour is set in the page's head, the logo swapped in below.
    [REALM_TEXT.brandColor]: "",
    [REALM_TEXT.brandColorDark]: "",
    [REALM_TEXT.brandLogo]: SHELL_LOGO_PLACEHOLDER,
  };
  const mockUrls = getKcContextMock({ pageId }).url as Record<string, unknown>;
  const urls = Object.fromEntries(
    Object.entries(mockUrls)
      .filter(([, value]) => typeof value === "string")
      .map(([key]) => [key, x.token(`(url.${key})!""`)]),
  );
  const supported = (tag: string, field: "url" | "label") =>
    x.token(
      `(locale.supported?filter(l -> l.languageTag == "${tag}")?first.${field})!"${field === "url" ? "#" : tag}"`,
    );
  const kcContext = getKcContextMock({
    pageId,
    overrides: {
      locale: {
        currentLanguageTag: locale,
        supported: LOCALES.map((tag) => ({
          languageTag: tag,
          label: supported(tag, "label"),
          url: supported(tag, "url"),
        })),
      },
      // What desired-realm.ts sets for every society.
      realm: { rememberMe: false, registrationAllowed: false, resetPasswordAllowed: true, password: true },
      url: urls,
      login: { username: x.token('(login.username)!""') },
      auth: showsUsername
        ? { showUsername: true, attemptedUsername: x.token('(auth.attemptedUsername)!""') }
        : { showUsername: false },
      [FORM_ATTRIBUTE.currentUserId]: x.token(`(${FORM_ATTRIBUTE.currentUserId})!""`),
      [FORM_ATTRIBUTE.emailShown]: x.token(`(${FORM_ATTRIBUTE.emailShown})!""`),
      [FORM_ATTRIBUTE.emailCodeMinutes]: x.token(`(${FORM_ATTRIBUTE.emailCodeMinutes})!""`),
      "x-keycloakify": { messages },
      message: notice ? { type: "warning", summary: noticeText } : undefined,
      // Keycloakify's mock of the passkey page is the portal's "add a device"; a shell is never used for one.
      isAppInitiatedAction: undefined,
    } as never,
  });
  const render = () => renderToString(<KcPage kcContext={kcContext} />);
  let html = disableScriptButtons(setUpHereBeforeScripts(phoneHintBeforeScripts(render(), () => onPhone(render))));
  if (notice) html = noticeWhenSent(html, noticeText);
  const filled = x.fill(html);
  // A token left over would reach members as text (or, inside the hint's script, as a broken string).
  if (/kpftl\d+x/.test(filled)) throw new Error(`theme shells: ${pageId} (${locale}) keeps an unfilled expression`);
  return shellLogo(filled);
}

/** Page id → the FreeMarker that shows its shell in the request's language, when the page matches. */
export function renderShells(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(SHELL_PAGES).map(([pageId, { when, showsUsername, notice = false }]) => {
      const [first, ...others] = LOCALES;
      const render = (tag: Locale) => shell(pageId as PageId, tag, showsUsername, notice);
      const byLocale = others.map((tag) => `<#elseif lang == "${tag}">${render(tag)}`).join("");
      // An error (or, on other pages, any message) changes the page: no shell then.
      const message = notice ? `(!(message??) || message.type == "warning")` : "!(message??)";
      return [
        pageId,
        `<#if ${message} && ${when}><#assign lang = (locale.currentLanguageTag)!"${first}"><#if lang == "${first}">${render(first)}${byLocale}</#if></#if>`,
      ];
    }),
  );
}
