import { parseBirthdate } from "../../rules/birthdate.js";
import { fieldError, FlowError, formValue, initialPasswordExpired, isLockedOut, recordFailure, Stage } from "./lib/flow.js";

/**
 * ③ The member types their own birthdate; it must match 生年月日 from the member register.
 * A wrong answer is a failed login for Keycloak's brute-force detection, so after the realm's
 * failure factor the account is temporarily locked. Wrong and locked look the same to the member.
 */
const PAGE = "login-birthdate.ftl";

export function authenticate(context: AuthenticationFlowContext): void {
  const user = context.getUser();
  // An active member (③ asked again after losing every device) no longer has the initial password.
  if (user && user.getFirstAttribute("kenpoStage") !== Stage.active && initialPasswordExpired(context, user)) {
    // Answered like a wrong password at ②, so an expired card password confirms nothing; the help
    // desk re-issues it (kenpo reset-password), which starts its days again.
    LOG.info("kenpo: member " + user.getId() + " used an expired initial password");
    context.forkWithErrorMessage(fieldError("username", "invalidUserMessage"));
    return;
  }
  context.challenge(context.form().createForm(PAGE));
}

export function action(context: AuthenticationFlowContext): void {
  const user = context.getUser();
  if (!user) {
    context.failure(FlowError.INVALID_USER);
    return;
  }
  const wrong = () =>
    context.failureChallenge(FlowError.INVALID_CREDENTIALS, context.form().addError(fieldError("birthdate", "kenpoBirthdateWrong")).createForm(PAGE));
  if (isLockedOut(context, user)) {
    wrong();
    return;
  }
  const parsed = parseBirthdate(formValue(context, "birthdate"));
  if (!parsed.ok) {
    // A typing mistake (not a date at all) is not a guess: show the format, count nothing.
    context.challenge(context.form().addError(fieldError("birthdate", "kenpoBirthdateFormat")).createForm(PAGE));
    return;
  }
  if (parsed.value !== user.getFirstAttribute("kenpoBirthdate")) {
    recordFailure(context, user);
    wrong();
    return;
  }
  context.success();
}
