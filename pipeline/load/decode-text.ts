// Bytes of a .txt file to text: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030
// (older offices save plans in GBK). Binary files are refused with a reason, not decoded.

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; error: string };

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const GB18030 = new TextDecoder('gb18030', { fatal: true });

/** Control characters other than tab, line feed, form feed and carriage return. */
function controlShare(text: string): number {
  if (text.length === 0) return 0;
  let count = 0;
  const sample = text.slice(0, 65536);
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13) || code === 0xfffd) count++;
  }
  return count / sample.length;
}

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (bytes.subarray(0, 8192).includes(0)) return { ok: false, error: 'binary file (contains NUL bytes), not plain text' };
  for (const [decoder, encoding] of [[UTF8, 'utf-8'], [GB18030, 'gb18030']] as const) {
    try {
      const text = decoder.decode(bytes).replace(/^\ufeff/, '');
      if (controlShare(text) > 0.01) return { ok: false, error: 'binary file (control characters), not plain text' };
      return { ok: true, text, encoding };
    } catch {
      // not this encoding: try the next
    }
  }
  return { ok: false, error: 'not a text file in UTF-8, UTF-16 or GB18030' };
}
