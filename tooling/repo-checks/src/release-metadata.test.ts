import { describe, expect, test } from 'vitest';
import { releaseMetadata, repositoryFromEnvironment } from '../../../scripts/fill-release-metadata.ts';

describe('release metadata from the CI environment', () => {
  test('GitHub and GitHub Enterprise repositories', () => {
    expect(repositoryFromEnvironment({ GITHUB_REPOSITORY: 'acme/acpt' })).toEqual({
      serverUrl: 'https://github.com',
      slug: 'acme/acpt',
    });
    const enterprise = repositoryFromEnvironment({
      GITHUB_REPOSITORY: 'lab/acpt',
      GITHUB_SERVER_URL: 'https://git.lab.example/',
    });
    expect(releaseMetadata(enterprise, 'packages/adapter')).toEqual({
      repository: { type: 'git', url: 'git+https://git.lab.example/lab/acpt.git', directory: 'packages/adapter' },
      homepage: 'https://git.lab.example/lab/acpt/tree/main/packages/adapter#readme',
      bugs: { url: 'https://git.lab.example/lab/acpt/issues' },
    });
  });

  test.each([
    [{}, /got nothing/],
    [{ GITHUB_REPOSITORY: 'no-slash' }, /owner\/name \(got "no-slash"\)/],
    [{ GITHUB_REPOSITORY: 'a/b c' }, /owner\/name/],
    [{ GITHUB_REPOSITORY: 'a/b', GITHUB_SERVER_URL: 'http://insecure.example' }, /must be https:\/\/host/],
  ])('refuses %j', (env, message) => {
    expect(() => repositoryFromEnvironment(env)).toThrow(message);
  });
});
