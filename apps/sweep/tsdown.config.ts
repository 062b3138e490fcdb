import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: { main: 'src/main.ts' },
  platform: 'node',
  format: 'esm',
  dts: false,
  sourcemap: true,
});
