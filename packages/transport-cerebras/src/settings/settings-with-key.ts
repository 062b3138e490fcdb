import type { Secret } from '@acpt/config';
import type { TransportSettings } from './resolve-transport-settings.ts';

/** `settings` with every authenticated header set carrying `key` (built once per key, never per call). */
export function settingsWithKey(settings: TransportSettings, key: Secret): TransportSettings {
  const authorization = `Bearer ${key.reveal()}`;
  return {
    ...settings,
    apiKey: key,
    jsonHeaders: { ...settings.jsonHeaders, authorization },
    streamHeaders: { ...settings.streamHeaders, authorization },
    getHeaders: { ...settings.getHeaders, authorization },
  };
}
