// Test identities: valid resident ID numbers and mainland mobiles, unique per call so tests never collide.
import { idNumberChecksum } from '../../functions/domain/id-number.js';

let sequence = Math.floor(Math.random() * 500);

/** A checksum-valid ID number from `region` (a 6-digit code), born 1970–1999. */
export function validIdNumber(region = '510822'): string {
  sequence = (sequence + 1) % 1000;
  const year = 1970 + (sequence % 30);
  const month = String((sequence % 12) + 1).padStart(2, '0');
  const day = String((sequence % 28) + 1).padStart(2, '0');
  const first17 = `${region}${year}${month}${day}${String(sequence).padStart(3, '0')}`;
  return first17 + idNumberChecksum(first17);
}

let phoneSequence = Math.floor(Math.random() * 9_000_000);

export function mobilePhone(): string {
  phoneSequence = (phoneSequence + 1) % 100_000_000;
  return `139${String(phoneSequence).padStart(8, '0')}`;
}

export function registrationBody(overrides: Record<string, unknown> = {}) {
  return {
    name: '王立学',
    idNumber: validIdNumber(),
    phone: mobilePhone(),
    skills: ['泥瓦工'],
    destinations: ['3305'],
    expectedWage: 4500,
    consent: true,
    ...overrides,
  };
}
