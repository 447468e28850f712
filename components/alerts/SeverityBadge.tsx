import { useTranslations } from 'next-intl';

// Status never by colour alone: a symbol and the word go with the colour.
const STYLE = {
  critical: { symbol: '▲', className: 'border-danger text-danger' },
  warning: { symbol: '◆', className: 'border-warning text-warning' },
  info: { symbol: '●', className: 'border-field text-ink' },
} as const;

export function SeverityBadge({ severity }: { severity: 'info' | 'warning' | 'critical' }) {
  const t = useTranslations('alertCenter.severities');
  const style = STYLE[severity];
  return (
    <span className={`inline-flex items-center gap-1 rounded border px-2 py-0.5 text-sm font-medium ${style.className}`}>
      <span aria-hidden="true">{style.symbol}</span>
      {t(severity)}
    </span>
  );
}
