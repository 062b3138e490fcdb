/** Where the progress bar writes: a stream with `write`, and `isTTY` when it can redraw in place. */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** A console progress bar for a run of known length. */
export interface ProgressBar {
  /** Reports that `done` of the total steps are finished. */
  update(done: number, detail?: string): void;
  /** Draws the final state and ends the line. */
  finish(detail?: string): void;
}

/** Options of {@link createProgressBar}. */
export interface ProgressBarOptions {
  readonly total: number;
  readonly label: string;
  readonly stream: ProgressStream;
  /** Bar width in characters. @defaultValue 30 */
  readonly width?: number;
}

/**
 * Creates a progress bar. On a TTY it redraws one line in place at most once per whole percent; elsewhere (pipes,
 * CI logs) it prints a line at every 10 % so logs stay short; `finish` prints the last one.
 */
export function createProgressBar(options: ProgressBarOptions): ProgressBar {
  const width = options.width ?? 30;
  const interactive = options.stream.isTTY === true;
  let lastMark = -1;
  const render = (done: number, detail: string | undefined): string => {
    const fraction = options.total > 0 ? Math.min(1, done / options.total) : 1;
    const filled = Math.round(fraction * width);
    const percent = String(Math.floor(fraction * 100)).padStart(3);
    const suffix = detail ? `  ${detail}` : '';
    return `${options.label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${percent}% ${done}/${options.total}${suffix}`;
  };
  return {
    update(done, detail) {
      const fraction = options.total > 0 ? done / options.total : 1;
      const mark = Math.floor(fraction * (interactive ? 100 : 10));
      if (mark === lastMark || (!interactive && mark >= 10)) return;
      lastMark = mark;
      options.stream.write(interactive ? `\r${render(done, detail)}\u001b[K` : `${render(done, detail)}\n`);
    },
    finish(detail) {
      options.stream.write(
        interactive ? `\r${render(options.total, detail)}\u001b[K\n` : `${render(options.total, detail)}\n`,
      );
    },
  };
}
