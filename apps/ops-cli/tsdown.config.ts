import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: ['src/main.ts'],
  platform: 'node',
  format: 'esm',
  dts: false,
  sourcemap: true,
});
