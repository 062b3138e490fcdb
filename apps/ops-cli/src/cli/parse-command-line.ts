import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import { UsageError } from './usage-error.ts';

/** Flag values as `node:util` `parseArgs` returns them. */
export type FlagValues = Record<string, string | boolean | undefined>;

/**
 * Parses a subcommand's flags strictly (no positionals) and turns every `parseArgs` complaint into a
 * {@link UsageError} that names the command.
 *
 * @throws {UsageError} on an unknown flag, a missing value or a stray positional argument
 */
export function parseCommandLine(
  command: string,
  args: readonly string[],
  options: ParseArgsOptionsConfig,
): FlagValues {
  try {
    const { values } = parseArgs({ args: [...args], options, strict: true, allowPositionals: false });
    return values as FlagValues;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${command}: ${message.replace(/\. To specify .*$/s, '')}`);
  }
}

/** A string flag's value, or `undefined`. */
export function stringFlag(values: FlagValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}
