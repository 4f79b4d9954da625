import { useState } from "react";
import type { KcContext } from "../KcContext";
import type { I18n } from "../i18n";
import Template from "../Template";
import { CancelAiaButton } from "../components/CancelAia";
import { Field } from "../components/Field";
import { FirstLoginDone, useFirstLoginDone } from "../components/FirstLoginDone";
import { OtherMethod } from "../components/OtherMethod";
import { OtpApps } from "../components/OtpApps";
import { FIRST_LOGIN_STEPS } from "../steps";
import { guessDeviceNameKey, isSmartphone } from "../lib/deviceName";
import { otpauthUri, unusedDeviceName } from "../lib/otpauth";

type Props = { kcContext: Extract<KcContext, { pageId: "login-config-totp.ftl" }>; i18n: I18n };

/** Manual ⑧ then ⑭: "first login complete", then the OTP app set-up (QR code or key, 6-digit code, device name). */
export default function LoginConfigTotp(props: Props) {
  const { kcContext, i18n } = props;
  const { url, isAppInitiatedAction, totp, mode, messagesPerField, realm } = kcContext;
  const { msg, msgStr } = i18n;
  // The QR/manual switch comes back to this page: the member is already setting up here.
  const { showDone, setUpHere } = useFirstLoginDone(kcContext, totp.username, mode !== undefined && mode !== null);
  const [onPhone] = useState(() => isSmartphone(navigator.userAgent));
  // On a PC the codes come from the member's phone, so the phone is the device to name. A name the
  // member's devices already use would be refused by Keycloak.
  const [defaultDeviceName] = useState(() =>
    unusedDeviceName(
      msgStr(onPhone ? guessDeviceNameKey(navigator.userAgent) : "kenpoDeviceSmartphone"),
      totp.otpCredentials.map((c) => c.userLabel),
    ),
  );
  const [copied, setCopied] = useState(false);

  const codeError = messagesPerField.existsError("totp") ? messagesPerField.get("totp") : undefined;
  const labelError = messagesPerField.existsError("userLabel") ? messagesPerField.get("userLabel") : undefined;

  if (showDone) {
    return (
      <FirstLoginDone kcContext={kcContext} i18n={i18n} method="otp" username={totp.username} onSetUpHere={setUpHere} />
    );
  }

  const period = totp.policy.type === "totp" ? String(totp.policy.period) : "-";

  return (
    <Template
      kcContext={kcContext}
      i18n={i18n}
      headerNode={msgStr("kenpoOtpSetupTitle")}
      step={isAppInitiatedAction ? undefined : FIRST_LOGIN_STEPS.otp}
      displayMessage={codeError === undefined && labelError === undefined}
    >
      <ol className="kp-steps kp-steps--big" id="kc-totp-settings">
        <li>
          <p>{msg("kenpoOtpStep1")}</p>
          <OtpApps i18n={i18n} id="kc-totp-supported-apps" />
        </li>
        {onPhone ? (
          // The QR code would be on this phone's own screen: open the app with the set-up link, or paste the key.
          <li id="kp-otp-on-phone">
            <p>{msg("kenpoOtpPhoneStep")}</p>
            <a
              className="kp-button kp-button--primary"
              id="kp-otpauth-link"
              href={otpauthUri({
                issuer: realm.displayName || realm.name,
                account: totp.username,
                secretBase32: totp.totpSecretEncoded,
                algorithm: totp.policy.getAlgorithmKey(),
                digits: totp.policy.digits,
                period: totp.policy.type === "totp" ? totp.policy.period : 30,
              })}
            >
              {msg("kenpoOtpOpenApp")}
            </a>
            <p className="kp-hint">{msg("kenpoOtpOpenAppHint")}</p>
            <p className="kp-key">
              <span className="kp-visually-hidden">{msg("kenpoOtpKey")}：</span>
              <code id="kc-totp-secret-key">{totp.totpSecretEncoded}</code>
            </p>
            <button
              type="button"
              className="kp-button kp-button--secondary"
              id="kp-copy-key"
              onClick={() => {
                void navigator.clipboard
                  ?.writeText(totp.totpSecretEncoded.replace(/\s+/g, ""))
                  .then(() => setCopied(true));
              }}
            >
              {msg("kenpoOtpCopyKey")}
            </button>
            <p className="kp-hint" role="status" id="kp-copy-status">
              {copied ? msg("kenpoOtpKeyCopied") : ""}
            </p>
            <p className="kp-tip" id="kp-otp-on-pc">
              {msg("kenpoOtpContinueOnPc")}
            </p>
          </li>
        ) : mode === "manual" ? (
          <li>
            <p>{msg("kenpoOtpStep2Manual")}</p>
            <p className="kp-key">
              <span className="kp-visually-hidden">{msg("kenpoOtpKey")}：</span>
              <code id="kc-totp-secret-key">{totp.totpSecretEncoded}</code>
            </p>
            <p className="kp-hint" id="kp-totp-details">
              {msgStr("kenpoOtpKeyDetails", String(totp.policy.digits), period, totp.policy.getAlgorithmKey())}
            </p>
            <a href={totp.qrUrl} id="mode-barcode" className="kp-link">
              {msg("kenpoOtpQrLink")}
            </a>
          </li>
        ) : (
          <li>
            <p>{msg("kenpoOtpStep2")}</p>
            <img
              id="kc-totp-secret-qr-code"
              className="kp-qr"
              width={200}
              height={200}
              src={`data:image/png;base64, ${totp.totpSecretQrCode}`}
              alt={msgStr("kenpoOtpQrAlt")}
            />
            <p className="kp-tip" id="kp-scan-tip">
              {msg("kenpoOtpScanTip")}
            </p>
            <a href={totp.manualUrl} id="mode-manual" className="kp-link">
              {msg("kenpoOtpManualLink")}
            </a>
          </li>
        )}
        <li>
          <p>{msg("kenpoOtpStep3")}</p>
        </li>
      </ol>
      <form action={url.loginAction} className="kp-stack" id="kc-totp-settings-form" method="post" noValidate>
        <Field
          id="totp"
          i18n={i18n}
          label={msg("kenpoOtpCode")}
          hint={msg("kenpoOtpCodeHint")}
          error={codeError}
          inputProps={{
            type: "text",
            inputMode: "numeric",
            pattern: "[0-9]*",
            autoComplete: "one-time-code",
            maxLength: totp.policy.digits,
            required: true,
          }}
        />
        <input type="hidden" id="totpSecret" name="totpSecret" value={totp.totpSecret} />
        {mode !== undefined && mode !== null && <input type="hidden" id="mode" name="mode" value={mode} />}
        <Field
          id="userLabel"
          i18n={i18n}
          label={msg("kenpoDeviceName")}
          hint={msg("kenpoDeviceNameHint")}
          error={labelError}
          inputProps={{
            type: "text",
            autoComplete: "off",
            maxLength: 100,
            defaultValue: defaultDeviceName,
            // The first device too (Keycloak asks only from the second): the portal and the help desk name devices.
            required: true,
          }}
        />
        <label className="kp-check">
          <input type="checkbox" id="logout-sessions" name="logout-sessions" value="on" />
          {msg("kenpoLogoutOtherSessions")}
        </label>
        <button type="submit" className="kp-button kp-button--primary" id="saveTOTPBtn">
          {msg("kenpoDoSave")}
        </button>
        {isAppInitiatedAction && <CancelAiaButton i18n={i18n} id="cancelTOTPBtn" />}
      </form>
      {!isAppInitiatedAction && <OtherMethod kcContext={kcContext} i18n={i18n} />}
    </Template>
  );
}
