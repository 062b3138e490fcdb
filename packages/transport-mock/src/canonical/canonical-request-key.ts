import type { ChatRequest } from '@acpt/config';
import { canonicalJson } from '@acpt/config';
import { sha256Hex } from '../random/hash.ts';

/**
 * The canonical key of a request: its stable JSON (sorted keys, absent fields left out). Two requests with the same
 * messages and parameters have the same key, whatever order their fields were written in. A request holds no
 * credentials, so the key is safe to store.
 *
 * @example
 * canonicalRequestKey({ temperature: 0, messages: [{ role: 'user', content: 'hi' }] });
 * // '{"messages":[{"content":"hi","role":"user"}],"temperature":0}'
 */
export function canonicalRequestKey(request: ChatRequest): string {
  return canonicalJson(request);
}

/** The SHA-256 (hex) of a canonical key: the lookup id of a request in a cassette. */
export function hashRequestKey(key: string): string {
  return sha256Hex(key);
}
