import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Zero axe violations for WCAG 2.1 A and AA. The failure lists rule, impact and the CSS
 * path of every offending node, so a report names exactly what to fix. Soft by default:
 * a walk over many pages reports every page, not only the first bad one.
 */
export async function expectAxeClean(page: Page, { soft = true }: { soft?: boolean } = {}) {
  // After a client-side navigation Next.js streams the new page's <title> in after its body:
  // wait for it (a page that never gets one still fails here), so axe judges the page, not the moment.
  await expect(page, 'the page has a title').toHaveTitle(/\S/);
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const found = violations.map(
    (v) =>
      `${v.id} (${v.impact ?? 'n/a'}): ${v.help} -> ${v.nodes
        .map((node) => node.target.map(String).join(' '))
        .join(' | ')}`,
  );
  const where = `axe on ${new URL(page.url()).pathname}`;
  if (soft) expect.soft(found, where).toEqual([]);
  else expect(found, where).toEqual([]);
}
