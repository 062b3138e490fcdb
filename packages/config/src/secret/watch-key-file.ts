import { type FSWatcher, watch } from 'node:fs';
import { dirname } from 'node:path';

/** A running watch of a key file; see {@link watchKeyFile}. */
export interface KeyFileWatch {
  /** Whether the directory watcher is up. */
  active(): boolean;
  /** Stops watching. Idempotent. */
  close(): void;
}

/**
 * Calls `onChange` (debounced by `debounceMs`) whenever the key file or its directory changes: an in-place rewrite
 * (Vault Agent, CSI drivers), a rename over it, and the Kubernetes Secret update, which writes a new timestamped
 * directory and atomically replaces the `..data` symlink the key file points through. The file watcher follows the
 * file the path resolves to at the time, so it is re-armed after each change; the directory watcher sees every swap.
 * Watchers never keep the process alive.
 */
export function watchKeyFile(path: string, onChange: () => void, debounceMs = 20): KeyFileWatch {
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let fileWatcher: FSWatcher | undefined;
  let directoryWatcher: FSWatcher | undefined;

  const armFile = (): void => {
    fileWatcher?.close();
    fileWatcher = undefined;
    if (closed) return;
    try {
      fileWatcher = watch(path, { persistent: false }, schedule);
      fileWatcher.on('error', () => {
        fileWatcher?.close();
        fileWatcher = undefined;
      });
    } catch {
      // the file is gone for now; the directory watcher re-arms it when it comes back
    }
  };

  function schedule(): void {
    if (closed) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      armFile();
      onChange();
    }, debounceMs);
    timer.unref?.();
  }

  try {
    directoryWatcher = watch(dirname(path), { persistent: false }, schedule);
    directoryWatcher.on('error', () => {
      directoryWatcher?.close();
      directoryWatcher = undefined;
    });
  } catch {
    directoryWatcher = undefined;
  }
  armFile();

  return {
    active: () => directoryWatcher !== undefined,
    close(): void {
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      fileWatcher?.close();
      directoryWatcher?.close();
      fileWatcher = undefined;
      directoryWatcher = undefined;
    },
  };
}
