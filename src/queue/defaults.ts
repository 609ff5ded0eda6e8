/** The queue's name when none is given (`--queue`): BullMQ keys start `bull:gongkai:`. Kept apart from redis.ts so the command line can name it without loading ioredis. */
export const DEFAULT_QUEUE = 'gongkai';
