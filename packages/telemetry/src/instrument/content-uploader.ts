import { diag, type Span } from '@opentelemetry/api';
import type { InputMessage, OutputMessage, ToolDefinitionContent } from './content-capture.ts';

/**
 * The prompt and reply of one logical call, in the GenAI conventions' shapes and before any JSON encoding, as the
 * {@link ContentUploader} receives it. The content fields may be changed in place (to redact, say): what the hook
 * leaves is what span or event capture then records. `JSON.stringify(content)` is safe.
 */
export interface CapturedContent {
  /** The adapter's id of the logical request. */
  readonly requestId: string;
  /** Trace and span id of the logical `chat {model}` span (hex), also when it is not sampled. */
  readonly traceId: string;
  readonly spanId: string;
  /** Whether that span is sampled, so a reference set on it reaches the backend. */
  readonly sampled: boolean;
  /** `gen_ai.provider.name` and `gen_ai.request.model` of the call. */
  readonly provider: string;
  readonly model: string;
  /** `error.type` when the call failed (there is then no output), else `undefined`. */
  readonly errorType: string | undefined;
  /** `gen_ai.input.messages`: every message sent, in order (system messages included). */
  inputMessages: InputMessage[];
  /** `gen_ai.output.messages`: the reply, or `undefined` when the call failed. */
  outputMessages: OutputMessage[] | undefined;
  /** `gen_ai.tool.definitions`, when the request offered tools. */
  toolDefinitions: ToolDefinitionContent[] | undefined;
}

/**
 * A hook that stores a call's content outside telemetry (a blob store, say) and returns a reference to it (a URL or
 * key), which is set on the logical span as `acpt.content.ref`. It runs once per logical call when the call settles,
 * whatever the capture mode and **also for unsampled spans** (their reference is simply not exported), before span or
 * event capture records the content.
 *
 * It runs on the request's path, so it must not block: compute the reference synchronously (from `traceId` and
 * `spanId`, say) and start the upload without awaiting it. A hook that throws (or, called from JavaScript, returns a
 * promise that rejects) is reported through `diag` and never affects the request. The span is passed so the hook can
 * add attributes of its own.
 */
export type ContentUploader = (content: CapturedContent, span: Span) => string | undefined;

/** Calls `uploader`, returning its reference; errors (thrown or as a rejected promise) go to `diag`, never further. */
export function callContentUploader(
  uploader: ContentUploader,
  content: CapturedContent,
  span: Span,
): string | undefined {
  let reference: unknown;
  try {
    reference = uploader(content, span);
  } catch (error) {
    diag.error(`@acpt/telemetry: contentUploader threw: ${describe(error)}`);
    return undefined;
  }
  if (typeof reference === 'string') return reference === '' ? undefined : reference;
  if (isThenable(reference)) {
    reference.then(undefined, (error: unknown) => {
      diag.error(`@acpt/telemetry: contentUploader rejected: ${describe(error)}`);
    });
  }
  return undefined;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null | undefined)?.then === 'function';
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
