import type { Secret } from '@acpt/config';
import { type CallScope, createCallScope } from '../call/call-scope.ts';
import { settingsWithKey } from '../settings/settings-with-key.ts';

/**
 * The call scope for a given key: the base scope when it already carries that key, otherwise one built with the
 * key's headers and cached until the key changes again (a rotation rebuilds it once, not per call).
 */
export function createKeyedScopes(base: CallScope): (key: Secret) => CallScope {
  let last = base;
  const isClosed = base.chat.failure.isClosed;
  return (key) => {
    if (last.settings.apiKey === key) return last;
    last = createCallScope(settingsWithKey(base.settings, key), base.dispatcher, base.clock, isClosed);
    return last;
  };
}
