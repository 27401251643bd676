/**
 * Long imports: a state machine that runs the import function part after part. A part stops a
 * little before Lambda's 15 minutes at a batch boundary and answers `queued` (more rows to go: the
 * job item carries where to resume, functions/src/domain/imports/run.ts); the loop runs the next
 * part until the answer is `done` or `failed`. A part that dies is retried twice; after that the
 * job reads as failed once silent and the admin's restart resumes from the carry.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Choice, Condition, DefinitionBody, LogLevel, StateMachine, Succeed } from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';

export interface ImportJobsProps {
  stage: string;
  fn: IFunction;
}

/** the most parts one import may take (a 50 MB file needs a few; this stops a loop gone wrong) */
export const IMPORT_MAX_HOURS = 12;

export class ImportJobs extends Construct {
  readonly machine: StateMachine;

  constructor(scope: Construct, id: string, props: ImportJobsProps) {
    super(scope, id);
    const part = new LambdaInvoke(this, 'Part', {
      lambdaFunction: props.fn,
      payloadResponseOnly: true,
      retryOnServiceExceptions: true,
    });
    part.addRetry({ errors: ['States.TaskFailed'], maxAttempts: 2, interval: Duration.seconds(30), backoffRate: 2 });
    const more = new Choice(this, 'MoreRows')
      .when(Condition.stringEquals('$.status', 'queued'), part)
      .otherwise(new Succeed(this, 'Finished'));
    const logs = new LogGroup(this, 'Logs', {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.machine = new StateMachine(this, 'Machine', {
      comment: `GridLink ${props.stage}: base-data import, part after part`,
      definitionBody: DefinitionBody.fromChainable(part.next(more)),
      timeout: Duration.hours(IMPORT_MAX_HOURS),
      tracingEnabled: true,
      // every event, without the data (a job id and a status; nothing personal either way)
      logs: { destination: logs, level: LogLevel.ALL, includeExecutionData: false },
    });
  }
}
