// The text of an uploaded file in whatever encoding an office's software saved it: UTF-8 (with or without
// a BOM), UTF-16 with a BOM (Excel's "Unicode text"), else GB18030 — the superset of GBK and GB2312 that
// Excel and WPS on Chinese Windows write. Valid UTF-8 is tried first: GBK bytes of Chinese text are
// almost never valid UTF-8, while the reverse (UTF-8 read as GBK) always "succeeds" as mojibake.
import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: utf8(bytes.subarray(3))!, encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be' };
  const text = utf8(bytes);
  if (text !== undefined) return { text, encoding: 'utf-8' };
  return { text: iconv.decode(Buffer.from(bytes), 'gb18030'), encoding: 'gb18030' };
}

/** The UTF-8 text, or undefined when the bytes are not valid UTF-8. */
function utf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
