import { createHash, randomBytes } from "node:crypto";
import { runInNewContext } from "node:vm";
import * as cheerio from "cheerio";
import makeFetchCookie from "fetch-cookie";
import { CookieJar } from "tough-cookie";

/**
 * A browser without a browser: a cookie jar, manual redirects and form posts, enough to walk
 * Keycloak's login pages over plain HTTP the way a member's browser does.
 */

export interface Page {
  url: string;
  status: number;
  html: string;
  $: cheerio.CheerioAPI;
  /** Keycloakify pages carry their data in a script and render the form in the browser. */
  kcContext?: KcContext;
}

export interface KcContext {
  pageId: string;
  url: { loginAction: string; [key: string]: unknown };
  message?: { type: string; summary: string };
  messagesPerField?: { get(field: string): string; existsError(...fields: string[]): boolean };
  [key: string]: unknown;
}

/**
 * Runs the page's first script (Keycloakify's kcContext declaration) in an empty sandbox with just
 * enough of window/document for it to finish, and returns the context it built.
 */
export function readKcContext($: cheerio.CheerioAPI): KcContext | undefined {
  const script = $("script")
    .map((_, el) => $(el).html() ?? "")
    .get()
    .find((code) => code.includes("const kcContext"));
  if (!script) return undefined;
  const sandbox: Record<string, unknown> = {
    window: { location: { href: "http://localhost/" } },
    // Keycloakify decodes messages through a <textarea>; this one decodes the few entities Keycloak emits.
    document: {
      createElement: () => ({
        value: "",
        set innerHTML(html: string) {
          this.value = html
            .replace(/&#(\d+);/g, (_m: string, code: string) => String.fromCharCode(Number(code)))
            .replace(/&quot;/g, '"')
            .replace(/&#39;|&apos;/g, "'")
            .replace(/&lt;/g, "<")
            .replace(/&gt;/g, ">")
            .replace(/&amp;/g, "&");
        },
      }),
    },
    console: { log: () => undefined },
    URL,
  };
  sandbox.window = Object.assign(sandbox.window as object, sandbox);
  // The declaration ends by handing kcContext to the page; capture it instead.
  runInNewContext(`${script}\n;this.__kcContext = kcContext;`, sandbox, { timeout: 1000 });
  return sandbox.__kcContext as KcContext;
}

export interface AuthorizationRequest {
  authUrl: string;
  verifier: string;
  state: string;
  redirectUri: string;
  clientId: string;
  tokenUrl: string;
}

const base64url = (buf: Buffer) => buf.toString("base64url");

export function authorizationRequest(
  keycloakUrl: string,
  realm: string,
  clientId: string,
  redirectUri: string,
  extra: Record<string, string> = {},
): AuthorizationRequest {
  const verifier = base64url(randomBytes(32));
  const challenge = base64url(createHash("sha256").update(verifier).digest());
  const state = base64url(randomBytes(12));
  const oidc = `${keycloakUrl}/realms/${realm}/protocol/openid-connect`;
  const params = new URLSearchParams({
    client_id: clientId,
    redirect_uri: redirectUri,
    response_type: "code",
    scope: "openid",
    state,
    code_challenge: challenge,
    code_challenge_method: "S256",
    ...extra,
  });
  return { authUrl: `${oidc}/auth?${params}`, verifier, state, redirectUri, clientId, tokenUrl: `${oidc}/token` };
}

export class HttpBrowser {
  readonly jar = new CookieJar();
  private readonly fetchWithCookies = makeFetchCookie(fetch, this.jar);
  /** Every page the member saw, in order (URL of each rendered HTML page). */
  readonly visited: string[] = [];
  /**
   * Origin → origin: requests to the first go to the second, as a load balancer sends a member to
   * another node of a cluster (same cookies, same links, another server).
   */
  readonly routes = new Map<string, string>();

  /** The URL this browser really requests for `url`, after `routes`. */
  routed(url: string): string {
    const parsed = new URL(url);
    const target = this.routes.get(parsed.origin);
    return target ? `${target}${parsed.pathname}${parsed.search}${parsed.hash}` : url;
  }

  constructor(private readonly acceptLanguage = "ja") {}

  /** Follows redirects until an HTML page or a URL that starts with `stopAt` (the client's redirect URI). */
  async navigate(url: string, init: RequestInit = {}, stopAt?: string): Promise<Page | { redirectedTo: string }> {
    let current = url;
    let request: RequestInit = init;
    for (let hops = 0; hops < 20; hops += 1) {
      if (stopAt && current.startsWith(stopAt)) return { redirectedTo: current };
      current = this.routed(current);
      const res = await this.fetchWithCookies(current, {
        ...request,
        redirect: "manual",
        headers: { "accept-language": this.acceptLanguage, ...(request.headers ?? {}) },
      });
      if (res.status >= 300 && res.status < 400) {
        const location = res.headers.get("location");
        if (!location) throw new Error(`redirect without location from ${current}`);
        current = new URL(location, current).toString();
        request = {};
        continue;
      }
      const html = await res.text();
      this.visited.push(current);
      const $ = cheerio.load(html);
      const kcContext = readKcContext($);
      return { url: current, status: res.status, html, $, ...(kcContext ? { kcContext } : {}) };
    }
    throw new Error(`too many redirects from ${url}`);
  }

  /**
   * Submits the page's form (the first, or the one matching `selector`) with its own hidden and
   * pre-filled fields plus `fields`, as a browser would.
   */
  async submit(
    page: Page,
    fields: Record<string, string>,
    options: { selector?: string; stopAt?: string } = {},
  ): Promise<Page | { redirectedTo: string }> {
    if (page.kcContext && page.$("form").length === 0) {
      // A Keycloakify page: post to the page's action URL with the fields its form would send.
      return this.navigate(
        page.kcContext.url.loginAction,
        {
          method: "POST",
          body: new URLSearchParams(fields),
          headers: { "content-type": "application/x-www-form-urlencoded" },
        },
        options.stopAt,
      );
    }
    const form = options.selector ? page.$(options.selector).first() : page.$("form").first();
    if (form.length === 0) throw new Error(`no form ${options.selector ?? ""} on ${page.url}:\n${summarize(page)}`);
    const action = form.attr("action");
    if (!action) throw new Error(`form without action on ${page.url}`);
    const body = new URLSearchParams();
    form.find("input").each((_, el) => {
      const input = page.$(el);
      const name = input.attr("name");
      const type = (input.attr("type") ?? "text").toLowerCase();
      if (!name || type === "submit" || type === "button" || name in fields) return;
      if ((type === "checkbox" || type === "radio") && input.attr("checked") === undefined) return;
      body.append(name, input.attr("value") ?? "");
    });
    for (const [name, value] of Object.entries(fields)) body.append(name, value);
    return this.navigate(
      new URL(action.replace(/&amp;/g, "&"), page.url).toString(),
      {
        method: "POST",
        body,
        headers: { "content-type": "application/x-www-form-urlencoded" },
      },
      options.stopAt,
    );
  }
}

export function isPage(result: Page | { redirectedTo: string }): result is Page {
  return "html" in result;
}

export function expectPage(result: Page | { redirectedTo: string }, what: string): Page {
  if (!isPage(result)) throw new Error(`expected ${what}, but was redirected to ${result.redirectedTo}`);
  return result;
}

/** The URL a login redirected to (the client's redirect URI with a code or an error); a page instead fails with its summary. */
export function expectRedirect(result: Page | { redirectedTo: string }, what: string): string {
  if (isPage(result))
    throw new Error(`${what}: expected the redirect back to the client, got a page\n${summarize(result)}`);
  return result.redirectedTo;
}

/** The page's id: "login.ftl", "login-birthdate.ftl", … (Keycloakify pages) or the stock form's id. */
export function pageId(page: Page): string {
  return page.kcContext?.pageId ?? page.$("form").first().attr("id") ?? "(unknown)";
}

/** Keycloak shows the login form (again): the credentials were not accepted. */
export function isLoginForm(page: Page): boolean {
  return page.kcContext
    ? page.kcContext.pageId === "login.ftl"
    : page.$("input[name=username]").length > 0 && page.$("input[name=password]").length > 0;
}

/** One password login at the member portal's client: true when Keycloak accepted the password (any next page but the login form). */
export async function passwordAccepted(
  keycloakUrl: string,
  realm: string,
  username: string,
  password: string,
): Promise<boolean> {
  const request = authorizationRequest(keycloakUrl, realm, "member-portal", "http://localhost:5173/cb");
  const browser = new HttpBrowser();
  const page = expectPage(await browser.navigate(request.authUrl), "login page");
  const next = await browser.submit(page, { username, password }, { stopAt: request.redirectUri });
  return !isPage(next) || !isLoginForm(next);
}

/** The error/info text Keycloak shows on a page (the theme's alert or field errors). */
export function pageMessages(page: Page): string {
  if (page.kcContext) return page.kcContext.message?.summary ?? "";
  return page
    .$("[role=alert], .alert, .kc-feedback-text, [id^=input-error], .pf-m-error, .kenpo-error")
    .map((_, el) => page.$(el).text().trim())
    .get()
    .filter(Boolean)
    .join(" | ");
}

export function summarize(page: Page): string {
  const title = page.$("title").text().trim();
  const heading = page.$("h1").first().text().trim();
  return `${page.status} ${page.url}\n  page: ${pageId(page)}\n  title: ${title}\n  h1: ${heading}\n  messages: ${pageMessages(page)}`;
}

export interface Tokens {
  access_token: string;
  id_token: string;
  refresh_token: string;
}

/** Exchanges the code from the final redirect for tokens (public client + PKCE verifier). */
export async function exchangeCode(request: AuthorizationRequest, redirectedTo: string): Promise<Tokens> {
  const url = new URL(redirectedTo);
  const error = url.searchParams.get("error");
  if (error) throw new Error(`authorization failed: ${error} ${url.searchParams.get("error_description") ?? ""}`);
  if (url.searchParams.get("state") !== request.state) throw new Error("state mismatch");
  const code = url.searchParams.get("code");
  if (!code) throw new Error(`no code in ${redirectedTo}`);
  const res = await fetch(request.tokenUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code,
      redirect_uri: request.redirectUri,
      client_id: request.clientId,
      code_verifier: request.verifier,
    }),
  });
  const json = (await res.json()) as Tokens & { error?: string; error_description?: string };
  if (!res.ok) throw new Error(`token request failed: ${json.error} ${json.error_description ?? ""}`);
  return json;
}

export function decodeJwt(token: string): Record<string, unknown> {
  const [, payload] = token.split(".");
  return JSON.parse(Buffer.from(payload ?? "", "base64url").toString("utf8")) as Record<string, unknown>;
}
