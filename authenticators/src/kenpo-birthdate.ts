import { FORM_ATTRIBUTE, FORM_FIELD, MESSAGE, PAGE, STAGE, USER_ATTRIBUTE } from "../../contracts/index.js";
import { parseBirthdate } from "../../rules/birthdate.js";
import {
  attemptsLeftAfterFailure,
  fieldError,
  FlowError,
  formValue,
  initialPasswordExpired,
  isLockedOut,
  recordFailure,
} from "./lib/flow.js";

/**
 * ③ The member types their own birthdate; it must match 生年月日 from the member register.
 * A wrong answer is a failed login for Keycloak's brute-force detection, so after the realm's
 * failure factor the account is temporarily locked. Wrong and locked look the same to the member,
 * except that a wrong answer which does not lock also says how many are left.
 */
export function authenticate(context: AuthenticationFlowContext): void {
  const user = context.getUser();
  // An active member (③ asked again after losing every device) no longer has the initial password.
  if (user && user.getFirstAttribute(USER_ATTRIBUTE.stage) !== STAGE.active && initialPasswordExpired(context, user)) {
    // Answered like a wrong password at ②, so an expired card password confirms nothing; the help
    // desk re-issues it (kenpo reset-password), which starts its days again.
    LOG.info("kenpo: member " + user.getId() + " used an expired initial password");
    context.forkWithErrorMessage(fieldError("username", "invalidUserMessage"));
    return;
  }
  context.challenge(context.form().createForm(PAGE.birthdate));
}

export function action(context: AuthenticationFlowContext): void {
  const user = context.getUser();
  if (!user) {
    context.failure(FlowError.INVALID_USER);
    return;
  }
  const wrong = (attemptsLeft: number | null) => {
    const form = context.form().addError(fieldError(FORM_FIELD.birthdate, MESSAGE.birthdateWrong));
    // No count once locked: "0 left" would only be a second way of saying "locked".
    if (attemptsLeft !== null && attemptsLeft > 0) form.setAttribute(FORM_ATTRIBUTE.attemptsLeft, attemptsLeft);
    context.failureChallenge(FlowError.INVALID_CREDENTIALS, form.createForm(PAGE.birthdate));
  };
  if (isLockedOut(context, user)) {
    wrong(null);
    return;
  }
  const parsed = parseBirthdate(formValue(context, FORM_FIELD.birthdate));
  if (!parsed.ok) {
    // A typing mistake (not a date at all) is not a guess: show the format, count nothing.
    context.challenge(
      context.form().addError(fieldError(FORM_FIELD.birthdate, MESSAGE.birthdateFormat)).createForm(PAGE.birthdate),
    );
    return;
  }
  if (parsed.value !== user.getFirstAttribute(USER_ATTRIBUTE.birthdate)) {
    const attemptsLeft = attemptsLeftAfterFailure(context, user);
    recordFailure(context, user);
    wrong(attemptsLeft);
    return;
  }
  context.success();
}
