import { getDb } from '../../lib/db/database';
import { jobDefinitions, notificationDeliveryJob } from '../../lib/jobs/definitions';
import { createJobFunction } from './create-job-function';
import { createNotificationDeliveryFunction } from './notification-delivery';

/**
 * Every Inngest function: one per job definition, so a new definition is served at once.
 * Notification delivery has its own shape (a step per channel, so each retries alone).
 */
export const functions = jobDefinitions.map((definition) =>
  definition.id === notificationDeliveryJob.id ? createNotificationDeliveryFunction(getDb) : createJobFunction(definition, getDb),
);
