import type { I18n } from "../i18n";

/** The three authenticator apps the member manual names. */
export function OtpApps(props: { i18n: I18n; id?: string }) {
  const { msg } = props.i18n;
  return (
    <ul className="kp-apps" id={props.id}>
      <li>{msg("kenpoAppGoogle")}</li>
      <li>{msg("kenpoAppMicrosoft")}</li>
      <li>{msg("kenpoAppFreeOtp")}</li>
    </ul>
  );
}
