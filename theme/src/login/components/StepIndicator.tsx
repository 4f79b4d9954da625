import type { I18n } from "../i18n";

type Range = number | readonly [number, number];

/**
 * A screen of the member manual's first-login numbering (① to ⑭, or a range such as ⑩–⑫), and how far
 * the member is along their own branch (position out of total; a total range before the branch is known).
 */
export type Step = { screen: Range; position: Range; total: Range };

/** The manual's circled numbers: ① is U+2460. */
function circled(n: number): string {
  return String.fromCodePoint(0x2460 + n - 1);
}

function last(range: Range): number {
  return typeof range === "number" ? range : range[1];
}

export function StepIndicator(props: { step: Step; i18n: I18n }) {
  const { step, i18n } = props;
  const { msgStr } = i18n;
  const label = (range: Range, write: (n: number) => string) =>
    typeof range === "number" ? write(range) : msgStr("kenpoStepRange", write(range[0]), write(range[1]));
  const text = msgStr(
    "kenpoStepIndicator",
    label(step.screen, circled),
    label(step.position, String),
    label(step.total, String),
  );
  // Before the branch is known, the bar measures against the longer branch: it never runs ahead.
  const max = last(step.total);
  const now = last(step.position);
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
        aria-valuemax={max}
        aria-valuenow={now}
        aria-valuetext={text}
      >
        <span style={{ width: `${Math.round((now / max) * 100)}%` }} />
      </div>
    </div>
  );
}
