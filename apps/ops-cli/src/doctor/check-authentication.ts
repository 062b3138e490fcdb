import { AuthenticationError } from '@acpt/config';
import type { CerebrasTransport } from '@acpt/transport-cerebras';
import { type CheckRow, errorText, row } from './check-row.ts';

/** The authentication row and, when the key was accepted, the models the endpoint listed. */
export interface AuthenticationResult {
  readonly row: CheckRow;
  readonly models?: readonly string[];
}

/** Lists the endpoint's models with the key (`GET /v1/models`): the cheapest authenticated call. */
export async function checkAuthentication(
  transport: CerebrasTransport,
  timeoutMs: number,
): Promise<AuthenticationResult> {
  try {
    const models = await transport.listModels({ signal: AbortSignal.timeout(timeoutMs) });
    return {
      row: row('authentication', 'pass', `key accepted (GET /v1/models listed ${models.length} models)`),
      models,
    };
  } catch (error) {
    if (AuthenticationError.isInstance(error)) {
      const code = error.errorCode === undefined ? '' : ` ${error.errorCode}`;
      return {
        row: row(
          'authentication',
          'fail',
          `key refused: HTTP ${error.status}${code}`,
          error.status === 402
            ? 'The organisation has no credit or payment method: check billing in the Cerebras console.'
            : 'The key is wrong, revoked or for another organisation: create a new key in the Cerebras console and update the secret.',
        ),
      };
    }
    return {
      row: row(
        'authentication',
        'fail',
        `GET /v1/models failed: ${errorText(error)}`,
        'Fix the rows above (DNS, TCP, TLS) first.',
      ),
    };
  }
}
