import { lazy, Suspense, useState } from "react";
import type { KcContext } from "../KcContext";
import type { I18n } from "../i18n";
import Template from "../Template";
import { CancelAiaButton } from "../components/CancelAia";
import { FIRST_LOGIN_STEPS } from "../steps";

const UserProfileFormFields = lazy(() => import("keycloakify/login/UserProfileFormFields"));

type Props = { kcContext: Extract<KcContext, { pageId: "login-update-profile.ftl" }>; i18n: I18n };

/**
 * Manual ⑦ when no email is on file: the realm's user profile decides the fields (the kenpo*
 * attributes are admin-only, so members see only what they may edit, normally the email).
 */
export default function LoginUpdateProfile(props: Props) {
  const { kcContext, i18n } = props;
  const { url, isAppInitiatedAction, messagesPerField } = kcContext;
  const { msg, msgStr } = i18n;
  const [isFormSubmittable, setIsFormSubmittable] = useState(false);

  return (
    <Template
      kcContext={kcContext}
      i18n={i18n}
      headerNode={msgStr("kenpoProfileTitle")}
      step={FIRST_LOGIN_STEPS.email}
      displayMessage={messagesPerField.exists("global")}
    >
      <form id="kc-update-profile-form" className="kp-stack kp-profile" action={url.loginAction} method="post">
        <p>{msg("kenpoProfileLead")}</p>
        <Suspense>
          <UserProfileFormFields
            kcContext={kcContext}
            i18n={i18n}
            kcClsx={profileClsx}
            onIsFormSubmittableValueChange={setIsFormSubmittable}
            doMakeUserConfirmPassword={false}
          />
        </Suspense>
        <button
          type="submit"
          className="kp-button kp-button--primary"
          id="kp-profile-submit"
          disabled={!isFormSubmittable}
        >
          {msg("kenpoDoNext")}
        </button>
        {isAppInitiatedAction && <CancelAiaButton i18n={i18n} />}
      </form>
    </Template>
  );
}

// Keycloakify's generic profile fields take class names per role; map them to the theme's classes.
const profileClasses: Record<string, string> = {
  kcFormGroupClass: "kp-field",
  kcLabelClass: "kp-label",
  kcInputClass: "kp-input",
  kcInputErrorMessageClass: "kp-error",
  kcInputHelperTextBeforeClass: "kp-hint",
  kcInputHelperTextAfterClass: "kp-hint",
};

function profileClsx(...args: unknown[]): string {
  return args
    .filter((arg): arg is string => typeof arg === "string")
    .map((arg) => profileClasses[arg] ?? "")
    .filter(Boolean)
    .join(" ");
}
