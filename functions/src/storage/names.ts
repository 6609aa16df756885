/**
 * Storage resource names. The queue names are also the trigger bindings' `queueName`; the
 * poison queue name is the one the Functions host derives (`<queue>-poison`).
 */
export const MODEL_CONTAINER = "sym-models";
export const JOB_CONTAINER = "sym-jobs";
export const ACTION_CONTAINER = "sym-actions";
export const JOB_TABLE = "symjobs";
export const IDEMPOTENCY_TABLE = "symidempotency";
export const JOB_QUEUE = "sym-jobs";
export const JOB_POISON_QUEUE = `${JOB_QUEUE}-poison`;
export const BENCHMARK_TABLE = "symbenchmarks";
export const QUOTA_TABLE = "symquotas";
export const KEY_TABLE = "symkeys";
