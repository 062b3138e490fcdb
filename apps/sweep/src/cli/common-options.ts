import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkRedisUrl } from '@acpt/campaign';
import type { CliIo } from './cli-io.ts';
import { UsageError } from './usage-error.ts';

/** One flag of a command. */
export type FlagSpec = Readonly<Record<string, { readonly type: 'string' | 'boolean' }>>;

const COMMON: FlagSpec = { redis: { type: 'string' }, results: { type: 'string' }, help: { type: 'boolean' } };

/** A command line read against the command's flags plus the common ones. */
export interface ParsedCommand {
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
}

/**
 * Parses a command's arguments (strict: an unknown flag is a usage error naming it).
 *
 * @throws {UsageError}
 */
export function parseCommand(args: readonly string[], flags: FlagSpec): ParsedCommand {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: { ...COMMON, ...flags },
      allowPositionals: true,
      strict: true,
    });
    return { positionals, values: values as Record<string, string | boolean | undefined> };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** `--redis`, else `ACPT_REDIS_URL`, checked; a usage error when neither is given or it is not a Redis URL. */
export function redisUrlOf(command: ParsedCommand, io: CliIo): string {
  const url = (command.values['redis'] as string | undefined) ?? io.env['ACPT_REDIS_URL'];
  if (url === undefined || url === '') throw new UsageError('give the Redis URL with --redis URL or ACPT_REDIS_URL');
  try {
    return checkRedisUrl(url, '--redis');
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** `--results`, else `ACPT_RESULTS_DIR`, else `./sweep-results`, as an absolute path. */
export function resultsDirOf(command: ParsedCommand, io: CliIo): string {
  const folder = (command.values['results'] as string | undefined) ?? io.env['ACPT_RESULTS_DIR'] ?? 'sweep-results';
  return resolve(io.cwd, folder);
}

/** A whole-number flag within a range. @throws {UsageError} */
export function integerFlag(command: ParsedCommand, name: string, fallback: number, min: number, max: number): number {
  const raw = command.values[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || value < min || value > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  }
  return value;
}

/** The one positional argument a command needs. @throws {UsageError} */
export function positional(command: ParsedCommand, what: string): string {
  const [value, ...rest] = command.positionals;
  if (value === undefined) throw new UsageError(`missing ${what}`);
  if (rest.length > 0) throw new UsageError(`unexpected arguments: ${rest.join(' ')}`);
  return value;
}
