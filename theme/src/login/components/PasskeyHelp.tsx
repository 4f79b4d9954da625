import type { I18n } from "../i18n";

/** How to use the phone's biometrics from a computer (QR code + Bluetooth), and what "Bluetooth is off" means. */
export function PasskeyHelp(props: { i18n: I18n }) {
  const { msg } = props.i18n;
  return (
    <details className="kp-details" id="kp-passkey-pc-help">
      <summary>{msg("kenpoPasskeyPcHeading")}</summary>
      <ol className="kp-steps">
        <li>{msg("kenpoPasskeyPcStep1")}</li>
        <li>{msg("kenpoPasskeyPcStep2")}</li>
        <li>{msg("kenpoPasskeyPcStep3")}</li>
      </ol>
      <p>{msg("kenpoPasskeyBluetoothNote")}</p>
      <h3 className="kp-subheading">{msg("kenpoPasskeyBluetoothOffHeading")}</h3>
      <p>{msg("kenpoPasskeyBluetoothOffBody")}</p>
    </details>
  );
}
