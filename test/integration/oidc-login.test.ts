import {
  authorizationRequest,
  decodeJwt,
  exchangeCode,
  expectPage,
  HttpBrowser,
  isLoginForm,
  isPage,
  pageId,
  summarize,
} from "../../journeys/http-login.js";
import { testKeycloak } from "../../journeys/keycloak-env.js";
import { provisionTestRealm } from "../../journeys/realm.js";
import { otpApp, otpCredential, seededUser } from "../../journeys/seed.js";
import { METHOD, STAGE, USER_ATTRIBUTE } from "../../contracts/index.js";

/**
 * A member who has finished the first login (OTP registered) signs in to the portal client with
 * authorization code + PKCE, typing the user ID in upper case.
 */
describe("portal login over HTTP (authorization code + PKCE)", () => {
  let realm: Awaited<ReturnType<typeof provisionTestRealm>>;
  // Seeded as a plain string, as Keycloak keeps it; otpApp() makes the codes Keycloak accepts for it.
  const secretValue = "KenpoTestSecret-0123";
  const password = "Kenpo-Test-Pass-2026";

  beforeAll(async () => {
    realm = await provisionTestRealm("login");
    await realm.admin.realms.partialImport({
      realm: realm.config.realm,
      rep: {
        ifResourceExists: "FAIL",
        users: [
          seededUser({
            username: "taro.yamada",
            number: "5000001",
            password,
            email: "taro@example.test",
            attributes: { [USER_ATTRIBUTE.stage]: [STAGE.active], [USER_ATTRIBUTE.mfaMethod]: [METHOD.otp] },
            credentials: [otpCredential(secretValue)],
          }),
        ],
      },
    });
  });
  afterAll(() => realm.cleanup());

  test("an upper-case user ID logs in and the token's preferred_username is lower-case", async () => {
    const client = realm.config.portalClients[0]!;
    const request = authorizationRequest(
      testKeycloak().url,
      realm.config.realm,
      client.clientId,
      "http://localhost:5173/callback",
    );
    const browser = new HttpBrowser();
    const page = expectPage(await browser.navigate(request.authUrl), "the login page");
    expect(isLoginForm(page)).toBe(true);
    // Password + OTP members get the OTP page next, always.
    const otpPage = expectPage(
      await browser.submit(page, { username: "TARO.YAMADA", password }, { stopAt: request.redirectUri }),
      "the OTP page",
    );
    expect(pageId(otpPage)).toBe("login-otp.ftl");
    const totp = otpApp(secretValue);
    const result = await browser.submit(otpPage, { otp: totp.generate() }, { stopAt: request.redirectUri });
    if (isPage(result)) throw new Error(`login did not finish:\n${summarize(result)}`);
    const tokens = await exchangeCode(request, result.redirectedTo);
    const claims = decodeJwt(tokens.id_token);
    expect(claims.preferred_username).toBe("taro.yamada");
    expect(claims.iss).toBe(`${testKeycloak().url}/realms/${realm.config.realm}`);
  });

  test("a wrong password is refused with the login page again", async () => {
    const client = realm.config.portalClients[0]!;
    const request = authorizationRequest(
      testKeycloak().url,
      realm.config.realm,
      client.clientId,
      "http://localhost:5173/callback",
    );
    const browser = new HttpBrowser();
    const page = expectPage(await browser.navigate(request.authUrl), "the login page");
    const again = expectPage(
      await browser.submit(
        page,
        { username: "taro.yamada", password: "wrong-password" },
        { stopAt: request.redirectUri },
      ),
      "the login page again",
    );
    expect(isLoginForm(again)).toBe(true);
  });
});
