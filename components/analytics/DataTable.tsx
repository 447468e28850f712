import type { ReactNode } from 'react';

export interface Column {
  key: string;
  label: string;
  numeric?: boolean;
}

interface Props {
  id: string;
  title: string;
  caption: string;
  columns: Column[];
  /** Cells already formatted; the first column is the row header. */
  rows: Array<{ key: string; cells: Record<string, ReactNode> }>;
  exportHref?: string;
  exportLabel?: string;
  empty: string;
}

/** An analytics table with a visible caption and, when given, its CSV download link. */
export function DataTable({ id, title, caption, columns, rows, exportHref, exportLabel, empty }: Props) {
  const [first, ...rest] = columns;
  return (
    <section aria-labelledby={`${id}-title`} className="mb-8 rounded-lg border border-line bg-canvas p-4">
      <div className="mb-2 flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id={`${id}-title`} className="font-semibold">
            {title}
          </h2>
          <p id={`${id}-caption`} className="text-sm text-muted">
            {caption}
          </p>
        </div>
        {exportHref && (
          <a href={exportHref} className="rounded-md border border-field px-3 py-1 text-sm underline-offset-2 hover:underline" download>
            {exportLabel}
          </a>
        )}
      </div>
      {rows.length === 0 ? (
        <p className="text-muted">{empty}</p>
      ) : (
        // A wide table scrolls: the region takes focus so keyboard users can scroll it (WCAG 2.1.1).
        <div className="overflow-auto" role="region" aria-labelledby={`${id}-title`} tabIndex={0}>
          <table className="w-full border-collapse text-sm" aria-describedby={`${id}-caption`}>
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr className="border-b border-line">
                {columns.map((c) => (
                  <th key={c.key} scope="col" className={`p-2 ${c.numeric ? 'text-end' : 'text-start'}`}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key} className="border-b border-line">
                  {first && (
                    <th scope="row" className="whitespace-nowrap p-2 text-start font-normal">
                      {row.cells[first.key]}
                    </th>
                  )}
                  {rest.map((c) => (
                    <td key={c.key} className={`p-2 ${c.numeric ? 'text-end tabular-nums' : 'text-start'}`}>
                      {row.cells[c.key]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
