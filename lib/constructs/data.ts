// The one table and its keys. The key schema comes from functions/store/table.ts, the same object
// DynamoDB Local is created from, so the deployed table and the local one cannot disagree.
import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { ENV } from '../../functions/config/env.js';
import { TABLE } from '../../functions/store/table.js';
import type { LambdaFunction } from './lambda-function.js';

export class Data extends Construct {
  readonly table: Table;
  /** Encrypts the table (and so its stream and backups) with a key we control and can audit. */
  readonly tableKey: Key;
  /** HMAC key for ID numbers: the table stores HMAC(ID number), never a reversible form. */
  readonly idHashKey: Key;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    this.tableKey = new Key(this, 'TableKey', {
      description: 'Chunfeng table encryption',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // dynamodb.Table rather than TableV2: cdk-nag's DDB3 (PITR) rule only inspects AWS::DynamoDB::Table.
    this.table = new Table(this, 'Table', {
      partitionKey: { name: TABLE.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      // The outbox is read from the stream; the notifier needs the new image (the message to send).
      stream: StreamViewType.NEW_AND_OLD_IMAGES,
      timeToLiveAttribute: TABLE.ttlAttribute,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.tableKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of TABLE.indexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }

    // Losing this key would make every stored ID hash unmatchable, so it is never deleted with the
    // stack. HMAC keys cannot rotate automatically (rotation would change every hash anyway).
    this.idHashKey = new Key(this, 'IdHashKey', {
      description: 'Chunfeng HMAC of ID numbers (uniqueness guard and lookup)',
      keySpec: KeySpec.HMAC_256,
      keyUsage: KeyUsage.GENERATE_VERIFY_MAC,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /** Lets a function hash ID numbers: ID_HASH_KEY_ID plus kms:GenerateMac on this key, nothing else. */
  bindIdHash(fn: LambdaFunction): void {
    // KMS accepts a key ARN wherever it takes a KeyId; the ARN is unambiguous across accounts.
    fn.addEnvironment(ENV.idHashKeyId, this.idHashKey.keyArn);
    this.idHashKey.grant(fn, 'kms:GenerateMac');
  }
}
