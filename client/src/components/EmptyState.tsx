import type { ReactNode } from "react";
import { Icon, type IconName } from "./Icon";

type Props = { icon?: IconName; title: string; children?: ReactNode; actions?: ReactNode; testId?: string };

export function EmptyState({ icon = "grid", title, children, actions, testId }: Props) {
  return (
    <div className="empty" data-testid={testId}>
      <div className="empty__icon"><Icon name={icon} /></div>
      <h2 className="empty__title">{title}</h2>
      {children && <div className="empty__text">{children}</div>}
      {actions && <div className="empty__actions">{actions}</div>}
    </div>
  );
}
