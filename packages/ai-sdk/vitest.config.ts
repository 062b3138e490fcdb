import { createVitestConfig } from '@acpt/vitest-config';

export default createVitestConfig('@acpt/ai-sdk');
