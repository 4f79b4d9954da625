import {
  FORM_ATTRIBUTE,
  FORM_FIELD,
  MESSAGE,
  PAGE,
  REALM_ATTRIBUTE,
  STAGE,
  USER_ATTRIBUTE,
} from "../../contracts/index.js";
import { FlowError, fieldError } from "./lib/flow.js";

/**
 * ④ The terms of use, inside the flow so they come before the method choice (⑤), as in the
 * manual. Acceptance is stored the way Keycloak's own TERMS_AND_CONDITIONS action stores it.
 */
export function authenticate(context: AuthenticationFlowContext): void {
  context.challenge(termsForm(context).createForm(PAGE.terms));
}

/**
 * Shown to an active member, ④ is the terms again after the society revised them, not a step of the
 * first login: the page is told so (FORM_ATTRIBUTE.pastFirstLogin).
 */
function termsForm(context: AuthenticationFlowContext): LoginFormsProvider {
  const form = context.form();
  const user = context.getUser();
  if (user && user.getFirstAttribute(USER_ATTRIBUTE.stage) === STAGE.active)
    form.setAttribute(FORM_ATTRIBUTE.pastFirstLogin, "true");
  return form;
}

export function action(context: AuthenticationFlowContext): void {
  const user = context.getUser();
  if (!user) {
    context.failure(FlowError.INVALID_USER);
    return;
  }
  // The buttons' names carry the answer, whatever their values (a browser may send an empty one).
  const form = context.getHttpRequest().getDecodedFormParameters();
  if (form.getFirst(FORM_FIELD.accept) == null || form.getFirst(FORM_FIELD.cancel) != null) {
    // addError, not setError: the script engine cannot call setError's varargs with one argument.
    context.challenge(
      termsForm(context).addError(fieldError(FORM_FIELD.accept, MESSAGE.termsRequired)).createForm(PAGE.terms),
    );
    return;
  }
  const seconds = Math.floor(Java.type("java.lang.System").currentTimeMillis() / 1000);
  user.setSingleAttribute(USER_ATTRIBUTE.termsAcceptedAt, String(seconds));
  // Which text was accepted: provisioning keeps the society's terms version on the realm.
  user.setSingleAttribute(
    USER_ATTRIBUTE.termsVersion,
    context.getRealm().getAttribute(REALM_ATTRIBUTE.termsVersion) || "1",
  );
  context.success();
}
