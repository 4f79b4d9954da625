import { renderToString } from "react-dom/server";
import { FORM_ATTRIBUTE, LOCALES, PAGE, REALM_TEXT, type Locale } from "../../../contracts";
import KcPage from "../login/KcPage";
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
export const SHELL_PAGES: Partial<Record<PageId, { when: string; showsUsername: boolean }>> = {
  "login.ftl": { when: "!(message??)", showsUsername: false },
  [PAGE.birthdate]: { when: "!(message??)", showsUsername: true },
  [PAGE.terms]: { when: "!(message??)", showsUsername: true },
  [PAGE.methodChoice]: { when: "!(message??)", showsUsername: true },
  [PAGE.emailCode]: { when: `!(message??) && !(${FORM_ATTRIBUTE.emailEntry}??)`, showsUsername: true },
  "login-update-password.ftl": { when: "!(message??) && !(isAppInitiatedAction??)", showsUsername: true },
  "login-config-totp.ftl": { when: "!(message??) && !(isAppInitiatedAction??) && !(mode??)", showsUsername: true },
  "webauthn-register.ftl": {
    when: "!(message??) && !(isAppInitiatedAction??) && !(isSetRetry?has_content)",
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

/** Buttons that only scripts make work: disabled until the bundle has taken over. */
function disableScriptButtons(html: string): string {
  return html.replace(/<button type="button"(?![^>]*\sdisabled)/g, '<button type="button" disabled=""');
}

function shell(pageId: PageId, locale: Locale, showsUsername: boolean): string {
  const x = new Expressions();
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
    } as never,
  });
  return shellLogo(x.fill(disableScriptButtons(renderToString(<KcPage kcContext={kcContext} />))));
}

/** Page id → the FreeMarker that shows its shell in the request's language, when the page matches. */
export function renderShells(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(SHELL_PAGES).map(([pageId, { when, showsUsername }]) => {
      const [first, ...others] = LOCALES;
      const byLocale = others
        .map((tag) => `<#elseif lang == "${tag}">${shell(pageId as PageId, tag, showsUsername)}`)
        .join("");
      return [
        pageId,
        `<#if ${when}><#assign lang = (locale.currentLanguageTag)!"${first}"><#if lang == "${first}">${shell(pageId as PageId, first, showsUsername)}${byLocale}</#if></#if>`,
      ];
    }),
  );
}
