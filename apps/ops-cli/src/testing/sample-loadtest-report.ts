import type { LoadtestReport } from '../loadtest/loadtest-report.ts';

const latency = (count: number, p50: number, max: number) => ({
  count,
  p50,
  p95: p50 * 3,
  p99: p50 * 6,
  min: p50 / 4,
  max,
  mean: p50 * 1.2,
});

/**
 * Test fixture: a small, fixed load-test report (1,200 requests, some retries, 429s, fallbacks and failures, memory
 * and progress series), for the renderers' tests. `overrides` replaces top-level fields.
 */
export function sampleLoadtestReport(overrides: Partial<LoadtestReport> = {}): LoadtestReport {
  const outcomes = { submitted: 1200, succeeded: 1100, fellBack: 80, failed: 20, untypedErrors: 0, outstanding: 0 };
  const witnesses = [
    { name: 'adapter diagnostics', submitted: 1200, succeeded: 1100, fellBack: 80, failed: 20 },
    { name: 'telemetry spans', settled: 1200 },
  ];
  return {
    tool: 'acpt loadtest',
    startedAt: '2026-11-02T10:00:00.000Z',
    finishedAt: '2026-11-02T10:00:02.000Z',
    run: {
      requests: 1200,
      concurrency: 64,
      streamShare: 0.3,
      maxTokens: 64,
      seed: 1,
      faults: '20 % of requests: http-429 (request_quota), http-503, connection-reset',
      latency: 'seeded 5–25 ms',
      server: 'in-process',
      endpoint: 'http://127.0.0.1:40123/v1',
      telemetry: 'memory',
    },
    config: {
      model: 'gpt-oss-120b',
      latencyBudgetMs: 2000,
      latencyBudgetMode: 'hard',
      maxRetries: 2,
      batchSize: 1,
      maxInFlight: 64,
      queueLimit: 1000,
      circuitFailureThreshold: 50,
      circuitCooldownMs: 5000,
      fallback: 'mock',
      connections: 32,
      headersTimeoutMs: 10000,
      totalTimeoutMs: 60000,
    },
    submitMs: 1900,
    elapsedMs: 2000,
    settleTimedOut: false,
    throughput: { settledPerSecond: 600, answeredPerSecond: 590, livePerSecond: 550 },
    outcomes,
    latencyMs: {
      all: latency(1200, 18.25, 1850),
      succeeded: latency(1100, 16.5, 640),
      fellBack: latency(80, 120, 1850),
      failed: latency(20, 240, 1500),
    },
    timeToFirstTokenMs: latency(360, 9.5, 80),
    errorsByCode: { ACPT_RETRIES_EXHAUSTED: 12, ACPT_BUDGET_EXCEEDED: 8 },
    untypedErrorSamples: [],
    adapter: {
      attempts: 1460,
      retriesByReason: { 'http-503': 140, 'rate-limit': 100, network: 0 },
      budgetBreaches: { soft: 0, hard: 8 },
      fallbacksByReason: {
        no_api_key: 0,
        circuit_open: 30,
        retries_exhausted: 50,
        token_budget: 0,
        spend_limit: 0,
        forced: 0,
        configuration_error: 0,
      },
      rateLimitsByKind: { request_quota: 90, token_quota: 10, queue: 0, unknown: 0 },
      admissionWaits: 3,
      circuitOpenings: 1,
      circuitStateAtEnd: 'closed',
      fallbacksWithoutLiveAttempt: 30,
      tokens: { prompt: 36000, completion: 48000, total: 84000 },
      latencyMs: { count: 1180, p50: 17.9, p95: 60, p99: 110, max: 1850 },
      timeToFirstTokenMs: { count: 360, p50: 9.4, p95: 30, p99: 55, max: 80 },
      microBatches: 0,
    },
    server: { chatRequests: 1400, peakRssMiB: 71.25 },
    telemetry: { logicalSpans: 1200, operations: 1200, failedOperations: 20, fallbacks: 80 },
    cost: {
      basis: 'mock-server',
      model: 'gpt-oss-120b',
      price: {
        inputUsdPerMillion: 0.35,
        cachedInputUsdPerMillion: 0.35,
        outputUsdPerMillion: 0.75,
        source: 'catalogue',
      },
      totalUsd: 0.0465,
      pricedRequests: 1100,
      unpricedRequests: 0,
      usdPerLiveRequest: 0.0465 / 1100,
      fallbackRequests: 80,
      fallbackListPriceUsd: 0.0032,
      warnings: [],
    },
    memory: {
      samples: 5,
      peakRssMiB: 120.5,
      startRssMiB: 100,
      endRssMiB: 118,
      peakHeapUsedMiB: 40.2,
      heapSlopeMiBPerMinute: -1.5,
      rssSlopeMiBPerMinute: 12.3,
      rssGrowthSecondHalfMiB: 0.4,
      heapRangeSecondHalfMiB: [30.1, 40.2],
      series: [0, 500, 1000, 1500, 2000].map((atMs, index) => ({
        atMs,
        rssBytes: (100 + index * 5) * 1024 * 1024,
        heapUsedBytes: (30 + index * 2) * 1024 * 1024,
      })),
    },
    progress: [0, 500, 1000, 1500, 2000].map((atMs, index) => {
      const settled = [0, 250, 600, 950, 1200][index] ?? 0;
      return {
        atMs,
        submitted: Math.min(1200, settled + 64),
        settled,
        succeeded: Math.round(settled * 0.9),
        fellBack: settled - Math.round(settled * 0.9),
        failed: 0,
        outstanding: Math.min(1200, settled + 64) - settled,
        rssMiB: 100 + index * 5,
      };
    }),
    accounting: {
      ok: true,
      unaccounted: 0,
      line: 'submitted 1200 = succeeded 1100 + fell back 80 + failed 20 (unaccounted 0, untyped errors 0, unhandled rejections 0) OK',
      problems: [],
      witnesses,
    },
    exitCode: 0,
    ...overrides,
  };
}
