import { createMockCerebrasServer } from '@acpt/transport-mock';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../testing/capture-io.ts';
import { runCli } from './run-cli.ts';

describe('runCli', () => {
  it('prints usage: exit 0 with --help (also after the `--` pnpm passes through), 2 without a command', async () => {
    const help = captureIo();
    expect(await runCli(['--help'], help)).toBe(0);
    expect(help.out()).toContain('acpt loadtest [flags]');
    expect(await runCli([], captureIo())).toBe(2);
    for (const command of ['loadtest', 'doctor']) {
      const io = captureIo();
      expect(await runCli([command, '--', '--help'], io)).toBe(0);
      expect(io.out()).toContain(`Usage: acpt ${command} [flags]`);
    }
  });

  it.each([
    [['deploy'], 'unknown command "deploy"'],
    [['loadtest', '--concurency', '8'], "Unknown option '--concurency'"],
    [['loadtest', '--requests=-5'], '--requests must be an integer'],
    [['doctor', '--samples', '0'], '--samples must be an integer from 1 to 100'],
    [['doctor', '--url', 'not a url'], '--url must be a URL'],
    [['doctor', 'now'], "Unexpected argument 'now'"],
  ])('exits 2 with a clear message for %j', async (argv, message) => {
    const io = captureIo();
    expect(await runCli(argv, io)).toBe(2);
    expect(io.err()).toContain(message);
    expect(io.err()).toMatch(/Run "acpt (loadtest |doctor )?--help" for usage/);
  });

  it('exits 2 when the configuration is invalid', async () => {
    const io = captureIo({ ACPT_MAX_RETRIES: 'many' });
    expect(await runCli(['loadtest', '--requests', '1'], io)).toBe(2);
    expect(io.err()).toContain('retry.maxRetries');
  });

  it('runs the doctor: a table and exit 0 against the mock server, exit 1 and no key in the output with a wrong key', async () => {
    const key = 'sk-cli-test-5d1c0a';
    const server = await createMockCerebrasServer({ apiKey: key });
    try {
      const env = { CEREBRAS_API_KEY: key, CEREBRAS_BASE_URL: server.url, OTEL_SDK_DISABLED: 'true' };
      const ok = captureIo(env);
      expect(await runCli(['doctor', '--samples', '1'], ok)).toBe(0);
      expect(ok.out()).toMatch(/^STATUS {2}CHECK +DETAIL\n/);
      expect(ok.out()).toMatch(/PASS +authentication +key accepted/);

      const wrong = captureIo({ ...env, CEREBRAS_API_KEY: 'sk-wrong-cli-key' });
      expect(await runCli(['doctor', '--json'], wrong)).toBe(1);
      const parsed = JSON.parse(wrong.out()) as { rows: { id: string; status: string }[]; exitCode: number };
      expect(parsed.exitCode).toBe(1);
      expect(parsed.rows.find((entry) => entry.id === 'authentication')?.status).toBe('fail');
      for (const output of [ok.out(), ok.err(), wrong.out(), wrong.err()]) {
        expect(output).not.toContain(key);
        expect(output).not.toContain('sk-wrong-cli-key');
      }
    } finally {
      await server.close();
    }
  });
});
