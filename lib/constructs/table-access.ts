// Least-privilege data-plane access to the one table. Unlike Table.grant*, every resource is named:
// the table and each of its indexes (from functions/store/table.ts), and the table's key with the
// KMS actions CDK's own grants use, their wildcards spelled out, so no cdk-nag exception is needed.
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { TABLE } from '../../functions/store/table.js';

export type TableAccess = 'R' | 'RW';

// Transactions need no actions of their own: TransactWriteItems is authorised per item as
// PutItem / UpdateItem / DeleteItem / ConditionCheckItem.
const READ = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:Scan',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
];
const WRITE = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
const KEY_READ = ['kms:Decrypt', 'kms:DescribeKey'];
const KEY_WRITE = [
  'kms:Encrypt',
  'kms:ReEncryptFrom',
  'kms:ReEncryptTo',
  'kms:GenerateDataKey',
  'kms:GenerateDataKeyWithoutPlaintext',
];

export function tableAccessStatements(table: ITable, access: TableAccess): PolicyStatement[] {
  const rw = access === 'RW';
  const statements = [
    new PolicyStatement({
      actions: rw ? [...READ, ...WRITE] : READ,
      resources: [table.tableArn, ...TABLE.indexes.map((index) => `${table.tableArn}/index/${index.name}`)],
    }),
  ];
  if (table.encryptionKey) {
    statements.push(
      new PolicyStatement({
        actions: rw ? [...KEY_READ, ...KEY_WRITE] : KEY_READ,
        resources: [table.encryptionKey.keyArn],
      }),
    );
  }
  return statements;
}
