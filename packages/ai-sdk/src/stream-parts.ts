import type { AdapterStreamEvent, JsonSchemaObject } from '@acpt/adapter';
import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { acptMetadata, mapFinishReason, mapUsage, outputText } from './map-response.ts';

const TEXT_ID = 'text-0';
const REASONING_ID = 'reasoning-0';

/**
 * Turns the adapter's stream events into the AI SDK's stream parts, one event at a time: text and reasoning blocks
 * (`*-start` on the first delta, `*-end` at the finish), tool input (`tool-input-start` on a call's first fragment,
 * `tool-input-delta`, then `tool-input-end` and `tool-call` when the call is complete), then `response-metadata` and
 * `finish` with usage, finish reason and acpt's provider metadata. With an output schema that has optional
 * properties the text is held back and sent whole at the finish, freed of the nulls standing in for them.
 */
export class StreamPartMapper {
  readonly #outputSchema: JsonSchemaObject | undefined;
  #textOpen = false;
  #reasoningOpen = false;
  #heldText = '';
  readonly #callIds = new Map<number, string>();

  constructor(outputSchema: JsonSchemaObject | undefined) {
    this.#outputSchema = outputSchema;
  }

  /** The parts of one event. */
  map(event: AdapterStreamEvent, out: LanguageModelV4StreamPart[]): void {
    switch (event.type) {
      case 'text-delta':
        if (this.#outputSchema !== undefined) this.#heldText += event.text;
        else this.#text(event.text, out);
        return;
      case 'reasoning-delta':
        if (!this.#reasoningOpen) out.push({ type: 'reasoning-start', id: REASONING_ID });
        this.#reasoningOpen = true;
        out.push({ type: 'reasoning-delta', id: REASONING_ID, delta: event.text });
        return;
      case 'tool-call-delta': {
        let id = this.#callIds.get(event.index);
        if (id === undefined) {
          id = event.id === '' ? `acpt-call-${event.index}` : event.id;
          this.#callIds.set(event.index, id);
          out.push({ type: 'tool-input-start', id, toolName: event.name });
        }
        if (event.argumentsDelta !== '') out.push({ type: 'tool-input-delta', id, delta: event.argumentsDelta });
        return;
      }
      case 'tool-call': {
        const known = this.#callIds.get(event.index);
        const id = known ?? (event.toolCall.id === '' ? `acpt-call-${event.index}` : event.toolCall.id);
        if (known === undefined) out.push({ type: 'tool-input-start', id, toolName: event.toolCall.function.name });
        out.push({ type: 'tool-input-end', id });
        const input = event.toolCall.function.arguments;
        out.push({ type: 'tool-call', toolCallId: id, toolName: event.toolCall.function.name, input: input || '{}' });
        return;
      }
      case 'finish': {
        const response = event.response;
        if (this.#heldText !== '') this.#text(outputText(this.#heldText, this.#outputSchema), out);
        if (this.#reasoningOpen) out.push({ type: 'reasoning-end', id: REASONING_ID });
        if (this.#textOpen) out.push({ type: 'text-end', id: TEXT_ID });
        out.push({ type: 'response-metadata', id: response.id, modelId: response.model });
        out.push({
          type: 'finish',
          usage: mapUsage(response.usage),
          finishReason: mapFinishReason(response.finishReason),
          providerMetadata: acptMetadata(response),
        });
        return;
      }
      default: {
        const unhandled: never = event;
        throw new Error(`Unhandled adapter stream event ${JSON.stringify(unhandled)}`);
      }
    }
  }

  #text(text: string, out: LanguageModelV4StreamPart[]): void {
    if (!this.#textOpen) out.push({ type: 'text-start', id: TEXT_ID });
    this.#textOpen = true;
    out.push({ type: 'text-delta', id: TEXT_ID, delta: text });
  }
}
