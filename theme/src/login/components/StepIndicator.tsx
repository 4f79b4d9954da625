import type { I18n } from "../i18n";

/** A step of the member manual's first-login numbering: one number, or a range such as ⑩–⑫. */
export type Step = { current: number | readonly [number, number]; total: number };

export function StepIndicator(props: { step: Step; i18n: I18n }) {
  const { step, i18n } = props;
  const { msgStr } = i18n;
  const last = typeof step.current === "number" ? step.current : step.current[1];
  const label =
    typeof step.current === "number"
      ? String(step.current)
      : msgStr("kenpoStepRange", String(step.current[0]), String(step.current[1]));
  const text = msgStr("kenpoStepIndicator", label, String(step.total));
  return (
    <div className="kp-step">
      <p className="kp-step__text" id="kp-step">
        {text}
      </p>
      <div
        className="kp-step__bar"
        role="progressbar"
        aria-labelledby="kp-step"
        aria-valuemin={1}
        aria-valuemax={step.total}
        aria-valuenow={last}
      >
        <span style={{ width: `${Math.round((last / step.total) * 100)}%` }} />
      </div>
    </div>
  );
}
