import { fraction, loadTone } from "../format";

type Props = { label: string; used: number; total: number; text: string; testId?: string };

/** A labelled meter: "Cores reserved 1.5 of 4", coloured as it fills. */
export function ResourceBar({ label, used, total, text, testId }: Props) {
  const f = fraction(used, total);
  return (
    <div className="adm-meter" data-testid={testId}>
      <div className="adm-meter__head">
        <span className="adm-meter__label">{label}</span>
        <span className="adm-meter__value">{text}</span>
      </div>
      <div
        className={`adm-meter__track adm-meter__track--${loadTone(f)}`}
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={Math.min(used, total)}
        aria-valuetext={text}
      >
        <div className="adm-meter__fill" style={{ width: `${f * 100}%` }} />
      </div>
    </div>
  );
}
