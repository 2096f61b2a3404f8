import type { ReactNode } from "react";

/** A tab's title, one line on what it is for, and its main actions. */
export function PageHeader({ title, lead, actions }: { title: string; lead?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="adm-head">
      <div className="adm-head__text">
        <h1 className="adm-head__title">{title}</h1>
        {lead && <p className="adm-head__lead">{lead}</p>}
      </div>
      {actions && <div className="adm-head__actions">{actions}</div>}
    </header>
  );
}
