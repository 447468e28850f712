import { getDb } from '../../lib/db/database';
import { housekeepingJob } from '../../lib/jobs/definitions';
import { createJobFunction, type GetDb } from './create-job-function';

/** Tests pass their own database; the app uses the process-wide one. */
export function createHousekeepingFunction(db: GetDb = getDb) {
  return createJobFunction(housekeepingJob, db);
}

export default createHousekeepingFunction();
