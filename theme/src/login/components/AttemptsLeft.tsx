import type { I18n } from "../i18n";

/** Wrong answers left before the lockout (③ and the email check): only after a wrong one that did not lock. */
export function AttemptsLeft(props: { i18n: I18n; attemptsLeft: number | undefined }) {
  if (props.attemptsLeft === undefined) return null;
  return (
    <p className="kp-warning" id="kp-attempts-left" role="status">
      {props.i18n.msgStr("kenpoBirthdateAttemptsLeft", String(props.attemptsLeft))}
    </p>
  );
}
