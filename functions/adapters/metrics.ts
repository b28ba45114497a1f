// Custom metrics, written to the log in the embedded metric format (CloudWatch extracts them: no API
// call, no permission). Names in config/metrics.ts, shared with the alarms.
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { METRICS } from '#config/metrics.js';

const metrics = new Metrics({ namespace: METRICS.namespace, serviceName: METRICS.service });

/** A non-urgent SMS held back by its county's daily budget; the county goes along as metadata (not a dimension: one alarm covers all). */
export function countSmsOverBudget(county: string): void {
  const single = metrics.singleMetric();
  single.addMetadata('county', county);
  single.addMetric(METRICS.smsOverBudget, MetricUnit.Count, 1);
}
