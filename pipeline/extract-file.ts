// One file through the core: load (any backend), extract, validate. Any failure is a result,
// so a batch goes on.
import { basename } from 'node:path';
import { extractPlan } from '../shared/extract.ts';
import type { GovClipExport, SourceKind } from '../shared/schema.ts';
import { loadDocument, type LoadOptions } from './load/load-document.ts';

export interface FileSuccess {
  ok: true;
  file: string;
  path: string;
  kind: SourceKind;
  pages: number | null;
  ocrPages: Array<{ page: number; confidence: number; seconds: number }>;
  /** Per page, for PDFs and images (OCR error rates are measured per page). */
  pageTexts: string[] | null;
  export: GovClipExport;
  seconds: number;
}

export type FileResult = FileSuccess | { ok: false; file: string; path: string; error: string; seconds: number };

export async function extractFile(path: string, options: LoadOptions): Promise<FileResult> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  let loaded;
  try {
    loaded = await loadDocument(path, options);
  } catch (error) {
    // A loader that failed in a way it did not foresee (a damaged image inside OCR): one line, and on.
    return { ok: false, file: basename(path), path, error: `cannot read: ${(error as Error).message ?? String(error)}`, seconds: seconds() };
  }
  if (!loaded.ok) return { ok: false, file: loaded.file, path, error: loaded.error, seconds: seconds() };
  const { document } = loaded;
  try {
    const exported = extractPlan(document.text, {
      id: document.id,
      source: { kind: document.kind, url: null, file: document.file },
      warnings: document.warnings,
      metadata: document.metadata,
      ocr: document.ocrPages.length > 0,
    });
    return { ok: true, file: document.file, path, kind: document.kind, pages: document.pages, ocrPages: document.ocrPages, pageTexts: document.pageTexts ?? null, export: exported, seconds: seconds() };
  } catch (error) {
    // A bug, not a user error: still one line, and the batch goes on.
    return { ok: false, file: document.file, path, error: `internal error: ${(error as Error).message}`, seconds: seconds() };
  }
}
