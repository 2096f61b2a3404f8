export function Spinner({ label, size = "md" }: { label?: string; size?: "sm" | "md" | "lg" }) {
  return <span className={`spinner spinner--${size}`} role={label ? "status" : undefined} aria-label={label} />;
}

/** A whole-area wait, with words saying what is being waited for. */
export function Loading({ label }: { label: string }) {
  return (
    <div className="loading" role="status">
      <Spinner size="lg" />
      <span>{label}</span>
    </div>
  );
}
