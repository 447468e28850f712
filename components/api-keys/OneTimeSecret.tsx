'use client';

import { useEffect, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';

/**
 * The new key, shown once. Focus moves to the key (selected, ready to copy), so keyboard and
 * screen-reader users land on it; the form's alert has already said it will not be shown again.
 */
export function OneTimeSecret({ name, secret }: { name: string; secret: string }) {
  const t = useTranslations('apiKeys');
  const input = useRef<HTMLInputElement>(null);
  const [copyStatus, setCopyStatus] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [secret]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopyStatus('copied');
    } catch {
      input.current?.select();
      setCopyStatus('failed');
    }
  }

  return (
    <section aria-labelledby="new-key-title" className="mb-6 rounded-lg border-2 border-warning p-4">
      <h3 id="new-key-title" className="mb-1 text-lg font-semibold">
        <span aria-hidden="true">⚠ </span>
        {t('secretTitle')}
      </h3>
      <p id="new-key-warning" className="mb-3 font-medium">
        {t('secretWarning')}
      </p>
      <label htmlFor="new-key-secret" className="font-medium">
        {t('secretLabel', { name })}
      </label>
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <input
          ref={input}
          id="new-key-secret"
          readOnly
          value={secret}
          aria-describedby="new-key-warning"
          spellCheck={false}
          className="min-w-0 flex-1 rounded-md border border-field bg-canvas px-3 py-2 font-mono text-sm text-ink"
        />
        <button type="button" onClick={copy} className="rounded-md border border-field bg-canvas px-4 py-2 font-medium text-ink">
          {t('copy')}
        </button>
      </div>
      <p role="status" className={copyStatus === 'failed' ? 'mt-2 text-sm font-medium text-danger' : 'mt-2 text-sm text-success'}>
        {copyStatus === 'copied' ? t('copied') : copyStatus === 'failed' ? t('copyFailed') : ''}
      </p>
    </section>
  );
}
