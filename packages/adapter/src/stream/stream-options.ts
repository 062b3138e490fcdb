import type { StreamDeltaMode } from '@acpt/config';
import type { GenerateOptions } from '../adapter-types.ts';

/** Per-call options of `stream()`: those of `generate()` plus how deltas are handed over. */
export interface StreamOptions extends GenerateOptions {
  /**
   * `coalesced` (default): one iterator step carries every delta of a kind that arrived in one network read (one
   * `text-delta` for a burst of tokens), without holding back the first; `per-token`: one event per delta the server
   * sent. `first-token` / `stream-chunk` events follow what reaches the caller: one per step. See `StreamDeltaMode`.
   * @defaultValue `'coalesced'`
   */
  readonly deltas?: StreamDeltaMode | undefined;
}
