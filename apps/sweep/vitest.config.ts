import { createVitestConfig } from '@acpt/vitest-config';

// The tests start redis-server and worker processes: one file at a time.
export default createVitestConfig('@acpt/sweep', { test: { fileParallelism: false } });
