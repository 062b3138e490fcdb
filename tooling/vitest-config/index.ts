import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig, type ViteUserConfig } from 'vitest/config';

/** Resolve sibling `@acpt/*` packages to their TypeScript sources, so tests never need a build first. */
const sourceConditions = ['@acpt/source', 'module', 'node', 'import', 'default'];

/** Fixes fast-check's seed in CI (or to `ACPT_PROPERTY_SEED`): see `property-seed.ts`. */
const propertySeedSetup = fileURLToPath(new URL('./property-seed.ts', import.meta.url));

/**
 * The shared vitest preset of every `@acpt/*` package: node environment, colocated `src/**\/*.test.ts`,
 * mocks restored between tests, fast-check seeded as `property-seed.ts` says, and `@acpt/source` resolution of workspace siblings.
 *
 * @param name - the project name shown in vitest's output
 * @param overrides - package-specific settings merged over the preset
 */
export function createVitestConfig(name: string, overrides: ViteUserConfig = {}): ViteUserConfig {
  return mergeConfig(
    defineConfig({
      resolve: { conditions: sourceConditions },
      ssr: { resolve: { conditions: sourceConditions, externalConditions: ['@acpt/source'] } },
      test: {
        name,
        environment: 'node',
        restoreMocks: true,
        include: ['src/**/*.test.ts'],
        testTimeout: 30_000,
        hookTimeout: 30_000,
        setupFiles: [propertySeedSetup],
      },
    }),
    overrides,
  );
}
