import type { Role } from "../../../../generated/graphql";

const ROLES: { value: Role; label: string; explain: string }[] = [
  { value: "USER", label: "User", explain: "Launches workspaces and shares sessions." },
  { value: "ADMIN", label: "Administrator", explain: "Also runs the fleet: servers, images, users and settings." },
];

export function RoleChoice({ value, onChange, disabled }: { value: Role; onChange: (r: Role) => void; disabled?: boolean }) {
  return (
    <fieldset className="adm-fieldset" disabled={disabled}>
      <legend className="field__label">Role</legend>
      <div className="adm-choices adm-choices--row">
        {ROLES.map((r) => (
          <label key={r.value} className="adm-choice">
            <input type="radio" name="role" value={r.value} checked={value === r.value} onChange={() => onChange(r.value)} data-testid={`user-role-${r.value}`} />
            <span className="adm-choice__body">
              <span className="adm-choice__label">{r.label}</span>
              <span className="adm-choice__text">{r.explain}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
