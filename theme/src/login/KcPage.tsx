import { Suspense, lazy } from "react";
import { PAGE } from "../../../contracts";
import type { KcContext } from "./KcContext";
import { useI18n } from "./i18n";
import Template from "./Template";
import Login from "./pages/Login";
import LoginBirthdate from "./pages/LoginBirthdate";
import Terms from "./pages/Terms";
import LoginMethodChoice from "./pages/LoginMethodChoice";
import LoginUpdatePassword from "./pages/LoginUpdatePassword";
import LoginUpdateProfile from "./pages/LoginUpdateProfile";
import LoginVerifyEmail from "./pages/LoginVerifyEmail";
import LoginEmailCode from "./pages/LoginEmailCode";
import WebauthnRegister from "./pages/WebauthnRegister";
import WebauthnAuthenticate from "./pages/WebauthnAuthenticate";
import WebauthnError from "./pages/WebauthnError";
import LoginConfigTotp from "./pages/LoginConfigTotp";
import LoginOtp from "./pages/LoginOtp";
import LoginPageExpired from "./pages/LoginPageExpired";
import ErrorPage from "./pages/Error";
import Info from "./pages/Info";
import LogoutConfirm from "./pages/LogoutConfirm";
import LoginResetPassword from "./pages/LoginResetPassword";

const DefaultPage = lazy(() => import("keycloakify/login/DefaultPage"));
const UserProfileFormFields = lazy(() => import("keycloakify/login/UserProfileFormFields"));

/**
 * One switch over Keycloak's page id. Our pages are small and bundled together (fewer requests
 * before first paint); Keycloakify's generic pages and profile fields load only when used.
 */
export default function KcPage(props: { kcContext: KcContext }) {
  const { kcContext } = props;
  const { i18n } = useI18n({ kcContext });

  return (
    <Suspense>
      {(() => {
        switch (kcContext.pageId) {
          case "login.ftl":
            return <Login kcContext={kcContext} i18n={i18n} />;
          case PAGE.birthdate:
            return <LoginBirthdate kcContext={kcContext} i18n={i18n} />;
          case PAGE.terms:
            return <Terms kcContext={kcContext} i18n={i18n} />;
          case PAGE.methodChoice:
            return <LoginMethodChoice kcContext={kcContext} i18n={i18n} />;
          case PAGE.emailCode:
            return <LoginEmailCode kcContext={kcContext} i18n={i18n} />;
          case "login-update-password.ftl":
            return <LoginUpdatePassword kcContext={kcContext} i18n={i18n} />;
          case "login-update-profile.ftl":
            return <LoginUpdateProfile kcContext={kcContext} i18n={i18n} />;
          case "login-verify-email.ftl":
            return <LoginVerifyEmail kcContext={kcContext} i18n={i18n} />;
          case "webauthn-register.ftl":
            return <WebauthnRegister kcContext={kcContext} i18n={i18n} />;
          case "webauthn-authenticate.ftl":
            return <WebauthnAuthenticate kcContext={kcContext} i18n={i18n} />;
          case "webauthn-error.ftl":
            return <WebauthnError kcContext={kcContext} i18n={i18n} />;
          case "login-config-totp.ftl":
            return <LoginConfigTotp kcContext={kcContext} i18n={i18n} />;
          case "login-otp.ftl":
            return <LoginOtp kcContext={kcContext} i18n={i18n} />;
          case "login-page-expired.ftl":
            return <LoginPageExpired kcContext={kcContext} i18n={i18n} />;
          case "error.ftl":
            return <ErrorPage kcContext={kcContext} i18n={i18n} />;
          case "info.ftl":
            return <Info kcContext={kcContext} i18n={i18n} />;
          case "login-reset-password.ftl":
            return <LoginResetPassword kcContext={kcContext} i18n={i18n} />;
          case "logout-confirm.ftl":
            return <LogoutConfirm kcContext={kcContext} i18n={i18n} />;
          default:
            // Pages the member journey does not reach keep Keycloak's markup inside our frame.
            return (
              <DefaultPage
                kcContext={kcContext}
                i18n={i18n}
                Template={Template}
                doUseDefaultCss={false}
                classes={{}}
                UserProfileFormFields={UserProfileFormFields}
                doMakeUserConfirmPassword={true}
              />
            );
        }
      })()}
    </Suspense>
  );
}
