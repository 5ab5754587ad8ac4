// tesseract.js in the extension page, every file it loads packaged with the extension: worker,
// core (wasm inside, compiled under 'wasm-unsafe-eval') and chi_sim. Settings as the pipeline's.
import { createWorker, OEM, type Worker } from 'tesseract.js';
import { OCR_LANGUAGE } from './asset-layout.ts';
import type { AssetUrls } from './assets.ts';
import { OCR_DPI } from '../../../shared/pdf/pages.ts';
import type { Recognizer } from './ocr-pages.ts';

/** Workers to start: each holds its own copy of chi_sim (about 100 MB), so two at most. */
export function recognizerCount(cores: number | undefined): number {
  return Math.max(1, Math.min(2, Math.floor((cores ?? 2) / 2)));
}

export async function startRecognizer(urls: AssetUrls, onLoad?: (status: string, progress: number) => void): Promise<Recognizer> {
  let worker: Worker;
  try {
    worker = await createWorker(OCR_LANGUAGE, OEM.LSTM_ONLY, {
      workerPath: urls.tesseractWorker,
      corePath: urls.tesseractCore,
      langPath: urls.tesseractLang,
      gzip: true,
      // Nothing is cached in IndexedDB: the data is already in the extension.
      cacheMethod: 'none',
      // A blob: worker would be outside the extension's origin and its CSP; load the file itself.
      workerBlobURL: false,
      logger: (message: { status: string; progress: number }) => onLoad?.(message.status, message.progress),
      // A failed job rejects its promise; without a handler tesseract.js also throws globally.
      errorHandler: () => undefined,
    });
  } catch (error) {
    throw new Error(`OCR could not start: ${describe(error)}`);
  }
  // Chinese has no spaces between words; keep tesseract from inventing them. The pages are drawn
  // at a known resolution; telling tesseract avoids its guess.
  await worker.setParameters({ preserve_interword_spaces: '1', user_defined_dpi: String(OCR_DPI) });
  return {
    async recognize(image) {
      const { data } = await worker.recognize(image);
      return { text: data.text, confidence: data.confidence };
    },
    async terminate() {
      await worker.terminate();
    },
  };
}

/** Starts `count` recognizers; if any fails, those started are ended and the failure is thrown. */
export async function startRecognizers(urls: AssetUrls, count: number): Promise<Recognizer[]> {
  const started = await Promise.allSettled(Array.from({ length: count }, () => startRecognizer(urls)));
  const recognizers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failure = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failure) {
    await Promise.all(recognizers.map((r) => r.terminate().catch(() => undefined)));
    throw failure.reason;
  }
  return recognizers;
}

/** tesseract.js rejects with strings as well as Errors. */
function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : JSON.stringify(error);
}
