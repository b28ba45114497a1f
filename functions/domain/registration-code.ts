// A registration code a labourer can read out on the phone: 8 characters from an alphabet without the
// look-alikes 0/O, 1/I/L, starting with a letter (so it is never taken for phone digits), e.g. `K7M2XR4P`.
// Derived from the labourer's id by a hash, so it needs no counter and no item of its own; the 39 bits it
// keeps are not unique by construction, so registration checks the code index and draws another id on a
// clash (see services/register-labourer.ts).
import { createHash } from 'node:crypto';

const LETTERS = 'ABCDEFGHJKMNPQRSTUVWXYZ';
const SYMBOLS = `23456789${LETTERS}`;
export const REGISTRATION_CODE_LENGTH = 8;

export function registrationCodeFromId(id: string): string {
  let n = createHash('sha256').update(id, 'utf8').digest().readBigUInt64BE(0);
  const take = (alphabet: string) => {
    const symbol = alphabet[Number(n % BigInt(alphabet.length))]!;
    n /= BigInt(alphabet.length);
    return symbol;
  };
  let code = take(LETTERS);
  while (code.length < REGISTRATION_CODE_LENGTH) code += take(SYMBOLS);
  return code;
}

const SHAPE = new RegExp(`^[${LETTERS}][${SYMBOLS}]{${REGISTRATION_CODE_LENGTH - 1}}$`);

/** A code as someone typed or heard it (any case, spaces or dashes) → its canonical form, or undefined. */
export function parseRegistrationCode(input: string): string | undefined {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  return SHAPE.test(code) ? code : undefined;
}
