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
 * What follows is queued as required actions, which Keycloak runs by priority after the flow:
 * ⑥ new password, ⑦ email, then the chosen factor's registration (⑧ opens that page).
 */
function show(context: AuthenticationFlowContext, user: UserModel, method: string, error?: FormMessage): void {
  const form = context.form().setAttribute(FORM_ATTRIBUTE.currentUserId, user.getUsername());
  if (method) form.setAttribute(FORM_ATTRIBUTE.selectedMethod, method);
  if (error) form.addError(error);
  context.challenge(form.createForm(PAGE.methodChoice));
}

/**
 * A register row without an email address: unless the society allows members to enter one, the
 * member stops here with the help desk's contact, before ⑤ changes anything (user ID, password),
 * because whoever does the first login would otherwise own the account through an address of theirs.
 */
function stoppedForEmail(context: AuthenticationFlowContext, user: UserModel): boolean {
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
  const method = formValue(context, FORM_FIELD.method);
  if (!isMethod(method)) {
    show(context, user, "", fieldError(FORM_FIELD.method, MESSAGE.methodRequired));
    return;
  }
  const factor = FACTOR[method];
  const newUserId = normalizeUserId(formValue(context, FORM_FIELD.newUserId));
  if (newUserId !== "" && newUserId !== user.getUsername()) {
    if (!isValidUserId(newUserId)) {
      show(context, user, method, fieldError(FORM_FIELD.newUserId, MESSAGE.userIdInvalid));
      return;
    }
    const holder = context.getSession().users().getUserByUsername(context.getRealm(), newUserId);
    if (holder && holder.getId() !== user.getId()) {
      show(context, user, method, fieldError(FORM_FIELD.newUserId, MESSAGE.userIdTaken));
      return;
    }
    LOG.info("kenpo: member " + user.getId() + " changed the user ID at step 5");
    user.setUsername(newUserId);
  }
  user.setSingleAttribute(USER_ATTRIBUTE.mfaMethod, method);
  user.setSingleAttribute(USER_ATTRIBUTE.stage, STAGE.enrolling);
  user.addRequiredAction(REQUIRED_ACTION.updatePassword);
  if (!user.getEmail()) user.addRequiredAction(REQUIRED_ACTION.updateProfile);
  if (!user.isEmailVerified()) user.addRequiredAction(REQUIRED_ACTION.verifyEmail);
  if (!hasCredential(user, factor.credential)) user.addRequiredAction(factor.requiredAction);
  context.success();
}
