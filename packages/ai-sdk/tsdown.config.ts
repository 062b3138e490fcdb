import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: ['src/index.ts'],
  platform: 'node',
  format: 'esm',
  dts: true,
  sourcemap: true,
  define: { __ACPT_VERSION__: JSON.stringify(process.env.npm_package_version ?? '0.0.0') },
});
