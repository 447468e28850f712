import type { FormState } from './form-state';

/**
 * The form-level result. role="alert" makes a screen reader announce it as soon as the
 * action returns, without moving focus.
 */
export function FormMessage({ state, id }: { state: FormState; id: string }) {
  if (state.status === 'idle' || !state.message) return <div id={id} role="alert" />;
  const tone = state.status === 'error' ? 'border-danger text-danger' : 'border-success text-success';
  return (
    <div id={id} role="alert" className={`rounded-md border-2 px-3 py-2 font-medium ${tone}`}>
      {state.message}
    </div>
  );
}
