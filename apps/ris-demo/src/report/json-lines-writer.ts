import { closeSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { partialPathOf } from './atomic-write.ts';
import { stableStringify } from './stable-json.ts';

/** Appends one JSON document per line to a file, synchronously (no lost lines on an early exit). */
export interface JsonLinesWriter {
  /** Appends one record as a line. */
  write(record: unknown): void;
  /** Flushes and closes the file (and, when atomic, renames it to its final name). Idempotent. */
  close(): void;
}

/** Options of {@link createJsonLinesWriter}. */
export interface JsonLinesWriterOptions {
  /** Bytes buffered before a write; 0 writes every record at once. @defaultValue 65536 */
  readonly bufferBytes?: number;
  /**
   * Write under a hidden `.partial` name and rename to `path` on `close()`, so a file with the final name is always a
   * finished one (a crash leaves only the partial file). @defaultValue false
   */
  readonly atomic?: boolean;
}

/** Creates (truncating) the file at `path`, creating its folder, and returns a writer for it. */
export function createJsonLinesWriter(path: string, options: JsonLinesWriterOptions = {}): JsonLinesWriter {
  mkdirSync(dirname(path), { recursive: true });
  const target = options.atomic === true ? partialPathOf(path) : path;
  const descriptor = openSync(target, 'w');
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
      closed = true;
      try {
        flush();
      } finally {
        closeSync(descriptor);
      }
      if (target !== path) renameSync(target, path);
    },
  };
}
