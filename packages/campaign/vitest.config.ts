import { createVitestConfig } from '@acpt/vitest-config';

// The tests start real redis-server and worker processes: one file at a time keeps them off each other's CPU.
export default createVitestConfig('@acpt/campaign', { test: { fileParallelism: false } });
