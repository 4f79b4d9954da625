import type { I18n } from "../i18n";
import { useModuleScript } from "../lib/useModuleScript";

type Authenticator = { credentialId: string };

/** The hidden forms Keycloak's webauthnAuthenticate.js fills and posts (ids and names are Keycloak's). */
export function PasskeyLoginForms(props: {
  loginAction: string;
  authenticators: readonly Authenticator[] | undefined;
}) {
  const { loginAction, authenticators } = props;
  return (
    <>
      <form id="webauth" action={loginAction} method="post" hidden>
        {["clientDataJSON", "authenticatorData", "signature", "credentialId", "userHandle", "error"].map((name) => (
          <input key={name} type="hidden" id={name} name={name} />
        ))}
      </form>
      {authenticators !== undefined && authenticators.length !== 0 && (
        <form id="authn_select" hidden>
          {authenticators.map((authenticator) => (
            <input
              key={authenticator.credentialId}
              type="hidden"
              name="authn_use_chk"
              readOnly
              value={authenticator.credentialId}
            />
          ))}
        </form>
      )}
    </>
  );
}

type PasskeyLoginContext = {
  url: { resourcesPath: string };
  isUserIdentified: "true" | "false" | boolean;
  challenge: string;
  userVerification: string;
  rpId: string;
  createTimeout: number | string;
  mediation?: string;
  authenticatorAttachment?: string;
};

/**
 * Starts Keycloak's passkey sign-in on the button; with `conditional`, also the browser's passkey
 * autofill on the user ID field (conditional mediation). The scripts come from Keycloak's theme resources.
 */
export function usePasskeyLoginScript(params: {
  kcContext: PasskeyLoginContext;
  i18n: I18n;
  buttonId: string;
  enabled: boolean;
  conditional: boolean;
}) {
  const { kcContext, i18n, buttonId, enabled, conditional } = params;
  const {
    url,
    isUserIdentified,
    challenge,
    userVerification,
    rpId,
    createTimeout,
    mediation,
    authenticatorAttachment,
  } = kcContext;
  const input = {
    isUserIdentified: isUserIdentified === true || isUserIdentified === "true",
    challenge,
    userVerification,
    rpId,
    createTimeout,
    mediation,
    authenticatorAttachment,
    errmsg: i18n.msgStr("kenpoPasskeyUnsupported"),
  };
  const script = (file: string) => JSON.stringify(`${url.resourcesPath}/js/${file}`);
  useModuleScript({
    id: "kenpo-passkey-login",
    afterElementId: buttonId,
    code: !enabled
      ? undefined
      : [
          `import { authenticateByWebAuthn } from ${script("webauthnAuthenticate.js")};`,
          conditional ? `import { initAuthenticate } from ${script("passkeysConditionalAuth.js")};` : "",
          `const input = ${JSON.stringify(input)};`,
          `document.getElementById(${JSON.stringify(buttonId)}).addEventListener("click", () => authenticateByWebAuthn(input));`,
          conditional ? "initAuthenticate(input);" : "",
        ].join("\n"),
  });
}
