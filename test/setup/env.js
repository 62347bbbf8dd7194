// Each jest worker gets its own BullMQ prefix and database schema suffix so
// parallel test files never share queues or tables.
const worker = process.env.JEST_WORKER_ID ?? '0';
process.env.OPSDESK_TEST_WORKER = worker;
process.env.TZ = 'UTC';
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';
