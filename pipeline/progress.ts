// Batch progress: a redrawn bar with files, pages and an ETA on a terminal; plain lines otherwise
// (logs, CI). Written to stderr so that --json output stays clean.

export interface Progress {
  fileStarted(index: number, path: string): void;
  /** Pages of the current file: read (`what` = page) or drawn for OCR. */
  page(done: number, of: number, what?: string): void;
  fileDone(index: number, path: string, ok: boolean, seconds: number): void;
  finish(): void;
}

function clock(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const s = Math.round(seconds);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

export function createProgress(total: number, stream: { isTTY?: boolean; write: (text: string) => unknown; columns?: number }): Progress {
  const started = performance.now();
  let file = 0;
  let pages = '';
  const elapsed = () => (performance.now() - started) / 1000;
  if (!stream.isTTY) {
    // In a log, a line per page would drown the rest: one every few seconds on long files.
    let lastPageLine = performance.now();
    let current = 0;
    return {
      fileStarted: (index, path) => {
        current = index;
        lastPageLine = performance.now();
        stream.write(`[${index + 1}/${total}] ${path}\n`);
      },
      page: (done, of, what = 'page') => {
        if (performance.now() - lastPageLine < 5000) return;
        lastPageLine = performance.now();
        stream.write(`[${current + 1}/${total}] ${what} ${done}/${of}\n`);
      },
      fileDone: (index, path, ok, seconds) => stream.write(`[${index + 1}/${total}] ${ok ? 'done' : 'failed'} ${path} (${seconds.toFixed(1)} s)\n`),
      finish: () => undefined,
    };
  }
  const draw = (label: string) => {
    const fraction = total === 0 ? 1 : file / total;
    const eta = file === 0 ? NaN : (elapsed() / file) * (total - file);
    const width = 24;
    const filled = Math.round(fraction * width);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${file}/${total} files${pages} ETA ${clock(eta)} ${label}`;
    stream.write(`\r\x1b[K${line.slice(0, (stream.columns ?? 100) - 1)}`);
  };
  return {
    fileStarted: (index, path) => {
      file = index;
      pages = '';
      draw(path);
    },
    page: (done, of, what = 'page') => {
      pages = ` · ${what} ${done}/${of}`;
      draw('');
    },
    fileDone: (index) => {
      file = index + 1;
      pages = '';
      draw('');
    },
    finish: () => stream.write('\r\x1b[K'),
  };
}
