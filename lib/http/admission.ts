/**
 * Load shedding for machine-client routes: at most `max` requests of this process in flight;
 * one more is refused at once (the route answers 503 with Retry-After) instead of joining a
 * queue that only grows once the database is the bottleneck. Without the bound, past capacity
 * every request waited behind the others and they all timed out together (bench:load, ADR 0007).
 */
export class Admission {
  private inFlight = 0;

  constructor(readonly max: number) {}

  /** True when the request may go ahead; it must then call leave() exactly once. */
  tryEnter(): boolean {
    if (this.inFlight >= this.max) return false;
    this.inFlight += 1;
    return true;
  }

  leave(): void {
    if (this.inFlight > 0) this.inFlight -= 1;
  }

  get current(): number {
    return this.inFlight;
  }
}

// One per process, on globalThis: Next bundles each route separately.
const globalKey = Symbol.for('smm.apiAdmission');
type GlobalWithAdmission = typeof globalThis & { [globalKey]?: Admission };

export function processAdmission(max: number): Admission {
  const holder = globalThis as GlobalWithAdmission;
  holder[globalKey] ??= new Admission(max);
  return holder[globalKey];
}
