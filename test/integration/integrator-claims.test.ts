import { ACR, FORM_FIELD, METHOD, PAGE, REQUIRED_ACTION, STAGE, USER_ATTRIBUTE } from "../../contracts/index.js";
import { MINIMUM_ACR_ATTRIBUTE } from "../../realm-config/flows.js";
import {
  authorizationRequest,
  decodeJwt,
  exchangeCode,
  expectPage,
  expectRedirect,
  HttpBrowser,
  isPage,
  pageId,
  type Page,
  type Tokens,
} from "../../journeys/http-login.js";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import * as oidc from "openid-client";
import { Secret, TOTP } from "otpauth";
import { createTestMember } from "../../members/test-member.js";
import { createRemoteJWKSet, jwtVerify } from "jose";
import { provisionTestRealm, testConfig } from "../../journeys/realm.js";
import { applyRealm, planRealm } from "../../realm-config/provision.js";
import { portalClientSchema, type PortalClientConfig } from "../../realm-config/schema.js";
import { otpApp, otpCredential, seededUser } from "../../journeys/seed.js";

/**
 * What an application pointed at a member realm gets, measured: the discovery document, the claims of the
 * ID token, the access token and userinfo, the lifetimes, SSO, step-up, refresh and logout. docs/integrators.md
 * cites these figures; when Keycloak or the realm config changes them, this file fails first.
 */

const REDIRECT = "http://localhost:5173/callback";
const POST_LOGOUT = "http://localhost:5173/";
/** Ask for level mfa as essential, as the guide tells apps to. */
const MFA_CLAIMS = JSON.stringify({ id_token: { acr: { essential: true, values: [ACR.mfa] } } });

/** Card data chosen long enough that finding them in a token cannot be chance. */
const HANAKO = {
  username: "suzuki.hanako",
  password: "Claims-Test-Pass-2026",
  secret: "ClaimsTestSecret-0123",
  symbol: "80417263",
  number: "5938271604",
  branch: "083",
  birthdate: "1979-03-14",
  email: "suzuki.family@example.test",
  firstName: "花子",
  lastName: "鈴木",
};
/** Her daughter: same family mailbox, her own account. */
const MISAKI = {
  username: "suzuki.misaki",
  password: "Claims-Test-Pass-2027",
  secret: "ClaimsTestSecret-4567",
  symbol: "80417263",
  number: "5938271605",
  branch: "084",
  birthdate: "2004-11-27",
  email: HANAKO.email,
  firstName: "美咲",
  lastName: "鈴木",
};
type Member = typeof HANAKO;

/** The claims the guide lists, per token. */
const ID_TOKEN_CLAIMS = [
  "acr",
  "at_hash",
  "aud",
  "auth_time",
  "azp",
  "email",
  "email_verified",
  "exp",
  "family_name",
  "given_name",
  "iat",
  "iss",
  "jti",
  "name",
  "nonce",
  "preferred_username",
  "sid",
  "sub",
  "typ",
];
const ACCESS_TOKEN_CLAIMS = [
  "acr",
  "allowed-origins",
  "aud",
  "auth_time",
  "azp",
  "email",
  "email_verified",
  "exp",
  "family_name",
  "given_name",
  "iat",
  "iss",
  "jti",
  "name",
  "preferred_username",
  "realm_access",
  "resource_access",
  "scope",
  "sid",
  "sub",
  "typ",
];
const USERINFO_CLAIMS = ["email", "email_verified", "family_name", "given_name", "name", "preferred_username", "sub"];

