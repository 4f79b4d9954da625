/** @jest-environment node */
import { base64url } from "rfc4648";
import { toCreationOptions, type PasskeyRegistrationInput } from "./registerPasskey";

const input: PasskeyRegistrationInput = {
  challenge: base64url.stringify(new Uint8Array([1, 2, 3, 4]), { pad: false }),
  userid: base64url.stringify(new TextEncoder().encode("user-uuid"), { pad: false }),
  username: "yamada.taro",
  signatureAlgorithms: ["-7", "-257"],
  rpEntityName: "kenpo",
  rpId: "login.example.jp",
  attestationConveyancePreference: "not specified",
  authenticatorAttachment: "platform",
  requireResidentKey: "not specified",
  residentKey: "required",
  userVerificationRequirement: "required",
  createTimeout: 60,
  excludeCredentialIds: "",
};

describe("toCreationOptions", () => {
  it("turns Keycloak's passkey policy into WebAuthn creation options", () => {
    const options = toCreationOptions(input);
    expect(Array.from(options.challenge as Uint8Array)).toEqual([1, 2, 3, 4]);
    expect(new TextDecoder().decode(options.user.id as Uint8Array)).toBe("user-uuid");
    expect(options.user.name).toBe("yamada.taro");
    expect(options.rp).toEqual({ id: "login.example.jp", name: "kenpo" });
    expect(options.pubKeyCredParams).toEqual([
      { type: "public-key", alg: -7 },
      { type: "public-key", alg: -257 },
    ]);
    expect(options.attestation).toBeUndefined();
    expect(options.authenticatorSelection).toEqual({
      authenticatorAttachment: "platform",
      residentKey: "required",
      requireResidentKey: true,
      userVerification: "required",
    });
    expect(options.timeout).toBe(60_000);
    expect(options.excludeCredentials).toBeUndefined();
  });

  it("uses the older requireResidentKey, excludes registered credentials and defaults to ES256", () => {
    const options = toCreationOptions({
      ...input,
      signatureAlgorithms: [],
      residentKey: undefined,
      requireResidentKey: "No",
      authenticatorAttachment: "not specified",
      userVerificationRequirement: "not specified",
      createTimeout: 0,
      excludeCredentialIds: "AQID,BAUG",
    });
    expect(options.pubKeyCredParams).toEqual([{ type: "public-key", alg: -7 }]);
    expect(options.authenticatorSelection).toEqual({ requireResidentKey: false, residentKey: "discouraged" });
    expect(options.timeout).toBeUndefined();
    expect(options.excludeCredentials?.map((c) => Array.from(c.id as Uint8Array))).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });
});
