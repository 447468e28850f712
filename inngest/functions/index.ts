import { getDb } from '../../lib/db/database';
import { jobDefinitions } from '../../lib/jobs/definitions';
import { createJobFunction } from './create-job-function';

/** Every Inngest function: one per job definition, so a new definition is served at once. */
export const functions = jobDefinitions.map((definition) => createJobFunction(definition, getDb));
