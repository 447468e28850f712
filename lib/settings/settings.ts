import { eq, inArray } from 'drizzle-orm';
import { appSettings } from '../../db/schema';
import type { DbOrTx } from '../../db/types';
import type { MutationContext } from '../audit/context';
import { recordAudit } from '../audit/record';
import { ServiceError } from '../errors/service-error';
import { SETTINGS, type SettingKey, type SettingValue } from './definitions';

/** The stored value, or the default when none is stored or the stored one no longer validates. */
export async function getSetting<K extends SettingKey>(db: DbOrTx, key: K): Promise<SettingValue<K>> {
  const [row] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, key)).limit(1);
  const parsed = SETTINGS[key].schema.safeParse(row?.value);
  return (parsed.success ? parsed.data : SETTINGS[key].default) as SettingValue<K>;
}

export async function getSettings<K extends SettingKey>(db: DbOrTx, keys: readonly K[]): Promise<{ [P in K]: SettingValue<P> }> {
  const rows = await db.select().from(appSettings).where(inArray(appSettings.key, [...keys]));
  const stored = new Map(rows.map((row) => [row.key, row.value]));
  const out = {} as { [P in K]: SettingValue<P> };
  for (const key of keys) {
    const parsed = SETTINGS[key].schema.safeParse(stored.get(key));
    out[key] = (parsed.success ? parsed.data : SETTINGS[key].default) as SettingValue<K>;
  }
  return out;
}

/** Validates, stores and audits (action 'settings.update') in one transaction. */
export async function setSetting<K extends SettingKey>(db: DbOrTx, key: K, value: SettingValue<K>, context: MutationContext): Promise<void> {
  const parsed = SETTINGS[key].schema.safeParse(value);
  if (!parsed.success) throw new ServiceError('invalid', 'settingInvalid', { field: key });
  await db.transaction(async (tx) => {
    const before = await getSetting(tx, key);
    const updatedBy = context.actor.type === 'user' ? context.actor.id : null;
    await tx
      .insert(appSettings)
      .values({ key, value: parsed.data, updatedBy })
      .onConflictDoUpdate({ target: appSettings.key, set: { value: parsed.data, updatedAt: new Date(), updatedBy } });
    await recordAudit(tx, context, { action: 'settings.update', target: { type: 'setting', id: key }, before: { value: before }, after: { value: parsed.data } });
  });
}
