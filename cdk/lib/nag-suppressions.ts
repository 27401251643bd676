/**
 * The cdk-nag (AwsSolutions pack) findings GridLink accepts, each with its reason. Everything else
 * the pack flags is fixed in the constructs. Suppressions are per resource, and per finding
 * (`appliesTo`) where the rule reports several; never stack-wide. They are CloudFormation metadata
 * (`cdk_nag`) of the resources they cover, so `cdk synth` output carries them too.
 * lib/nag.test.ts proves 0 unsuppressed errors and warnings and prints this list; README.md lists it.
 */
import type { Stack } from 'aws-cdk-lib';
import type { Role } from 'aws-cdk-lib/aws-iam';
import type { Bucket, CfnBucket } from 'aws-cdk-lib/aws-s3';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { NagSuppressions } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import type { AreaFunction } from './constructs/area-function';
import { ATTACHMENT_KEYS, IMPORT_KEYS, IMPORT_REPORT_KEYS } from './constructs/attachments';
import type { RouteApi } from './constructs/route-api';
import type { AppSecrets } from './constructs/secrets';

export interface NagSuppressionRecord {
  /** rule id, e.g. AwsSolutions-APIG4 */
  id: string;
  /** the one finding of the rule it covers (rules reporting several, like IAM5) */
  appliesTo?: string;
  reason: string;
  /** construct paths it is applied to */
  paths: string[];
}

export interface NagTargets {
  http: RouteApi;
  /** functions bound to the attachments bucket */
  bucketUsers: readonly AreaFunction[];
  /** the import function (reads import uploads, writes their reports) */
  importJob: AreaFunction;
  /** the state machine running the import function part after part */
  importMachine: StateMachine;
  /** the function reading the table stream (jobs) */
  streamReader: AreaFunction;
  bucket: Bucket;
  secrets: AppSecrets;
}

export const REASONS = {
  routeAuthInFunction:
    'No API Gateway authorizer by design: the app issues its own HMAC-signed bearer tokens, and the shared middleware ' +
    "(functions/src/http/middleware.ts) verifies the token and the route's roles (auth in functions/src/routes/) in the " +
    'function before any handler runs; a call without a valid token gets 401/403 from there.',
  routePublic: (ids: readonly string[]) =>
    `Public by design (auth 'public' in functions/src/routes/): ${ids.join(', ')}. ` +
    "None serves anyone else's personal data: WeChat sign-in returns the caller's own token, Open311 GET reads the public " +
    'projection of requests and Open311 POST checks its api_key in the function. The stage throttle and per-route rate limits apply.',
  defaultRoute:
    "Catch-all $default: the system function answers every unknown path or method with the contract's 404/405 and serves no data.",
  attachmentKeys:
    `Object keys are created per upload (uploads/<userId>/<purpose>/<id>.<ext>); the grant is limited to ${ATTACHMENT_KEYS} in the ` +
    'attachments bucket, GetObject (+ PutObject for the uploads area) only; the function checks ownership of each key.',
  importKeys:
    `The import function reads the uploads of import jobs (${IMPORT_KEYS}: keys are created per job, ` +
    `uploads/<userId>/import/<id>.<ext>) and writes their reports (${IMPORT_REPORT_KEYS}) only; the job names its one key.`,
  importMachineInvoke:
    'The import state machine invokes the one import function; Step Functions grants it with the versions and aliases of ' +
    'that function (<arn>:*), nothing else.',
  importMachineTracing:
    'X-Ray tracing (xray:PutTraceSegments, PutTelemetryRecords, GetSampling*) and CloudWatch Logs delivery for Step Functions ' +
    '(logs:CreateLogDelivery, ListLogDeliveries and the like) have no resource-level permissions; the role of the import state machine has ' +
    'them and the invoke of the import function, nothing else.',
  listStreams:
    'dynamodb:ListStreams (required by the DynamoDB stream event source) has no resource-level permissions; it returns stream ' +
    'ARNs, no data. The stream itself is read on its own ARN only.',
  tokenKeyRotation:
    'The HMAC key signing API tokens is read once per cold start; automatic rotation would sign every user out and, until all ' +
    'warm functions restart, make tokens valid on some instances only. Operators rotate it deliberately (see its description).',
  wechatSecretRotation:
    'The WeChat AppSecret is issued by WeChat: a rotation Lambda cannot create one. Operators reset it in the mini-program admin ' +
    'console and put the new value here (put-secret-value).',
  wechatPushTokenRotation:
    'The message-push Token must equal the one entered in the mini-program admin console; a rotation Lambda cannot change ' +
    'it there, so operators rotate both together (see its description).',
} as const;

