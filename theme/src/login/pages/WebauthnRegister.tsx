import { useRef, useState } from "react";
import type { KcContext } from "../KcContext";
import type { I18n } from "../i18n";
import Template from "../Template";
import { CancelAiaForm } from "../components/CancelAia";
import { Field } from "../components/Field";
import { FirstLoginDone, useFirstLoginDone } from "../components/FirstLoginDone";
import { OtherMethod } from "../components/OtherMethod";
import { FIRST_LOGIN_STEPS } from "../steps";
import { guessDeviceNameKey, isSmartphone } from "../lib/deviceName";
import { rememberDeviceName, typedDeviceName } from "../lib/tabMemory";
import { registerPasskey } from "../lib/registerPasskey";

type Props = { kcContext: Extract<KcContext, { pageId: "webauthn-register.ftl" }>; i18n: I18n };

/**
 * Manual ⑧ then ⑩–⑫: "first login complete", then the passkey registration with a device name
 * that is posted as authenticatorLabel.
 */
export default function WebauthnRegister(props: Props) {
  const { kcContext, i18n } = props;
  const { url, isSetRetry, isAppInitiatedAction } = kcContext;
  const { msg, msgStr } = i18n;
  // A retry means the member already chose to set up here.
  const { showDone, setUpHere } = useFirstLoginDone(kcContext, kcContext.username, Boolean(isSetRetry));
  // After 再試行 the name the member typed before the failed attempt, not the guess again.
  const [deviceName, setDeviceName] = useState(
    () => (isSetRetry ? typedDeviceName() : null) ?? msgStr(guessDeviceNameKey(navigator.userAgent)),
  );
  const [onPhone] = useState(() => isSmartphone(navigator.userAgent));
  const [nameError, setNameError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const postingRef = useRef(false);

  const onRegister = () => {
    if (deviceName.trim() === "") {
      setNameError(msgStr("kenpoDeviceNameRequired"));
      document.getElementById("authenticatorLabel")?.focus();
      return;
    }
    if (formRef.current === null) return;
    rememberDeviceName(deviceName);
    setBusy(true);
    postingRef.current = true;
    void registerPasskey({
      input: kcContext,
      form: formRef.current,
      unsupportedMessage: msgStr("kenpoPasskeyUnsupported"),
    });
  };

  if (showDone) {
    return (
      <FirstLoginDone
        kcContext={kcContext}
        i18n={i18n}
        method="passkey"
        username={kcContext.username}
        onSetUpHere={setUpHere}
      />
    );
  }

  return (
    <Template
      kcContext={kcContext}
      i18n={i18n}
      headerNode={msgStr("kenpoPasskeyRegisterTitle")}
      step={isAppInitiatedAction ? undefined : FIRST_LOGIN_STEPS.passkey}
    >
      <div className="kp-stack">
        <p>{msg(onPhone ? "kenpoPasskeyRegisterLead" : "kenpoPasskeyRegisterLeadPc")}</p>
        <ol className="kp-steps">
          <li>{msg("kenpoPasskeyRegisterStep1")}</li>
          <li>{msg("kenpoPasskeyRegisterStep2")}</li>
          <li>{msg("kenpoPasskeyRegisterStep3")}</li>
        </ol>
        <form
          id="register"
          ref={formRef}
          className="kp-stack"
          action={url.loginAction}
          method="post"
          noValidate
          onSubmit={(event) => {
            // Only the WebAuthn result may post the form (requestSubmit after create()).
            if (!postingRef.current) {
              event.preventDefault();
              onRegister();
            }
          }}
        >
          <input type="hidden" id="clientDataJSON" name="clientDataJSON" />
          <input type="hidden" id="attestationObject" name="attestationObject" />
          <input type="hidden" id="publicKeyCredentialId" name="publicKeyCredentialId" />
          <input type="hidden" id="transports" name="transports" />
          <input type="hidden" id="authenticatorAttachment" name="authenticatorAttachment" />
          <input type="hidden" id="error" name="error" />
          <Field
            id="authenticatorLabel"
            i18n={i18n}
            label={msg("kenpoDeviceName")}
            hint={msg("kenpoDeviceNameHint")}
            error={nameError}
            inputProps={{
              type: "text",
              required: true,
              maxLength: 100,
              autoComplete: "off",
              value: deviceName,
              onChange: (event) => {
                setDeviceName(event.target.value);
                setNameError(undefined);
              },
            }}
          />
          <label className="kp-check">
            <input type="checkbox" id="logout-sessions" name="logout-sessions" value="on" />
            {msg("kenpoLogoutOtherSessions")}
          </label>
          <button
            type="submit"
            className="kp-button kp-button--primary"
            id="authenticateWebAuthnButton"
            disabled={busy}
          >
            {msg("kenpoPasskeyRegisterButton")}
          </button>
        </form>
        {!isSetRetry && isAppInitiatedAction && <CancelAiaForm i18n={i18n} loginAction={url.loginAction} />}
        {!isAppInitiatedAction && <OtherMethod kcContext={kcContext} i18n={i18n} />}
      </div>
    </Template>
  );
}
