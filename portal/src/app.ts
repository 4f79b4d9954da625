/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import Keycloak from "keycloak-js";
import { ACR, REQUIRED_ACTION } from "../../contracts/index.js";
import { parsePortalConfig } from "./config.js";

/**
 * The demo member page: the society's portal as a member sees it. Everything an integrator needs
 * is in `start()`; the rest only shows what keycloak-js knows.
 */

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function show(state: "loading" | "anonymous" | "member" | "error"): void {
  document.body.dataset.state = state;
  for (const section of document.querySelectorAll<HTMLElement>("[data-when]")) {
    section.hidden = section.dataset.when !== state;
  }
}

function showError(ja: string, en: string, detail?: string): void {
  $("error-ja").textContent = ja;
  $("error-en").textContent = en;
  $("error-detail").textContent = detail ?? "";
  show("error");
}

function showMember(keycloak: Keycloak): void {
  const id = keycloak.idTokenParsed ?? {};
  // Japanese order: family name first.
  const name = [id.family_name, id.given_name].filter(Boolean).join(" ") || (id.name as string | undefined) || "";
  $("member-name").textContent = name;
  $("member-user-id").textContent = (id.preferred_username as string | undefined) ?? "";
  renderSession(keycloak);
  show("member");
}

function renderSession(keycloak: Keycloak): void {
  const exp = keycloak.tokenParsed?.exp;
  $("session-expires").textContent = exp ? new Date(exp * 1000).toLocaleTimeString("ja-JP") : "";
}

async function start(): Promise<void> {
  show("loading");
  const response = await fetch("config.json", { cache: "no-store" });
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  const config = parsePortalConfig(await response.json());

  const keycloak = new Keycloak({ url: config.keycloakUrl, realm: config.realm, clientId: config.clientId });
  // Come back to this page (without the callback fragment) after login and logout.
  const home = `${location.origin}${location.pathname}`;
  // The portal shows health data: every login must end with a registered factor (acr "mfa"). Asked
  // as essential, Keycloak refuses to finish a login below it instead of issuing a weaker token.
  const login = (options: { action?: string } = {}) =>
    keycloak.login({ redirectUri: home, acr: { values: [ACR.mfa], essential: true }, ...options });

  // Tokens are short-lived: refresh when one expires; when the refresh fails (the session ended at
  // Keycloak: idle timeout, logout elsewhere, lockout) the member logs in again.
  keycloak.onTokenExpired = () => {
    keycloak
      .updateToken(30)
      .then(() => {
        const status = $("session-status");
        status.dataset.refreshes = String(Number(status.dataset.refreshes ?? "0") + 1);
        renderSession(keycloak);
      })
      .catch(() => {
        $("session-ended").hidden = false;
        return login();
      });
  };

  // Back from adding a device: say how it went (keycloak-js reads kc_action_status from the callback).
  keycloak.onActionUpdate = (status) => {
    const words = {
      success: "デバイスを追加しました。 Your device was added.",
      cancelled: "デバイスの追加を取りやめました。 Adding a device was cancelled.",
      error:
        "デバイスを追加できませんでした。もう一度お試しください。 The device could not be added; please try again.",
    } as const;
    const notice = $("action-status");
    notice.textContent = words[status];
    notice.dataset.status = status;
    notice.hidden = false;
  };

  try {
    // No onLoad: the page stays anonymous until the member presses the button. The login iframe is
    // off because browsers block third-party cookies when Keycloak is on another site.
    await keycloak.init({ pkceMethod: "S256", checkLoginIframe: false });
  } catch (error) {
    const e = error as { error?: string; error_description?: string };
    $("login-button").addEventListener("click", () => void login());
    showError(
      "ログインが完了しませんでした。もう一度「Login with OpenID Connect」からお進みください。",
      "The login did not complete. Please start again with “Login with OpenID Connect”.",
      e?.error ? `${e.error}${e.error_description ? `: ${e.error_description}` : ""}` : String(error),
    );
    $("error-retry").hidden = false;
    $("error-retry").addEventListener("click", () => void login());
    return;
  }

  $("login-button").addEventListener("click", () => void login());
  // `?login` (the login link `npm start` prints) starts the login at once; the way back drops it (home).
  if (!keycloak.authenticated && new URLSearchParams(location.search).has("login")) return login();
  // A second device (a new phone) is one of Keycloak's application-initiated actions: the member's
  // session is reused and Keycloak shows only the set-up page, then returns here.
  $("add-passkey").addEventListener("click", () => void login({ action: REQUIRED_ACTION.registerPasskey }));
  $("add-otp").addEventListener("click", () => void login({ action: REQUIRED_ACTION.configureTotp }));
  $("account-link").addEventListener("click", (event) => {
    event.preventDefault();
    void keycloak.accountManagement();
  });
  $("logout-link").addEventListener("click", (event) => {
    event.preventDefault();
    void keycloak.logout({ redirectUri: home });
  });

  if (keycloak.authenticated && keycloak.tokenParsed?.acr !== ACR.mfa) {
    // Never show a member's page on a weaker login, whatever Keycloak was configured to allow.
    showError(
      "多要素認証（生体認証またはワンタイムパスワード）が確認できませんでした。もう一度ログインしてください。",
      "Multi-factor authentication (biometrics or a one-time password) was not confirmed. Please log in again.",
      `acr: ${String(keycloak.tokenParsed?.acr)}`,
    );
    $("error-retry").hidden = false;
    $("error-retry").addEventListener("click", () => void login());
    return;
  }
  if (keycloak.authenticated) showMember(keycloak);
  else show("anonymous");
}

start().catch((error: unknown) => {
  showError("ページを表示できませんでした。", "The page could not be shown.", String(error));
});
