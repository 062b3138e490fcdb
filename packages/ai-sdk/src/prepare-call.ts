import {
  type CerebrasProviderOptions,
  type GenerateOptions,
  type JsonSchemaObject,
  toStrictJsonSchema,
} from '@acpt/adapter';
import type { ChatMessage, ResponseFormat, ToolChoice, ToolDefinition } from '@acpt/config';
import type { LanguageModelV4CallOptions, SharedV4Warning } from '@ai-sdk/provider';
import { ACPT_PROVIDER_OPTIONS_KEY, parseAcptProviderOptions } from './acpt-provider-options.ts';
import { convertPrompt } from './convert-prompt.ts';

/** A call of the AI SDK as the adapter takes it. */
export interface PreparedCall {
  readonly messages: ChatMessage[];
  readonly options: GenerateOptions;
  readonly warnings: SharedV4Warning[];
  /** The caller's output schema when it has optional properties (their stand-in nulls are dropped from the reply). */
  readonly outputSchema: JsonSchemaObject | undefined;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function hasOptionalProperties(schema: unknown): boolean {
  if (typeof schema !== 'object' || schema === null) return false;
  if (Array.isArray(schema)) return schema.some(hasOptionalProperties);
  const record = schema as Record<string, unknown>;
  const properties = record.properties;
  if (typeof properties === 'object' && properties !== null) {
    const required = Array.isArray(record.required) ? record.required : [];
    if (Object.keys(properties).some((name) => !required.includes(name))) return true;
  }
  return Object.values(record).some(hasOptionalProperties);
}

/** Headers the caller set (the AI SDK adds its own `user-agent`, which the transport's replaces). */
function callerHeaders(headers: Record<string, string | undefined> | undefined): string[] {
  if (headers === undefined) return [];
  return Object.keys(headers).filter((name) => headers[name] !== undefined && name.toLowerCase() !== 'user-agent');
}

/** `response_format.json_schema.name` must be 1–64 of letters, digits, `_` and `-`. */
function schemaName(name: string | undefined): string {
  const cleaned = (name ?? 'response').replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64);
  return cleaned === '' ? 'response' : cleaned;
}

function mapReasoning(
  reasoning: LanguageModelV4CallOptions['reasoning'],
  warnings: SharedV4Warning[],
): CerebrasProviderOptions['reasoningEffort'] {
  switch (reasoning) {
    case undefined:
    case 'provider-default':
      return undefined;
    case 'minimal':
      warnings.push({ type: 'compatibility', feature: 'reasoning', details: '"minimal" is sent as "low"' });
      return 'low';
    case 'xhigh':
    case 'max':
      warnings.push({ type: 'compatibility', feature: 'reasoning', details: `"${reasoning}" is sent as "high"` });
      return 'high';
    default:
      return reasoning;
  }
}

function mapTools(call: LanguageModelV4CallOptions, model: string, warnings: SharedV4Warning[]): ToolDefinition[] {
  const tools: ToolDefinition[] = [];
  for (const tool of call.tools ?? []) {
    if (tool.type !== 'function') {
      warnings.push({
        type: 'unsupported',
        feature: `provider tool ${tool.id}`,
        details: 'Cerebras serves function tools only',
      });
      continue;
    }
    const schema = tool.inputSchema as JsonSchemaObject;
    tools.push({
      type: 'function',
      function: {
        name: tool.name,
        ...(tool.description === undefined ? {} : { description: tool.description }),
        parameters: tool.strict === true ? toStrictJsonSchema(schema, { model }) : schema,
        ...(tool.strict === undefined ? {} : { strict: tool.strict }),
      },
    });
  }
  return tools;
}

function mapToolChoice(choice: LanguageModelV4CallOptions['toolChoice']): ToolChoice | undefined {
  if (choice === undefined) return undefined;
  return choice.type === 'tool' ? { type: 'function', function: { name: choice.toolName } } : choice.type;
}

/**
 * Maps the AI SDK's call options onto the adapter's: the prompt, sampling settings (`maxOutputTokens`,
 * `temperature`, `seed`, `topP`, `stopSequences`, penalties), `reasoning` as `reasoningEffort`, JSON output as a
 * strict Cerebras `json_schema` (or `json_object` without a schema), function tools and the tool choice, the abort
 * signal, and `providerOptions.acpt` (which wins over the standard settings). Settings Cerebras lacks (`topK`,
 * provider tools, per-call HTTP headers, raw chunks) become warnings.
 */
export function prepareCall(call: LanguageModelV4CallOptions, model: string, base: GenerateOptions): PreparedCall {
  const warnings: SharedV4Warning[] = [];
  const options: Mutable<GenerateOptions> = { ...base, model };
  const provider: Mutable<CerebrasProviderOptions> = {};
  if (call.maxOutputTokens !== undefined) options.maxCompletionTokens = call.maxOutputTokens;
  if (call.temperature !== undefined) options.temperature = call.temperature;
  if (call.seed !== undefined) options.seed = call.seed;
  if (call.abortSignal !== undefined) options.signal = call.abortSignal;
  if (call.topP !== undefined) provider.topP = call.topP;
  if (call.stopSequences !== undefined && call.stopSequences.length > 0) provider.stop = call.stopSequences;
  if (call.presencePenalty !== undefined) provider.presencePenalty = call.presencePenalty;
  if (call.frequencyPenalty !== undefined) provider.frequencyPenalty = call.frequencyPenalty;
  if (call.topK !== undefined)
    warnings.push({ type: 'unsupported', feature: 'topK', details: 'Cerebras has no top_k' });
  if (callerHeaders(call.headers).length > 0)
    warnings.push({
      type: 'unsupported',
      feature: 'headers',
      details: `the transport owns the HTTP headers; not sent: ${callerHeaders(call.headers).join(', ')}`,
    });
  if (call.includeRawChunks === true)
    warnings.push({ type: 'unsupported', feature: 'includeRawChunks', details: 'raw SSE chunks are not exposed' });
  const effort = mapReasoning(call.reasoning, warnings);
  if (effort !== undefined) provider.reasoningEffort = effort;
  let outputSchema: JsonSchemaObject | undefined;
  const format = call.responseFormat;
  if (format?.type === 'json') {
    let responseFormat: ResponseFormat = { type: 'json_object' };
    if (format.schema !== undefined) {
      const schema = format.schema as JsonSchemaObject;
      if (hasOptionalProperties(schema)) outputSchema = schema;
      const jsonSchema = { name: schemaName(format.name), schema: toStrictJsonSchema(schema, { model }), strict: true };
      responseFormat = {
        type: 'json_schema',
        jsonSchema: format.description === undefined ? jsonSchema : { ...jsonSchema, description: format.description },
      };
    }
    options.responseFormat = responseFormat;
  }
  const tools = mapTools(call, model, warnings);
  if (tools.length > 0) {
    options.tools = tools;
    const choice = mapToolChoice(call.toolChoice);
    if (choice !== undefined) options.toolChoice = choice;
  }
  const acpt = parseAcptProviderOptions(call.providerOptions?.[ACPT_PROVIDER_OPTIONS_KEY]);
  if (acpt !== undefined) {
    const { budgetMs, budgetMode, attributes, ...cerebras } = acpt;
    if (budgetMs !== undefined) options.budgetMs = budgetMs;
    if (budgetMode !== undefined) options.budgetMode = budgetMode;
    if (attributes !== undefined) options.attributes = attributes;
    Object.assign(provider, cerebras);
  }
  if (Object.keys(provider).length > 0) options.providerOptions = { ...base.providerOptions, ...provider };
  return { messages: convertPrompt(call.prompt), options, warnings, outputSchema };
}
