/**
 * GridLink in the cloud: the table, the attachments bucket, the secrets, one function per
 * functional area and the HTTP API, all derived from the backend's route table and table
 * definition, the jobs function (schedules and the table stream), plus alarms. Handler code is
 * never imported here: only the route table (functions/src/routes/) and table-def.ts. The cdk-nag
 * findings it accepts carry their reasons in the template (nag-suppressions.ts).
 */
import * as path from 'node:path';
import { Annotations, CfnOutput, Duration, Size, Stack, type StackProps, Tags } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { AREAS, routes } from '../../functions/src/routes';
import { areaAccess, type DeployConfig } from './config';
import { OpsAlarms } from './constructs/alarms';
import { AreaFunction, HANDLERS_DIR } from './constructs/area-function';
import { Attachments } from './constructs/attachments';
import { JobTriggers } from './constructs/jobs';
import { RouteApi } from './constructs/route-api';
import { AppSecrets } from './constructs/secrets';
import { ImportJobs } from './constructs/import-jobs';
import { GridTable } from './constructs/table';
import { applyNagSuppressions, type NagSuppressionRecord } from './nag-suppressions';

export interface GridLinkStackProps extends StackProps {
  config: DeployConfig;
}

/** the area answering `$default` (404/405 in the contract's error shape) */
const FALLBACK_AREA = 'system';

/**
 * The non-HTTP function (functions/src/handlers/jobs.ts). It drains the outbox, so it has the
 * notifier's access (AREA_ACCESS.notify). Its timeout is below the 5-minute schedules, so a run
 * never overlaps the next of its kind; the small reserved concurrency caps what a backlog can
 * pile onto the table.
 */
const JOBS = { area: 'jobs', access: 'notify', timeout: Duration.minutes(2), concurrency: 2 } as const;

/**
 * The import function (functions/src/handlers/import-job.ts): one run of an admin's import job,
 * invoked asynchronously by `POST /v1/imports/{id}/start`. Lambda's longest run (15 min); 1,769 MB
 * is one full vCPU (the import is CPU-bound: unzip, XML, validation); /tmp holds the ≤ 50 MB
 * upload and a zip's unpacked .csv (≤ 512 MB, functions/src/domain/imports/files.ts). No async
 * retries: a retry would find the job no longer queued and do nothing; a run that dies reads as
 * failed after 5 silent minutes and the admin starts it again (re-importing changes nothing).
 * Files one run cannot finish in 15 minutes are where Step Functions would take over (a Map state
 * over chunks of the file, see functions/src/domain/imports/run.ts).
 */
const IMPORT = {
  area: 'importJob',
  timeout: Duration.minutes(15),
  memorySize: 1769,
  tmp: Size.gibibytes(1),
  concurrency: 4,
} as const;

export class GridLinkStack extends Stack {
  readonly functions = new Map<string, AreaFunction>();
  readonly jobs: AreaFunction;
  readonly importJob: AreaFunction;
  /** the cdk-nag findings accepted, with their reasons (lib/nag-suppressions.ts) */
  readonly nagSuppressions: readonly NagSuppressionRecord[];

