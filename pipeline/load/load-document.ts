// Files to plan text, one backend per input kind (the text backend now; HTML, PDF and
// images come with their own backends). Problems come back as data, never as exceptions.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { SourceKind } from '../../shared/schema.ts';
import { decodeText } from './decode-text.ts';

export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export interface LoadedDocument {
  file: string;
  kind: SourceKind;
  id: string;
  text: string;
  warnings: string[];
}

export type LoadResult = { ok: true; document: LoadedDocument } | { ok: false; file: string; error: string };

const KIND_BY_EXTENSION: Readonly<Record<string, SourceKind>> = {
  '.txt': 'text',
  '.text': 'text',
  '.htm': 'html',
  '.html': 'html',
  '.pdf': 'pdf',
  '.png': 'image',
  '.jpg': 'image',
  '.jpeg': 'image',
};

export const SUPPORTED_EXTENSIONS = ['.txt', '.text'];

export function kindOf(path: string): SourceKind | null {
  return KIND_BY_EXTENSION[extname(path).toLowerCase()] ?? null;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function loadDocument(path: string): Promise<LoadResult> {
  const file = basename(path);
  const kind = kindOf(path);
  if (kind === null) return { ok: false, file, error: `unsupported file type "${extname(path) || '(none)'}": give a .txt file` };
  if (kind !== 'text') return { ok: false, file, error: `${kind.toUpperCase()} input is not supported yet: this version reads .txt plan text only` };
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) return { ok: false, file, error: 'not a regular file' };
    size = info.size;
  } catch (error) {
    return { ok: false, file, error: `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
  }
  if (size > MAX_INPUT_BYTES) return { ok: false, file, error: `too large (${(size / 1048576).toFixed(0)} MB; the limit is ${MAX_INPUT_BYTES / 1048576} MB)` };
  const bytes = new Uint8Array(await readFile(path));
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, file, error: decoded.error };
  const warnings = decoded.encoding === 'utf-8' ? [] : [`decoded as ${decoded.encoding}`];
  return { ok: true, document: { file, kind, id: sha256Hex(bytes), text: decoded.text, warnings } };
}
