import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createMockCerebrasServer, type MockCerebrasServer } from '@acpt/transport-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(`${packageDir}/README.md`, 'utf8');
const KEY = 'csk-readme-not-a-real-key';
let mock: MockCerebrasServer;

beforeAll(async () => {
  mock = await createMockCerebrasServer({ apiKey: KEY });
});
afterAll(() => mock.close());

/** Runs the README's example as a user would, with only the given environment (in a child process). */
function runExample(env: Record<string, string>): Promise<{ status: number | null; output: string }> {
  const code = /## Example\n\n```js\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  expect(code).toContain('createCerebrasTransport');
  const child = spawn(process.execPath, ['--conditions=@acpt/source', '--input-type=module', '-e', code], {
    cwd: packageDir,
    env: { ACPT_MOCK_MODE: 'false', CEREBRAS_API_KEY: KEY, CEREBRAS_BASE_URL: mock.url, ...env },
  });
  let output = '';
  child.stdout.on('data', (part: Buffer) => (output += part.toString()));
  child.stderr.on('data', (part: Buffer) => (output += part.toString()));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, output })));
}

describe('README example', () => {
  it('completes and streams the same text against the mock server', async () => {
    const run = await runExample({});
    expect(run.output).toMatch(/^stop: \d+ tokens\nstreamed the same text: true\n$/);
    expect(run.status).toBe(0);
  });

  it('fails fast for the retired qwen-3-32b, naming the served models, and never prints the key', async () => {
    const run = await runExample({ CEREBRAS_MODEL: 'qwen-3-32b' });
    expect(run.output).toContain('ModelUnavailableError: Model "qwen-3-32b" is not available');
    expect(run.output).toContain('gpt-oss-120b, qwen-3.8-27b');
    expect(run.output).not.toContain(KEY);
    expect(run.status).toBe(1);
  });
});
