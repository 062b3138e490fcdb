import { AcptConfigError, type ConfigSource } from '@acpt/config';
import { diag } from '@opentelemetry/api';

/**
 * Where prompts and replies go: `none` (nowhere, the default), `span` (JSON-string attributes on the logical span, for
 * pre-production) or `event` (the opt-in log event `gen_ai.client.inference.operation.details`, correlated with the
 * span; the span then carries no content).
 */
export type ContentCaptureMode = 'none' | 'span' | 'event';

/** The variable that selects the {@link ContentCaptureMode}. */
export const CAPTURE_CONTENT_VARIABLE = 'ACPT_TELEMETRY_CAPTURE_CONTENT';

/** The OpenTelemetry GenAI instrumentations' switch, honoured when ours is unset: `true` means `span`. */
export const OTEL_CAPTURE_CONTENT_VARIABLE = 'OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT';

const MODES: readonly string[] = ['none', 'span', 'event'];

/**
 * Resolves the `captureContent` option (`true` = `span`, `false` = `none`), else the environment:
 * `ACPT_TELEMETRY_CAPTURE_CONTENT=none|span|event` (any case), else
 * `OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true` (→ `span`), else `none`.
 *
 * An unknown `ACPT_TELEMETRY_CAPTURE_CONTENT` value (or option value) is a configuration error, as for every other
 * `ACPT_*` variable: it fails at instrumentation time rather than capture less, or more, than the operator meant. An
 * OTel variable follows the OpenTelemetry rule for booleans instead: anything but `true` is false, and a value other
 * than `true`, `false` or empty is warned about through `diag`.
 *
 * @throws {AcptConfigError} `ACPT_CONFIG_INVALID`, naming the variable (or option) and the allowed values
 */
export function resolveContentCaptureMode(
  option: boolean | ContentCaptureMode | undefined,
  env: Readonly<Record<string, string | undefined>>,
): ContentCaptureMode {
  if (option === true) return 'span';
  if (option === false) return 'none';
  if (option !== undefined) return parseMode(String(option), { kind: 'override' }, 'captureContent');
  const acpt = env[CAPTURE_CONTENT_VARIABLE]?.trim();
  if (acpt !== undefined && acpt !== '') {
    return parseMode(acpt.toLowerCase(), { kind: 'env', name: CAPTURE_CONTENT_VARIABLE }, CAPTURE_CONTENT_VARIABLE);
  }
  const otel = env[OTEL_CAPTURE_CONTENT_VARIABLE]?.trim().toLowerCase();
  if (otel === 'true') return 'span';
  if (otel !== undefined && otel !== '' && otel !== 'false') {
    diag.warn(
      `@acpt/telemetry: ${OTEL_CAPTURE_CONTENT_VARIABLE} must be true or false; ignoring ${quote(otel)}, content capture stays off`,
    );
  }
  return 'none';
}

function parseMode(value: string, source: ConfigSource, name: string): ContentCaptureMode {
  if (MODES.includes(value)) return value as ContentCaptureMode;
  const expected = 'one of none, span, event';
  const received = quote(value);
  throw new AcptConfigError([
    {
      path: 'captureContent',
      expected,
      received,
      source,
      message: `${name} must be one of none, span or event (received ${received})`,
    },
  ]);
}

function quote(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}
