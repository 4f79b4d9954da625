import { base64url } from "rfc4648";

/** The values Keycloak's webauthn-register page gives (kcContext of webauthn-register.ftl). */
export type PasskeyRegistrationInput = {
  challenge: string;
  userid: string;
  username: string;
  signatureAlgorithms: readonly (string | number)[];
  rpEntityName: string;
  rpId: string;
  attestationConveyancePreference: string;
  authenticatorAttachment: string;
  requireResidentKey?: string;
  residentKey?: string;
  userVerificationRequirement: string;
  createTimeout: number | string;
  excludeCredentialIds: string;
};

const NOT_SPECIFIED = "not specified";

/** Builds the WebAuthn creation options from Keycloak's policy values. */
export function toCreationOptions(input: PasskeyRegistrationInput): PublicKeyCredentialCreationOptions {
  const decode = (value: string) => base64url.parse(value, { loose: true }) as Uint8Array<ArrayBuffer>;
  const algorithms = input.signatureAlgorithms.map(Number).filter(Number.isFinite);
  const options: PublicKeyCredentialCreationOptions = {
    challenge: decode(input.challenge),
    rp: { id: input.rpId, name: input.rpEntityName },
    user: { id: decode(input.userid), name: input.username, displayName: input.username },
    pubKeyCredParams: (algorithms.length === 0 ? [-7] : algorithms).map((alg) => ({ type: "public-key", alg })),
  };
  if (input.attestationConveyancePreference !== NOT_SPECIFIED) {
    options.attestation = input.attestationConveyancePreference as AttestationConveyancePreference;
  }
  const selection: AuthenticatorSelectionCriteria = {};
  if (input.authenticatorAttachment !== NOT_SPECIFIED) {
    selection.authenticatorAttachment = input.authenticatorAttachment as AuthenticatorAttachment;
  }
  // residentKey is the current field; requireResidentKey ("Yes"/"No") is the older one.
  if (input.residentKey !== undefined && input.residentKey !== NOT_SPECIFIED) {
    selection.residentKey = input.residentKey as ResidentKeyRequirement;
    selection.requireResidentKey = input.residentKey === "required";
  } else if (input.requireResidentKey !== undefined && input.requireResidentKey !== NOT_SPECIFIED) {
    selection.requireResidentKey = input.requireResidentKey === "Yes";
    selection.residentKey = selection.requireResidentKey ? "required" : "discouraged";
  }
  if (input.userVerificationRequirement !== NOT_SPECIFIED) {
    selection.userVerification = input.userVerificationRequirement as UserVerificationRequirement;
  }
  if (Object.keys(selection).length > 0) {
    options.authenticatorSelection = selection;
  }
  const timeoutSeconds = Number(input.createTimeout);
  if (Number.isFinite(timeoutSeconds) && timeoutSeconds > 0) {
    options.timeout = timeoutSeconds * 1000;
  }
  if (input.excludeCredentialIds !== "") {
    options.excludeCredentials = input.excludeCredentialIds
      .split(",")
      .map((id) => ({ type: "public-key", id: decode(id) }));
  }
  return options;
}

/**
 * Creates the passkey and posts it with the device name from our own field (manual ⑫), instead
 * of Keycloak's stock script that asks for the name with window.prompt().
 * The form must hold the hidden inputs Keycloak reads (clientDataJSON, attestationObject, ...).
 */
export async function registerPasskey(params: {
  input: PasskeyRegistrationInput;
  form: HTMLFormElement;
  unsupportedMessage: string;
}) {
  const { input, form, unsupportedMessage } = params;
  const set = (name: string, value: string) => {
    const field = form.elements.namedItem(name);
    if (field instanceof HTMLInputElement) field.value = value;
  };
  if (typeof window.PublicKeyCredential === "undefined" || navigator.credentials === undefined) {
    set("error", unsupportedMessage);
    form.requestSubmit();
    return;
  }
  try {
    const credential = (await navigator.credentials.create({
      publicKey: toCreationOptions(input),
    })) as PublicKeyCredential | null;
    if (credential === null) throw new Error("No credential was created");
    const response = credential.response as AuthenticatorAttestationResponse;
    const encode = (buffer: ArrayBuffer) => base64url.stringify(new Uint8Array(buffer), { pad: false });
    set("clientDataJSON", encode(response.clientDataJSON));
    set("attestationObject", encode(response.attestationObject));
    set("publicKeyCredentialId", encode(credential.rawId));
    if (typeof response.getTransports === "function") set("transports", response.getTransports().join(","));
    if (credential.authenticatorAttachment) set("authenticatorAttachment", credential.authenticatorAttachment);
  } catch (error) {
    set("error", String(error));
  }
  form.requestSubmit();
}
