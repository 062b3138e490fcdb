import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../__fixtures__/free-port.ts';
import { type PrometheusServer, startPrometheus } from '../__fixtures__/prometheus-server.ts';
import { type ProgramRun, runProgram } from '../__fixtures__/run-program.ts';
import { DURATION_BUCKETS_SECONDS } from '../semconv/semconv.ts';

const OPS = fileURLToPath(new URL('../../ops/prometheus/', import.meta.url));
const JOB = 'acpt-telemetry-test';
const DASHBOARD = fileURLToPath(new URL('../../ops/grafana/acpt-llm-dashboard.json', import.meta.url));

let program: ProgramRun;
let prometheus: PrometheusServer | undefined;

beforeAll(async () => {
  const exporterPort = await freePort();
  program = runProgram({
    OTEL_METRICS_EXPORTER: 'prometheus',
    OTEL_EXPORTER_PROMETHEUS_HOST: '127.0.0.1',
    OTEL_EXPORTER_PROMETHEUS_PORT: String(exporterPort),
    TEST_REQUESTS: '3',
    TEST_HOLD: '1',
  });
  const ready = await program.waitFor('ready');
  expect(ready).toMatchObject({
    started: true,
    plan: { traces: false, metrics: true, logs: false },
    preaggregatedMetrics: true,
  });
  prometheus = await startPrometheus({
    target: `127.0.0.1:${exporterPort}`,
    job: JOB,
    ruleFiles: [`${OPS}recording-rules.yml`, `${OPS}alert-rules.yml`],
  });
});

afterAll(async () => {
  await prometheus?.stop();
  program.child.stdin?.end();
  await program.exit;
});

describe('a real Prometheus scraping the exporter that startTelemetry starts', () => {
  it('returns the request count and the histogram the program produced', async () => {
    const server = prometheus as PrometheusServer;
    const [count] = await server.waitFor(`sum(gen_ai_client_operation_duration_count{job="${JOB}"})`);
    expect(count?.value).toBe(3);
    const buckets = await server.query(`gen_ai_client_operation_duration_bucket{job="${JOB}"}`);
    const bounds = buckets.map((sample) => sample.metric['le']).filter((le) => le !== '+Inf');
    expect(bounds.map(Number).sort((a, b) => a - b)).toEqual([...DURATION_BUCKETS_SECONDS]);
    expect(buckets.find((sample) => sample.metric['le'] === '+Inf')?.value).toBe(3);
    expect(buckets[0]?.metric).toMatchObject({
      gen_ai_operation_name: 'chat',
      gen_ai_provider_name: 'cerebras',
      gen_ai_request_model: 'gpt-oss-120b',
      otel_scope_name: '@acpt/telemetry',
    });
    const [retries] = await server.query(`sum by (error_type) (acpt_llm_retries_total{job="${JOB}"})`);
    expect(retries).toEqual({ metric: { error_type: '503' }, value: 1 });
    const tokens = await server.query(`sum by (gen_ai_token_type) (gen_ai_client_token_usage_count{job="${JOB}"})`);
    expect(tokens.map((sample) => [sample.metric['gen_ai_token_type'], sample.value]).sort()).toEqual([
      ['input', 3],
      ['output', 3],
    ]);
    // Cost: a counter in USD, named acpt_llm_cost_total by the exporter (the {USD} unit adds no suffix).
    const [cost] = await server.query(`sum(acpt_llm_cost_total{job="${JOB}"})`);
    expect(cost?.value).toBeGreaterThan(0);
    const [service] = await server.query(`target_info{job="${JOB}"}`);
    expect(service?.metric).toMatchObject({ service_name: 'acpt-telemetry-test', service_version: '1.2.3' });
  });

  it('evaluates the recording rules of ops/ on the scraped series', async () => {
    const server = prometheus as PrometheusServer;
    const calls = await server.waitFor('acpt:llm_calls:rate5m');
    expect(calls.map((sample) => sample.metric)).toEqual([
      { __name__: 'acpt:llm_calls:rate5m', gen_ai_provider_name: 'cerebras', gen_ai_request_model: 'gpt-oss-120b' },
    ]);
    const response = await fetch(`${server.url}/api/v1/rules`);
    const body = (await response.json()) as { data: { groups: { rules: { name: string; health: string }[] }[] } };
    const rules = body.data.groups.flatMap((group) => group.rules);
    expect(rules.length).toBeGreaterThanOrEqual(21);
    expect(rules.filter((rule) => rule.health === 'err')).toEqual([]);
  });

  it('answers every query of the Grafana dashboard, most of them with data', async () => {
    const server = prometheus as PrometheusServer;
    await server.waitFor('acpt:llm_latency_p95_seconds:5m');
    const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as { panels: { targets: { expr: string }[] }[] };
    const expressions = dashboard.panels.flatMap((panel) => panel.targets.map((target) => target.expr));
    const concrete = expressions.map((expression) =>
      expression
        .replaceAll('$provider', '.*')
        .replaceAll('$model', '.*')
        .replaceAll('$budget', '5')
        .replaceAll('$__range', '1h'),
    );
    const results = await Promise.all(concrete.map((expression) => server.query(expression)));
    // Series that only exist after a retry, a fallback, a 429 or a stream legitimately have no data here.
    const withData = concrete.filter((_, index) => (results[index]?.length ?? 0) > 0);
    expect(withData).toEqual(
      expect.arrayContaining([
        expect.stringContaining('acpt:llm_calls:rate5m'),
        expect.stringContaining('acpt:llm_latency_p95_seconds:5m'),
        expect.stringContaining('acpt:llm_output_tokens:rate5m'),
        expect.stringContaining('acpt_llm_circuit_state'),
        expect.stringContaining('sum by (gen_ai_request_model) (rate(acpt_llm_cost_total'),
        'vector(5)',
      ]),
    );
  });
});
