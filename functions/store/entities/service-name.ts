// The ElectroDB service every entity belongs to (it prefixes every key).
export const SERVICE = 'chunfeng';
