import { ACR_LOA_MAP, MFA_ACR, MINIMUM_ACR_ATTRIBUTE } from "../../realm-config/flows.js";
import {
  authorizationRequest,
  decodeJwt,
  exchangeCode,
  expectPage,
  expectRedirect,
  HttpBrowser,
  isPage,
  pageId,
} from "../../journeys/http-login.js";
import { freshCode } from "../../journeys/http-journey.js";
import { provisionTestRealm } from "../../journeys/realm.js";
import { logsInThroughBrowser } from "../../realm-config/sections/side-doors.js";
import { otpApp, otpCredential, seededUser } from "../../journeys/seed.js";

/**
 * What a token's `acr` tells an application, and what the portal gets from a weaker session. Our flows
 * never end with a password alone; to prove the portal would not accept one, the test builds such a
 * session itself through a client of its own bound to a password-only flow (a stand-in for any door a
 * future change might open), then asks the portal client with the same browser.
 */

const PASSWORD = "Acr-Test-Pass-2026";
const SECRET = "AcrTestSecret-0123";
const REDIRECT = "http://localhost:5173/callback";
const PASSWORD_ONLY_CLIENT = "test-password-only";
const PASSWORD_ONLY_REDIRECT = "http://localhost:5199/callback";

describe("acr: the portal gets tokens only for logins that reached a registered factor", () => {
  let realm: Awaited<ReturnType<typeof provisionTestRealm>>;
  const used = new Set<string>();
  const totp = otpApp(SECRET);

  const portal = () => realm.config.portalClients[0]!.clientId;
  const request = (clientId: string, redirect: string, extra: Record<string, string> = {}) =>
    authorizationRequest(realm.config.server.url, realm.config.realm, clientId, redirect, extra);

  beforeAll(async () => {
    realm = await provisionTestRealm("acr");
    await realm.admin.realms.partialImport({
      realm: realm.config.realm,
      rep: {
        ifResourceExists: "FAIL",
        users: [
          seededUser({
            username: "hanako.acr",
            number: "6000001",
            password: PASSWORD,
            attributes: { kenpoStage: ["active"], kenpoMfaMethod: ["otp"] },
            credentials: [otpCredential(SECRET)],
          }),
        ],
      },
    });
  });
  afterAll(() => realm.cleanup());

  test("the realm maps levels to acr names, and every client that logs in through the browser asks for mfa", async () => {
    const rep = await realm.admin.realms.findOne({ realm: realm.config.realm });
    expect(JSON.parse(String(rep?.attributes?.["acr.loa.map"]))).toEqual(ACR_LOA_MAP);
    const browserClients = (await realm.admin.clients.find({ realm: realm.config.realm })).filter(logsInThroughBrowser);
    // Ours and Keycloak's built-ins (account-console, …): none may be reached with less.
    expect(browserClients.map((c) => c.clientId)).toEqual(expect.arrayContaining([portal(), "account-console"]));
    for (const client of browserClients)
      expect(`${client.clientId} ${client.attributes?.[MINIMUM_ACR_ATTRIBUTE]}`).toBe(`${client.clientId} ${MFA_ACR}`);
  });

  test("password + OTP gives acr mfa, and an SSO login to the portal keeps it", async () => {
    const browser = new HttpBrowser();
    const first = request(portal(), REDIRECT);
    const login = expectPage(await browser.navigate(first.authUrl), "the login page");
    const otpPage = expectPage(
      await browser.submit(login, { username: "hanako.acr", password: PASSWORD }, { stopAt: REDIRECT }),
      "the OTP page",
    );
    expect(pageId(otpPage)).toBe("login-otp.ftl");
    const tokens = await exchangeCode(
      first,
      expectRedirect(
        await browser.submit(otpPage, { otp: await freshCode(totp, used) }, { stopAt: REDIRECT }),
        "after the OTP code",
      ),
    );
    expect(decodeJwt(tokens.id_token).acr).toBe(MFA_ACR);
    expect(decodeJwt(tokens.access_token).acr).toBe(MFA_ACR);

    // Same browser, the portal asks again (a second app, a new tab): no page, and the level stays.
    const again = request(portal(), REDIRECT, {
      claims: JSON.stringify({ id_token: { acr: { essential: true, values: [MFA_ACR] } } }),
    });
    const sso = await exchangeCode(
      again,
      expectRedirect(await browser.navigate(again.authUrl, {}, REDIRECT), "the SSO login"),
    );
    expect(decodeJwt(sso.id_token).acr).toBe(MFA_ACR);
  });

  test("a password-only session gets no portal token: the portal asks for the password and the factor again", async () => {
    // A password-only door, built here on purpose: a flow with the password form alone, bound to a client of its own.
    const admin = realm.admin;
    const r = realm.config.realm;
    const alias = "test password only";
    await admin.authenticationManagement.createFlow({
      realm: r,
      alias,
      providerId: "basic-flow",
      topLevel: true,
      builtIn: false,
      description: "test",
    });
    await admin.authenticationManagement.addExecutionToFlow({
      realm: r,
      flow: alias,
      provider: "auth-username-password-form",
    });
    const [form] = await admin.authenticationManagement.getExecutions({ realm: r, flow: alias });
    await admin.authenticationManagement.updateExecution(
      { realm: r, flow: alias },
      { ...form, requirement: "REQUIRED" },
    );
    const flowId = (await admin.authenticationManagement.getFlows({ realm: r })).find((f) => f.alias === alias)!.id!;
    await admin.clients.create({
      realm: r,
      clientId: PASSWORD_ONLY_CLIENT,
      publicClient: true,
      standardFlowEnabled: true,
      redirectUris: [PASSWORD_ONLY_REDIRECT],
      attributes: { "pkce.code.challenge.method": "S256" },
      authenticationFlowBindingOverrides: { browser: flowId },
    });

    const browser = new HttpBrowser();
    const weak = request(PASSWORD_ONLY_CLIENT, PASSWORD_ONLY_REDIRECT);
    const login = expectPage(await browser.navigate(weak.authUrl), "the password-only login page");
    const weakTokens = await exchangeCode(
      weak,
      expectRedirect(
        await browser.submit(login, { username: "hanako.acr", password: PASSWORD }, { stopAt: PASSWORD_ONLY_REDIRECT }),
        "the password-only login",
      ),
    );
    // The mapping names what happened: a password alone.
    expect(decodeJwt(weakTokens.id_token).acr).toBe("password");

    // The same browser asks the portal, as a plain app would (no acr requested): the client's minimum steps up.
    const portalRequest = request(portal(), REDIRECT);
    const stepUp = await browser.navigate(portalRequest.authUrl, {}, REDIRECT);
    if (!isPage(stepUp)) throw new Error(`the portal got a code from a password-only session: ${stepUp.redirectedTo}`);
    // Keycloak asks for the password again (the session's level is below the portal's), then the factor.
    expect(pageId(stepUp)).toBe("login.ftl");
    const otpPage = expectPage(
      await browser.submit(stepUp, { username: "hanako.acr", password: PASSWORD }, { stopAt: REDIRECT }),
      "the OTP page after the step-up",
    );
    expect(pageId(otpPage)).toBe("login-otp.ftl");
    const tokens = await exchangeCode(
      portalRequest,
      expectRedirect(
        await browser.submit(otpPage, { otp: await freshCode(totp, used) }, { stopAt: REDIRECT }),
        "after the step-up",
      ),
    );
    expect(decodeJwt(tokens.id_token).acr).toBe(MFA_ACR);
  });
});
