const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');
const secretMarker = Symbol.for('acpt.secret');
const redacted = '[redacted]';

/**
 * Holds a credential. `String(secret)`, `JSON.stringify(secret)` and `util.inspect(secret)` all print `[redacted]`;
 * the only way to read the value is `reveal()`, which the transport calls to build the `Authorization` header.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  /** The credential itself. Call it only where the value goes on the wire. */
  reveal(): string {
    return this.#value;
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
