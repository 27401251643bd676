/**
 * What invokes the backend's non-HTTP work (functions/src/handlers/jobs.ts): EventBridge
 * schedules with a constant `{job}` input, and the table stream for each new outbox item (the
 * notifier). Every job is an idempotent catch-up sweep over what is due, so a missed or dropped
 * run is redone by the next one: nothing here needs a dead-letter queue.
 */
import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, RuleTargetInput, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { FilterCriteria, FilterRule, type IFunction, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Construct } from 'constructs';
// type only: the stack never loads handler code, but a renamed job fails the type check here
import type { JOBS } from '../../../functions/src/handlers/jobs';

export type Job = keyof typeof JOBS;

export interface JobSchedule {
  job: Job;
  every: Duration;
}

export const JOB_SCHEDULES: readonly JobSchedule[] = [
  { job: 'slaSweep', every: Duration.minutes(5) },
  { job: 'autoClose', every: Duration.hours(1) },
  { job: 'alertUnclaimed', every: Duration.minutes(15) },
  { job: 'petitionSweep', every: Duration.minutes(15) },
  // the stream drives the notifier; this catches whatever it missed (dropped batches, retries)
  { job: 'notify', every: Duration.minutes(5) },
];

/** the `type` of the items the notifier drains (functions/src/data/outbox.ts) */
export const OUTBOX_ITEM_TYPE = 'outbox';

export interface JobTriggersProps {
  stage: string;
  /** the jobs function */
  fn: IFunction;
  /** the table whose stream carries the outbox inserts */
  table: ITable;
  schedules?: readonly JobSchedule[];
}

export class JobTriggers extends Construct {
  readonly rules = new Map<Job, Rule>();

  constructor(scope: Construct, id: string, props: JobTriggersProps) {
    super(scope, id);
    const { fn } = props;

    for (const { job, every } of props.schedules ?? JOB_SCHEDULES) {
      const rule = new Rule(this, `${job}Schedule`, {
        ruleName: `gridlink-${props.stage}-${job}`,
        description: `GridLink ${props.stage}: run the ${job} job every ${every.toHumanString()}`,
        schedule: Schedule.rate(every),
        targets: [new LambdaFunction(fn, { event: RuleTargetInput.fromObject({ job }) })],
      });
      this.rules.set(job, rule);
    }
    // a scheduled run is never retried nor queued past the next one: no pile-up behind throttling
    fn.configureAsyncInvoke({ retryAttempts: 0, maxEventAge: Duration.minutes(5) });

    fn.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.LATEST,
        batchSize: 100,
        retryAttempts: 3,
        bisectBatchOnError: true,
        maxRecordAge: Duration.hours(1),
        // only new outbox items wake the notifier, not every write to the table
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.isEqual('INSERT'),
            dynamodb: { NewImage: { type: { S: FilterRule.isEqual(OUTBOX_ITEM_TYPE) } } },
          }),
        ],
      }),
    );
  }
}