/** A fresh OTP code per call: the current period's, then the neighbours' (the realm accepts ±1 period), never one twice. */
function codesFor(secret: string): () => Promise<string> {
  const totp = otpApp(secret);
  const used = new Set<string>();
  return async () => {
    for (;;) {
      for (const offset of [0, 30_000, -30_000]) {
        const value = totp.generate({ timestamp: Date.now() + offset });
        if (!used.has(value)) {
          used.add(value);
          return value;
        }
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  };
}

/** As `kenpo import-members` writes a member: with the realm's default role (members/keycloak-writer.ts). */
function seedMember(m: Member, defaultRole: string, extraAttributes: Record<string, string[]> = {}) {
  const user = seededUser({
    username: m.username,
    number: m.number,
    symbol: m.symbol,
    birthdate: m.birthdate,
    password: m.password,
    email: m.email,
    firstName: m.firstName,
    lastName: m.lastName,
    attributes: {
      [USER_ATTRIBUTE.branch]: [m.branch],
      [USER_ATTRIBUTE.stage]: [STAGE.active],
      [USER_ATTRIBUTE.mfaMethod]: [METHOD.otp],
      [USER_ATTRIBUTE.termsVersion]: ["2026-12"],
      [USER_ATTRIBUTE.termsAcceptedAt]: ["1796000000"],
      ...extraAttributes,
    },
    credentials: [otpCredential(m.secret)],
  });
  return { ...user, realmRoles: [defaultRole] };
}

/** Password + OTP on Keycloak's pages, from the login page `page` to the redirect back to `redirect` with a code. */
async function passwordAndOtp(
  on: HttpBrowser,
  page: Page,
  m: Member,
  codes: Record<string, () => Promise<string>>,
  redirect = REDIRECT,
  typedUserId = m.username,
): Promise<string> {
  expect(pageId(page)).toBe("login.ftl");
  const otpPage = expectPage(
    await on.submit(page, { username: typedUserId, password: m.password }, { stopAt: redirect }),
    "the OTP page",
  );
  expect(pageId(otpPage)).toBe("login-otp.ftl");
  return expectRedirect(
    await on.submit(otpPage, { otp: await codes[m.username]!() }, { stopAt: redirect }),
    "after the OTP code",
  );
}

/** Every key at any depth of a JSON value. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]);
  return [];
}

/** Every string or number at any depth of a JSON value. */
function valuesOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(valuesOf);
  if (value && typeof value === "object") return Object.values(value).flatMap(valuesOf);
  return value === null || value === undefined ? [] : [typeof value === "string" ? value : JSON.stringify(value)];
}

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  userinfo_endpoint: string;
  end_session_endpoint: string;
  jwks_uri: string;
  revocation_endpoint: string;
  introspection_endpoint: string;
  check_session_iframe: string;
  code_challenge_methods_supported: string[];
  acr_values_supported: string[];
  scopes_supported: string[];
  response_types_supported: string[];
  grant_types_supported: string[];
  id_token_signing_alg_values_supported: string[];
  claims_parameter_supported: boolean;
  frontchannel_logout_supported: boolean;
  frontchannel_logout_session_supported: boolean;
  backchannel_logout_supported: boolean;
  backchannel_logout_session_supported: boolean;
  [key: string]: unknown;
}

