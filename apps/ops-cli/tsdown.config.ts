import { defineConfig } from 'tsdown';

export default defineConfig({
  // The mock server child is its own entry: the load test forks `dist/mock-server-child.mjs` next to `dist/main.mjs`.
  entry: { main: 'src/main.ts', 'mock-server-child': 'src/loadtest/mock-server-child.ts' },
  platform: 'node',
  format: 'esm',
  dts: false,
  sourcemap: true,
});
