import type { ReactNode } from "react";

/**
 * A page's heading row: an optional way back, the title (the id the page's <section> is labelled
 * by), a line or two under it, and the page's controls on the right.
 */
export function PageHeader({
  id,
  title,
  back,
  actions,
  children,
}: {
  id: string;
  title: ReactNode;
  back?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <div>
        {back && <p className="text-sm text-slate-500">{back}</p>}
        <h1 id={id} className="text-2xl font-semibold">
          {title}
        </h1>
        {children}
      </div>
      {actions && <div className="flex items-center gap-3">{actions}</div>}
    </div>
  );
}
