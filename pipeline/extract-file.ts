// One file through the core: load, extract, validate. Any failure is a result, so a batch goes on.
import { extractPlan } from '../shared/extract.ts';
import type { GovClipExport } from '../shared/schema.ts';
import { loadDocument } from './load/load-document.ts';

export type FileResult = { ok: true; file: string; path: string; export: GovClipExport; seconds: number } | { ok: false; file: string; path: string; error: string };

export async function extractFile(path: string): Promise<FileResult> {
  const started = performance.now();
  const loaded = await loadDocument(path);
  if (!loaded.ok) return { ok: false, file: loaded.file, path, error: loaded.error };
  const { document } = loaded;
  try {
    const exported = extractPlan(document.text, {
      id: document.id,
      source: { kind: document.kind, url: null, file: document.file },
      warnings: document.warnings,
    });
    return { ok: true, file: document.file, path, export: exported, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    // A bug, not a user error: still one line, and the batch goes on.
    return { ok: false, file: document.file, path, error: `internal error: ${(error as Error).message}` };
  }
}
