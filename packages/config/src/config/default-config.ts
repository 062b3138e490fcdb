import * as v from 'valibot';
import type { CerebrasConfig } from './cerebras-config.ts';
import { CerebrasConfigSchema } from './config-schema.ts';
import { deepFreeze } from './deep-freeze.ts';

/**
 * The configuration with nothing set: mock mode, model `gpt-oss-120b`, endpoint `https://api.cerebras.ai`, and the
 * defaults listed in the package README. Deep-frozen.
 */
export const DEFAULT_CONFIG: CerebrasConfig = deepFreeze(v.parse(CerebrasConfigSchema, {}));
