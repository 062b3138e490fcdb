import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import type { JobOutput, PublishOutcome, ResultsStore } from './results-store.ts';

const SUMMARY_FILE = 'summary.json';
const JOB_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

async function writeDurably(path: string, content: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncDirectory(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function isAlreadyThere(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOTEMPTY' || code === 'EEXIST';
}

/**
 * A {@link ResultsStore} in a folder that every worker can reach (a local disk, NFS, a mounted volume):
 * `<root>/jobs/<jobId>/` holds `summary.json` and the job's files. A job is first written (files fsynced) into a
 * private folder under `<root>/.staging/`, then renamed into place in one step: `rename(2)` of a folder onto a
 * folder that exists fails, so the first publisher wins and every later one gets `exists`.
 */
export class FilesystemResultsStore implements ResultsStore {
  readonly root: string;

  constructor(root: string) {
    this.root = root;
  }

  async publish<TSummary>(jobId: string, output: JobOutput<TSummary>): Promise<PublishOutcome> {
    const target = this.locate(jobId);
    const staging = join(this.root, '.staging', `${jobId}.${process.pid}.${randomBytes(6).toString('hex')}`);
    try {
      for (const [name, content] of Object.entries(output.files ?? {})) {
        await writeDurably(this.#inside(staging, name), content);
      }
      await writeDurably(join(staging, SUMMARY_FILE), `${JSON.stringify(output.summary, null, 2)}\n`);
      await mkdir(dirname(target), { recursive: true });
      try {
        await rename(staging, target);
      } catch (error) {
        if (isAlreadyThere(error)) return 'exists';
        throw error;
      }
      await syncDirectory(dirname(target));
      return 'written';
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  }

  async summary<TSummary = unknown>(jobId: string): Promise<TSummary | undefined> {
    try {
      return JSON.parse(await readFile(join(this.locate(jobId), SUMMARY_FILE), 'utf8')) as TSummary;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async list(): Promise<string[]> {
    try {
      return (await readdir(join(this.root, 'jobs'))).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  locate(jobId: string): string {
    if (!JOB_ID.test(jobId)) throw new RangeError(`not a job id usable as a folder name: ${JSON.stringify(jobId)}`);
    return join(this.root, 'jobs', jobId);
  }

  #inside(folder: string, name: string): string {
    const path = normalize(join(folder, name));
    if (!path.startsWith(folder + sep) || name === SUMMARY_FILE) {
      throw new RangeError(`output file name ${JSON.stringify(name)} must be a relative path inside the job's folder`);
    }
    return path;
  }
}
