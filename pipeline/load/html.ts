// HTML backend: bytes → decoded page (charset from the BOM, the meta tag or the bytes) →
// linkedom document → the shared page reader (the same one the extension runs on live pages).
import { decodeHTML } from 'entities';
import { parseHTML } from 'linkedom';
import { readPage, type PageReading } from '../../shared/html/read-page.ts';
import { bomOf, sniffUtf16 } from './decode-text.ts';
import { loadWarnings } from './warnings.ts';

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

/** Deeper than any real page (government CMS pages nest 20–40 levels). */
export const MAX_NESTING = 120;
/** Elements without an end tag, or whose end tag the parser implies: they do not nest. */
const NOT_NESTING = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption',
  'html', 'head', 'body', 'rb', 'rt', 'rp',
]);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp']);

/** Decoded text that would read as markup again: & before a name or number, < before a tag. */
function reescape(text: string): string {
  return text.replace(/&(?=[A-Za-z0-9#])/g, '&amp;').replace(/<(?=[A-Za-z/!?])/g, '&lt;');
}

/**
 * One pass over the markup before linkedom sees it, skipping comments and script/style bodies:
 * - tags nested deeper than MAX_NESTING are dropped, their text kept: 16,000 nested <div>s
 *   overflow linkedom's recursive parser, and Readability's cleaning is cubic in depth;
 * - character references in text are decoded here (the entities library, as the parser itself
 *   uses): linkedom makes a text node of every one, and 500,000 &nbsp; took minutes and gigabytes.
 */
export function prepareMarkup(html: string, max = MAX_NESTING): { html: string; dropped: number } {
  const open: Array<{ name: string; dropped: boolean }> = [];
  const parts: string[] = [];
  let copiedTo = 0;
  let dropped = 0;
  const text = (end: number) => {
    const run = html.slice(copiedTo, end);
    parts.push(run.includes('&') ? reescape(decodeHTML(run)) : run);
    copiedTo = end;
  };
  const verbatim = (end: number) => {
    parts.push(html.slice(copiedTo, end));
    copiedTo = end;
  };
  const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*>|<!--/g;
  let lower: string | null = null;
  for (let match = TAG.exec(html); match; match = TAG.exec(html)) {
    text(match.index);
    if (match[0] === '<!--') {
      const end = html.indexOf('-->', TAG.lastIndex);
      TAG.lastIndex = end === -1 ? html.length : end + 3;
      verbatim(TAG.lastIndex);
      continue;
    }
    const closing = match[1] === '/';
    const name = (match[2] as string).toLowerCase();
    if (!closing && RAW_TEXT.has(name)) {
      lower ??= html.toLowerCase();
      const end = lower.indexOf(`</${name}`, TAG.lastIndex);
      TAG.lastIndex = end === -1 ? html.length : end;
      verbatim(TAG.lastIndex);
      continue;
    }
    let drop = false;
    if (!NOT_NESTING.has(name) && !match[0].endsWith('/>')) {
      if (!closing) {
        drop = open.length >= max;
        open.push({ name, dropped: drop });
      } else {
        // A close tag closes the nearest open element of its name and whatever was left open inside it.
        let at = open.length - 1;
        while (at >= 0 && (open[at] as { name: string }).name !== name) at--;
        if (at >= 0) {
          drop = (open[at] as { dropped: boolean }).dropped;
          open.length = at;
        }
      }
    }
    if (drop) {
      copiedTo = TAG.lastIndex;
      dropped++;
    } else {
      verbatim(TAG.lastIndex);
    }
  }
  text(html.length);
  return { html: parts.join(''), dropped };
}

/** Readability's working copies are parsed here too: they come back with the entities re-encoded. */
function parseDocument(html: string): Document {
  return parseHTML(withSkeleton(prepareMarkup(html).html)).document as unknown as Document;
}

export function readHtml(bytes: Uint8Array): PageReading & { encoding: string } {
  const { html, encoding } = decodeHtml(bytes);
  return readHtmlText(html, encoding);
}

export function readHtmlText(html: string, encoding: string): PageReading & { encoding: string } {
  const capped = prepareMarkup(html);
  const page = readPage(parseHTML(withSkeleton(capped.html)).document as unknown as Document, parseDocument);
  if (capped.dropped > 0) page.warnings.push(loadWarnings.deepNesting(MAX_NESTING, capped.dropped));
  return { ...page, encoding };
}