export function applyNagSuppressions(stack: Stack, t: NagTargets): NagSuppressionRecord[] {
  const records: NagSuppressionRecord[] = [];
  const suppress = (targets: readonly IConstruct[], id: string, reason: string, appliesTo?: string) => {
    if (!targets.length) return;
    NagSuppressions.addResourceSuppressions(
      [...targets],
      [{ id, reason, ...(appliesTo ? { appliesTo: [appliesTo] } : {}) }],
    );
    records.push({ id, ...(appliesTo ? { appliesTo } : {}), reason, paths: targets.map((c) => c.node.path) });
  };
  const defaultPolicy = (fn: AreaFunction) => (fn.role as Role).node.findChild('DefaultPolicy');

  // API Gateway: the app authorises in the function; public routes are public by design
  const routes = [...t.http.routes.values()];
  const isPublic = (r: (typeof routes)[number]) => r.def.auth === 'public';
  suppress(
    routes.filter((r) => !isPublic(r)).map((r) => r.route),
    'AwsSolutions-APIG4',
    REASONS.routeAuthInFunction,
  );
  const publicRoutes = routes.filter(isPublic);
  suppress(
    publicRoutes.map((r) => r.route),
    'AwsSolutions-APIG4',
    REASONS.routePublic(publicRoutes.map((r) => r.def.id)),
  );
  suppress([t.http.defaultRoute], 'AwsSolutions-APIG4', REASONS.defaultRoute);

  // IAM: the two wildcards left after narrowing the grants (AreaFunction.bindTable/bindBucket)
  const bucketId = stack.getLogicalId(t.bucket.node.defaultChild as CfnBucket);
  suppress(
    t.bucketUsers.map(defaultPolicy),
    'AwsSolutions-IAM5',
    REASONS.attachmentKeys,
    `Resource::<${bucketId}.Arn>/${ATTACHMENT_KEYS}`,
  );
  suppress([defaultPolicy(t.streamReader)], 'AwsSolutions-IAM5', REASONS.listStreams, 'Resource::*');
  for (const keys of [IMPORT_KEYS, IMPORT_REPORT_KEYS])
    suppress(
      [defaultPolicy(t.importJob)],
      'AwsSolutions-IAM5',
      REASONS.importKeys,
      `Resource::<${bucketId}.Arn>/${keys}`,
    );

  const machinePolicy = t.importMachine.role.node.findChild('DefaultPolicy');
  const importFnId = stack.getLogicalId(t.importJob.node.defaultChild as CfnFunction);
  suppress([machinePolicy], 'AwsSolutions-IAM5', REASONS.importMachineInvoke, `Resource::<${importFnId}.Arn>:*`);
  suppress([machinePolicy], 'AwsSolutions-IAM5', REASONS.importMachineTracing, 'Resource::*');

  // Secrets Manager rotation
  suppress([t.secrets.tokenKey], 'AwsSolutions-SMG4', REASONS.tokenKeyRotation);
  suppress([t.secrets.wechat], 'AwsSolutions-SMG4', REASONS.wechatSecretRotation);
  suppress([t.secrets.wechatPushToken], 'AwsSolutions-SMG4', REASONS.wechatPushTokenRotation);

  return records;
}
