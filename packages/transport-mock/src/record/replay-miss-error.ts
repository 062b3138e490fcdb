import { describeDifference, type ValueDifference } from './request-diff.ts';

const marker = Symbol.for('acpt.error.ReplayMissError');

/** What a replay miss knows about the closest recorded request. */
export interface NearestRecording {
  /** Its 0-based line in the cassette. */
  readonly line: number;
  /** How it was made. */
  readonly mode: 'complete' | 'stream';
  /** Where it differs from the request that missed (mode included). */
  readonly differences: readonly ValueDifference[];
}

/**
 * A replayed request is not in the cassette. Names the nearest recorded request and how it differs, so a changed
 * prompt or parameter is found at once. Not retryable: the scenario changed, re-record it.
 */
export class ReplayMissError extends Error {
  /** The cassette. */
  readonly cassettePath: string;
  /** The nearest recording, when the cassette holds any. */
  readonly nearest: NearestRecording | undefined;
  /** Never retry a miss. */
  readonly retryable: false = false;

  constructor(cassettePath: string, mode: string, nearest: NearestRecording | undefined) {
    const shown = nearest?.differences.slice(0, 5).map(describeDifference) ?? [];
    const more = (nearest?.differences.length ?? 0) - shown.length;
    const detail =
      nearest === undefined
        ? 'the cassette holds no exchange'
        : `nearest recorded request (line ${nearest.line + 1}, ${nearest.mode}) differs at ${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
    super(`No recorded exchange in ${cassettePath} for this ${mode} request: ${detail}`);
    this.name = 'ReplayMissError';
    this.cassettePath = cassettePath;
    this.nearest = nearest;
    Object.defineProperty(this, marker, { value: true, enumerable: false });
  }

  /** True for any `ReplayMissError`, across duplicate installs. */
  static isInstance(error: unknown): error is ReplayMissError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[marker] === true;
  }
}
