import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { type OtlpReceiver, startOtlpReceiver } from '../__fixtures__/otlp-receiver.ts';

const packageDirectory = fileURLToPath(new URL('../..', import.meta.url));
const readme = readFileSync(`${packageDirectory}README.md`, 'utf8');
const section = readme.slice(readme.indexOf('## Content capture'));
const example = /```ts\n([\s\S]*?)```/.exec(section)?.[1] ?? '';

interface JsonValue {
  readonly stringValue?: string;
  readonly arrayValue?: { readonly values?: readonly JsonValue[] };
  readonly kvlistValue?: { readonly values?: readonly JsonAttribute[] };
}
interface JsonAttribute {
  readonly key: string;
  readonly value: JsonValue;
}
interface JsonLogRecord {
  readonly eventName?: string;
  readonly traceId?: string;
  readonly spanId?: string;
  readonly attributes?: readonly JsonAttribute[];
}
interface JsonSpan {
  readonly name: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly attributes?: readonly JsonAttribute[];
}

let receiver: OtlpReceiver | undefined;

afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

/** Bodies of the OTLP/JSON requests to `path`. */
function bodies(path: string): Record<string, unknown>[] {
  return (receiver as OtlpReceiver).requests
    .filter((request) => request.path === path)
    .map((request) => JSON.parse(request.body.toString('utf8')) as Record<string, unknown>);
}

function attribute(attributes: readonly JsonAttribute[] | undefined, key: string): JsonValue | undefined {
  return attributes?.find((entry) => entry.key === key)?.value;
}

describe('README content-capture example, in a child process exporting OTLP/JSON to a receiver on 127.0.0.1', () => {
  it('sends the content event at shutdown, with the chat span ids, and the upload reference on the span', async () => {
    expect(example).toContain("captureContent: 'event'");
    receiver = await startOtlpReceiver();
    // Inside the package, so `@acpt/telemetry` resolves to itself and the other packages as its dev dependencies do.
    const file = `${packageDirectory}.readme-content-example-${process.pid}.ts`;
    writeFileSync(file, example);
    let output = '';
    try {
      const inherited = Object.fromEntries(
        Object.entries(process.env).filter(([key]) => !/^(OTEL|ACPT|CEREBRAS)_/.test(key)),
      );
      const child = spawn(process.execPath, ['--conditions=@acpt/source', file], {
        env: {
          ...inherited,
          OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
          OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json',
          OTEL_EXPORTER_OTLP_LOGS_PROTOCOL: 'http/json',
          OTEL_METRICS_EXPORTER: 'none',
          // Batched for a minute: only the flush at shutdown can deliver them.
          OTEL_BSP_SCHEDULE_DELAY: '60000',
          OTEL_BLRP_SCHEDULE_DELAY: '60000',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        output += chunk;
      });
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        output += chunk;
      });
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code, output).toBe(0);
    } finally {
      rmSync(file, { force: true });
    }
    const [reference, outcome] = output.trim().split('\n');
    expect(outcome).toBe('done');

    const spans = bodies('/v1/traces').flatMap((body) =>
      (body['resourceSpans'] as { scopeSpans: { spans: JsonSpan[] }[] }[]).flatMap((resource) =>
        resource.scopeSpans.flatMap((scope) => scope.spans),
      ),
    );
    // The logical span (in mock mode the mock's answer is a child of the same name).
    const chat = spans.find((span) => span.name === 'chat gpt-oss-120b' && !span.parentSpanId);
    expect(chat).toBeDefined();
    expect(reference).toBe(`memory://prompts/${chat?.traceId}/${chat?.spanId}.json`);
    expect(attribute(chat?.attributes, 'acpt.content.ref')).toEqual({ stringValue: reference });
    expect(attribute(chat?.attributes, 'gen_ai.input.messages')).toBeUndefined();

    const records = bodies('/v1/logs').flatMap((body) =>
      (body['resourceLogs'] as { scopeLogs: { logRecords: JsonLogRecord[] }[] }[]).flatMap((resource) =>
        resource.scopeLogs.flatMap((scope) => scope.logRecords),
      ),
    );
    expect(records).toHaveLength(1);
    const [event] = records;
    expect(event?.eventName).toBe('gen_ai.client.inference.operation.details');
    expect([event?.traceId, event?.spanId]).toEqual([chat?.traceId, chat?.spanId]);
    expect(attribute(event?.attributes, 'gen_ai.system_instructions')).toBeUndefined();
    const messages = attribute(event?.attributes, 'gen_ai.input.messages')?.arrayValue?.values;
    expect(messages).toHaveLength(2);
    expect(messages?.[0]?.kvlistValue?.values).toContainEqual({ key: 'role', value: { stringValue: 'system' } });
    expect(attribute(event?.attributes, 'acpt.content.ref')).toEqual({ stringValue: reference });
  });
});
