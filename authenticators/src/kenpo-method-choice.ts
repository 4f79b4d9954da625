import {
  FACTOR,
  FORM_ATTRIBUTE,
  FORM_FIELD,
  isMethod,
  MESSAGE,
  PAGE,
  REALM_ATTRIBUTE,
  REQUIRED_ACTION,
  STAGE,
  USER_ATTRIBUTE,
} from "../../contracts/index.js";
import { isValidUserId, normalizeUserId } from "../../rules/user-id.js";
import { fieldError, FlowError, formValue, hasCredential, realmSetting } from "./lib/flow.js";

/**
 * ⑤ The member chooses 生体認証 (passkey) or ワンタイムパスワード (OTP app), and may change the user ID.
 * The choice takes effect only once the member's email address is proven: until then it is held in
 * this login's notes and the email check (kenpo-email-code) applies it. Someone who knows a member's
 * card can thus reach ⑤ but change nothing. What follows the choice is queued as required actions,
 * which Keycloak runs by priority after the flow: the new password, then the chosen factor's
 * registration (⑧ opens that page).
 */

/** Notes on the login (the authentication session), never on the member, while the email is unproven. */
const HELD = { method: "kenpo.held.method", userId: "kenpo.held.userId" } as const;

function show(
  context: AuthenticationFlowContext,
  user: UserModel,
  method: string,
  error?: FormMessage,
  otherMethod = false,
): void {
  const form = context.form().setAttribute(FORM_ATTRIBUTE.currentUserId, user.getUsername());
  if (method) form.setAttribute(FORM_ATTRIBUTE.selectedMethod, method);
  if (otherMethod) form.setAttribute(FORM_ATTRIBUTE.otherMethod, "true");
  if (error) form.addError(error);
  context.challenge(form.createForm(PAGE.methodChoice));
}

/**
 * A register row without an email address: unless the society allows members to enter one, the
 * member stops here with the help desk's contact, before ⑤, because whoever does the first login
 * would otherwise own the account through an address of theirs.
 */
export function stoppedForEmail(context: AuthenticationFlowContext, user: UserModel): boolean {
  if (user.getEmail() || realmSetting(context, REALM_ATTRIBUTE.memberEmailEntry) === "true") return false;
  context.challenge(
    context
      .form()
      .setInfo(MESSAGE.noEmailOnFile, [realmSetting(context, REALM_ATTRIBUTE.helpDesk)])
      .createInfoPage(),
  );
  return true;
}

export function authenticate(context: AuthenticationFlowContext): void {
  const user = context.getUser();
  if (!user) {
    context.failure(FlowError.INVALID_USER);
    return;
  }
  if (stoppedForEmail(context, user)) return;
  show(context, user, user.getFirstAttribute(USER_ATTRIBUTE.mfaMethod) || "");
}

export function action(context: AuthenticationFlowContext): void {
  const user = context.getUser();
  if (!user) {
    context.failure(FlowError.INVALID_USER);
    return;
  }
  if (stoppedForEmail(context, user)) return;
  if (choose(context, user) !== "shown") context.success();
}

/**
 * ⑤ again for a member who asked for another method on the factor's registration page (kenpo-enrol
 * decides when that is allowed): the method only, the current one selected.
 */
export function showOtherMethod(context: AuthenticationFlowContext, user: UserModel, error?: FormMessage): void {
  show(context, user, user.getFirstAttribute(USER_ATTRIBUTE.mfaMethod) || "", error, true);
}

/**
 * Reads ⑤'s form. "shown": ⑤ is shown again with an error. "applied": the email was already proven,
 * so the choice took effect now. "held": the choice waits in the login's notes for the email check.
 */
export function choose(context: AuthenticationFlowContext, user: UserModel): "shown" | "held" | "applied" {
  const method = formValue(context, FORM_FIELD.method);
  if (!isMethod(method)) {
    show(context, user, "", fieldError(FORM_FIELD.method, MESSAGE.methodRequired));
    return "shown";
  }
  const newUserId = normalizeUserId(formValue(context, FORM_FIELD.newUserId));
  const wanted = newUserId !== "" && newUserId !== user.getUsername() ? newUserId : "";
  if (wanted !== "") {
    if (!isValidUserId(wanted)) {
      show(context, user, method, fieldError(FORM_FIELD.newUserId, MESSAGE.userIdInvalid));
      return "shown";
    }
    if (takenByAnother(context, user, wanted)) {
      show(context, user, method, fieldError(FORM_FIELD.newUserId, MESSAGE.userIdTaken));
      return "shown";
    }
  }
  const notes = context.getAuthenticationSession();
  notes.setAuthNote(HELD.method, method);
  if (wanted !== "") notes.setAuthNote(HELD.userId, wanted);
  else notes.removeAuthNote(HELD.userId);
  if (!user.isEmailVerified()) return "held";
  applyHeldChoice(context, user);
  return "applied";
}

function takenByAnother(context: AuthenticationFlowContext, user: UserModel, userId: string): boolean {
  const holder = context.getSession().users().getUserByUsername(context.getRealm(), userId);
  return holder != null && holder.getId() !== user.getId();
}

/**
 * Makes the held choice the member's own (called once the email is proven). Without a held choice
 * nothing changes and the enrolment asks ⑤ again. A user ID taken by someone else meanwhile is not
 * taken over: the member keeps the current one, which the portal shows.
 */
export function applyHeldChoice(context: AuthenticationFlowContext, user: UserModel): void {
  const notes = context.getAuthenticationSession();
  const method = notes.getAuthNote(HELD.method);
  const userId = notes.getAuthNote(HELD.userId);
  notes.removeAuthNote(HELD.method);
  notes.removeAuthNote(HELD.userId);
  if (!isMethod(method)) return;
  if (userId && userId !== user.getUsername()) {
    if (takenByAnother(context, user, userId)) {
      LOG.warn("kenpo: member " + user.getId() + " kept the user ID: the one chosen at step 5 was taken meanwhile");
    } else {
      LOG.info("kenpo: member " + user.getId() + " changed the user ID at step 5");
      user.setUsername(userId);
    }
  }
  user.setSingleAttribute(USER_ATTRIBUTE.mfaMethod, method);
  user.setSingleAttribute(USER_ATTRIBUTE.stage, STAGE.enrolling);
  user.addRequiredAction(REQUIRED_ACTION.updatePassword);
  if (!hasCredential(user, FACTOR[method].credential)) user.addRequiredAction(FACTOR[method].requiredAction);
}