  constructor(scope: Construct, id: string, props: GridLinkStackProps) {
    super(scope, id, props);
    const { config } = props;
    const areas: string[] = [...AREAS];
    if (!areas.includes(FALLBACK_AREA)) areas.push(FALLBACK_AREA);
    Tags.of(this).add('app', 'gridlink');
    Tags.of(this).add('stage', config.stage);

    const { table, indexNames } = new GridTable(this, 'Data', { deletionProtection: config.stage === 'prod' });
    const { bucket } = new Attachments(this, 'Attachments', { allowedOrigins: config.allowedOrigins });
    const secrets = new AppSecrets(this, 'Secrets', { stage: config.stage });
    if (!config.wechatAppId) {
      Annotations.of(this).addWarningV2(
        'gridlink:wechatAppId',
        'context wechatAppId is not set: WeChat login will fail (cdk deploy -c wechatAppId=wx...)',
      );
    }

    const bucketUsers: AreaFunction[] = [];
    const bind = (fn: AreaFunction, access: ReturnType<typeof areaAccess>) => {
      fn.bindTable(table, access.table, indexNames).bindSecret(secrets.tokenKey, 'TOKEN_SECRET_ARN');
      // the functions echo only these origins (functions/src/http/cors.ts)
      fn.addEnvironment('ALLOWED_ORIGINS', config.allowedOrigins.join(','));
      if (access.bucket) bucketUsers.push(fn.bindBucket(bucket, access.bucket));
      if (access.wechat) {
        fn.bindSecret(secrets.wechat, 'WECHAT_SECRET_ARN');
        fn.addEnvironment('WECHAT_APP_ID', config.wechatAppId ?? 'UNSET');
      }
      if (access.wechatPush) fn.bindSecret(secrets.wechatPushToken, 'WECHAT_PUSH_TOKEN_ARN');
      return fn;
    };

    for (const area of areas) {
      this.functions.set(
        area,
        bind(new AreaFunction(this, fnId(area), { area, stage: config.stage }), areaAccess(area)),
      );
    }

    this.jobs = bind(
      new AreaFunction(this, fnId(JOBS.area), {
        area: JOBS.area,
        stage: config.stage,
        description: `GridLink ${config.stage}: scheduled jobs and the outbox notifier`,
        timeout: JOBS.timeout,
        reservedConcurrentExecutions: JOBS.concurrency,
      }),
      areaAccess(JOBS.access),
    );
    new JobTriggers(this, 'Jobs', { stage: config.stage, fn: this.jobs, table });

    this.importJob = new AreaFunction(this, fnId(IMPORT.area), {
      area: IMPORT.area,
      stage: config.stage,
      description: `GridLink ${config.stage}: base-data import jobs (admin upload)`,
      entry: path.join(HANDLERS_DIR, 'import-job.ts'),
      timeout: IMPORT.timeout,
      memorySize: IMPORT.memorySize,
      ephemeralStorageSize: IMPORT.tmp,
      retryAttempts: 0,
      reservedConcurrentExecutions: IMPORT.concurrency,
    })
      .bindTable(table, areaAccess(IMPORT.area).table, indexNames)
      .bindImportObjects(bucket);
    this.importJob.addEnvironment('ALLOWED_ORIGINS', config.allowedOrigins.join(','));
    // the imports API starts a job as an execution of the state machine that runs this function
    // part after part (a file beyond one Lambda's 15 minutes)
    const importJobs = new ImportJobs(this, 'ImportJobs', { stage: config.stage, fn: this.importJob });
    const importsApi = this.functions.get('imports');
    if (importsApi) {
      importJobs.machine.grantStartExecution(importsApi);
      importsApi.addEnvironment('IMPORT_STATE_MACHINE_ARN', importJobs.machine.stateMachineArn);
    }

    const http = new RouteApi(this, 'Http', {
      stage: config.stage,
      routes,
      functions: this.functions,
      fallbackArea: FALLBACK_AREA,
      allowedOrigins: config.allowedOrigins,
      throttle: config.throttle,
      customDomain: config.customDomain,
    });

    const ops = new OpsAlarms(this, 'Alarms', {
      stage: config.stage,
      api: http.api,
      functions: new Map([...this.functions, [JOBS.area, this.jobs], [IMPORT.area, this.importJob]]),
      table,
      alarmEmail: config.alarmEmail,
    });

    new CfnOutput(this, 'ApiUrl', { value: http.url, description: 'HTTP API base URL' });
    if (http.domain && config.customDomain) {
      new CfnOutput(this, 'ApiDomainTarget', {
        value: http.domain.regionalDomainName,
        description: `point ${config.customDomain.domainName} (CNAME) here`,
      });
    }
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'BucketName', { value: bucket.bucketName });
    new CfnOutput(this, 'AlarmTopicArn', { value: ops.topic.topicArn });
    new CfnOutput(this, 'WechatSecretArn', {
      value: secrets.wechat.secretArn,
      description: 'set the WeChat AppSecret here',
    });
    new CfnOutput(this, 'WechatPushTokenArn', {
      value: secrets.wechatPushToken.secretArn,
      description: 'the Token to enter in the mini-program console (消息推送, URL <ApiUrl>/wechat/push)',
    });

    // last: every grant (and so every role policy) exists by now
    this.nagSuppressions = applyNagSuppressions(this, {
      http,
      bucketUsers,
      streamReader: this.jobs,
      importJob: this.importJob,
      importMachine: importJobs.machine,
      bucket,
      secrets,
    });
  }
}

/** `system` → `SystemFn`: stable logical ids per area */
const fnId = (area: string) => area.replace(/(^|[-_])(\w)/g, (_, __, c: string) => c.toUpperCase()) + 'Fn';
