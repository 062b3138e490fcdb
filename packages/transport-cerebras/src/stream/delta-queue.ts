import type { ChatStreamEvent, StreamDeltaMode } from '@acpt/config';

/** The growing state of one streamed tool call (id and name as far as the server has sent them). */
export interface ToolCallDraft {
  id: string;
  name: string;
  arguments: string;
}

const NONE = 0;
const TEXT = 1;
const REASONING = 2;
const TOOL = 3;
type PendingKind = typeof NONE | typeof TEXT | typeof REASONING | typeof TOOL;

/**
 * The contract events of one stream, waiting for the consumer. In `coalesced` mode consecutive deltas of one kind (and,
 * for tool calls, one call index) are held as one pending delta until {@link DeltaQueue.flush} — called at the end of
 * every network read — or until a delta of another kind or any other event arrives, so one read yields one event per
 * run of a kind and order across kinds is kept. In `per-token` mode every delta is its own event at once.
 */
export class DeltaQueue {
  /** Events ready for the consumer; the consumer empties it (keep the array: the queue pushes into it). */
  readonly events: ChatStreamEvent[] = [];
  readonly #coalesce: boolean;
  #kind: PendingKind = NONE;
  #text = '';
  #index = 0;
  #draft: ToolCallDraft | undefined;

  constructor(mode: StreamDeltaMode) {
    this.#coalesce = mode !== 'per-token';
  }

  /** A piece of reply text (never empty). */
  text(part: string): void {
    if (!this.#coalesce) this.events.push({ type: 'text-delta', text: part });
    else if (this.#kind === TEXT) this.#text += part;
    else this.#start(TEXT, part);
  }

  /** A piece of reasoning (never empty). */
  reasoning(part: string): void {
    if (!this.#coalesce) this.events.push({ type: 'reasoning-delta', text: part });
    else if (this.#kind === REASONING) this.#text += part;
    else this.#start(REASONING, part);
  }

  /** A fragment of tool call `index`, whose draft already holds the id and name received so far. */
  toolCall(index: number, draft: ToolCallDraft, argumentsDelta: string): void {
    if (!this.#coalesce) {
      this.events.push({ type: 'tool-call-delta', index, id: draft.id, name: draft.name, argumentsDelta });
    } else if (this.#kind === TOOL && this.#index === index) {
      this.#text += argumentsDelta;
    } else {
      this.#start(TOOL, argumentsDelta);
      this.#index = index;
      this.#draft = draft;
    }
  }

  /** Any other event (`tool-call`, `finish`): the pending delta goes first. */
  push(event: ChatStreamEvent): void {
    this.flush();
    this.events.push(event);
  }

  /** The pending delta, if any, becomes an event (the end of a read). */
  flush(): void {
    const kind = this.#kind;
    if (kind === NONE) return;
    const text = this.#text;
    this.#kind = NONE;
    this.#text = '';
    if (kind === TEXT) this.events.push({ type: 'text-delta', text });
    else if (kind === REASONING) this.events.push({ type: 'reasoning-delta', text });
    else {
      const draft = this.#draft as ToolCallDraft;
      this.#draft = undefined;
      this.events.push({
        type: 'tool-call-delta',
        index: this.#index,
        id: draft.id,
        name: draft.name,
        argumentsDelta: text,
      });
    }
  }

  #start(kind: PendingKind, text: string): void {
    this.flush();
    this.#kind = kind;
    this.#text = text;
  }
}
