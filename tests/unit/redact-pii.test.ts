import { afterEach, describe, expect, it, vi } from 'vitest';
import { logger } from '../../functions/adapters/logger.js';
import { redactText } from '../../functions/adapters/redact-pii.js';

const ID = '510822198503150018';
const PII = /(?<!\d)\d{17}[\dXx](?!\d)|(?<!\d)1[3-9]\d{9}(?!\d)/;

describe('PII redaction', () => {
  afterEach(() => vi.restoreAllMocks());

  it('masks ID numbers and mobiles in any text', () => {
    expect(redactText(`id ${ID} phone +8613800138000 or 13800138000.`)).toBe('id 510822********0018 phone +86138****8000 or 138****8000.');
    expect(redactText('order 2027 wage 4500 code 330502')).toBe('order 2027 wage 4500 code 330502');
  });

  it('keeps them out of every log line: message, attributes, nested values and errors', () => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (lines.push(String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (lines.push(String(chunk)), true));
    logger.setLogLevel('DEBUG');
    logger.info(`registering ${ID}`, { phone: '+8613800138000', nested: { list: [`x${ID}`] } });
    logger.error('failed', { error: new Error(`duplicate phone 13900001111 for ${ID}`) });
    logger.setLogLevel('WARN');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line).not.toMatch(PII);
    expect(lines.join('')).toContain('510822********0018');
  });
});
