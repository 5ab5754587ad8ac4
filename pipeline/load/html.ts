// HTML backend: bytes → decoded page (charset from the BOM, the meta tag or the bytes) →
// linkedom document → the shared page reader (the same one the extension runs on live pages).
import { parseHTML } from 'linkedom';
import { readPage, type PageReading } from '../../shared/html/read-page.ts';
import { bomOf, sniffUtf16 } from './decode-text.ts';

const DECLARED_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i;

/** Chinese sites declare gb2312 and serve GBK; GB18030 decodes both. */
function decoderLabel(declared: string | undefined): string {
  const label = (declared ?? '').toLowerCase();
  if (/^(gb2312|gbk|gb18030|x-gbk|cp936)$/.test(label)) return 'gb18030';
  if (/^(big5|big5-hkscs)$/.test(label)) return 'big5';
  return 'utf-8';
}

export function decodeHtml(bytes: Uint8Array): { html: string; encoding: string } {
  const bom = bomOf(bytes);
  if (bom) return { html: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length)), encoding: bom.encoding };
  const utf16 = sniffUtf16(bytes);
  if (utf16) return { html: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const declared = decoderLabel(DECLARED_CHARSET.exec(head)?.[1]);
  try {
    return { html: new TextDecoder(declared, { fatal: true }).decode(bytes), encoding: declared };
  } catch {
    // Pages that declare one charset and serve another: take whichever decodes cleanly.
    const other = declared === 'utf-8' ? 'gb18030' : 'utf-8';
    try {
      return { html: new TextDecoder(other, { fatal: true }).decode(bytes), encoding: other };
    } catch {
      return { html: new TextDecoder(declared).decode(bytes), encoding: declared };
    }
  }
}

/**
 * linkedom builds no <html> element around a fragment (a page saved without its head, or a
 * snippet): it needs the skeleton a browser would imply, or it has no body at all.
 */
export function withSkeleton(html: string): string {
  if (/<body[\s>]/i.test(html)) return /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html>${html}</html>`;
  const inner = html.replace(/<!doctype[^>]*>|<\/?html\b[^>]*>/gi, '');
  const headEnd = inner.search(/<\/head\s*>/i);
  const head = headEnd === -1 ? '' : inner.slice(0, headEnd).replace(/<head\b[^>]*>/i, '');
  const body = headEnd === -1 ? inner : inner.slice(inner.indexOf('>', headEnd) + 1);
  return `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;
}

function parseDocument(html: string): Document {
  return parseHTML(withSkeleton(html)).document as unknown as Document;
}

export function readHtml(bytes: Uint8Array): PageReading & { encoding: string } {
  const { html, encoding } = decodeHtml(bytes);
  return readHtmlText(html, encoding);
}

export function readHtmlText(html: string, encoding: string): PageReading & { encoding: string } {
  return { ...readPage(parseDocument(html), parseDocument), encoding };
}
