/** The Redis client's type, for modules that take one without knowing what the cluster does with it. */
import type { createClient } from 'redis';

export type RedisClient = ReturnType<typeof createClient>;