describe("what an integrator's app gets from a member realm", () => {
  let realm: Awaited<ReturnType<typeof provisionTestRealm>>;
  let discovery: Discovery;
  const codes = { [HANAKO.username]: codesFor(HANAKO.secret), [MISAKI.username]: codesFor(MISAKI.secret) };
  /** Hanako's browser and tokens, shared by the tests below in order (SSO, step-up, refresh, logout). */
  const browser = new HttpBrowser();
  let misakiSub = "";
  const misakiBrowser = new HttpBrowser();
  let first: {
    tokens: Tokens;
    id: Record<string, unknown>;
    access: Record<string, unknown>;
    userinfo: Record<string, unknown>;
  };

  const keycloakUrl = () => realm.config.server.url;
  const clientId = () => realm.config.portalClients[0]!.clientId;
  const request = (extra: Record<string, string> = {}) =>
    authorizationRequest(keycloakUrl(), realm.config.realm, clientId(), REDIRECT, extra);

  async function logIn(on: HttpBrowser, m: Member, typedUserId?: string, extra: Record<string, string> = {}) {
    const req = request({ claims: MFA_CLAIMS, nonce: `n-${m.username}`, ...extra });
    const login = expectPage(await on.navigate(req.authUrl), "the login page");
    const tokens = await exchangeCode(req, await passwordAndOtp(on, login, m, codes, REDIRECT, typedUserId));
    return { req, tokens };
  }

  async function userinfo(accessToken: string): Promise<{ status: number; body: Record<string, unknown> }> {
    const res = await fetch(discovery.userinfo_endpoint, { headers: { authorization: `Bearer ${accessToken}` } });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  }

  async function refresh(refreshToken: string): Promise<{ status: number; body: Record<string, string> }> {
    const res = await fetch(discovery.token_endpoint, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "refresh_token", client_id: clientId(), refresh_token: refreshToken }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, string> };
  }

  /** An SSO login with the same browser: no page on the way, the code comes straight back. */
  async function sso(extra: Record<string, string> = {}) {
    const req = request({ claims: MFA_CLAIMS, ...extra });
    return { req, result: await browser.navigate(req.authUrl, {}, REDIRECT) };
  }

  beforeAll(async () => {
    realm = await provisionTestRealm("claims");
    const defaultRole = (await realm.admin.realms.findOne({ realm: realm.config.realm }))!.defaultRole!.name!;
    await realm.admin.realms.partialImport({
      realm: realm.config.realm,
      rep: {
        ifResourceExists: "FAIL",
        users: [seedMember(HANAKO, defaultRole), seedMember(MISAKI, defaultRole, { locale: ["en"] })],
      },
    });
    const res = await fetch(`${keycloakUrl()}/realms/${realm.config.realm}/.well-known/openid-configuration`);
    expect(res.status).toBe(200);
    discovery = (await res.json()) as Discovery;
  });
  afterAll(() => realm.cleanup());

  test("the discovery document names the realm's endpoints, S256, the acr names and the logout support", () => {
    const base = `${keycloakUrl()}/realms/${realm.config.realm}`;
    const oidc = `${base}/protocol/openid-connect`;
    expect(discovery.issuer).toBe(base);
    expect(discovery.authorization_endpoint).toBe(`${oidc}/auth`);
    expect(discovery.token_endpoint).toBe(`${oidc}/token`);
    expect(discovery.userinfo_endpoint).toBe(`${oidc}/userinfo`);
    expect(discovery.end_session_endpoint).toBe(`${oidc}/logout`);
    expect(discovery.jwks_uri).toBe(`${oidc}/certs`);
    expect(discovery.revocation_endpoint).toBe(`${oidc}/revoke`);
    expect(discovery.code_challenge_methods_supported).toEqual(expect.arrayContaining(["S256"]));
    expect(discovery.acr_values_supported).toEqual(expect.arrayContaining(["password", "mfa"]));
    expect(discovery.scopes_supported).toEqual(
      expect.arrayContaining(["openid", "profile", "email", "offline_access"]),
    );
    expect(discovery.id_token_signing_alg_values_supported).toContain("RS256");
    expect(discovery.claims_parameter_supported).toBe(true);
    expect(discovery.frontchannel_logout_supported).toBe(true);
    expect(discovery.backchannel_logout_supported).toBe(true);
  });

  test("the portal client is public, PKCE S256, minimum acr mfa, with the realm's default scopes", async () => {
    const [client] = await realm.admin.clients.find({ realm: realm.config.realm, clientId: clientId() });
    expect(client).toMatchObject({
      publicClient: true,
      standardFlowEnabled: true,
      implicitFlowEnabled: false,
      directAccessGrantsEnabled: false,
      frontchannelLogout: true,
    });
    expect(client!.attributes).toMatchObject({
      "pkce.code.challenge.method": "S256",
      [MINIMUM_ACR_ATTRIBUTE]: ACR.mfa,
    });
    // Front-channel logout is on, but the society file has no logout URL for it; no back-channel URL either.
    expect(client!.attributes?.["frontchannel.logout.url"] ?? "").toBe("");
    expect(client!.attributes?.["backchannel.logout.url"] ?? "").toBe("");
    const scopes = async (list: typeof realm.admin.clients.listDefaultClientScopes) =>
      (await list({ realm: realm.config.realm, id: client!.id! })).map((s) => s.name).sort();
    expect(await scopes(realm.admin.clients.listDefaultClientScopes.bind(realm.admin.clients))).toEqual([
      "acr",
      "basic",
      "email",
      "profile",
      "roles",
      "web-origins",
    ]);
    expect(await scopes(realm.admin.clients.listOptionalClientScopes.bind(realm.admin.clients))).toEqual([
      "address",
      "microprofile-jwt",
      "organization",
      "phone",
    ]);
  });

  test("password + OTP: the ID token, the access token and userinfo carry the documented claims, acr mfa", async () => {
    // The member types the user ID in capitals: the token says it in lower case.
    const { tokens } = await logIn(browser, HANAKO, "SUZUKI.Hanako");
    const id = decodeJwt(tokens.id_token);
    const access = decodeJwt(tokens.access_token);
    const info = await userinfo(tokens.access_token);
    expect(info.status).toBe(200);
    first = { tokens, id, access, userinfo: info.body };

    expect(Object.keys(id).sort()).toEqual(ID_TOKEN_CLAIMS);
    expect(Object.keys(access).sort()).toEqual(ACCESS_TOKEN_CLAIMS);
    expect(Object.keys(info.body).sort()).toEqual(USERINFO_CLAIMS);

    for (const claims of [id, access]) {
      expect(claims.acr).toBe(ACR.mfa);
      expect(claims.preferred_username).toBe(HANAKO.username);
      expect(claims.family_name).toBe(HANAKO.lastName);
      expect(claims.given_name).toBe(HANAKO.firstName);
      expect(claims.email).toBe(HANAKO.email);
      expect(claims.email_verified).toBe(true);
      expect(claims.iss).toBe(discovery.issuer);
      expect(claims.azp).toBe(clientId());
      expect(typeof claims.auth_time).toBe("number");
      expect(typeof claims.sid).toBe("string");
    }
    // Keycloak's full-name mapper: given name first, a space, then the family name.
    expect(id.name).toBe(`${HANAKO.firstName} ${HANAKO.lastName}`);
    expect(id.typ).toBe("ID");
    expect(
      (JSON.parse(Buffer.from(tokens.id_token.split(".")[0]!, "base64url").toString("utf8")) as { alg: string }).alg,
    ).toBe("RS256");
    expect(id.aud).toBe(clientId());
    expect(id.nonce).toBe(`n-${HANAKO.username}`);
    expect(access.typ).toBe("Bearer");
    // The access token names the app (the audience mapper) beside Keycloak's account client (from the default roles).
    expect(access.aud).toEqual([clientId(), "account"]);
    expect(access["allowed-origins"]).toEqual(expect.arrayContaining(realm.config.portalClients[0]!.webOrigins));
    // Keycloak lists the scopes in no fixed order.
    expect(String(access.scope).split(" ").sort()).toEqual(["email", "openid", "profile"]);
    expect(access.sid).toBe(id.sid);
    expect(info.body.sub).toBe(id.sub);
    expect(access.sub).toBe(id.sub);
    expect(info.body.preferred_username).toBe(HANAKO.username);
  });

  test("no token and no userinfo answer carries the card numbers, the birthdate or a kenpo* attribute", () => {
    const refreshClaims = decodeJwt(first.tokens.refresh_token);
    const all = [first.id, first.access, first.userinfo, refreshClaims];
    const keys = all.flatMap(keysOf);
    expect(keys.filter((k) => /^kenpo/i.test(k))).toEqual([]);
    expect(keys.filter((k) => (Object.values(USER_ATTRIBUTE) as string[]).includes(k))).toEqual([]);
    expect(keys).not.toContain("birthdate");
    const values = all.flatMap(valuesOf);
    const compact = HANAKO.birthdate.replaceAll("-", "");
    for (const secret of [
      HANAKO.symbol,
      HANAKO.number,
      compact,
      HANAKO.birthdate,
      HANAKO.birthdate.replaceAll("-", "/"),
    ]) {
      expect(values.filter((v) => v.includes(secret))).toEqual([]);
    }
    // 枝番 is short: it must not be any claim's whole value.
    expect(values).not.toContain(HANAKO.branch);
    // The raw JWTs too (header and payload as text), in case a value hides inside a longer string.
    for (const raw of [first.tokens.id_token, first.tokens.access_token, first.tokens.refresh_token]) {
      const text = raw
        .split(".")
        .slice(0, 2)
        .map((part) => Buffer.from(part, "base64url").toString("utf8"))
        .join("\n");
      expect(text).not.toMatch(/kenpo/i);
      for (const secret of [HANAKO.symbol, HANAKO.number, compact, HANAKO.birthdate])
        expect(text).not.toContain(secret);
    }
  });

  test("lifetimes: access and ID token 5 minutes, refresh token = SSO idle (30 minutes)", async () => {
    const rep = (await realm.admin.realms.findOne({ realm: realm.config.realm }))!;
    const p = realm.config.policies;
    // Set by provisioning from the society file…
    expect(rep.ssoSessionIdleTimeout).toBe(p.ssoIdleMinutes * 60);
    expect(rep.ssoSessionMaxLifespan).toBe(p.ssoMaxHours * 60 * 60);
    expect(rep.accessCodeLifespanLogin).toBe(p.loginTimeoutMinutes * 60);
    // …and Keycloak's defaults, which provisioning leaves alone.
    expect(rep).toMatchObject({
      accessTokenLifespan: 300,
      accessCodeLifespan: 60,
      revokeRefreshToken: true,
      refreshTokenMaxReuse: 0,
      offlineSessionIdleTimeout: 30 * 24 * 60 * 60,
      offlineSessionMaxLifespanEnabled: false,
    });
    const life = (claims: Record<string, unknown>) => Number(claims.exp) - Number(claims.iat);
    const refreshClaims = decodeJwt(first.tokens.refresh_token);
    // Keycloak truncates iat and exp to seconds separately and reads the clock for each, so a token's life reads a
    // little under 300 on a busy machine (seen 298 to 300).
    for (const token of [first.access, first.id]) {
      expect(life(token)).toBeGreaterThanOrEqual(295);
      expect(life(token)).toBeLessThanOrEqual(300);
    }
    expect(life(refreshClaims)).toBe(realm.config.policies.ssoIdleMinutes * 60);
    expect(refreshClaims.typ).toBe("Refresh");
  });

  test("a second member sharing the email address has her own sub; her locale rides along", async () => {
    const { tokens } = await logIn(misakiBrowser, MISAKI);
    const id = decodeJwt(tokens.id_token);
    misakiSub = String(id.sub);
    expect(id.email).toBe(first.id.email);
    expect(id.sub).not.toBe(first.id.sub);
    expect(id.preferred_username).toBe(MISAKI.username);
    // The member's language on record (Keycloak's locale attribute) rides along everywhere.
    expect(id.locale).toBe("en");
    expect(decodeJwt(tokens.access_token).locale).toBe("en");
    expect((await userinfo(tokens.access_token)).body.locale).toBe("en");
  });

  test("SSO: a second request in the same browser gets a code with no page, the same auth_time and acr mfa", async () => {
    const { req, result } = await sso({ prompt: "none" });
    const tokens = await exchangeCode(req, expectRedirect(result, "the SSO login"));
    const id = decodeJwt(tokens.id_token);
    expect(id.acr).toBe(ACR.mfa);
    expect(id.auth_time).toBe(first.id.auth_time);
    expect(id.sid).toBe(first.id.sid);
    expect(id.sub).toBe(first.id.sub);
  });

  test("step-up: prompt=login, or max_age once the login is older, shows the login page again; auth_time moves on", async () => {
    // A max_age the session still meets: no page.
    const within = await sso({ max_age: "3600" });
    expect(isPage(within.result)).toBe(false);

    let authTime = Number(first.id.auth_time);
    for (const extra of [{ prompt: "login" }, { max_age: "1" }] as Array<Record<string, string>>) {
      // auth_time counts whole seconds: let the last login grow older than max_age.
      await new Promise((r) => setTimeout(r, 2100));
      const { req, result } = await sso(extra);
      const page = expectPage(result, `the login page for ${JSON.stringify(extra)}`);
      const tokens = await exchangeCode(req, await passwordAndOtp(browser, page, HANAKO, codes));
      const id = decodeJwt(tokens.id_token);
      expect(Number(id.auth_time)).toBeGreaterThan(authTime);
      expect(id.acr).toBe(ACR.mfa);
      // The same session, logged in again.
      expect(id.sid).toBe(first.id.sid);
      expect(id.sub).toBe(first.id.sub);
      authTime = Number(id.auth_time);
    }
  });

  test("a renamed user ID (as at ⑤ of the first login) keeps the sub", async () => {
    const r = realm.config.realm;
    const [user] = await realm.admin.users.find({ realm: r, username: MISAKI.username, exact: true });
    // The member renames herself at ⑤ (kenpo-method-choice); the admin API may only with editUsernameAllowed.
    await realm.admin.realms.update({ realm: r }, { editUsernameAllowed: true });
    await realm.admin.users.update({ realm: r, id: user!.id! }, { ...user, username: "misaki.s" });
    await realm.admin.realms.update({ realm: r }, { editUsernameAllowed: false });
    const renamed = { ...MISAKI, username: "misaki.s" };
    codes[renamed.username] = codes[MISAKI.username]!;
    const { tokens } = await logIn(new HttpBrowser(), renamed);
    const id = decodeJwt(tokens.id_token);
    expect(id.preferred_username).toBe("misaki.s");
    expect(id.sub).toBe(user!.id);
    expect(id.sub).toBe(misakiSub);
  });

  test("refresh: new tokens at the same level; the old refresh token is refused from then on (rotation)", async () => {
    const once = await refresh(first.tokens.refresh_token);
    expect(once.status).toBe(200);
    const access = decodeJwt(once.body.access_token!);
    expect(access.acr).toBe(ACR.mfa);
    expect(access.auth_time).toBeGreaterThanOrEqual(Number(first.id.auth_time));
    expect(once.body.refresh_token).not.toBe(first.tokens.refresh_token);
    const again = await refresh(first.tokens.refresh_token);
    expect(again.status).toBe(400);
    expect(again.body.error).toBe("invalid_grant");
    // A replayed refresh token ends the app's refresh chain: the new one is refused too (Keycloak's reuse check).
    const next = await refresh(once.body.refresh_token!);
    expect(next.status).toBe(400);
    expect(next.body.error).toBe("invalid_grant");
  });

  test("offline_access: no member gets an offline token, whichever way an app asks", async () => {
    // The scope is not offered to any client: the authorization request names it and Keycloak refuses.
    const { result } = await sso({ prompt: "none", scope: "openid offline_access" });
    const back = new URL(expectRedirect(result, "the SSO login with offline_access"));
    expect(back.searchParams.get("code")).toBeNull();
    expect(back.searchParams.get("error")).toBe("invalid_scope");
    // And the role Keycloak requires for one is not among the realm's default roles.
    const rep = await realm.admin.realms.findOne({ realm: realm.config.realm });
    const defaults = await realm.admin.roles.getCompositeRolesForRealm({
      realm: realm.config.realm,
      id: rep!.defaultRole!.id!,
    });
    expect(defaults.map((r) => r.name)).not.toContain("offline_access");
  });

  test("errors: an unknown redirect URI, no PKCE, the password grant", async () => {
    const wrong = authorizationRequest(keycloakUrl(), realm.config.realm, clientId(), "http://localhost:5174/callback");
    const page = expectPage(await new HttpBrowser().navigate(wrong.authUrl), "Keycloak's error page");
    // Keycloak never redirects to an unregistered address: it shows its own error page.
    expect(page.status).toBe(400);
    expect(pageId(page)).toBe("error.ftl");

    const noPkce = new URL(request().authUrl);
    noPkce.searchParams.delete("code_challenge");
    noPkce.searchParams.delete("code_challenge_method");
    const missing = new URL(
      expectRedirect(await new HttpBrowser().navigate(noPkce.toString(), {}, REDIRECT), "the request without PKCE"),
    );
    expect(missing.searchParams.get("error")).toBe("invalid_request");
    expect(missing.searchParams.get("error_description")).toBe("Missing parameter: code_challenge_method");

    const grant = await fetch(discovery.token_endpoint, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "password",
        client_id: clientId(),
        username: HANAKO.username,
        password: HANAKO.password,
        scope: "openid",
      }),
    });
    expect(grant.status).toBe(400);
    expect(((await grant.json()) as { error: string }).error).toBe("unauthorized_client");
  });

  test("prompt=none: interaction_required while the member has a step pending", async () => {
    const r = realm.config.realm;
    const [user] = await realm.admin.users.find({ realm: r, username: HANAKO.username, exact: true });
    await realm.admin.users.update(
      { realm: r, id: user!.id! },
      { ...user, requiredActions: [REQUIRED_ACTION.updatePassword] },
    );
    try {
      const { result } = await sso({ prompt: "none" });
      expect(new URL(expectRedirect(result, "prompt=none with a pending step")).searchParams.get("error")).toBe(
        "interaction_required",
      );
    } finally {
      await realm.admin.users.update({ realm: r, id: user!.id! }, { ...user, requiredActions: [] });
    }
  });

  test("access_denied: a member who declines a step Keycloak asks for comes back with an error, not a code", async () => {
    // An admin puts Keycloak's own terms action (TERMS_AND_CONDITIONS) on the member; she declines it.
    const r = realm.config.realm;
    const [user] = await realm.admin.users.find({ realm: r, username: "misaki.s", exact: true });
    await realm.admin.users.update(
      { realm: r, id: user!.id! },
      { ...user, requiredActions: [REQUIRED_ACTION.termsAndConditions] },
    );
    const on = new HttpBrowser();
    const req = request({ claims: MFA_CLAIMS });
    const login = expectPage(await on.navigate(req.authUrl), "the login page");
    const otpPage = expectPage(
      await on.submit(login, { username: "misaki.s", password: MISAKI.password }, { stopAt: REDIRECT }),
      "the OTP page",
    );
    const terms = expectPage(
      await on.submit(otpPage, { otp: await codes["misaki.s"]!() }, { stopAt: REDIRECT }),
      "the terms page",
    );
    expect(pageId(terms)).toBe(PAGE.terms);
    const back = new URL(
      expectRedirect(await on.submit(terms, { [FORM_FIELD.cancel]: "" }, { stopAt: REDIRECT }), "the declined terms"),
    );
    expect(back.searchParams.get("error")).toBe("access_denied");
    expect(back.searchParams.get("code")).toBeNull();
    expect(back.searchParams.get("state")).toBe(req.state);
  });

  test("logout: id_token_hint + post_logout_redirect_uri returns to the app; the session, its refresh token and userinfo end", async () => {
    const end = new URL(discovery.end_session_endpoint);
    end.searchParams.set("id_token_hint", first.tokens.id_token);
    end.searchParams.set("post_logout_redirect_uri", POST_LOGOUT);
    end.searchParams.set("state", "bye-123");
    const to = new URL(expectRedirect(await browser.navigate(end.toString(), {}, POST_LOGOUT), "the logout"));
    expect(`${to.origin}${to.pathname}`).toBe(POST_LOGOUT);
    expect(to.searchParams.get("state")).toBe("bye-123");

    const { result } = await sso({ prompt: "none" });
    expect(new URL(expectRedirect(result, "prompt=none after logout")).searchParams.get("error")).toBe(
      "login_required",
    );
    const r = await refresh(first.tokens.refresh_token);
    expect(r.status).toBe(400);
    expect(r.body.error).toBe("invalid_grant");
    expect((await userinfo(first.tokens.access_token)).status).toBe(401);
  });

  test("logout without id_token_hint: Keycloak asks the member first", async () => {
    const ask = new URL(discovery.end_session_endpoint);
    ask.searchParams.set("client_id", clientId());
    ask.searchParams.set("post_logout_redirect_uri", POST_LOGOUT);
    const confirm = await misakiBrowser.navigate(ask.toString(), {}, POST_LOGOUT);
    expect(pageId(expectPage(confirm, "the logout confirmation"))).toBe("logout-confirm.ftl");
  });
});

