import { useState, type InputHTMLAttributes, type ReactNode } from "react";
import { kcSanitize } from "keycloakify/lib/kcSanitize";
import type { I18n } from "../i18n";

type FieldProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Server-side error text (already translated by Keycloak; may contain simple HTML). */
  error?: string;
  optional?: boolean;
  i18n: I18n;
  children?: ReactNode;
  inputProps: InputHTMLAttributes<HTMLInputElement>;
};

/** Label, input, hint and error, tied together for screen readers (aria-describedby). */
export function Field(props: FieldProps) {
  const { id, label, hint, error, optional, i18n, inputProps, children } = props;
  const hasError = error !== undefined && error !== "";
  const describedBy = [hint !== undefined ? `${id}-hint` : undefined, hasError ? `${id}-error` : undefined]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="kp-field">
      <label htmlFor={id} className="kp-label">
        {label}
        {optional && <span className="kp-badge">{i18n.msgStr("kenpoOptional")}</span>}
      </label>
      {hint !== undefined && (
        <p className="kp-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <input
        id={id}
        name={id}
        className="kp-input"
        aria-invalid={hasError || undefined}
        aria-describedby={describedBy === "" ? undefined : describedBy}
        {...inputProps}
      />
      {children}
      {hasError && <FieldError id={`${id}-error`} html={error} />}
    </div>
  );
}

export function FieldError(props: { id: string; html: string }) {
  return (
    <p
      className="kp-error"
      id={props.id}
      aria-live="polite"
      dangerouslySetInnerHTML={{ __html: kcSanitize(props.html) }}
    />
  );
}

type PasswordFieldProps = Omit<FieldProps, "inputProps" | "children"> & {
  inputProps: Omit<InputHTMLAttributes<HTMLInputElement>, "type">;
  extraDescribedBy?: string;
};

/** Password input with a show/hide button (phones make typing long passwords hard). */
export function PasswordField(props: PasswordFieldProps) {
  const { i18n, inputProps, extraDescribedBy, ...rest } = props;
  const [revealed, setRevealed] = useState(false);
  const { msgStr } = i18n;
  const fieldId = rest.id;
  const describedBy = [
    rest.hint !== undefined ? `${fieldId}-hint` : undefined,
    rest.error ? `${fieldId}-error` : undefined,
    extraDescribedBy,
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <Field
      {...rest}
      i18n={i18n}
      inputProps={{
        ...inputProps,
        type: revealed ? "text" : "password",
        "aria-describedby": describedBy === "" ? undefined : describedBy,
      }}
    >
      <button
        type="button"
        className="kp-reveal"
        aria-controls={fieldId}
        aria-pressed={revealed}
        onClick={() => setRevealed((value) => !value)}
      >
        {revealed ? msgStr("kenpoHidePassword") : msgStr("kenpoShowPassword")}
      </button>
    </Field>
  );
}
