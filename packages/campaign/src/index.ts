// First: @acpt/config refuses an unsupported Node.js with one line before this package's own imports load.
import '@acpt/config';

export { ADMIT_SCRIPT, OBSERVE_SCRIPT, SETTLE_SCRIPT } from './admission/admission-scripts.ts';
export { QUOTA_WINDOWS, type QuotaLimits } from './admission/quota-limits.ts';
export { type AdmissionStats, RedisAdmission, type RedisAdmissionOptions } from './admission/redis-admission.ts';
export { freeLoopbackPort } from './redis/free-port.ts';
export { type LocalRedis, type StartLocalRedisOptions, startLocalRedis } from './redis/start-local-redis.ts';
export { VERSION } from './version.ts';
