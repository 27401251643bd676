/**
 * What invokes the backend's non-HTTP work (functions/src/handlers/jobs.ts): EventBridge
 * schedules with a constant `{job}` input, and the table stream through two mappings: each new
 * outbox item wakes the notifier; each change of a grid's own counter item (LOCAL) wakes the
 * counter aggregator, which adds it to the totals of the grid and its ancestors. Every job is an
 * idempotent catch-up sweep over what is due, so a missed or dropped run is redone by the next one;
 * the aggregator reads the counter items, not the records, so a replay adds nothing and a dropped
 * record is made good by the grid's next change: nothing here needs a dead-letter queue.
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
  { job: 'deptflowSweep', every: Duration.minutes(5) },
  { job: 'autoClose', every: Duration.hours(1) },
  { job: 'alertUnclaimed', every: Duration.minutes(15) },
  { job: 'petitionSweep', every: Duration.minutes(15) },
  // the worker's day: each sweep is idempotent, so running them hourly (not once a day) is safe
  { job: 'patrolSweep', every: Duration.hours(1) },
  { job: 'attendanceSweep', every: Duration.hours(1) },
  { job: 'pointCallSweep', every: Duration.minutes(1) },
  // the public scoreboard's one item (三率 of the last 90 days)
  { job: 'scoreboard', every: Duration.days(1) },
  // the stream drives the notifier; this catches whatever it missed (dropped batches, retries)
  { job: 'notify', every: Duration.minutes(5) },
  // the stream runs new content-security checks; this runs retries, overdue media checks and read-backs
  { job: 'moderation', every: Duration.minutes(1) },
];

/** the `type` of the items the notifier drains (functions/src/data/outbox.ts) */
export const OUTBOX_ITEM_TYPE = 'outbox';
/** the `type` of a grid's own counter item, the only counter a write touches (functions/src/data/stats.ts) */
export const STATS_LOCAL_ITEM_TYPE = 'stats_local';
/** the `type` of a content-security check (functions/src/data/moderation.ts) */
export const MODCHECK_ITEM_TYPE = 'modcheck';

/**
 * The aggregator's batches: up to 1,000 records or 2 s, whichever comes first. The district's total
 * takes one write per transaction of a batch (≤ 100 items each), so at most a few writes every 2 s
 * per stream shard, whatever the write rate; dashboards trail the writes by about that window.
 * Retries outlast DynamoDB throttling (bisecting a failing batch); records older than 6 h are left
 * to the grids' next changes.
 */
export const STATS_STREAM = {
  batchSize: 1000,
  window: Duration.seconds(2),
  retryAttempts: 10,
  maxAge: Duration.hours(6),
};

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
        // only new outbox items wake the notifier and new checks the moderation job, not every write
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.isEqual('INSERT'),
            dynamodb: { NewImage: { type: { S: FilterRule.isEqual(OUTBOX_ITEM_TYPE) } } },
          }),
          FilterCriteria.filter({
            eventName: FilterRule.isEqual('INSERT'),
            dynamodb: { NewImage: { type: { S: FilterRule.isEqual(MODCHECK_ITEM_TYPE) } } },
          }),
        ],
      }),
    );
    // the second (and last: DynamoDB advises at most two readers per shard) reader of the stream; the
    // event source above already granted the stream's read actions (DynamoEventSource takes one per table)
    fn.addEventSourceMapping('CounterStream', {
      eventSourceArn: props.table.tableStreamArn,
      startingPosition: StartingPosition.LATEST,
      batchSize: STATS_STREAM.batchSize,
      maxBatchingWindow: STATS_STREAM.window,
      retryAttempts: STATS_STREAM.retryAttempts,
      bisectBatchOnError: true,
      maxRecordAge: STATS_STREAM.maxAge,
      // inserts and updates of LOCAL counter items (a REMOVE has no new image); the aggregator's own
      // writes (totals, PUSHED markers) have other types, so it never wakes itself
      filters: [
        FilterCriteria.filter({ dynamodb: { NewImage: { type: { S: FilterRule.isEqual(STATS_LOCAL_ITEM_TYPE) } } } }),
      ],
    });
  }
}
