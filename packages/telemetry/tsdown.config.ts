import { defineConfig } from 'tsdown';

export default defineConfig({
  // `sdk` is a subpath of its own so instrumentation-only users never load the OpenTelemetry SDK.
  entry: { index: 'src/index.ts', sdk: 'src/sdk/index.ts' },
  platform: 'node',
  format: 'esm',
  dts: true,
  sourcemap: true,
  define: { __ACPT_VERSION__: JSON.stringify(process.env.npm_package_version ?? '0.0.0') },
});
