import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../functions/services/decode-text.js';

describe('decodeText', () => {
  const text = '身份证号码,姓名\n510822198503150018,王立学\n';

  it('reads UTF-8, with or without a byte-order mark', () => {
    expect(decodeText(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeText(Buffer.from(`\uFEFF${text}`, 'utf8'))).toEqual({ text, encoding: 'utf-8' });
  });

  it('reads GBK, and GB18030 beyond it (a rare name character in four bytes)', () => {
    expect(decodeText(iconv.encode(text, 'gbk'))).toEqual({ text, encoding: 'gb18030' });
    const rare = `${text}510822198503150018,王䶮\n`;
    expect(decodeText(iconv.encode(rare, 'gb18030')).text).toBe(rare);
  });

  it('reads UTF-16 with its byte-order mark (Excel’s Unicode text)', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])).text).toBe(text);
  });

  it('takes plain ASCII as UTF-8', () => {
    expect(decodeText(Buffer.from('idNumber\n510822198503150018\n'))).toMatchObject({ encoding: 'utf-8' });
  });
});
