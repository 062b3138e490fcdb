import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeTraces } from './__fixtures__/otlp-decode.ts';
import { type OtlpReceiver, startOtlpReceiver } from './__fixtures__/otlp-receiver.ts';

const packageDirectory = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(`${packageDirectory}README.md`, 'utf8');
const example = /```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';

let receiver: OtlpReceiver | undefined;

afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

describe('README example', () => {
  it('runs as written and exports its span over OTLP', async () => {
    expect(example).toContain("from '@acpt/telemetry/sdk'");
    receiver = await startOtlpReceiver();
    // Inside the package, so `@acpt/telemetry` resolves to itself and the other packages as its dev dependencies do.
    const file = `${packageDirectory}.readme-example-${process.pid}.ts`;
    writeFileSync(file, example);
    try {
      const inherited = Object.fromEntries(
        Object.entries(process.env).filter(([key]) => !/^(OTEL|ACPT|CEREBRAS)_/.test(key)),
      );
      const child = spawn(process.execPath, ['--conditions=@acpt/source', file], {
        env: { ...inherited, OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        output += chunk;
      });
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        output += chunk;
      });
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(output).toContain('Mock reply');
      expect(output.trim().split('\n').at(-1)).toBe('done');
      expect(code).toBe(0);
    } finally {
      rmSync(file, { force: true });
    }
    const spans = receiver.requests
      .filter((request) => request.path === '/v1/traces')
      .flatMap((request) => decodeTraces(request.body));
    const chat = spans.find((span) => span.parentSpanId === undefined || span.parentSpanId === '');
    expect(chat).toMatchObject({ name: 'chat gpt-oss-120b', resource: { 'service.name': 'ris-demo' } });
    expect(chat?.attributes['gen_ai.provider.name']).toBe('acpt.mock');
  });
});
