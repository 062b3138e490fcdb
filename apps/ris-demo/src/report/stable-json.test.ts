import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createJsonLinesWriter } from './json-lines-writer.ts';
import { stableStringify } from './stable-json.ts';

describe('stable JSON output', () => {
  it('rounds to six significant digits, keeps integers and writes non-finite numbers as null', () => {
    expect(stableStringify({ a: 1 / 3, b: 123456789, c: Number.NaN, d: -0, e: 2.0000001e-9, f: [Infinity] })).toBe(
      '{"a":0.333333,"b":123456789,"c":null,"d":0,"e":2e-9,"f":[null]}',
    );
  });

  it('writes one line per record and truncates an existing file', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ris-jsonl-')), 'nested', 'steps.jsonl');
    for (const count of [3, 2]) {
      const writer = createJsonLinesWriter(path, { bufferBytes: 8 });
      for (let step = 0; step < count; step += 1) writer.write({ step });
      writer.close();
      writer.close();
    }
    expect(readFileSync(path, 'utf8')).toBe('{"step":0}\n{"step":1}\n');
  });
});
