const REDACTED = '[redacted]';

/**
 * Holds a secret so that every accidental path to text (template strings, JSON.stringify, pino,
 * console.log / util.inspect) prints "[redacted]". Only `reveal()` gives the value, which makes
 * each deliberate use easy to find in review.
 */
export class SecretString {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  // Node's util.inspect looks this symbol up by its registered name; importing node:util is not needed.
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return REDACTED;
  }
}
