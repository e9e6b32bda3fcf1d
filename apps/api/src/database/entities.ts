import { IdempotencyRecord } from '../common/idempotency/idempotency-record.entity';

/** Every entity of every module, in one list for the data source and the drift test. */
export const ENTITIES = [IdempotencyRecord];
