import {
  FACTOR,
  FORM_FIELD,
  isMethod,
  MESSAGE,
  OTHER_METHOD_COOKIE,
  REQUIRED_ACTION,
  STAGE,
  USER_ATTRIBUTE,
} from "../../contracts/index.js";
import * as methodChoice from "./kenpo-method-choice.js";
import {
  chosenFactor,
  fieldError,
  FlowError,
  formValue,
  hasAnyFactor,
  hasRequiredAction,
  initialPasswordExpired,
  requiredActionEnabled,
} from "./lib/flow.js";

/**
 * Every login of a member without a proven factor passes here (the first login, a resumed
 * enrolment, or an active member whose devices are all gone). It never ends a login by itself:
 * either the member becomes active because a factor is registered — and the second-factor step
 * that follows asks for it — or the chosen factor's registration is queued as a required action,
 * without which Keycloak issues no session. No method, or an unknown one, shows ⑤ again.
 */
export function authenticate(context: AuthenticationFlowContext): void {
  const user = context.getUser();
  if (!user) {
    context.failure(FlowError.INVALID_USER);
    return;
  }
  // Left at ⑥ earlier: the password is still the card's, and it expires like at ③.
  if (
    user.getFirstAttribute(USER_ATTRIBUTE.stage) !== STAGE.active &&
    hasRequiredAction(user, REQUIRED_ACTION.updatePassword) &&
    initialPasswordExpired(context, user)
  ) {
    context.forkWithErrorMessage(fieldError("username", "invalidUserMessage"));
    return;
  }
  if (!chosenFactor(user)) {
    methodChoice.authenticate(context);
    return;
  }
  if (wantsOtherMethod(context) && !hasAnyFactor(user)) {
    context.getAuthenticationSession().setAuthNote(OTHER_METHOD_NOTE, "true");
    methodChoice.showOtherMethod(context, user);
    return;
  }
  if (settle(context, user)) context.success();
}

/** On this login: ⑤ was shown again for another method (so the next post is that choice). */
const OTHER_METHOD_NOTE = "kenpo.otherMethod";

/**
 * 「別の方法を選ぶ」 on the registration page of the chosen factor (a phone that cannot make a passkey,
 * no authenticator app at hand) sets a cookie and starts the login again. Here — after the password and
 * the email check of this new login — ⑤ comes back for the method only. Never for a member with a
 * registered factor: changing factors then needs the factor itself (the account console) or the help desk.
 */
function wantsOtherMethod(context: AuthenticationFlowContext): boolean {
  const cookie = context.getHttpRequest().getHttpHeaders().getCookies().get(OTHER_METHOD_COOKIE);
  return cookie != null && String(cookie.getValue()) !== "";
}

/** The other method chosen: it replaces the first choice and its queued registration. */
function chooseOtherMethod(context: AuthenticationFlowContext, user: UserModel): void {
  if (hasAnyFactor(user)) {
    LOG.warn("kenpo: member " + user.getId() + " has a factor and asked for another method: login refused");
    context.failure(FlowError.ACCESS_DENIED);
    return;
  }
  const method = formValue(context, FORM_FIELD.method);
  if (!isMethod(method)) {
    methodChoice.showOtherMethod(context, user, fieldError(FORM_FIELD.method, MESSAGE.methodRequired));
    return;
  }
  const before = chosenFactor(user);
  if (before && before.requiredAction !== FACTOR[method].requiredAction)
    user.removeRequiredAction(before.requiredAction);
  user.setSingleAttribute(USER_ATTRIBUTE.mfaMethod, method);
  context.getAuthenticationSession().removeAuthNote(OTHER_METHOD_NOTE);
  LOG.info("kenpo: member " + user.getId() + " chose " + method + " instead before registering a factor");
  if (settle(context, user)) context.success();
}

/**
 * Only reached when authenticate() showed ⑤. The email check runs before this step in every flow, so
 * the choice takes effect at once; a choice still held for an unproven email would leave no factor
 * queued, so it ends the login instead of opening a session.
 */
export function action(context: AuthenticationFlowContext): void {
  const user = context.getUser();
  if (!user) {
    context.failure(FlowError.INVALID_USER);
    return;
  }
  if (context.getAuthenticationSession().getAuthNote(OTHER_METHOD_NOTE)) {
    chooseOtherMethod(context, user);
    return;
  }
  if (methodChoice.stoppedForEmail(context, user)) return;
  const outcome = methodChoice.choose(context, user);
  if (outcome === "shown") return;
  if (outcome === "held" || !chosenFactor(user)) {
    LOG.warn("kenpo: member " + user.getId() + " reached the enrolment with an unproven email: login refused");
    context.failure(FlowError.ACCESS_DENIED);
    return;
  }
  if (settle(context, user)) context.success();
}

/** False (and the login refused) when the factor's registration could not stand in the way of a session. */
function settle(context: AuthenticationFlowContext, user: UserModel): boolean {
  const factor = chosenFactor(user)!;
  if (hasAnyFactor(user)) {
    user.setSingleAttribute(USER_ATTRIBUTE.stage, STAGE.active);
    return true;
  }
  if (!requiredActionEnabled(context, factor.requiredAction)) {
    LOG.warn(
      "kenpo: required action " +
        factor.requiredAction +
        " is disabled in realm " +
        context.getRealm().getName() +
        ": login refused",
    );
    context.failure(FlowError.ACCESS_DENIED);
    return false;
  }
  // Queued on every pass: a required action removed by hand must not open a session.
  user.setSingleAttribute(USER_ATTRIBUTE.stage, STAGE.enrolling);
  user.addRequiredAction(factor.requiredAction);
  return true;
}
