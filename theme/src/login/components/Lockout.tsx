import { REALM_TEXT } from "../../../../contracts";
import type { I18n } from "../i18n";

/** The society's lockout (policies.maxLoginFailures, lockoutMinutes), from its realm texts. */
function lockout(i18n: I18n) {
  return { failures: i18n.msgStr(REALM_TEXT.lockoutFailures), minutes: i18n.msgStr(REALM_TEXT.lockoutMinutes) };
}

/** Wrong answers left before the lockout (③ and the email check): only after a wrong one that did not lock. */
export function AttemptsLeft(props: { i18n: I18n; attemptsLeft: number | undefined }) {
  if (props.attemptsLeft === undefined) return null;
  return (
    <p className="kp-warning" id="kp-attempts-left" role="status">
      {props.i18n.msgStr("kenpoBirthdateAttemptsLeft", String(props.attemptsLeft), lockout(props.i18n).minutes)}
    </p>
  );
}

/**
 * The rule itself, with its numbers: a locked member gets the same words as a wrong answer (so a page
 * never confirms a guess), and without the rule would doubt the right password or birthdate.
 */
export function LockoutRule(props: { i18n: I18n; id?: string }) {
  const { failures, minutes } = lockout(props.i18n);
  return (
    <p className="kp-hint" id={props.id ?? "kp-lockout-rule"}>
      {props.i18n.msgStr("kenpoLockoutRule", failures, minutes)}
    </p>
  );
}
