import { describe, expect, it } from 'vitest';
import { countSegments } from '../../functions/domain/sms/segments.js';
import { renderSms, SIGNATURE } from '../../functions/domain/sms/templates.js';

describe('SMS segments', () => {
  it('fits 70 Chinese characters in one UCS-2 segment and 67 in each part beyond', () => {
    expect(countSegments('春'.repeat(70))).toMatchObject({ encoding: 'UCS-2', segments: 1 });
    expect(countSegments('春'.repeat(71)).segments).toBe(2);
    expect(countSegments('春'.repeat(134)).segments).toBe(2);
    expect(countSegments('春'.repeat(135)).segments).toBe(3);
  });

  it('uses GSM-7 for plain Latin text, counting extension characters twice', () => {
    expect(countSegments('a'.repeat(160))).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    expect(countSegments('a'.repeat(161)).segments).toBe(2);
    expect(countSegments('{'.repeat(80)).segments).toBe(1);
    expect(countSegments('{'.repeat(81)).segments).toBe(2);
  });

  it('counts characters outside the BMP as two UCS-2 units', () => {
    expect(countSegments('𠀀'.repeat(35)).segments).toBe(1);
    expect(countSegments('𠀀'.repeat(36)).segments).toBe(2);
  });
});

describe('SMS templates', () => {
  it('signs every message and keeps the registration notice to one segment for long names', () => {
    const sms = renderSms('registered', { name: '阿依古丽·买买提江' });
    expect(sms.body.startsWith(SIGNATURE)).toBe(true);
    expect(sms.segments).toBe(1);
    expect(sms.segments).toBe(countSegments(sms.body).segments);
  });

  it('keeps the opt-out confirmation to one segment', () => {
    expect(renderSms('optedOut', {}).segments).toBe(1);
  });
});
