// A single write refused by its condition (ElectroDB wraps the SDK's ConditionalCheckFailedException).
export function isConditionFailure(error: unknown): boolean {
  const cause = (error as { cause?: { name?: string } }).cause;
  return (error as { name?: string }).name === 'ConditionalCheckFailedException' || cause?.name === 'ConditionalCheckFailedException';
}
