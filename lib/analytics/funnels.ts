import { desc, eq } from 'drizzle-orm';
import { funnels } from '../../db/schema';
import type { Db } from '../../db/types';
import type { MutationContext } from '../audit/context';
import { recordAudit } from '../audit/record';
import type { FunnelDefinition } from './funnel-schema';

/** Saves a funnel; the audit entry commits with it. */
export async function createFunnel(db: Db, input: FunnelDefinition, context: MutationContext): Promise<string> {
  return db.transaction(async (tx) => {
    const createdBy = context.actor.type === 'user' ? context.actor.id : null;
    const [row] = await tx.insert(funnels).values({ name: input.name, steps: input.steps, windowHours: input.windowHours, createdBy }).returning({ id: funnels.id });
    await recordAudit(tx, context, { action: 'funnel.create', target: { type: 'funnel', id: row!.id }, after: { ...input } });
    return row!.id;
  });
}

export async function listFunnels(db: Db) {
  return db.select().from(funnels).orderBy(desc(funnels.createdAt)).limit(100);
}

export async function findFunnel(db: Db, id: string) {
  const [row] = await db.select().from(funnels).where(eq(funnels.id, id)).limit(1);
  return row ?? null;
}
