import type { I18n } from "../i18n";

/** "Cancel" for an app-initiated action (the member started it from the portal): posts cancel-aia. */
export function CancelAiaButton(props: { i18n: I18n; id?: string }) {
  return (
    <button
      type="submit"
      className="kp-button kp-button--secondary"
      id={props.id}
      name="cancel-aia"
      value="true"
      formNoValidate
    >
      {props.i18n.msg("kenpoDoCancel")}
    </button>
  );
}

/** The same as its own form, for pages whose main form is posted by script. */
export function CancelAiaForm(props: { i18n: I18n; loginAction: string }) {
  return (
    <form action={props.loginAction} id="kc-webauthn-settings-form" method="post">
      <CancelAiaButton i18n={props.i18n} id="cancelWebAuthnAIA" />
    </form>
  );
}
