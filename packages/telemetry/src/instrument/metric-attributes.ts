import type { Attributes } from '@opentelemetry/api';
import { ATTR, OPERATION_CHAT } from '../semconv/attributes.ts';

type Scalar = string | number | boolean;

/**
 * Builds each metric attribute set once and hands out the same frozen object afterwards, so the hot path allocates
 * nothing and one object stands for one attribute set (counter tallies rely on that): one base per (provider, model,
 * server) and one variant per extra attribute value. Only low-cardinality values go in (never request ids or
 * prompts), so the cache stays as small as the metric series themselves.
 */
export class MetricAttributeCache {
  readonly #legacySystem: boolean;
  readonly #bases = new Map<string, Map<string, Map<string | undefined, Map<number | undefined, Attributes>>>>();
  readonly #variants = new WeakMap<Attributes, Map<string, Map<Scalar, Attributes>>>();
  readonly #circuitStates = new Map<string, Attributes>();

  constructor(legacySystem: boolean) {
    this.#legacySystem = legacySystem;
  }

  /** Operation, provider, request model and, for a remote path, `server.address` / `server.port`. */
  base(provider: string, model: string, serverAddress: string | undefined, serverPort: number | undefined): Attributes {
    const byModel = child(this.#bases, provider, () => new Map());
    const byAddress = child(byModel, model, () => new Map());
    const byPort = child(byAddress, serverAddress, () => new Map());
    let attributes = byPort.get(serverPort);
    if (attributes === undefined) {
      const built: Attributes = { [ATTR.operationName]: OPERATION_CHAT, [ATTR.providerName]: provider };
      if (this.#legacySystem) built[ATTR.legacySystem] = provider;
      built[ATTR.requestModel] = model;
      if (serverAddress !== undefined) {
        built[ATTR.serverAddress] = serverAddress;
        if (serverPort !== undefined) built[ATTR.serverPort] = serverPort;
      }
      attributes = Object.freeze(built);
      byPort.set(serverPort, attributes);
    }
    return attributes;
  }

  /** `base` plus one more attribute. */
  with(base: Attributes, name: string, value: Scalar): Attributes {
    let byName = this.#variants.get(base);
    if (byName === undefined) {
      byName = new Map();
      this.#variants.set(base, byName);
    }
    const byValue = child(byName, name, () => new Map());
    let attributes = byValue.get(value);
    if (attributes === undefined) {
      attributes = Object.freeze({ ...base, [name]: value });
      byValue.set(value, attributes);
    }
    return attributes;
  }

  /** `acpt.circuit.state` alone (the circuit metrics carry nothing else). */
  circuitState(state: string): Attributes {
    return child(this.#circuitStates, state, () => Object.freeze({ [ATTR.circuitState]: state }));
  }

  /** `base` plus two more attributes (the second omitted when `undefined`). */
  with2(base: Attributes, name: string, value: Scalar, name2: string, value2: Scalar | undefined): Attributes {
    const first = this.with(base, name, value);
    return value2 === undefined ? first : this.with(first, name2, value2);
  }
}

function child<TKey, TChild>(map: Map<TKey, TChild>, key: TKey, create: () => TChild): TChild {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}
