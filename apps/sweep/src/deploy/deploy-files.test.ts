import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';

const deploy = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../../deploy/${name}`, import.meta.url)), 'utf8');

type Tree = Record<string, unknown>;
const at = (tree: unknown, ...keys: (string | number)[]): unknown =>
  keys.reduce<unknown>((node, key) => (node as Tree | undefined)?.[key as string], tree);

describe('deploy notes', () => {
  it('compose: Redis with the AOF on a volume and a password, workers running `sweep worker` with a grace period', () => {
    const compose = parse(deploy('docker-compose.yml')) as Tree;
    const redis = at(compose, 'services', 'redis') as Tree;
    expect(redis['command']).toEqual(expect.arrayContaining(['--appendonly', 'yes', '--requirepass']));
    expect(redis['volumes']).toEqual(['redis-data:/data']);
    const worker = at(compose, 'services', 'worker') as Tree;
    expect((worker['command'] as string[]).slice(0, 2)).toEqual(['worker', '--campaign']);
    expect(at(worker, 'environment', 'ACPT_REDIS_URL')).toMatch(/^redis:\/\/:\$\{REDIS_PASSWORD\}@redis:6379/);
    expect(worker['volumes']).toEqual(['results:/results']);
    expect(Number.parseInt(String(worker['stop_grace_period']), 10)).toBeGreaterThan(30);
  });

  it('kubernetes: a Redis StatefulSet with AOF, workers with secrets from Secrets, a shared results volume', () => {
    const documents = parseAllDocuments(deploy('kubernetes.yaml')).map((document) => document.toJS() as Tree);
    expect(documents.every((document) => document['apiVersion'] !== undefined && document['kind'] !== undefined)).toBe(
      true,
    );
    const byKind = (kind: string, name: string): Tree =>
      documents.find((document) => document['kind'] === kind && at(document, 'metadata', 'name') === name) as Tree;
    const redis = at(byKind('StatefulSet', 'sweep-redis'), 'spec', 'template', 'spec', 'containers', 0) as Tree;
    expect(redis['args']).toEqual(expect.arrayContaining(['--appendonly', 'yes']));
    const pod = at(byKind('Deployment', 'sweep-worker'), 'spec', 'template', 'spec') as Tree;
    expect(pod['terminationGracePeriodSeconds']).toBeGreaterThan(30);
    const worker = at(pod, 'containers', 0) as Tree;
    expect((worker['args'] as string[]).slice(0, 2)).toEqual(['worker', '--campaign']);
    const env = worker['env'] as Tree[];
    for (const name of ['ACPT_REDIS_URL', 'CEREBRAS_API_KEY']) {
      const entry = env.find((item) => item['name'] === name) as Tree;
      expect(entry['value'], `${name} comes from a Secret`).toBeUndefined();
      expect(at(entry, 'valueFrom', 'secretKeyRef')).toBeDefined();
    }
    expect(at(byKind('PersistentVolumeClaim', 'sweep-results'), 'spec', 'accessModes')).toEqual(['ReadWriteMany']);
    expect(at(byKind('Job', 'sweep-submit'), 'spec', 'template', 'spec', 'containers', 0, 'args', 0)).toBe('submit');
  });
});
