// Whatever a client sends, registration answers with a validation error or a registration — never a crash.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../functions/domain/errors.js';
import { RegisterLabourerBody } from '../../functions/http/schemas/labourers.js';
import { validate } from '../../functions/http/validate.js';
import type { Deps } from '../../functions/services/deps.js';
import { registerLabourer } from '../../functions/services/register-labourer.js';
import { hmacIdHasher } from '../../functions/adapters/id-hasher.js';

/** Deps whose store accepts every transaction: these tests are about validation, not storage. */
const acceptingDeps = {
  db: {
    transaction: { write: () => ({ go: async () => ({ canceled: false, data: [] }) }) },
    entities: { povertyMark: { get: () => ({ go: async () => ({ data: null }) }) } },
  },
  hasher: hmacIdHasher('unit'),
  clock: { now: () => new Date('2026-03-01T00:00:00Z') },
  newId: () => 'id-1',
} as unknown as Deps;

function expectOnlyValidationErrors(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
  }
}

describe('registration input', () => {
  it('turns any JSON value into a body or a ValidationError', () => {
    fc.assert(fc.property(fc.jsonValue(), (body) => expectOnlyValidationErrors(() => validate(RegisterLabourerBody, body))));
  });

  it('turns any object with the right keys into a body or a ValidationError', () => {
    const field = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string()));
    const body = fc.record({
      name: field,
      idNumber: field,
      phone: field,
      skills: field,
      destinations: field,
      expectedWage: field,
      availableFrom: field,
      canTravel: field,
      consent: field,
    }, { requiredKeys: [] });
    fc.assert(fc.property(body, (b) => expectOnlyValidationErrors(() => validate(RegisterLabourerBody, b))));
  });

  it('registers or refuses with a ValidationError for any ID number, phone and destinations', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 20 }), fc.stringMatching(/^\d{17}[\dXx]$/)),
        fc.oneof(fc.string({ maxLength: 20 }), fc.stringMatching(/^1[3-9]\d{9}$/)),
        fc.array(fc.stringMatching(/^\d{2}(\d{2}(\d{2})?)?$/), { maxLength: 3 }),
        async (idNumber, phone, destinations) => {
          try {
            const result = await registerLabourer(acceptingDeps, {
              name: '王立学', idNumber, phone, destinations, skills: ['普工'], expectedWage: 3000, canTravel: true, channel: 'web',
            });
            expect(result.status).toBe('registered');
            expect(result.homeCounty).toMatch(/^\d{6}$/);
          } catch (error) {
            expect(error).toBeInstanceOf(ValidationError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reports the ID number, the phone and every unknown destination at once', async () => {
    const attempt = registerLabourer(acceptingDeps, {
      name: '王立学', idNumber: '510822198503150019', phone: '010-62345678', destinations: ['3305', '9901'],
      skills: ['普工'], expectedWage: 3000, canTravel: true, channel: 'web',
    });
    await expect(attempt).rejects.toMatchObject({
      details: [
        { path: 'idNumber', message: expect.stringContaining('校验位') },
        { path: 'phone', message: expect.any(String) },
        { path: 'destinations.1', message: expect.stringContaining('9901') },
      ],
    });
  });
});
