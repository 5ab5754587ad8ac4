// A plan page's 附件: the PDF (or office file) links under the body, which often hold the plan itself.
import type { Attachment } from '../store/types.ts';

export type { Attachment };
type AttachmentKind = Attachment['kind'];

const FILE_KINDS: ReadonlyArray<readonly [RegExp, AttachmentKind]> = [
  [/\.pdf$/i, 'pdf'],
  [/\.(docx?|wps|xlsx?|et|ofd)$/i, 'doc'],
];

function kindOf(url: URL): AttachmentKind | null {
  for (const [pattern, kind] of FILE_KINDS) if (pattern.test(url.pathname)) return kind;
  return null;
}

export function findAttachments(doc: Document, pageUrl: string): Attachment[] {
  const found = new Map<string, Attachment>();
  for (const link of Array.from(doc.querySelectorAll('a[href]'))) {
    let url: URL;
    try {
      url = new URL(link.getAttribute('href') ?? '', pageUrl);
    } catch {
      continue;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
    const title = (link.textContent ?? '').replace(/\s+/g, ' ').trim();
    // CMSs serve files through download scripts too (download.jsp?id=…): the link text says 附件.
    const kind = kindOf(url) ?? (/附件|\.pdf/i.test(title) ? 'other' : null);
    if (!kind || found.has(url.href)) continue;
    found.set(url.href, { url: url.href, title: title || decodeURIComponent(url.pathname.split('/').pop() ?? url.href), kind });
  }
  return [...found.values()];
}
