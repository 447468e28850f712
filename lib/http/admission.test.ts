import { describe, expect, it } from 'vitest';
import { Admission } from './admission';

describe('Admission', () => {
  it('lets `max` requests in, refuses the next, and admits again once one leaves', () => {
    const admission = new Admission(2);
    expect([admission.tryEnter(), admission.tryEnter(), admission.tryEnter()]).toEqual([true, true, false]);
    expect(admission.current).toBe(2);
    admission.leave();
    expect(admission.tryEnter()).toBe(true);
    admission.leave();
    admission.leave();
    admission.leave(); // one too many never goes below zero
    expect(admission.current).toBe(0);
  });
});
