// The county-form messages (county-forms.ts) parse to their expected fields; the integration test
// tests/integration/sms-forms.test.ts sends them through the phone simulator.
import { describe, expect, it } from 'vitest';
import { parseSms } from '../../../functions/domain/sms/parse-sms.js';
import { FORMS, TODAY } from './county-forms.js';

describe('messages typed after county registration forms', () => {
  it('has at least 80 of them', () => {
    expect(FORMS.length).toBeGreaterThanOrEqual(80);
  });

  it.each(FORMS)('%s', (text, expected) => {
    const { kind, absent = [], ...fields } = expected;
    const intent = parseSms(text, TODAY);
    if (process.env.SHOW_PARSE) console.log(`${text}\n  → ${JSON.stringify(intent)}`);
    if (kind) expect(intent.kind).toBe(kind);
    else expect(['register', 'fields']).toContain(intent.kind);
    if (intent.kind !== 'register' && intent.kind !== 'fields') return;
    expect(intent.fields).toMatchObject(fields);
    // A place that is the labourer's home or pickup is never also a destination.
    for (const place of [intent.fields.home, intent.fields.pickup]) {
      if (place?.code && !('destinations' in fields && fields.destinations!.some((d) => d.code === place.code))) {
        expect(intent.fields.destinations.map((d) => d.code), text).not.toContain(place.code);
      }
    }
    for (const key of absent) expect(intent.fields).not.toHaveProperty(key);
  });
});
