// HTML backend: bytes → decoded page (charset from the BOM, the meta tag or the bytes) →
// linkedom document → the shared page reader (the same one the extension runs on live pages).
import { parseHTML } from 'linkedom';
import { readPage, type PageReading } from '../../shared/html/read-page.ts';

const DECLARED_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i;

/** Chinese sites declare gb2312 and serve GBK; GB18030 decodes both. */
function decoderLabel(declared: string | undefined): string {
  const label = (declared ?? '').toLowerCase();
  if (/^(gb2312|gbk|gb18030|x-gbk|cp936)$/.test(label)) return 'gb18030';
  if (/^(big5|big5-hkscs)$/.test(label)) return 'big5';
  return 'utf-8';
}

export function decodeHtml(bytes: Uint8Array): { html: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { html: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
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

function parseDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

export function readHtml(bytes: Uint8Array): PageReading & { encoding: string } {
  const { html, encoding } = decodeHtml(bytes);
  return { ...readPage(parseDocument(html), parseDocument), encoding };
}
