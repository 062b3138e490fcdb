import type { Attributes } from '@opentelemetry/api';
import { ATTR, OPERATION_CHAT } from '../semconv/attributes.ts';

type Scalar = string | number | boolean;

interface LastBase {
  readonly provider: string;
  readonly model: string;
  readonly address: string | undefined;
  readonly port: number | undefined;
  readonly attributes: Attributes;
}

/**
 * Builds each metric attribute set once and hands out the same frozen object afterwards, so the hot path allocates
 * nothing and one object stands for one attribute set (counter tallies rely on that): one base per (provider, model,
 * server) and one variant per extra attribute value. Only low-cardinality values go in (never request ids or
 * prompts), so the cache stays as small as the metric series themselves. Lookups are plain Map reads (no closures),
 * and the base last asked for is remembered, since one adapter asks for the same one on every request.
 */
export class MetricAttributeCache {
  readonly #legacySystem: boolean;
  readonly #bases = new Map<string, Map<string, Map<string | undefined, Map<number | undefined, Attributes>>>>();
  readonly #variants = new WeakMap<Attributes, Map<string, Map<Scalar, Attributes>>>();
  readonly #circuitStates = new Map<string, Attributes>();
  #last: LastBase | undefined;

  constructor(legacySystem: boolean) {
    this.#legacySystem = legacySystem;
  }

  /** Operation, provider, request model and, for a remote path, `server.address` / `server.port`. */
  base(provider: string, model: string, serverAddress: string | undefined, serverPort: number | undefined): Attributes {
    const last = this.#last;
    if (
      last !== undefined &&
      last.provider === provider &&
      last.model === model &&
      last.address === serverAddress &&
      last.port === serverPort
    ) {
      return last.attributes;
    }
    const byPort = childMap(childMap(childMap(this.#bases, provider), model), serverAddress);
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
    this.#last = { provider, model, address: serverAddress, port: serverPort, attributes };
    return attributes;
  }

  /** `base` plus one more attribute. */
  with(base: Attributes, name: string, value: Scalar): Attributes {
    let byName = this.#variants.get(base);
    if (byName === undefined) {
      byName = new Map();
      this.#variants.set(base, byName);
    }
    const byValue = childMap(byName, name);
    let attributes = byValue.get(value);
    if (attributes === undefined) {
      attributes = Object.freeze({ ...base, [name]: value });
      byValue.set(value, attributes);
    }
    return attributes;
  }

  /** `acpt.circuit.state` alone (the circuit metrics carry nothing else). */
  circuitState(state: string): Attributes {
    let attributes = this.#circuitStates.get(state);
    if (attributes === undefined) {
      attributes = Object.freeze({ [ATTR.circuitState]: state });
      this.#circuitStates.set(state, attributes);
    }
    return attributes;
  }

  /** `base` plus two more attributes (the second omitted when `undefined`). */
  with2(base: Attributes, name: string, value: Scalar, name2: string, value2: Scalar | undefined): Attributes {
    const first = this.with(base, name, value);
    return value2 === undefined ? first : this.with(first, name2, value2);
  }
}

/** The Map under `key`, created empty when missing (no closure per call, unlike a factory argument). */
function childMap<TKey, TChildKey, TChild>(map: Map<TKey, Map<TChildKey, TChild>>, key: TKey): Map<TChildKey, TChild> {
  let child = map.get(key);
  if (child === undefined) {
    child = new Map();
    map.set(key, child);
  }
  return child;
}
