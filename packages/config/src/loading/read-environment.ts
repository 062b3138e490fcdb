import { resolve } from 'node:path';
import type { ConfigIssue, ConfigSource } from '../errors/config-error.ts';
import { configIssue } from './config-issue.ts';
import type { ConfigLayer } from './config-layer.ts';
import { ENVIRONMENT_VARIABLES, type EnvironmentVariable } from './environment-variables.ts';
import { readKeyFile } from './read-key-file.ts';

/** An environment: `process.env` or any record of strings. */
export type ConfigEnvironment = Readonly<Record<string, string | undefined>>;

const decimalNumber = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** One layer per documented variable that is set, and the problems of those that cannot be read. */
export function readEnvironment(env: ConfigEnvironment, cwd: string): { layers: ConfigLayer[]; issues: ConfigIssue[] } {
  const layers: ConfigLayer[] = [];
  const issues: ConfigIssue[] = [];
  const textOf = (name: string): string | undefined => env[name]?.trim() || undefined;
  if (textOf('CEREBRAS_API_KEY') !== undefined && textOf('CEREBRAS_API_KEY_FILE') !== undefined) {
    issues.push(
      configIssue(
        'apiKey',
        { kind: 'env', name: 'CEREBRAS_API_KEY_FILE' },
        {
          expected: 'only one of CEREBRAS_API_KEY and CEREBRAS_API_KEY_FILE (unset one of them)',
          received: 'both are set',
        },
      ),
    );
    return { layers, issues };
  }
  for (const variable of ENVIRONMENT_VARIABLES) {
    const text = textOf(variable.name);
    if (text === undefined || variable.path === undefined) continue;
    const source: ConfigSource = { kind: 'env', name: variable.name };
    if (variable.kind === 'key-file') {
      const path = resolve(cwd, text);
      const result = readKeyFile(path);
      if ('problem' in result) issues.push(configIssue('apiKey', source, result.problem));
      else layers.push({ source, values: { apiKey: result.key, apiKeyFile: path }, keySource: `file ${path}` });
      continue;
    }
    const value = readValue(variable, text, cwd);
    if (value.ok) layers.push({ source, values: atPath(variable.path, value.value) });
    else issues.push(configIssue(variable.path, source, { expected: value.expected, received: value.received }));
  }
  return { layers, issues };
}

type ReadValue =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly expected: string; readonly received: string };

/** Text → value. Text that does not parse is passed on as it is, so the schema reports it with its own wording. */
function readValue(variable: EnvironmentVariable, text: string, cwd: string): ReadValue {
  switch (variable.kind) {
    case 'integer':
    case 'number':
      return { ok: true, value: decimalNumber.test(text) ? Number(text) : text };
    case 'boolean': {
      const word = text.toLowerCase();
      return { ok: true, value: word === 'true' ? true : word === 'false' ? false : text };
    }
    case 'path':
      return { ok: true, value: resolve(cwd, text) };
    case 'json':
      try {
        return { ok: true, value: JSON.parse(text) };
      } catch {
        return { ok: false, expected: 'a JSON object such as {"run":"a"}', received: 'text that is not valid JSON' };
      }
    default:
      return { ok: true, value: text };
  }
}

/** `{ retry: { maxRetries: value } }` from `retry.maxRetries`. */
function atPath(path: string, value: unknown): Record<string, unknown> {
  const [head = path, ...rest] = path.split('.');
  return { [head]: rest.length === 0 ? value : atPath(rest.join('.'), value) };
}
