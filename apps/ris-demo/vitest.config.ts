import { createVitestConfig } from '@acpt/vitest-config';

export default createVitestConfig('@acpt/ris-demo', { test: { include: ['src/**/*.test.ts', 'test/**/*.test.ts'] } });
