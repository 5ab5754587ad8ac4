// Fetching an attachment from the extension page (the side panel obtained the host permission
// before opening it). Every way it can fail is one line for the user, never an exception.

/** The pipeline's input limit: larger files are not plans. */
export const MAX_PDF_BYTES = 256 * 1024 * 1024;

export type FetchedPdf = { ok: true; bytes: Uint8Array; url: string } | { ok: false; error: string };

/** pdf.js accepts the %PDF- header anywhere in the first kilobyte (some servers prepend junk). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 5 <= head.length; i++) {
    if (head[i] === 0x25 && head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) return true;
  }
  return false;
}

/** Why the bytes are not a PDF, in terms a user recognises (a login or error page is the usual case). */
export function notPdfReason(bytes: Uint8Array, contentType: string | null): string {
  if (bytes.length === 0) return 'not a PDF: the server sent an empty file';
  if (/html/i.test(contentType ?? '') || /^\s*</.test(new TextDecoder().decode(bytes.subarray(0, 64)))) return 'not a PDF: the server sent a web page (perhaps a login or error page)';
  return `not a PDF: no %PDF header${contentType ? ` (${contentType.split(';')[0]?.trim()})` : ''}`;
}

/** A usable http(s) address from the page's query, or why not. */
export function parsePdfUrl(raw: string | null): { ok: true; url: string } | { ok: false; error: string } {
  if (!raw) return { ok: false, error: 'no attachment address given' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, error: `not a valid address: ${raw}` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, error: `only http and https attachments can be fetched: ${url.protocol}` };
  return { ok: true, url: url.href };
}

export async function fetchPdf(url: string, fetchImpl: typeof fetch = fetch): Promise<FetchedPdf> {
  let response: Response;
  try {
    // The site's own cookies go along: many CMSs serve attachments only within a session.
    response = await fetchImpl(url, { credentials: 'include', redirect: 'follow' });
  } catch (error) {
    // A TypeError here is the network, CORS or a missing host permission; its message says which only vaguely.
    return { ok: false, error: `cannot fetch: ${(error as Error)?.message ?? String(error)}` };
  }
  if (!response.ok) return { ok: false, error: `cannot fetch: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}` };
  const length = Number(response.headers.get('content-length') ?? '0');
  if (length > MAX_PDF_BYTES) return { ok: false, error: `too large (${(length / 1048576).toFixed(0)} MB; the limit is ${MAX_PDF_BYTES / 1048576} MB)` };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    return { ok: false, error: `cannot fetch: ${(error as Error)?.message ?? String(error)}` };
  }
  if (bytes.length > MAX_PDF_BYTES) return { ok: false, error: `too large (${(bytes.length / 1048576).toFixed(0)} MB; the limit is ${MAX_PDF_BYTES / 1048576} MB)` };
  if (!looksLikePdf(bytes)) return { ok: false, error: notPdfReason(bytes, response.headers.get('content-type')) };
  return { ok: true, bytes, url: response.url || url };
}
