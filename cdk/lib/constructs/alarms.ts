/**
 * Alarms on what users feel: API 5xx, function errors and throttles, table system errors and
 * throttles. All notify one SNS topic (subscribe an e-mail with context `alarmEmail`).
 */
import { Duration } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Operation, type Table } from 'aws-cdk-lib/aws-dynamodb';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

const PERIOD = Duration.minutes(5);

/** the operations the backend uses (a metric-math alarm takes at most 10 metrics) */
const TABLE_OPERATIONS = [
  Operation.GET_ITEM,
  Operation.PUT_ITEM,
  Operation.UPDATE_ITEM,
  Operation.DELETE_ITEM,
  Operation.QUERY,
  Operation.BATCH_GET_ITEM,
  Operation.BATCH_WRITE_ITEM,
  Operation.TRANSACT_GET_ITEMS,
  Operation.TRANSACT_WRITE_ITEMS,
];

export interface OpsAlarmsProps {
  stage: string;
  api: IHttpApi;
  /** the function of each area */
  functions: ReadonlyMap<string, LambdaFunction>;
  table: Table;
  alarmEmail?: string;
}

export class OpsAlarms extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: OpsAlarmsProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', { displayName: `GridLink ${props.stage} alarms`, enforceSSL: true });
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    const action = new SnsAction(this.topic);

    const alarm = (id: string, metric: IMetric, threshold: number, description: string) => {
      const a = new Alarm(this, id, {
        alarmName: `gridlink-${props.stage}-${id}`,
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      a.addAlarmAction(action);
      a.addOkAction(action);
      this.alarms.push(a);
    };

    alarm(
      'api-5xx',
      props.api.metricServerError({ period: PERIOD, statistic: 'Sum' }),
      5,
      'API answered 5xx (5+ in 5 min)',
    );

    for (const [area, fn] of props.functions) {
      alarm(
        `${area}-errors`,
        fn.metricErrors({ period: PERIOD, statistic: 'Sum' }),
        1,
        `${area} function: invocation errors (crash or timeout)`,
      );
      alarm(
        `${area}-throttles`,
        fn.metricThrottles({ period: PERIOD, statistic: 'Sum' }),
        1,
        `${area} function: throttled invocations`,
      );
    }

    const { table } = props;
    alarm(
      'table-system-errors',
      table.metricSystemErrorsForOperations({ operations: TABLE_OPERATIONS, period: PERIOD, statistic: 'Sum' }),
      1,
      'DynamoDB system errors (HTTP 500 from DynamoDB)',
    );
    const throttle = (metricName: string) =>
      new Metric({
        namespace: 'AWS/DynamoDB',
        metricName,
        dimensionsMap: { TableName: table.tableName },
        period: PERIOD,
        statistic: 'Sum',
      });
    alarm(
      'table-throttles',
      new MathExpression({
        expression: 'FILL(r, 0) + FILL(w, 0)',
        usingMetrics: { r: throttle('ReadThrottleEvents'), w: throttle('WriteThrottleEvents') },
        period: PERIOD,
        label: 'throttle events',
      }),
      1,
      'DynamoDB read/write throttle events on the table',
    );
  }
}
