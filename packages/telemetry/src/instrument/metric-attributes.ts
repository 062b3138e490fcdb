import type { Attributes } from '@opentelemetry/api';
import { ATTR, OPERATION_CHAT } from '../semconv/attributes.ts';

const MAX_CACHED_BASES = 1024;

/**
 * Builds metric attribute objects once and hands out the same frozen object afterwards, so the hot path never
 * allocates: one base per (provider, model, server) and one variant per extra attribute value. Only low-cardinality
 * values go in (never request ids or prompts).
 */
export class MetricAttributeCache {
  readonly #legacySystem: boolean;
  readonly #bases = new Map<string, Attributes>();
  readonly #variants = new WeakMap<Attributes, Map<string, Attributes>>();

  constructor(legacySystem: boolean) {
    this.#legacySystem = legacySystem;
  }

  /** Operation, provider, request model and, for a remote path, `server.address` / `server.port`. */
  base(provider: string, model: string, serverAddress: string | undefined, serverPort: number | undefined): Attributes {
    const key = `${provider}\u0000${model}\u0000${serverAddress ?? ''}\u0000${serverPort ?? ''}`;
    let attributes = this.#bases.get(key);
    if (attributes === undefined) {
      const built: Attributes = { [ATTR.operationName]: OPERATION_CHAT, [ATTR.providerName]: provider };
      if (this.#legacySystem) built[ATTR.legacySystem] = provider;
      built[ATTR.requestModel] = model;
      if (serverAddress !== undefined) {
        built[ATTR.serverAddress] = serverAddress;
        if (serverPort !== undefined) built[ATTR.serverPort] = serverPort;
      }
      attributes = Object.freeze(built);
      if (this.#bases.size >= MAX_CACHED_BASES) this.#bases.clear();
      this.#bases.set(key, attributes);
    }
    return attributes;
  }

  /** `base` plus one more attribute. */
  with(base: Attributes, name: string, value: string | number | boolean): Attributes {
    let variants = this.#variants.get(base);
    if (variants === undefined) {
      variants = new Map();
      this.#variants.set(base, variants);
    }
    const key = `${name}\u0000${String(value)}`;
    let attributes = variants.get(key);
    if (attributes === undefined) {
      attributes = Object.freeze({ ...base, [name]: value });
      variants.set(key, attributes);
    }
    return attributes;
  }

  /** `base` plus two more attributes (the second omitted when `undefined`). */
  with2(
    base: Attributes,
    name: string,
    value: string | number | boolean,
    name2: string,
    value2: string | number | boolean | undefined,
  ): Attributes {
    const first = this.with(base, name, value);
    return value2 === undefined ? first : this.with(first, name2, value2);
  }
}
