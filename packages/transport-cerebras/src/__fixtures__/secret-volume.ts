import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A Secret volume laid out the way the kubelet writes one, for rotation tests. Test-only. */
export interface SecretVolume {
  /** The mount directory. */
  readonly dir: string;
  /** `<dir>/api-key`: a symlink through `..data` to the current timestamped directory. */
  readonly keyPath: string;
  /**
   * Rotates the key as the kubelet's atomic writer does: a new timestamped directory holding the file, a `..data_tmp`
   * symlink to it renamed over `..data` (one atomic swap), then the old directory removed.
   */
  rotate(key: string, mode?: number): void;
  /** Removes the whole volume. */
  remove(): void;
}

/** Creates a Kubernetes-style Secret volume holding `key` (mode 0600) in a fresh temporary directory. */
export function createSecretVolume(key: string): SecretVolume {
  const dir = mkdtempSync(join(tmpdir(), 'acpt-secret-'));
  let generation = 0;
  let current = '';
  const writeGeneration = (text: string, mode: number): string => {
    generation += 1;
    const name = `..2026_12_07_10_00_${String(generation).padStart(2, '0')}.00000000${generation}`;
    mkdirSync(join(dir, name), { mode: 0o755 });
    writeFileSync(join(dir, name, 'api-key'), text, { mode });
    return name;
  };
  current = writeGeneration(key, 0o600);
  symlinkSync(current, join(dir, '..data'));
  symlinkSync(join('..data', 'api-key'), join(dir, 'api-key'));
  return {
    dir,
    keyPath: join(dir, 'api-key'),
    rotate(next: string, mode = 0o600): void {
      const previous = current;
      current = writeGeneration(next, mode);
      symlinkSync(current, join(dir, '..data_tmp'));
      renameSync(join(dir, '..data_tmp'), join(dir, '..data'));
      rmSync(join(dir, previous), { recursive: true, force: true });
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
