import { eq } from 'drizzle-orm';
import { monitors, type Monitor } from '../../db/schema';
import type { Db } from '../../db/types';
import type { MutationContext } from '../audit/context';
import { recordAudit } from '../audit/record';
import { ServiceError } from '../errors/service-error';
import type { Resolver } from '../net/ssrf';
import type { MonitorInput } from './schemas';
import { assertMonitorTarget } from './target';

export interface SaveOptions {
  now?: Date;
  /** DNS resolver, injectable for tests. */
  resolve?: Resolver;
}

const config = (row: Pick<Monitor, 'name' | 'url' | 'method' | 'expectedStatus' | 'timeoutMs' | 'intervalSeconds' | 'degradedAfterMs' | 'isActive'>) => ({
  name: row.name,
  url: row.url,
  method: row.method,
  expectedStatus: row.expectedStatus,
  timeoutMs: row.timeoutMs,
  intervalSeconds: row.intervalSeconds,
  degradedAfterMs: row.degradedAfterMs,
  isActive: row.isActive,
});

/** Adds a monitor (first probe at the next tick) after the SSRF check; audited as 'monitor.create'. */
export async function createMonitor(db: Db, input: MonitorInput, context: MutationContext, { now = new Date(), resolve }: SaveOptions = {}) {
  await assertMonitorTarget(db, input.url, resolve);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(monitors)
      .values({ ...input, createdBy: context.actor.type === 'user' ? context.actor.id : null, createdAt: now, updatedAt: now, nextCheckAt: now })
      .returning();
    await recordAudit(tx, context, { action: 'monitor.create', target: { type: 'monitor', id: row!.id }, after: config(row!) });
    return row!;
  });
}

/** Changes a monitor after the SSRF check and probes it at the next tick; audited with before and after. */
export async function updateMonitor(db: Db, id: string, input: MonitorInput, context: MutationContext, { now = new Date(), resolve }: SaveOptions = {}) {
  await assertMonitorTarget(db, input.url, resolve);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(monitors).where(eq(monitors.id, id)).for('update');
    if (!before) throw new ServiceError('not_found', 'monitorNotFound');
    const [row] = await tx.update(monitors).set({ ...input, updatedAt: now, nextCheckAt: now }).where(eq(monitors.id, id)).returning();
    await recordAudit(tx, context, { action: 'monitor.update', target: { type: 'monitor', id }, before: config(before), after: config(row!) });
    return row!;
  });
}

/** Enables or disables probing; re-enabling probes at the next tick. */
export async function setMonitorActive(db: Db, id: string, active: boolean, context: MutationContext, { now = new Date() }: SaveOptions = {}) {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(monitors).where(eq(monitors.id, id)).for('update');
    if (!before) throw new ServiceError('not_found', 'monitorNotFound');
    if (before.isActive === active) return;
    await tx
      .update(monitors)
      .set({ isActive: active, updatedAt: now, ...(active ? { nextCheckAt: now } : {}) })
      .where(eq(monitors.id, id));
    await recordAudit(tx, context, {
      action: active ? 'monitor.enable' : 'monitor.disable',
      target: { type: 'monitor', id },
      before: { name: before.name, isActive: before.isActive },
      after: { name: before.name, isActive: active },
    });
  });
}

/** Deletes a monitor and its checks (cascade); the audit entry keeps its configuration. */
export async function deleteMonitor(db: Db, id: string, context: MutationContext) {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(monitors).where(eq(monitors.id, id)).for('update');
    if (!before) throw new ServiceError('not_found', 'monitorNotFound');
    await tx.delete(monitors).where(eq(monitors.id, id));
    await recordAudit(tx, context, { action: 'monitor.delete', target: { type: 'monitor', id }, before: config(before) });
  });
}
