import { OTHER_METHOD_COOKIE } from "../../../../contracts";
import { isFirstLoginPasskeyRegistration, otherMethodCookie, spentOtherMethodCookie } from "./otherMethod";

describe("the other-method cookie", () => {
  it.each([
    ["kenpo", false, `${OTHER_METHOD_COOKIE}=1; path=/realms/kenpo/; max-age=1800; samesite=lax`],
    ["demo kenpo", true, `${OTHER_METHOD_COOKIE}=1; path=/realms/demo%20kenpo/; max-age=1800; samesite=lax; secure`],
  ])("realm %s, https %s: %s", (realm, secure, expected) => {
    expect(otherMethodCookie(realm, secure)).toBe(expected);
  });

  it("is spent with an empty value that expires at once, on the same path", () => {
    expect(spentOtherMethodCookie("kenpo", false)).toBe(
      `${OTHER_METHOD_COOKIE}=; path=/realms/kenpo/; max-age=0; samesite=lax`,
    );
  });
});

describe("a failed biometric check during the first login's registration", () => {
  const registration =
    "/realms/kenpo/login-actions/required-action?execution=webauthn-register-passwordless&client_id=portal&tab_id=x";
  it.each([
    [registration, false, true],
    [registration, true, false],
    ["/realms/kenpo/login-actions/authenticate?execution=0b1c&client_id=portal&tab_id=x", false, false],
    ["/realms/kenpo/login-actions/required-action?execution=CONFIGURE_TOTP&client_id=portal", false, false],
  ])("%s (portal-started %s): %s", (loginAction, aia, expected) => {
    expect(isFirstLoginPasskeyRegistration(loginAction, aia)).toBe(expected);
  });
});
