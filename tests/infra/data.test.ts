import { describe, expect, it } from 'vitest';
import { ENV } from '../../functions/config/env.js';
import { TABLE } from '../../functions/store/table.js';
import { actionsOf, synth } from './synth.js';

const { stack, template, logicalId, resource, statementsOf } = synth();
const table = resource(stack.data.table);
const props = table.Properties;

describe('table', () => {
  it('is the only table, kept on stack deletion', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
  });

  it('has the key schema of functions/store/table.ts', () => {
    expect(props.KeySchema).toEqual([
      { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
    ]);
    const indexes = (props.GlobalSecondaryIndexes as any[]).map((i) => ({
      name: i.IndexName,
      partitionKey: i.KeySchema[0].AttributeName,
      sortKey: i.KeySchema[1].AttributeName,
      projection: i.Projection.ProjectionType,
    }));
    expect(indexes).toEqual(TABLE.indexes.map((i) => ({ ...i, projection: 'ALL' })));
    const keyNames = [TABLE.partitionKey, TABLE.sortKey, ...TABLE.indexes.flatMap((i) => [i.partitionKey, i.sortKey])];
    expect(props.AttributeDefinitions).toEqual(
      expect.arrayContaining(keyNames.map((AttributeName) => ({ AttributeName, AttributeType: 'S' }))),
    );
    expect(props.AttributeDefinitions).toHaveLength(keyNames.length);
  });

  it('is on demand, with PITR, deletion protection, stream, TTL and a customer managed key', () => {
    expect(props).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
      SSESpecification: {
        SSEEnabled: true,
        SSEType: 'KMS',
        KMSMasterKeyId: { 'Fn::GetAtt': [logicalId(stack.data.tableKey), 'Arn'] },
      },
    });
    expect(resource(stack.data.tableKey)).toMatchObject({
      Properties: { EnableKeyRotation: true },
      DeletionPolicy: 'Retain',
    });
  });

  it('grants name the table and each index, never index/*', () => {
    const tableArn = { 'Fn::GetAtt': [logicalId(stack.data.table), 'Arn'] };
    const [statement] = statementsOf(stack.api.fn.role!).filter((s) => actionsOf(s).includes('dynamodb:PutItem'));
    expect(statement?.Resource).toEqual([
      tableArn,
      ...TABLE.indexes.map((i) => ({ 'Fn::Join': ['', [tableArn, `/index/${i.name}`]] })),
    ]);
  });
});

describe('ID-number HMAC key', () => {
  const keyArn = { 'Fn::GetAtt': [logicalId(stack.data.idHashKey), 'Arn'] };

  it('is an HMAC key that outlives the stack', () => {
    expect(resource(stack.data.idHashKey)).toMatchObject({
      Properties: { KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' },
      DeletionPolicy: 'Retain',
    });
  });

  it('is usable only by api, sms-inbound and the jobs worker (poverty imports), for kms:GenerateMac only', () => {
    const users = [stack.api.fn, stack.sms.inboundFn, stack.backgroundJobs.worker];
    const others = [stack.sms.notifierFn, ...stack.jobs.functions];
    const onKey = (fn: (typeof users)[number]) =>
      statementsOf(fn.role!).filter((s) => JSON.stringify(s.Resource) === JSON.stringify(keyArn));
    for (const fn of users) {
      expect(resource(fn).Properties.Environment.Variables[ENV.idHashKeyId]).toEqual(keyArn);
      expect(onKey(fn)).toEqual([expect.objectContaining({ Action: 'kms:GenerateMac', Effect: 'Allow' })]);
    }
    for (const fn of others) {
      expect(resource(fn).Properties.Environment.Variables).not.toHaveProperty(ENV.idHashKeyId);
      expect(onKey(fn)).toEqual([]);
    }
  });
});