/**
 * A server-side app as an integrator writes it, with openid-client (a certified relying party library): a
 * confidential client declared in the society file with its secret in an environment variable, code + PKCE +
 * state + nonce, the ID token validated (signature included), refresh-token rotation, back-channel logout
 * received by the app's own endpoint, and provisioning that removes a client the file dropped.
 */
describe("a confidential app with openid-client", () => {
  const APP = "benefits-app";
  const APP_REDIRECT = "http://localhost:5180/callback";
  const SECRET_ENV = "KENPO_TEST_BENEFITS_SECRET";
  const SECRET = randomBytes(32).toString("base64url");
  const TARO = {
    ...HANAKO,
    username: "oidc.taro",
    number: "5938271606",
    branch: "085",
    secret: "ClaimsTestSecret-8901",
  };
  const codes = { [TARO.username]: codesFor(TARO.secret) };
  let realm: Awaited<ReturnType<typeof provisionTestRealm>>;
  let app: oidc.Configuration;
  let logoutTokens: string[];
  let endpoint: Server;
  const browser = new HttpBrowser();
  let tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers;

  const benefits = (backchannelLogoutUrl: string): PortalClientConfig =>
    portalClientSchema.parse({
      clientId: APP,
      name: { ja: "給付アプリ", en: "Benefits app" },
      rootUrl: "http://localhost:5180/",
      confidential: { secretEnv: SECRET_ENV },
      redirectUris: [APP_REDIRECT],
      postLogoutRedirectUris: ["http://localhost:5180/"],
      backchannelLogoutUrl,
    });

  beforeAll(async () => {
    process.env[SECRET_ENV] = SECRET;
    logoutTokens = [];
    // The app's back-channel logout endpoint: Keycloak POSTs logout_token=<JWT> here, server to server.
    endpoint = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      req.on("end", () => {
        const token = new URLSearchParams(body).get("logout_token");
        if (req.method === "POST" && token) logoutTokens.push(token);
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => endpoint.listen(0, "127.0.0.1", resolve));
    const port = (endpoint.address() as AddressInfo).port;
    const base = testConfig("claims-rp");
    realm = await provisionTestRealm(base.realm.replace(/-[0-9a-f]+$/, ""), {
      portalClients: [base.portalClients[0]!, benefits(`http://127.0.0.1:${port}/backchannel-logout`)],
    });
    const defaultRole = (await realm.admin.realms.findOne({ realm: realm.config.realm }))!.defaultRole!.name!;
    await realm.admin.realms.partialImport({
      realm: realm.config.realm,
      rep: { ifResourceExists: "FAIL", users: [seedMember(TARO, defaultRole)] },
    });
    // An http:// issuer is a local test Keycloak; every ID token's signature is checked against jwks_uri.
    app = await oidc.discovery(
      new URL(`${realm.config.server.url}/realms/${realm.config.realm}`),
      APP,
      SECRET,
      undefined,
      { execute: [oidc.allowInsecureRequests, oidc.enableNonRepudiationChecks] },
    );
  });
  afterAll(async () => {
    delete process.env[SECRET_ENV];
    await realm?.cleanup();
    await new Promise((resolve) => endpoint?.close(resolve));
  });

  /** The app's login as openid-client builds it; `sso` expects no page (the member's session answers). */
  async function appLogin(sso: boolean) {
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(app, {
      redirect_uri: APP_REDIRECT,
      scope: "openid",
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      state,
      nonce,
      claims: MFA_CLAIMS,
      ...(sso ? { prompt: "none" } : {}),
    });
    const back = sso
      ? expectRedirect(await browser.navigate(url.href, {}, APP_REDIRECT), "the app's SSO login")
      : await passwordAndOtp(
          browser,
          expectPage(await browser.navigate(url.href), "the login page"),
          TARO,
          codes,
          APP_REDIRECT,
        );
    return oidc.authorizationCodeGrant(app, new URL(back), {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
      idTokenExpected: true,
    });
  }

  test("code + PKCE + state + nonce: the ID token validates; the access token names the app", async () => {
    tokens = await appLogin(false);
    const id = tokens.claims()!;
    expect(id.aud).toBe(APP);
    expect(id.acr).toBe(ACR.mfa);
    expect(id.preferred_username).toBe(TARO.username);
    const access = decodeJwt(tokens.access_token);
    expect(access.aud).toEqual([APP, "account"]);
    expect(access.azp).toBe(APP);
    const info = await oidc.fetchUserInfo(app, tokens.access_token, id.sub);
    expect(info.sub).toBe(id.sub);
  });

  test("a wrong client secret gets no tokens", async () => {
    const wrong = await oidc.discovery(
      new URL(app.serverMetadata().issuer),
      APP,
      "not-the-secret-of-the-app",
      undefined,
      {
        execute: [oidc.allowInsecureRequests],
      },
    );
    await expect(oidc.refreshTokenGrant(wrong, tokens.refresh_token!)).rejects.toMatchObject({
      error: "unauthorized_client",
    });
  });

  test("refresh rotation: the new refresh token works, the old one is refused", async () => {
    const old = tokens.refresh_token!;
    const renewed = await oidc.refreshTokenGrant(app, old);
    expect(renewed.refresh_token).toBeDefined();
    expect(renewed.refresh_token).not.toBe(old);
    expect(renewed.claims()?.sub).toBe(tokens.claims()!.sub);
    await expect(oidc.refreshTokenGrant(app, old)).rejects.toMatchObject({ error: "invalid_grant" });
    // The replay ends the app's refresh chain (the stolen and the genuine copy alike)…
    await expect(oidc.refreshTokenGrant(app, renewed.refresh_token!)).rejects.toMatchObject({ error: "invalid_grant" });
    // …not the member's session: the app gets new tokens through SSO, without a page.
    tokens = await appLogin(true);
    expect(tokens.claims()!.sub).toBe(renewed.claims()!.sub);
  });

  test("back-channel logout: a logout in the portal reaches the app's endpoint with a signed logout token", async () => {
    // The member opens the society's portal in the same browser (SSO), then logs out there.
    const portal = realm.config.portalClients[0]!.clientId;
    const req = authorizationRequest(realm.config.server.url, realm.config.realm, portal, REDIRECT);
    const portalTokens = await exchangeCode(
      req,
      expectRedirect(await browser.navigate(req.authUrl, {}, REDIRECT), "the portal's SSO login"),
    );
    const end = oidc.buildEndSessionUrl(app, {
      id_token_hint: portalTokens.id_token,
      post_logout_redirect_uri: POST_LOGOUT,
    });
    // buildEndSessionUrl names the app as client_id; the portal's ID token is the hint, so drop it.
    end.searchParams.delete("client_id");
    expectRedirect(await browser.navigate(end.href, {}, POST_LOGOUT), "the portal's logout");
    for (let i = 0; i < 50 && logoutTokens.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(logoutTokens).toHaveLength(1);
    const issuer = app.serverMetadata().issuer;
    const { payload } = await jwtVerify(logoutTokens[0]!, createRemoteJWKSet(new URL(app.serverMetadata().jwks_uri!)), {
      issuer,
      audience: APP,
    });
    expect(payload.sub).toBe(tokens.claims()!.sub);
    expect(payload.sid).toBe(tokens.claims()!.sid);
    expect(payload.events).toHaveProperty(["http://schemas.openid.net/event/backchannel-logout"]);
    expect(payload.nonce).toBeUndefined();
    await expect(oidc.refreshTokenGrant(app, tokens.refresh_token!)).rejects.toMatchObject({ error: "invalid_grant" });
  });

  test("kenpo test-member: an enrolled member with a known password and OTP secret logs in; local Keycloak only", async () => {
    const url = realm.config.server.url;
    const made = await createTestMember(realm.admin, realm.config, url, "it.tester");
    // The integrator's side: the printed base32 secret in any TOTP library.
    const totp = new TOTP({ secret: Secret.fromBase32(made.otpSecret) });
    const member = { ...TARO, username: made.userId, password: made.password };
    const fresh = new HttpBrowser();
    const req = authorizationRequest(url, realm.config.realm, realm.config.portalClients[0]!.clientId, REDIRECT, {
      claims: MFA_CLAIMS,
    });
    const back = await passwordAndOtp(fresh, expectPage(await fresh.navigate(req.authUrl), "the login page"), member, {
      [made.userId]: () => Promise.resolve(totp.generate()),
    });
    const id = decodeJwt((await exchangeCode(req, back)).id_token);
    expect(id.preferred_username).toBe("it.tester");
    expect(id.acr).toBe(ACR.mfa);
    await expect(createTestMember(realm.admin, realm.config, url, "it.tester")).rejects.toThrow(
      `user it.tester already exists in realm ${realm.config.realm}: nothing changed`,
    );
    await expect(
      createTestMember(realm.admin, realm.config, "https://sso.example-kenpo.jp", "it.remote"),
    ).rejects.toThrow(/is not this machine/);
    expect(await realm.admin.users.find({ realm: realm.config.realm, username: "it.remote", exact: true })).toEqual([]);
  });

  test("provisioning removes a client the file dropped, shows it in the plan, and leaves other clients alone", async () => {
    const r = realm.config.realm;
    // The file as provisioned, confidential client and its secret included: nothing to change.
    expect(await planRealm(realm.admin, realm.config)).toEqual([]);
    await realm.admin.clients.create({ realm: r, clientId: "hand-made", publicClient: true, redirectUris: [] });
    const without = { ...realm.config, portalClients: [realm.config.portalClients[0]!] };
    const plan = await planRealm(realm.admin, without);
    const removals = plan.filter((c) => c.action === "delete" && c.section === "clients");
    expect(removals.map((c) => c.target)).toEqual([`client ${APP}`]);
    await applyRealm(realm.admin, without);
    const left = (await realm.admin.clients.find({ realm: r })).map((c) => c.clientId);
    expect(left).not.toContain(APP);
    expect(left).toEqual(expect.arrayContaining(["hand-made", "member-portal", "account-console", "admin-cli"]));
    // Applied: a second plan finds nothing to change.
    expect(await planRealm(realm.admin, without)).toEqual([]);
  });
});
