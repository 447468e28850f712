'use client';

import { useEffect } from 'react';

/**
 * Development builds report accessibility problems in the browser console. @axe-core/react
 * is not officially made for React 19; passing the modules' default exports makes it run.
 * The Playwright axe scan (e2e) is the check that counts.
 */
export function AxeInDevelopment() {
  useEffect(() => {
    void (async () => {
      const [axe, React, ReactDOM] = await Promise.all([import('@axe-core/react'), import('react'), import('react-dom')]);
      await axe.default(React, ReactDOM, 1000, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    })();
  }, []);
  return null;
}
