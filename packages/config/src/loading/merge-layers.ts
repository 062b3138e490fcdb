import { CONFIG_SHAPE } from '../config/config-schema.ts';
import { type ConfigIssue, describeConfigSource } from '../errors/config-error.ts';
import { Secret } from '../secret/secret.ts';
import { type ConfigLayer, checkLayerShape, isPlainObject } from './config-layer.ts';
import { hasAnyKeyField, normalizeKeyFields } from './normalize-key-fields.ts';
import { Provenance } from './provenance.ts';

/** The layers merged into one raw input, with where each value came from. */
export interface MergedLayers {
  /** Deep-partial configuration input, not yet validated. */
  readonly input: Record<string, unknown>;
  /** Source of each path. */
  readonly provenance: Provenance;
  /** Structural problems of the layers (unknown keys, groups that are not objects). */
  readonly issues: ConfigIssue[];
  /** Every API key any layer gave, so that no issue text can repeat one. */
  readonly secrets: string[];
}

/**
 * Merges layers in order (later wins), group by group and field by field, recording each value's source. A layer
 * that sets the key (`apiKey`, `apiKeyFile` or a provider) replaces every key field of earlier layers and sets
 * `apiKeySource` (its `keySource`, or its source described); without a key there is no `apiKeySource`.
 */
export function mergeLayers(layers: readonly ConfigLayer[]): MergedLayers {
  const input: Record<string, unknown> = {};
  const provenance = new Provenance();
  const issues: ConfigIssue[] = [];
  const secrets: string[] = [];
  layers.forEach((layer, rank) => {
    const secret = isPlainObject(layer.values) ? layer.values.apiKey : undefined;
    if (typeof secret === 'string') secrets.push(secret.trim());
    if (Secret.isInstance(secret)) secrets.push(secret.reveal());
    const checked = checkLayerShape(layer);
    issues.push(...checked.issues);
    const sourceOf = (path: string) => layer.sourceOf?.(path) ?? layer.source;
    const values = checked.values;
    normalizeKeyFields(values, input);
    if (hasAnyKeyField(values) && values.apiKeySource === undefined) {
      values.apiKeySource = layer.keySource ?? describeConfigSource(sourceOf('apiKey'));
    }
    for (const [key, value] of Object.entries(values)) {
      if (CONFIG_SHAPE[key] !== 'value' && isPlainObject(value)) {
        const target = isPlainObject(input[key]) ? input[key] : {};
        input[key] = target;
        provenance.set(key, sourceOf(key), rank);
        for (const [field, fieldValue] of Object.entries(value)) {
          target[field] = fieldValue;
          provenance.set(`${key}.${field}`, sourceOf(`${key}.${field}`), rank);
        }
      } else {
        input[key] = value;
        provenance.set(key, sourceOf(key), rank);
      }
    }
  });
  if (!hasAnyKeyField(input)) delete input.apiKeySource;
  return { input, provenance, issues, secrets };
}
