import { ModelUnavailableError } from '@acpt/config';
import type { CerebrasTransport } from '@acpt/transport-cerebras';
import { type CheckRow, errorText, row } from './check-row.ts';

/** Checks that the configured model is served (`checkModel()`), naming the ones that are when it is not. */
export async function checkModel(transport: CerebrasTransport, model: string): Promise<CheckRow> {
  try {
    await transport.checkModel(model);
    return row('model', 'pass', `${model} is served`);
  } catch (error) {
    if (ModelUnavailableError.isInstance(error)) {
      const available = error.available.length > 0 ? error.available.join(', ') : '(none listed)';
      return row(
        'model',
        'fail',
        `${model} is not served by this endpoint (retired or misspelt); available: ${available}`,
        `Set CEREBRAS_MODEL (or "model" in the config file) to one of: ${available}.`,
      );
    }
    return row('model', 'fail', `the model list could not be read: ${errorText(error)}`);
  }
}
