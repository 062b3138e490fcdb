import { CerebrasLLMAdapter } from './adapter/cerebras-llm-adapter.ts';
import type { CreateAdapterOptions } from './adapter-types.ts';

/**
 * Creates a {@link CerebrasLLMAdapter} from one options object.
 *
 * @throws {ConfigError} when the configured path has no transport
 * @example
 * ```ts
 * const adapter = createAdapter({ config: loadConfig(), transport, mockTransport });
 * ```
 */
export function createAdapter(options: CreateAdapterOptions): CerebrasLLMAdapter {
  const { config, ...rest } = options;
  return new CerebrasLLMAdapter(config, rest);
}
