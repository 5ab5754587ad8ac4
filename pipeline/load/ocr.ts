// OCR backend (Node): tesseract.js with the chi_sim data shipped in @tesseract.js-data/chi_sim,
// fully offline. A pool of workers sized to the machine, reused across files, ended by the caller.
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Scheduler } from 'tesseract.js';
import { OCR_DPI } from '../../shared/pdf/pages.ts';

const require = createRequire(import.meta.url);
/** The 4.0.0_best_int variant: the accuracy of "best" at integer speed. */
const LANG_PATH = join(dirname(require.resolve('@tesseract.js-data/chi_sim/package.json')), '4.0.0_best_int');
export const OCR_LANGUAGE = 'chi_sim';

export interface OcrPage {
  text: string;
  /** Mean word confidence, 0–100. */
  confidence: number;
  seconds: number;
}

export class OcrPool {
  private scheduler: Promise<Scheduler> | null = null;
  readonly size: number;

  readonly dpi: number;

  constructor(size = Math.max(1, Math.min(availableParallelism(), 4)), dpi = OCR_DPI) {
    this.size = size;
    this.dpi = dpi;
  }

  private start(): Promise<Scheduler> {
    this.scheduler ??= (async () => {
      // Loaded on first use: text, HTML and text-layer PDFs never pay for it.
      const { createScheduler, createWorker, OEM } = await import('tesseract.js');
      const scheduler = createScheduler();
      const started = await Promise.allSettled(
        Array.from({ length: this.size }, () =>
          createWorker(OCR_LANGUAGE, OEM.LSTM_ONLY, {
            langPath: LANG_PATH,
            gzip: true,
            // Nothing is downloaded and nothing is cached into the working directory.
            cacheMethod: 'none',
            // A failed job rejects its promise; without a handler tesseract.js also throws globally.
            errorHandler: () => undefined,
          }),
        ),
      );
      const workers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
      const failure = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
      if (failure) {
        await Promise.all(workers.map((w) => w.terminate()));
        this.scheduler = null;
        throw new Error(`OCR could not start: ${String(failure.reason)}`);
      }
      for (const worker of workers) {
        // Chinese has no spaces between words; keep tesseract from inventing them.
        // Pages are rendered at a known resolution; telling tesseract avoids its guess.
        await worker.setParameters({ preserve_interword_spaces: '1', user_defined_dpi: String(this.dpi) });
        scheduler.addWorker(worker);
      }
      return scheduler;
    })();
    return this.scheduler;
  }

  async recognize(image: Buffer): Promise<OcrPage> {
    const started = performance.now();
    const scheduler = await this.start();
    const result = await scheduler.addJob('recognize', image);
    return { text: result.data.text, confidence: result.data.confidence, seconds: (performance.now() - started) / 1000 };
  }

  async terminate(): Promise<void> {
    if (!this.scheduler) return;
    const pending = this.scheduler;
    this.scheduler = null;
    const scheduler = await pending.catch(() => null);
    await scheduler?.terminate();
  }
}
