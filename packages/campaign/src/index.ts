// First: @acpt/config refuses an unsupported Node.js with one line before this package's own imports load.
import '@acpt/config';

export { ADMIT_SCRIPT, OBSERVE_SCRIPT, SETTLE_SCRIPT } from './admission/admission-scripts.ts';
export { QUOTA_WINDOWS, type QuotaLimits } from './admission/quota-limits.ts';
export { type AdmissionStats, RedisAdmission, type RedisAdmissionOptions } from './admission/redis-admission.ts';
export {
  campaignPlanKey,
  campaignQueueName,
  campaignSpecKey,
  openCampaignQueue,
  QUEUE_PREFIX,
  readCampaignPlan,
  readCampaignSpec,
  type SubmitOutcome,
  submitCampaign,
} from './queue/campaign-queue.ts';
export { type ConfigurationResults, collectCampaignResults, type FailedJob } from './queue/collect-results.ts';
export { freeLoopbackPort } from './redis/free-port.ts';
export { checkRedisUrl, connectRedis, describeRedisUrl, type RedisRole } from './redis/redis-connection.ts';
export { type LocalRedis, type StartLocalRedisOptions, startLocalRedis } from './redis/start-local-redis.ts';
export { FilesystemResultsStore } from './results/filesystem-results-store.ts';
export type { JobOutput, PublishOutcome, ResultsStore } from './results/results-store.ts';
export {
  type AdapterEntry,
  type CampaignSpec,
  type CampaignSpecInput,
  CampaignSpecSchema,
  type ScenarioEntry,
} from './spec/campaign-spec-schema.ts';
export {
  type CampaignConfiguration,
  type CampaignJob,
  type CampaignJobData,
  type CampaignPlan,
  campaignSeeds,
  type ExpandOptions,
  expandCampaign,
  isSeedList,
} from './spec/expand-campaign.ts';
export { jsonPathOf, parseCampaignSpec } from './spec/parse-campaign-spec.ts';
export { RedisSpendLimiter, type RedisSpendLimiterOptions } from './spend/redis-spend-limiter.ts';
export { VERSION } from './version.ts';
export {
  type CampaignWorker,
  type CampaignWorkerEvent,
  type CampaignWorkerOptions,
  type JobRunContext,
  type JobRunner,
  startCampaignWorker,
} from './worker/campaign-worker.ts';
export { LeaseWatchdog, type LeaseWatchdogOptions } from './worker/lease-watchdog.ts';
