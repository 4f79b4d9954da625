import { FlowError, fieldError } from "./lib/flow.js";

/**
 * ④ The terms of use, inside the flow so they come before the method choice (⑤), as in the
 * manual. Acceptance is stored the way Keycloak's own TERMS_AND_CONDITIONS action stores it.
 */
const PAGE = "terms.ftl";

export function authenticate(context: AuthenticationFlowContext): void {
  context.challenge(context.form().createForm(PAGE));
}

export function action(context: AuthenticationFlowContext): void {
  const user = context.getUser();
  if (!user) {
    context.failure(FlowError.INVALID_USER);
    return;
  }
  // The buttons' names carry the answer, whatever their values (a browser may send an empty one).
  const form = context.getHttpRequest().getDecodedFormParameters();
  if (form.getFirst("accept") == null || form.getFirst("cancel") != null) {
    // addError, not setError: the script engine cannot call setError's varargs with one argument.
    context.challenge(context.form().addError(fieldError("accept", "kenpoTermsRequired")).createForm(PAGE));
    return;
  }
  const seconds = Math.floor(Java.type("java.lang.System").currentTimeMillis() / 1000);
  user.setSingleAttribute("terms_and_conditions", String(seconds));
  // Which text was accepted: provisioning keeps the society's terms version on the realm.
  user.setSingleAttribute("kenpoTermsVersion", context.getRealm().getAttribute("kenpoTermsVersion") || "1");
  context.success();
}
