import type { Db } from '../../db/types';
import { env } from '../config/env';
import { keyRing } from '../crypto/key';
import { getSetting } from '../settings/settings';
import { deliverDue, type DeliverResult } from './deliver';

export const NOTIFICATION_DELIVERY_JOB_ID = 'notification-delivery';

/** One delivery pass with the process's key, the admin's SSRF setting and APP_URL for links. */
export async function runDelivery(db: Db, { channelId }: { channelId?: string } = {}): Promise<DeliverResult> {
  const allowPrivate = await getSetting(db, 'network.allow_private_targets');
  return deliverDue(db, { ring: keyRing(), allowPrivate, appUrl: env().APP_URL ?? null, channelId });
}
