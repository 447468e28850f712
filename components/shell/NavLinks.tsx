'use client';

import { useTranslations } from 'next-intl';
import { Link, usePathname } from '@/app/_i18n/navigation';
import type { AreaKey } from './areas';

/** The console's navigation; the current area is marked with aria-current, not colour alone. */
export function NavLinks({ areas }: { areas: ReadonlyArray<{ key: AreaKey; href: string }> }) {
  const t = useTranslations('nav');
  const pathname = usePathname();
  return (
    <ul className="flex flex-col gap-1">
      {areas.map((area) => {
        const current = pathname === area.href || pathname.startsWith(`${area.href}/`);
        return (
          <li key={area.key}>
            <Link
              href={area.href}
              aria-current={current ? 'page' : undefined}
              className={`block rounded-md px-3 py-2 ${
                current ? 'border-s-4 border-accent bg-surface font-semibold' : 'border-s-4 border-transparent hover:bg-surface'
              }`}
            >
              {t(area.key)}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
