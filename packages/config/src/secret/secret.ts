const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');
const secretMarker = Symbol.for('acpt.secret');
const redacted = '[redacted]';
/**
 * The values, outside the instances: a `#private` field would make `Secret` nominal, so a `Secret` from a second
 * installed copy of this package (version skew) would not type-check where this copy's `Secret` is expected.
 */
const values = new WeakMap<Secret, string>();

/**
 * Holds a credential. `String(secret)`, `JSON.stringify(secret)` and `util.inspect(secret)` all print `[redacted]`;
 * the only way to read the value is `reveal()`, which the transport calls to build the `Authorization` header.
 */
export class Secret {
  constructor(value: string) {
    values.set(this, value);
  }

  /** The credential itself. Call it only where the value goes on the wire. */
  reveal(): string {
    const value = values.get(this);
    if (value === undefined) throw new TypeError('reveal() called on an object that is not a Secret of this copy');
    return value;
  }

  /** `[redacted]`. */
  toString(): string {
    return redacted;
  }

  /** `[redacted]`. */
  toJSON(): string {
    return redacted;
  }

  /** True for a `Secret` from any copy of this package (a `Symbol.for` marker, as the errors use). Never throws. */
  static isInstance(value: unknown): value is Secret {
    return (
      value instanceof Secret ||
      (typeof value === 'object' &&
        value !== null &&
        (value as Record<symbol, unknown>)[secretMarker] === true &&
        typeof (value as Secret).reveal === 'function')
    );
  }
}

// `util.inspect` and `console.log` print `[redacted]` too; the marker backs `isInstance` across duplicate installs.
Object.defineProperty(Secret.prototype, inspectSymbol, { value: (): string => redacted, enumerable: false });
Object.defineProperty(Secret.prototype, secretMarker, { value: true, enumerable: false });
