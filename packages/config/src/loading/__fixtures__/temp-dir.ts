import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';

/** A fresh temporary folder per test, removed afterwards, with a helper to write files into it. Test-only. */
export function useTempDir(): {
  readonly path: () => string;
  readonly write: (name: string, text: string, mode?: number) => string;
} {
  let current: string | undefined;
  afterEach(() => {
    if (current !== undefined) rmSync(current, { recursive: true, force: true });
    current = undefined;
  });
  const path = (): string => {
    current ??= mkdtempSync(join(tmpdir(), 'acpt-config-'));
    return current;
  };
  return {
    path,
    write: (name, text, mode = 0o600) => {
      const file = join(path(), name);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
      chmodSync(file, mode);
      return file;
    },
  };
}

/** A syntactically PEM-shaped certificate (not a real one: the loader only checks the shape). Test-only. */
export const PEM_CERTIFICATE = '-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n';
