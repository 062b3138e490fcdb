import type { JobResult } from '@acpt/ris-demo/experiment';

/** What a ris-demo campaign job publishes as its summary (and records as the BullMQ job's return value). */
export interface RisJobSummary {
  /** Layout version of this summary. */
  readonly schemaVersion: 1;
  readonly configurationId: string;
  readonly label: string;
  readonly seed: number;
  /** Every policy's results on this seed, as the ris-demo's `runExperimentJob` returns them. */
  readonly result: JobResult;
}
