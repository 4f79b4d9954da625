import type { KcContext } from "../KcContext";
import type { I18n } from "../i18n";
import Template from "../Template";
import { Field, FieldError } from "../components/Field";
import { OtpApps } from "../components/OtpApps";
import { FIRST_LOGIN_STEPS } from "../steps";

type Props = { kcContext: Extract<KcContext, { pageId: "login-method-choice.ftl" }>; i18n: I18n };

/** Manual ⑤: passkey or OTP app, each with what the member needs; optional user ID change. */
export default function LoginMethodChoice(props: Props) {
    const { kcContext, i18n } = props;
    const { url, messagesPerField, kenpoCurrentUserId, kenpoSelectedMethod } = kcContext;
    const { msg, msgStr } = i18n;
    const methodError = messagesPerField.existsError("method") ? messagesPerField.get("method") : undefined;
    const userIdError = messagesPerField.existsError("newUserId") ? messagesPerField.get("newUserId") : undefined;

    return (
        <Template
            kcContext={kcContext}
            i18n={i18n}
            headerNode={msgStr("kenpoMethodTitle")}
            step={FIRST_LOGIN_STEPS.methodChoice}
            displayMessage={methodError === undefined && userIdError === undefined}
        >
            <form id="kp-method-form" className="kp-stack" action={url.loginAction} method="post" noValidate>
                <p>{msg("kenpoMethodLead")}</p>
                <fieldset
                    className="kp-fieldset"
                    aria-invalid={methodError !== undefined || undefined}
                    aria-describedby={methodError !== undefined ? "method-error" : undefined}
                >
                    <legend className="kp-label">{msg("kenpoMethodLegend")}</legend>
                    <label className="kp-option" htmlFor="method-passkey">
                        <input type="radio" id="method-passkey" name="method" value="passkey" defaultChecked={kenpoSelectedMethod === "passkey"} required />
                        <span className="kp-option__body">
                            <strong className="kp-option__title">{msg("kenpoMethodPasskey")}</strong>
                            <span>{msg("kenpoMethodPasskeyDesc")}</span>
                            <span className="kp-needs">{msg("kenpoMethodPasskeyNeeds")}</span>
                        </span>
                    </label>
                    <label className="kp-option" htmlFor="method-otp">
                        <input type="radio" id="method-otp" name="method" value="otp" defaultChecked={kenpoSelectedMethod === "otp"} />
                        <span className="kp-option__body">
                            <strong className="kp-option__title">{msg("kenpoMethodOtp")}</strong>
                            <span>{msg("kenpoMethodOtpDesc")}</span>
                            <span className="kp-needs">{msg("kenpoMethodOtpNeeds")}</span>
                            <OtpApps i18n={i18n} />
                        </span>
                    </label>
                    {methodError !== undefined && <FieldError id="method-error" html={methodError} />}
                </fieldset>

                <section className="kp-panel" aria-labelledby="kp-userid-title">
                    <h2 id="kp-userid-title" className="kp-subheading">
                        {msg("kenpoUserIdChangeHeading")}
                    </h2>
                    <p id="kp-userid-optional">{msg("kenpoUserIdChangeOptional")}</p>
                    {kenpoCurrentUserId !== undefined && <p id="kp-current-userid">{msgStr("kenpoCurrentUserId", kenpoCurrentUserId)}</p>}
                    <Field
                        id="newUserId"
                        i18n={i18n}
                        optional
                        label={msg("kenpoNewUserId")}
                        hint={msg("kenpoNewUserIdHint")}
                        error={userIdError}
                        inputProps={{ type: "text", autoComplete: "off", autoCapitalize: "none", spellCheck: false, maxLength: 64 }}
                    />
                </section>

                <button type="submit" className="kp-button kp-button--primary" id="kp-method-submit">
                    {msg("kenpoDoNext")}
                </button>
            </form>
        </Template>
    );
}
