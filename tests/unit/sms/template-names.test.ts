// Every SMS template has a Chinese name for the SMS log (短信记录) and a person's conversation.
import { describe, expect, it } from 'vitest';
import { TEMPLATE_NAMES } from '../../../functions/domain/sms/templates.js';
import { templateDisplayName } from '../../../functions/domain/sms/template-names.js';

describe('template display names', () => {
  it('names every template in Chinese, today\'s new ones included', () => {
    const missing = TEMPLATE_NAMES.filter((name) => !/[\u4e00-\u9fff]/.test(templateDisplayName(name) ?? ''));
    expect(missing).toEqual([]);
    for (const name of ['broadcast', 'boarded', 'checkIn', 'tripChanged', 'seatMoved', 'placeAsk', 'tripBooked', 'offerAccepted', 'offer', 'registered']) {
      expect(templateDisplayName(name)).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('gives no name to a code that is no template', () => {
    expect(templateDisplayName('noSuchTemplate')).toBeUndefined();
  });
});
