import { useState } from "react";
import { AdminIcon } from "../../components/AdminIcon";
import { addCategories } from "../imageForm";

/** Categories as chips: type and press Enter or a comma; Backspace in the empty box removes the last. */
export function CategoryInput({ value, onChange, labelledBy }: { value: string[]; onChange: (v: string[]) => void; labelledBy: string }) {
  const [typed, setTyped] = useState("");
  const commit = () => {
    if (!typed.trim()) return;
    onChange(addCategories(value, typed));
    setTyped("");
  };
  return (
    <div className="adm-chip-input input">
      {value.map((c) => (
        <span key={c} className="chip chip--accent adm-chip-input__chip">
          {c}
          <button type="button" className="adm-chip-input__remove" onClick={() => onChange(value.filter((x) => x !== c))} aria-label={`Remove ${c}`}>
            <AdminIcon name="close" />
          </button>
        </span>
      ))}
      <input
        className="adm-chip-input__box"
        value={typed}
        aria-labelledby={labelledBy}
        placeholder={value.length ? "" : "Browsers, Development… (Enter to add)"}
        onChange={(e) => {
          const v = e.target.value;
          if (v.includes(",")) {
            onChange(addCategories(value, v));
            setTyped("");
          } else setTyped(v);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            commit();
          } else if (e.key === "Backspace" && !typed && value.length) {
            onChange(value.slice(0, -1));
          }
        }}
        onBlur={commit}
        data-testid="image-categories"
      />
    </div>
  );
}
