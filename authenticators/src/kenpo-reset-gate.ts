import { MESSAGE, STAGE, USER_ATTRIBUTE } from "../../contracts/index.js";
import { FlowError, hasAnyFactor, isLockedOut } from "./lib/flow.js";

/**
 * The reset-credentials flow, after the emailed link was opened: only an active member with a
 * registered factor goes on (to prove that factor, then choose a new password). Whoever reads the
 * mailbox learns nothing more than what to do next: a member still in the first login uses the
 * initial password from the card; a locked member waits. Nothing is written here.
 */
export function authenticate(context: AuthenticationFlowContext): void {
  const user = context.getUser();
  if (!user) {
    context.failure(FlowError.INVALID_USER);
    return;
  }
  if (isLockedOut(context, user)) {
    stop(context, MESSAGE.resetLocked);
    return;
  }
  // Enrolling with a factor: registered at the end of the first login, activated at the next login.
  const stage = user.getFirstAttribute(USER_ATTRIBUTE.stage);
  if ((stage !== STAGE.active && stage !== STAGE.enrolling) || !hasAnyFactor(user)) {
    stop(context, MESSAGE.resetFirstLogin);
    return;
  }
  context.success();
}

/** An information page with no way forward in this flow; reloading it shows it again. */
function stop(context: AuthenticationFlowContext, messageKey: string): void {
  context.challenge(context.form().setInfo(messageKey, []).createInfoPage());
}

export function action(context: AuthenticationFlowContext): void {
  authenticate(context);
}
