// Environment read once at cold start: a missing variable fails the init, not a request.
export function requireEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') {
    throw new Error(`Missing required environment variable ${name}`);
  }
  return value;
}

export function optionalEnv(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : value;
}

/** Names of the environment variables the handlers read; CDK and bin/local.ts set the same ones. */
export const ENV = {
  tableName: 'TABLE_NAME',
  idHashKeyId: 'ID_HASH_KEY_ID',
  idHashSecret: 'ID_HASH_SECRET',
  smsSenderId: 'SMS_SENDER_ID',
  smsOriginationNumber: 'SMS_ORIGINATION_NUMBER',
  smsSink: 'SMS_SINK',
  nationalStateMachineArn: 'NATIONAL_STATE_MACHINE_ARN',
  /** The counties a deployment serves, comma-separated (CDK context `counties`); empty: the whole country. */
  counties: 'COUNTIES',
  /** The user pool's hosted sign-in (https://…amazoncognito.com) and the pages' app client. */
  signInDomain: 'SIGN_IN_DOMAIN',
  signInClientId: 'SIGN_IN_CLIENT_ID',
} as const;
