import { parseDurationFlag, parseIntegerFlag, parseUrlFlag } from '../cli/flag-values.ts';
import { parseCommandLine, stringFlag } from '../cli/parse-command-line.ts';

/** What `acpt doctor` was asked to do, validated. */
export interface DoctorCommandOptions {
  readonly file?: string;
  readonly baseUrl?: string;
  readonly model?: string;
  readonly exporter?: URL;
  readonly samples: number;
  readonly timeoutMs: number;
  readonly json: boolean;
  readonly help: boolean;
}

const flags = {
  url: { type: 'string' },
  model: { type: 'string' },
  config: { type: 'string' },
  exporter: { type: 'string' },
  samples: { type: 'string' },
  timeout: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * Parses `acpt doctor` flags.
 *
 * @throws {UsageError} for an unknown flag or a bad value
 */
export function parseDoctorOptions(args: readonly string[]): DoctorCommandOptions {
  const values = parseCommandLine('doctor', args, flags);
  const text = (name: string): string | undefined => stringFlag(values, name);
  const url = text('url');
  const exporter = text('exporter');
  return {
    file: text('config'),
    baseUrl: url === undefined ? undefined : parseUrlFlag('url', url).href.replace(/\/+$/, ''),
    model: text('model'),
    exporter: exporter === undefined ? undefined : parseUrlFlag('exporter', exporter),
    samples: parseIntegerFlag('samples', text('samples') ?? '3', { min: 1, max: 100 }),
    timeoutMs: text('timeout') === undefined ? 5000 : parseDurationFlag('timeout', text('timeout') as string),
    json: values.json === true,
    help: values.help === true,
  };
}
