import { defineConfig } from 'tsdown';

export default defineConfig({
  // main: the CLI; seed-worker: the worker threads of a multi-seed experiment (loaded by file name at run time);
  // experiment: the library API (one job → results, paired statistics) with its declarations.
  entry: {
    main: 'src/main.ts',
    'seed-worker': 'src/experiment/seed-worker.ts',
    experiment: 'src/experiment/index.ts',
  },
  platform: 'node',
  format: 'esm',
  dts: true,
  sourcemap: true,
});
