// A 换号 request that can no longer complete — the registration's phone changed after it was asked — is
// settled as refused, not left pending for every sweep to retry (and blocking erasure) forever.
import { describe, expect, it } from 'vitest';
import { pendingPhoneChange, requestParts, settlePhoneChange } from '../../functions/services/phone-change.js';
import { registerLabourer } from '../../functions/services/register-labourer.js';
import { writeTransaction } from '../../functions/store/transact.js';
import { freshDeps } from '../helpers/local-table.js';
import { mobilePhone, validIdNumber } from '../helpers/people.js';

describe('settling a 换号 request that cannot complete', () => {
  it('refuses it when the registration moved to another phone after the request', async () => {
    const deps = await freshDeps();
    const oldPhone = `+86${mobilePhone()}`;
    const { id } = await registerLabourer(deps, {
      name: '吴春花', idNumber: validIdNumber(), phone: oldPhone, skills: ['种植'], destinations: [], expectedWage: 3000, canTravel: false, channel: 'sms',
    });
    const asked = await writeTransaction(deps.db, requestParts(deps, { labourerId: id, homeCounty: '510822', oldPhone, newPhone: `+86${mobilePhone()}` }, 'sms-1'));
    expect(asked.ok).toBe(true);
    // A coordinator's correction lands between the request and the decision.
    await deps.db.entities.labourer.patch({ labourerId: id }).set({ phone: `+86${mobilePhone()}` }).go();

    const settled = await settlePhoneChange(deps, id, 'approve', 'cooling-period');

    expect(settled).toBe('refused');
    expect(await pendingPhoneChange(deps, id)).toBeUndefined();
  });
});
