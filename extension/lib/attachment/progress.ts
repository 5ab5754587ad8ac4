// What the attachment page says at each step: an i18n key with its substitutions, and how far
// the progress bar is. Pure, so the wording can be tested without a browser.
import type { Progress } from './extract-attachment.ts';

export type Stage = 'fetching' | 'reading' | 'ocr' | 'extracting' | 'done' | 'error';

export interface ProgressView {
  stage: Stage;
  key: string;
  substitutions: Array<string | number>;
  /** Progress bar value of max; null: indeterminate. */
  value: number | null;
  max: number;
}

export function progressView(progress: Progress | { stage: 'fetch' }): ProgressView {
  switch (progress.stage) {
    case 'fetch':
      return { stage: 'fetching', key: 'attachmentFetching', substitutions: [], value: null, max: 1 };
    case 'read':
      return { stage: 'reading', key: 'attachmentReading', substitutions: [progress.page, progress.of], value: progress.page, max: progress.of };
    case 'ocr-start':
      return { stage: 'ocr', key: 'attachmentOcrStarting', substitutions: [progress.pages.length], value: null, max: progress.pages.length };
    case 'ocr':
      // The page being read counts as half done: an OCR page takes a minute, the bar should move.
      return { stage: 'ocr', key: 'attachmentOcrPage', substitutions: [progress.page, progress.done + 1, progress.of], value: progress.done + 0.5, max: progress.of };
    case 'extract':
      return { stage: 'extracting', key: 'attachmentExtracting', substitutions: [], value: null, max: 1 };
  }
}
