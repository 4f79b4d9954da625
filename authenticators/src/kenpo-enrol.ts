import { REQUIRED_ACTION, STAGE, USER_ATTRIBUTE } from "../../contracts/index.js";
import * as methodChoice from "./kenpo-method-choice.js";
import {
  chosenFactor,
  fieldError,
  FlowError,
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
