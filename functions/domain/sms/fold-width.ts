// Width folding for inbound SMS (DESIGN §6): full-width and half-width forms are the same.
//
// Full-width ASCII forms U+FF01–U+FF5E (`１２３` `，` `＃` `Ｘ` …) become their ASCII twins and the
// ideographic space U+3000 a plain space. Nothing else changes, so folding is idempotent: the results
// lie outside the folded ranges.

/** `１２３，ＡＢ　ｃ` → `123,AB c`. Total: any string in, a string of the same length out. */
export function foldWidth(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0xff01 && code <= 0xff5e) || code === 0x3000) {
      out += text.slice(from, i) + (code === 0x3000 ? ' ' : String.fromCharCode(code - 0xfee0));
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Width folding plus ASCII upper case (`ｂｍ` → `BM`): the form every SMS rule reads. */
export function foldForParsing(text: string): string {
  const folded = foldWidth(text);
  // Only ASCII letters change case: String#toUpperCase would also rewrite other scripts (ß → SS).
  return /[a-z]/.test(folded) ? folded.replace(/[a-z]+/g, (s) => s.toUpperCase()) : folded;
}
