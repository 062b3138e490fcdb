import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { stableStringify } from './stable-json.ts';

/** Appends one JSON document per line to a file, buffered, synchronously (no lost lines on an early exit). */
export interface JsonLinesWriter {
  /** Appends one record as a line. */
  write(record: unknown): void;
  /** Flushes and closes the file. Idempotent. */
  close(): void;
}

/** Creates (truncating) the file at `path`, creating its folder, and returns a writer for it. */
export function createJsonLinesWriter(path: string, options: { readonly bufferBytes?: number } = {}): JsonLinesWriter {
  mkdirSync(dirname(path), { recursive: true });
  const descriptor = openSync(path, 'w');
  const limit = options.bufferBytes ?? 64 * 1024;
  let buffer: string[] = [];
  let buffered = 0;
  let closed = false;
  const flush = (): void => {
    if (buffer.length === 0) return;
    writeSync(descriptor, buffer.join(''));
    buffer = [];
    buffered = 0;
  };
  return {
    write(record) {
      if (closed) throw new Error(`JSON lines writer for ${path} is closed`);
      const line = `${stableStringify(record)}\n`;
      buffer.push(line);
      buffered += line.length;
      if (buffered >= limit) flush();
    },
    close() {
      if (closed) return;
      flush();
      closeSync(descriptor);
      closed = true;
    },
  };
}
