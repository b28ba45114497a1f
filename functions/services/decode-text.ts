// The text of an uploaded file in whatever encoding an office's software saved it: UTF-8 (with or without
// a BOM), UTF-16 with a BOM (Excel's "Unicode text"), else GB18030 — the superset of GBK and GB2312 that
// Excel and WPS on Chinese Windows write. Valid UTF-8 is tried first: GBK bytes of Chinese text are
// almost never valid UTF-8, while the reverse (UTF-8 read as GBK) always "succeeds" as mojibake.
// Node's TextDecoder (full ICU, as on Lambda) decodes them all: iconv-lite would add ~480 KB to the
// api bundle for the same tables.

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: decode('utf-8', bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decode('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decode('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decode('gb18030', bytes), encoding: 'gb18030' };
  }
}

function decode(encoding: TextEncoding, bytes: Uint8Array): string {
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
}
