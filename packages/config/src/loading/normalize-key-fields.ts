import { isApiKeySourceInput } from '../secret/to-api-key-provider.ts';

const keyFields = ['apiKey', 'apiKeyFile', 'apiKeyProvider'] as const;

/**
 * Makes one layer's key fields consistent before it is merged over `input`: a provider-form `apiKey` (a function or an
 * object with `get()`) moves to `apiKeyProvider`, and whichever of `apiKey`, `apiKeyFile` and `apiKeyProvider` the
 * layer sets replaces all three of the earlier layers (the key file's layer sets both the key and the file).
 */
export function normalizeKeyFields(values: Record<string, unknown>, input: Record<string, unknown>): void {
  if (isApiKeySourceInput(values.apiKey)) {
    values.apiKeyProvider = values.apiKey;
    delete values.apiKey;
  }
  if (keyFields.every((field) => values[field] === undefined)) return;
  for (const field of keyFields) if (values[field] === undefined) delete input[field];
}

/** True when the merged input names a key in any form. */
export function hasAnyKeyField(input: Record<string, unknown>): boolean {
  return keyFields.some((field) => input[field] !== undefined);
}
