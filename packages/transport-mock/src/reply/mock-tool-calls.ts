import type { ToolCall, ToolDefinition } from '@acpt/config';
import type { RandomSource } from '../random/seeded-random.ts';
import { type JsonSchema, jsonFromSchema } from '../responder/json-from-schema.ts';
import type { MockToolCallSpec } from '../responder/mock-responder.ts';

const idAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** An OpenAI-style call id, `call_` and 24 letters and digits drawn from `random`. */
export function mockToolCallId(random: RandomSource): string {
  let id = 'call_';
  for (let position = 0; position < 24; position += 1) id += idAlphabet[Math.floor(random() * idAlphabet.length)];
  return id;
}

/**
 * Calls of the given tools, each with arguments that satisfy the tool's `parameters` schema ({@link jsonFromSchema};
 * `{}` when a tool declares no parameters) and a fresh id, all drawn from `random`.
 */
export function generatedToolCalls(tools: readonly ToolDefinition[], random: RandomSource): ToolCall[] {
  return tools.map((tool) => {
    const id = mockToolCallId(random);
    const parameters = tool.function.parameters;
    const value =
      parameters === undefined || Object.keys(parameters).length === 0
        ? {}
        : jsonFromSchema(parameters as JsonSchema, random);
    return { id, type: 'function', function: { name: tool.function.name, arguments: JSON.stringify(value) } };
  });
}

/** A responder's tool calls as wire calls: missing ids drawn from `random`, object arguments JSON-encoded. */
export function explicitToolCalls(specs: readonly MockToolCallSpec[], random: RandomSource): ToolCall[] {
  return specs.map((spec) => {
    const id = spec.id ?? mockToolCallId(random);
    const raw = spec.arguments ?? {};
    const encoded = typeof raw === 'string' ? raw : JSON.stringify(raw);
    return { id, type: 'function', function: { name: spec.name, arguments: encoded } };
  });
}
