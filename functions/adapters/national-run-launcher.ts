// Starting a national run and asking how it goes. Deployed: a Step Functions execution named after the
// run id, so the run id alone finds it (and StartExecution with the same name and input is idempotent).
// Locally: bin/local runs the same steps in process and registers itself here.
import type { SFNClient } from '@aws-sdk/client-sfn';
import { ENV, optionalEnv } from '#config/env.js';

export type NationalRunState = 'running' | 'succeeded' | 'failed';

export interface NationalRunInput {
  runId: string;
  /** Omitted: every county of the country. */
  counties?: string[];
}

export interface NationalRunLauncher {
  start(input: NationalRunInput): Promise<void>;
  /** undefined: no run of that id was started here. */
  state(runId: string): Promise<NationalRunState | undefined>;
}

// The Step Functions SDK is loaded on first use, not at import: national runs are rare (issue #21).
const sfnSdk = () => import('@aws-sdk/client-sfn');

export function stepFunctionsLauncher(stateMachineArn: string, client?: SFNClient): NationalRunLauncher {
  // arn:…:stateMachine:<name> → arn:…:execution:<name>:<execution name>
  const executionArn = (runId: string) => `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${runId}`;
  let sfnClient: SFNClient | undefined;
  const sdk = async () => {
    const module = await sfnSdk();
    return { ...module, sfn: (sfnClient ??= client ?? new module.SFNClient({})) };
  };
  return {
    async start(input) {
      const { sfn, StartExecutionCommand, ExecutionAlreadyExists } = await sdk();
      try {
        await sfn.send(new StartExecutionCommand({ stateMachineArn, name: input.runId, input: JSON.stringify(input) }));
      } catch (error) {
        // The same name with another input: a run id is never reused, so this is the same run.
        if (!(error instanceof ExecutionAlreadyExists)) throw error;
      }
    },
    async state(runId) {
      const { sfn, DescribeExecutionCommand, ExecutionDoesNotExist } = await sdk();
      try {
        const { status } = await sfn.send(new DescribeExecutionCommand({ executionArn: executionArn(runId) }));
        if (status === 'SUCCEEDED') return 'succeeded';
        if (status === 'RUNNING' || status === 'PENDING_REDRIVE') return 'running';
        return 'failed'; // FAILED, TIMED_OUT, ABORTED
      } catch (error) {
        if (error instanceof ExecutionDoesNotExist) return undefined;
        throw error;
      }
    },
  };
}

/** Set by bin/local/system.ts: the in-process runner of `npm start`. */
export const inProcessNationalRuns: { launcher?: NationalRunLauncher } = {};

/** The state machine when NATIONAL_STATE_MACHINE_ARN is set, else the in-process runner (undefined: neither). */
export function nationalRunLauncherFromEnv(): NationalRunLauncher | undefined {
  const arn = optionalEnv(ENV.nationalStateMachineArn);
  return arn ? stepFunctionsLauncher(arn) : inProcessNationalRuns.launcher;
}
