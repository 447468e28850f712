import type { z } from 'zod';

/**
 * A parser whose schema depends on per-request bounds (time windows), built ONCE per process:
 * zod 4 compiles an object schema on its first parse, so building the schema per request cost
 * more CPU than the parse itself under load. The schema reads the bounds of the parse in
 * progress through `boundsOf`; safeParse of a schema without async checks is synchronous, so
 * nothing else runs between setting and clearing them.
 */
export function boundedParser<B, S extends z.ZodType>(build: (boundsOf: () => B | undefined) => S) {
  let current: B | undefined;
  let schema: S | undefined;
  return (body: unknown, bounds: B): z.ZodSafeParseResult<z.output<S>> => {
    schema ??= build(() => current);
    current = bounds;
    try {
      return schema.safeParse(body) as z.ZodSafeParseResult<z.output<S>>;
    } finally {
      current = undefined;
    }
  };
}
