const OPEN = '<think>';
const CLOSE = '</think>';

/** Receives the pieces a {@link ThinkSplitter} separates. */
export type ThinkSink = (kind: 'text' | 'reasoning', text: string) => void;

/** Separates `<think>…</think>` reasoning from reply text, across any split of the content into pieces. */
export interface ThinkSplitter {
  /** Feeds the next piece of content; calls `sink` for every part that is certain. */
  push(content: string, sink: ThinkSink): void;
  /** The content has ended: releases a held-back partial tag (an unclosed block counts as reasoning). */
  flush(sink: ThinkSink): void;
}

/** Length of the longest proper prefix of `tag` that `text` ends with (a tag that may continue in the next piece). */
function partialTagLength(text: string, tag: string): number {
  const last = text.lastIndexOf('<');
  if (last === -1 || text.length - last >= tag.length) return 0;
  return tag.startsWith(text.slice(last)) ? text.length - last : 0;
}

/**
 * A streaming splitter for Qwen-style raw reasoning: text inside `<think>…</think>` goes to `reasoning`, the rest to
 * `text`, and whitespace right after a closing tag is dropped from the text. A piece that ends in what may be the
 * start of a tag (`<thi`) is held back until the next piece decides it. Any split of the same content yields the
 * same concatenated text and reasoning, so streamed and whole responses agree.
 */
export function createThinkSplitter(): ThinkSplitter {
  let inThink = false;
  let pending = '';
  let trimNext = false;

  const emitText = (text: string, sink: ThinkSink): void => {
    let part = text;
    if (trimNext) {
      part = part.trimStart();
      if (part === '') return;
      trimNext = false;
    }
    if (part !== '') sink('text', part);
  };
  const emit = (text: string, sink: ThinkSink): void => {
    if (inThink) {
      if (text !== '') sink('reasoning', text);
    } else emitText(text, sink);
  };

  return {
    push(content, sink) {
      if (!inThink && pending === '' && !content.includes('<')) {
        emitText(content, sink);
        return;
      }
      let rest = pending + content;
      pending = '';
      for (;;) {
        const tag = inThink ? CLOSE : OPEN;
        const at = rest.indexOf(tag);
        if (at === -1) {
          const held = partialTagLength(rest, tag);
          emit(rest.slice(0, rest.length - held), sink);
          pending = rest.slice(rest.length - held);
          return;
        }
        emit(rest.slice(0, at), sink);
        rest = rest.slice(at + tag.length);
        inThink = !inThink;
        if (!inThink) trimNext = true;
      }
    },
    flush(sink) {
      if (pending !== '') emit(pending, sink);
      pending = '';
    },
  };
}

/** Splits whole content into reply text and `<think>` reasoning (`reasoning` is `undefined` when there is none). */
export function splitThinking(content: string): { text: string; reasoning: string | undefined } {
  if (!content.includes(OPEN)) return { text: content, reasoning: undefined };
  let text = '';
  let reasoning: string | undefined;
  const sink: ThinkSink = (kind, part) => {
    if (kind === 'text') text += part;
    else reasoning = (reasoning ?? '') + part;
  };
  const splitter = createThinkSplitter();
  splitter.push(content, sink);
  splitter.flush(sink);
  return { text, reasoning };
}
