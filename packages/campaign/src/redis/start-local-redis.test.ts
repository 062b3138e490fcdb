import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { startLocalRedis } from './start-local-redis.ts';

describe('startLocalRedis', () => {
  it('serves on loopback with AOF on, keeps acknowledged writes across a kill -9, and cleans up its folder', async () => {
    const server = await startLocalRedis();
    const client = new Redis(server.url, { maxRetriesPerRequest: null, lazyConnect: true });
    try {
      await client.connect();
      expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
      expect(await client.config('GET', 'bind')).toEqual(['bind', '127.0.0.1']);
      await client.set('kept', 'yes');
      await server.kill();
      await server.start();
      expect(await client.get('kept')).toBe('yes');
    } finally {
      client.disconnect();
      await server.stop();
    }
    expect(existsSync(join(server.directory, 'appendonlydir'))).toBe(false);
    expect(existsSync(server.directory)).toBe(false);
  });

  it('creates a data folder it is given and keeps it (sweep local resumes from it)', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'acpt-redis-given-'));
    const directory = join(parent, 'campaign', 'redis');
    const server = await startLocalRedis({ directory });
    await server.stop();
    expect(existsSync(join(directory, 'appendonlydir'))).toBe(true);
    await rm(parent, { recursive: true, force: true });
  });
});
