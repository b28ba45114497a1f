// What a name or title may not contain. It is shown on pages, printed on manifests and sent by SMS:
// control characters break CSV files and logs, direction controls make text read as something else
// (王立学 shown reversed), and a name of only blanks or invisible characters names nobody.

const CONTROL = /\p{Cc}/u;
/** With the `u` flag a paired surrogate is one code point; only a lone half matches. */
const LONE_SURROGATE = /\p{Cs}/u;
const DIRECTION_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const BLANK_OR_INVISIBLE = /[\p{White_Space}\p{Default_Ignorable_Code_Point}]/gu;

/** Why `text` cannot be a person's or company's name or a title, in Chinese; undefined when it can. */
export function textProblem(text: string): string | undefined {
  if (CONTROL.test(text)) return '不能含有控制字符（如换行、制表符）';
  if (LONE_SURROGATE.test(text)) return '含有无法识别的字符';
  if (DIRECTION_CONTROL.test(text)) return '不能含有改变文字方向的控制字符';
  if (text.replace(BLANK_OR_INVISIBLE, '') === '') return '不能只有空格或不可见字符';
  return undefined;
}
