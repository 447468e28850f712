'use client';

import { useFormStatus } from 'react-dom';
import type { ReactNode } from 'react';

/** Disabled while its form is submitting, so a double click cannot submit twice. */
export function SubmitButton({ children, variant = 'primary' }: { children: ReactNode; variant?: 'primary' | 'secondary' }) {
  const { pending } = useFormStatus();
  const style =
    variant === 'primary'
      ? 'bg-accent text-on-accent border-accent'
      : 'bg-canvas text-ink border-field';
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={`rounded-md border px-4 py-2 font-medium disabled:opacity-70 ${style}`}
    >
      {children}
    </button>
  );
}
