// The ElectroDB service over the one table: every entity, bound to a client and table name.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Service } from 'electrodb';
import { labourerEntity } from './entities/labourer.js';
import { outboxMessageEntity } from './entities/outbox-message.js';
import { uniqueGuardEntity } from './entities/unique-guard.js';
import { vacancyEntity } from './entities/vacancy.js';
import { smsDraftEntity } from './entities/sms-draft.js';
import { inboundMessageEntity } from './entities/inbound-message.js';
import { povertyMarkEntity } from './entities/poverty-mark.js';
import { offerEntity } from './entities/offer.js';
import { seatEntity } from './entities/seat.js';
import { tripEntity } from './entities/trip.js';
import { nationalRunArtifactEntity } from './entities/national-run-artifact.js';
import { countyFiguresEntity } from './entities/county-figures.js';
import { rateCounterEntity } from './entities/rate-counter.js';
import { phoneChangeEntity } from './entities/phone-change.js';
import { phoneVerificationEntity } from './entities/phone-verification.js';
import { inboundMuteEntity } from './entities/inbound-mute.js';
import { matchingRunEntity } from './entities/matching-run.js';
import { matchingRunUnmatchedEntity } from './entities/matching-run-unmatched.js';
import { auditEntryEntity } from './entities/audit-entry.js';
import { phoneOptOutEntity } from './entities/phone-opt-out.js';
import { jobEntity } from './entities/job.js';
import { jobInputEntity } from './entities/job-input.js';
import { broadcastEntity } from './entities/broadcast.js';
import { vacancyWorkerEntity } from './entities/vacancy-worker.js';
import { escortTokenEntity } from './entities/escort-token.js';
import { pickupPointsEntity } from './entities/pickup-points.js';
import { ENV, optionalEnv, requireEnv } from '#config/env.js';

export function createDb(client: DynamoDBClient, table: string) {
  const documentClient = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
  return new Service(
    {
      labourer: labourerEntity,
      uniqueGuard: uniqueGuardEntity,
      outboxMessage: outboxMessageEntity,
      vacancy: vacancyEntity,
      smsDraft: smsDraftEntity,
      inboundMessage: inboundMessageEntity,
      povertyMark: povertyMarkEntity,
      offer: offerEntity,
      trip: tripEntity,
      seat: seatEntity,
      nationalRunArtifact: nationalRunArtifactEntity,
      countyFigures: countyFiguresEntity,
      rateCounter: rateCounterEntity,
      phoneChange: phoneChangeEntity,
      phoneVerification: phoneVerificationEntity,
      inboundMute: inboundMuteEntity,
      matchingRun: matchingRunEntity,
      matchingRunUnmatched: matchingRunUnmatchedEntity,
      auditEntry: auditEntryEntity,
      phoneOptOut: phoneOptOutEntity,
      job: jobEntity,
      jobInput: jobInputEntity,
      broadcast: broadcastEntity,
      vacancyWorker: vacancyWorkerEntity,
      escortToken: escortTokenEntity,
      pickupPoints: pickupPointsEntity,
    },
    { client: documentClient, table },
  );
}

export type Db = ReturnType<typeof createDb>;

/** The client the handlers use: DynamoDB in AWS, DynamoDB Local when DYNAMODB_ENDPOINT is set. */
export function dynamoDbClientFromEnv(): DynamoDBClient {
  const endpoint = optionalEnv('DYNAMODB_ENDPOINT');
  return new DynamoDBClient(endpoint ? { endpoint } : {});
}

export function dbFromEnv(): Db {
  return createDb(dynamoDbClientFromEnv(), requireEnv(ENV.tableName));
}
