import { SETTINGS } from '@/lib/settings/definitions';

const schema = SETTINGS['audit.retention_days'].schema;

/** The bounds of the retention setting, read from its schema so form and validation agree. */
export const RETENTION_LIMITS = { min: schema.minValue ?? 1, max: schema.maxValue ?? 36_500 } as const;
