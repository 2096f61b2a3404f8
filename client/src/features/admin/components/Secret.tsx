import { CopyButton } from "./CopyButton";

/** A secret shown exactly once (a password, a token), with a copy button and a warning. */
export function OneTimeSecret({ value, label, testId }: { value: string; label: string; testId?: string }) {
  return (
    <div className="adm-secret">
      <span className="adm-secret__label">{label}</span>
      <div className="adm-secret__row">
        <code className="adm-secret__value" data-testid={testId}>{value}</code>
        <CopyButton text={value} testId={testId ? `${testId}-copy` : undefined} focusFirst />
      </div>
      <p className="adm-secret__warn">This is the only time it is shown. Copy it now and keep it somewhere safe.</p>
    </div>
  );
}
