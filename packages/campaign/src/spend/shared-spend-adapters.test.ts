import { createAdapter } from '@acpt/adapter';
import { parseConfig, SpendLimitError } from '@acpt/config';
import { createMockTransport } from '@acpt/transport-mock';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRedis, startLocalRedis } from '../redis/start-local-redis.ts';
import { RedisSpendLimiter } from './redis-spend-limiter.ts';

let server: LocalRedis;
const clients: Redis[] = [];
beforeAll(async () => {
  server = await startLocalRedis();
  for (let index = 0; index < 2; index++) clients.push(new Redis(server.url, { maxRetriesPerRequest: null }));
});
afterAll(async () => {
  for (const client of clients) client.disconnect();
  await server.stop();
});

describe('one spend limit across adapters (as across processes)', () => {
  it('two adapters on two Redis connections share the budget: a worst case that no longer fits is refused', async () => {
    const config = parseConfig({
      mockMode: false,
      apiKey: 'csk-spend-test',
      fallback: 'throw',
      maxCompletionTokens: 1_000,
    });
    const adapters = clients.map((redis) =>
      createAdapter({
        config,
        transport: createMockTransport({ seed: 1, latency: { kind: 'fixed', ms: 300 } }),
        spendLimiter: new RedisSpendLimiter({ redis, name: 'two-adapters' }),
      }),
    );
    // At gpt-oss-120b's list price one request's worst case (prompt + 1000 completion tokens) is about $0.0007:
    // the two requests in flight at once do not both fit in $0.001.
    await new RedisSpendLimiter({ redis: clients[0] as Redis, name: 'two-adapters' }).setLimits({ maxUsd: 0.001 });
    const outcomes = await Promise.allSettled(adapters.map((adapter) => adapter.generate('Pick a RIS phase profile')));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(refused).toHaveLength(1);
    const reason = (refused[0] as PromiseRejectedResult).reason as { errors?: unknown[] };
    const error = SpendLimitError.isInstance(reason) ? reason : reason.errors?.at(-1);
    expect(SpendLimitError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'ACPT_SPEND_LIMIT', limit: 'total', limitUsd: 0.001 });
    await Promise.all(adapters.map((adapter) => adapter.close()));
  });
});
