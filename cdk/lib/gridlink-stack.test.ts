import { JOBS } from '../../functions/src/handlers/jobs';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { AttributeType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { STATS_LOCAL_TYPE } from '../../functions/src/data/stats';
import { STREAM_BATCH } from '../../functions/src/data/stats-rollup';
import { tableDef } from '../../functions/src/data/table-def';
import { AREAS, routeKey, routes } from '../../functions/src/routes';
import { cdkJsonContext } from './cdk-json';
import { AREA_ACCESS, readConfig } from './config';
import { AreaFunction, BUCKET_OBJECT_ACTIONS, REPO_ROOT } from './constructs/area-function';
import { ACCESS_LOG_DAYS, ATTACHMENT_KEYS, IMPORT_KEYS, IMPORT_REPORT_KEYS } from './constructs/attachments';
import { MODCHECK_ITEM_TYPE, OUTBOX_ITEM_TYPE, STATS_LOCAL_ITEM_TYPE, STATS_STREAM } from './constructs/jobs';
import { MODCHECK_TYPE } from '../../functions/src/data/moderation';
import { GridLinkStack } from './gridlink-stack';

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string };

// one synthesis (it bundles every area function) shared by all tests
let app: App;
let stack: GridLinkStack;
let template: Template;
let resources: Record<string, Resource>;
const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
/** an area's function, the jobs function for 'jobs', the import function for 'importJob' */
const fnOf = (area: string) =>
  area === 'jobs' ? stack.jobs : area === 'importJob' ? stack.importJob : stack.functions.get(area)!;
const fnLogicalId = (area: string) => stack.getLogicalId(fnOf(area).node.defaultChild as CfnFunction);
const policiesOf = (area: string) => {
  const roleRef = resources[fnLogicalId(area)].Properties.Role['Fn::GetAtt'][0];
  return ofType('AWS::IAM::Policy')
    .filter(([, p]) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === roleRef))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]);
};
const refsIn = (v: unknown) => JSON.stringify(v);
/** extra stacks skip esbuild: the main stack already proves the bundles build */
const NO_BUNDLING = { 'aws:cdk:bundling-stacks': [] };
const H5_ORIGIN = 'https://h5.gridlink.example.cn';

beforeAll(() => {
  app = new App({
    context: { ...cdkJsonContext(), stage: 'prod', wechatAppId: 'wx0123456789abcdef', allowedOrigins: H5_ORIGIN },
  });
  stack = new GridLinkStack(app, 'GridLink-prod', { config: readConfig(app.node) });
  template = Template.fromStack(stack);
  resources = template.toJSON().Resources;
});

const cloudRoutes = routes.filter((r) => !r.stages?.length);
const areas = [...new Set([...AREAS, 'system'])];
/** every function: one per area, plus the jobs function (schedules and the table stream) */
const allFunctions = [...areas, 'jobs'];
/** and the import function (functions/src/handlers/import-job.ts), whose access is its own */
const everyFunction = [...allFunctions, 'importJob'];
/** who may read the WeChat secret / touch attachments (the policy under test, written out) */
const WECHAT_AREAS = ['auth', 'notify', 'jobs'];
// jobs (AREA_ACCESS key 'notify') presigns photo links for WeChat's media check
// centre writes its .xlsx exports under uploads/exports/ and presigns their GET
const ATTACHMENT_AREAS = ['uploads', 'requests', 'services', 'proxy', 'cases', 'jobs', 'imports', 'centre'];
/** the function of an AREA_ACCESS key (the jobs function has the notifier's access) */
const fnArea = (key: string) => (key === 'notify' ? 'jobs' : key);

describe('table', () => {
  test('keys and GSIs equal tableDef', () => {
    const [[, table]] = ofType('AWS::DynamoDB::Table');
    const p = table.Properties;
    expect(p.KeySchema).toEqual([
      { AttributeName: tableDef.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableDef.sortKey, KeyType: 'RANGE' },
    ]);
    expect(p.GlobalSecondaryIndexes).toEqual(
      tableDef.gsis.map((g) => ({
        IndexName: g.name,
        KeySchema: [
          { AttributeName: g.partitionKey, KeyType: 'HASH' },
          { AttributeName: g.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    );
    const keyNames = [
      tableDef.partitionKey,
      tableDef.sortKey,
      ...tableDef.gsis.flatMap((g) => [g.partitionKey, g.sortKey]),
    ];
    expect(p.AttributeDefinitions).toEqual(
      expect.arrayContaining(keyNames.map((n) => ({ AttributeName: n, AttributeType: 'S' }))),
    );
    expect(p.AttributeDefinitions).toHaveLength(keyNames.length);
  });

  test('on-demand, TTL, PITR, stream, AWS-managed encryption, retained', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        TimeToLiveSpecification: { AttributeName: tableDef.ttlAttribute, Enabled: true },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
        SSESpecification: { SSEEnabled: true },
        DeletionProtectionEnabled: true,
      }),
    });
  });
});

describe('HTTP API', () => {
  const routeResources = () => ofType('AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties);
  const functionOfRoute = (target: unknown) => {
    const integrationId = (target as { 'Fn::Join': [string, [string, { Ref: string }]] })['Fn::Join'][1][1].Ref;
    return resources[integrationId].Properties.IntegrationUri['Fn::GetAtt'][0];
  };

  test('every cloud route exists, wired to its area function', () => {
    const byKey = new Map(routeResources().map((r) => [r.RouteKey, r]));
    for (const r of cloudRoutes) {
      const res = byKey.get(routeKey(r));
      expect(res).toBeDefined();
      expect(functionOfRoute(res!.Target)).toBe(fnLogicalId(r.area));
    }
    expect(routeResources()).toHaveLength(cloudRoutes.length + 1);
  });

  test('stage-limited routes (dev-login) are not deployed', () => {
    const keys = routeResources().map((r) => r.RouteKey);
    expect(routes.some((r) => r.path === '/v1/auth/dev-login')).toBe(true);
    expect(keys).not.toContain('POST /v1/auth/dev-login');
    for (const r of routes.filter((x) => x.stages?.length)) expect(keys).not.toContain(routeKey(r));
  });

  test('$default goes to the system function', () => {
    const def = routeResources().find((r) => r.RouteKey === '$default');
    expect(def).toBeDefined();
    expect(functionOfRoute(def!.Target)).toBe(fnLogicalId('system'));
  });

  test('payload v2 integrations, one invoke permission per function', () => {
    template.allResourcesProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
    });
    const byApi = ofType('AWS::Lambda::Permission').filter(
      ([, p]) => p.Properties.Principal === 'apigateway.amazonaws.com',
    );
    expect(byApi).toHaveLength(areas.length);
    expect(new Set(byApi.map(([, p]) => p.Properties.FunctionName['Fn::GetAtt'][0]))).toEqual(
      new Set(areas.map(fnLogicalId)),
    );
  });

  test('CORS preflight, throttling and access logs', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: Match.objectLike({
        AllowOrigins: [H5_ORIGIN],
        AllowHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-device-id'],
      }),
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('\\$context.requestId') },
    });
  });
});

describe('functions', () => {
  test('one per area plus jobs: Node 24, arm64, ESM bundle, own log group with retention', () => {
    template.resourceCountIs('AWS::Lambda::Function', everyFunction.length);
    for (const area of everyFunction) {
      const p = resources[fnLogicalId(area)].Properties;
      expect(p).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], Handler: 'index.handler' });
      expect(p.Environment.Variables).toMatchObject({ STAGE: 'prod', NODE_OPTIONS: '--enable-source-maps' });
      const logGroup = resources[p.LoggingConfig.LogGroup.Ref];
      expect(logGroup.Properties.RetentionInDays).toBeGreaterThan(0);
      const bundle = path.join(app.outdir, `asset.${String(p.Code.S3Key).replace(/\.zip$/, '')}`);
      expect(existsSync(path.join(bundle, 'index.mjs.map'))).toBe(true);
      expect(readFileSync(path.join(bundle, 'index.mjs'), 'utf8')).toMatch(
        /^import \{ createRequire \} from 'module'; const require = createRequire\(import\.meta\.url\);/,
      );
    }
  });

  test('environment holds secret ARNs, never secret values', () => {
    for (const area of allFunctions) {
      const env: Record<string, unknown> = resources[fnLogicalId(area)].Properties.Environment.Variables;
      for (const [name, value] of Object.entries(env)) {
        if (/SECRET|PASSWORD|PRIVATE|TOKEN|KEY/.test(name)) {
          expect(name).toMatch(/_ARN$/);
          expect(value).toEqual({ Ref: expect.stringMatching(/^Secrets/) });
        }
      }
      expect(env.TOKEN_SECRET_ARN).toBeDefined();
      expect('WECHAT_SECRET_ARN' in env).toBe(WECHAT_AREAS.includes(area));
      expect('BUCKET_NAME' in env).toBe(ATTACHMENT_AREAS.includes(area));
    }
    const token = ofType('AWS::SecretsManager::Secret').find(([id]) => id.includes('TokenSigningKey'))!;
    expect(token[1].Properties.GenerateSecretString).toBeDefined();
    expect(token[1].Properties.SecretString).toBeUndefined();
  });
});

describe('IAM least privilege', () => {
  const statements = () =>
    ofType('AWS::IAM::Policy').flatMap(
      ([, p]) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[],
    );
  const actions = (s: { Action: string | string[] }) => [s.Action].flat();

  test('no wildcard action; no DynamoDB action on Resource "*" (but ListStreams); no Scan', () => {
    for (const s of statements()) {
      expect(actions(s)).not.toContain('*');
      if (actions(s).some((a) => a.startsWith('dynamodb:'))) {
        expect(actions(s)).not.toContain('dynamodb:*');
        expect(actions(s)).not.toContain('dynamodb:Scan');
        // the stream event source needs ListStreams, which has no resource scope (it returns stream ARNs, no data)
        if (refsIn(actions(s)) !== refsIn(['dynamodb:ListStreams'])) expect([s.Resource].flat()).not.toContain('*');
      }
    }
  });

  test('the table stream is read by the jobs function only', () => {
    const streamReaders = ofType('AWS::IAM::Policy')
      .filter(([, p]) => refsIn(p.Properties.PolicyDocument).includes('dynamodb:GetRecords'))
      .flatMap(([, p]) => p.Properties.Roles.map((r: { Ref: string }) => r.Ref));
    expect(streamReaders).toEqual([resources[fnLogicalId('jobs')].Properties.Role['Fn::GetAtt'][0]]);
    const stream = policiesOf('jobs').find((x) => actions(x).includes('dynamodb:GetRecords'))!;
    expect(actions(stream).sort()).toEqual([
      'dynamodb:DescribeStream',
      'dynamodb:GetRecords',
      'dynamodb:GetShardIterator',
    ]);
    expect(stream.Resource).toEqual({ 'Fn::GetAtt': [ofType('AWS::DynamoDB::Table')[0][0], 'StreamArn'] });
  });

  const bucketRef = () => ofType('AWS::S3::Bucket').find(([id]) => id.startsWith('AttachmentsBucket'))![0];

  test('own role per function: no managed policy; logs only to its own log group', () => {
    for (const area of everyFunction) {
      const p = resources[fnLogicalId(area)].Properties;
      const role = resources[p.Role['Fn::GetAtt'][0]];
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
      const logs = policiesOf(area).filter((x) => actions(x).some((a) => a.startsWith('logs:')));
      expect(logs).toEqual([
        expect.objectContaining({
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: { 'Fn::GetAtt': [p.LoggingConfig.LogGroup.Ref, 'Arn'] },
        }),
      ]);
    }
  });

  test('table access names each index of tableDef, never index/*', () => {
    const tableRef = ofType('AWS::DynamoDB::Table')[0][0];
    const indexArn = (name: string) => ({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [tableRef, 'Arn'] }, `/index/${name}`]] });
    for (const area of everyFunction) {
      const items = policiesOf(area).filter((x) => actions(x).includes('dynamodb:GetItem'));
      expect(items).toHaveLength(1);
      expect(items[0].Resource).toEqual([
        { 'Fn::GetAtt': [tableRef, 'Arn'] },
        ...tableDef.gsis.map((g) => indexArn(g.name)),
      ]);
    }
  });

  test('bucket: the attachment keys only, GetObject (+ PutObject for RW), ListBucket on the bucket; no delete', () => {
    const objects = { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketRef(), 'Arn'] }, `/${ATTACHMENT_KEYS}`]] };
    for (const area of ATTACHMENT_AREAS) {
      const s3 = policiesOf(area).filter((x) => actions(x).some((a) => a.startsWith('s3:')));
      expect(s3).toEqual([
        expect.objectContaining({ Action: 's3:ListBucket', Resource: { 'Fn::GetAtt': [bucketRef(), 'Arn'] } }),
        expect.objectContaining({ Resource: objects }),
      ]);
      const mode = AREA_ACCESS[area === 'jobs' ? 'notify' : area].bucket!;
      expect(actions(s3[1])).toEqual([...BUCKET_OBJECT_ACTIONS[mode]]);
    }
    expect(AREA_ACCESS.uploads.bucket).toBe('RW');
    // the prefix granted is the one the backend writes under
    const uploads = readFileSync(path.join(REPO_ROOT, 'functions/src/domain/uploads.ts'), 'utf8');
    expect(uploads).toContain('`' + ATTACHMENT_KEYS.replace(/\*$/, '') + '${actor.id}/');
  });

  test('secrets: read only; the WeChat secret only for WeChat areas; bucket only for attachment areas', () => {
    const wechatRef = ofType('AWS::SecretsManager::Secret').find(([id]) => id.includes('WechatAppSecret'))![0];
    for (const area of allFunctions) {
      const stmts = policiesOf(area);
      for (const s of stmts.filter((x) => actions(x).some((a) => a.startsWith('secretsmanager:')))) {
        expect(actions(s).sort()).toEqual(['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue']);
      }
      expect(refsIn(stmts).includes(wechatRef)).toBe(WECHAT_AREAS.includes(area));
      expect(refsIn(stmts).includes(bucketRef())).toBe(ATTACHMENT_AREAS.includes(area));
    }
    for (const [area, access] of Object.entries(AREA_ACCESS)) {
      if (access.wechat) expect(WECHAT_AREAS).toContain(area);
      if (access.bucket) expect(ATTACHMENT_AREAS).toContain(fnArea(area));
    }
  });

  test('WeChat message push: POST /wechat/push on the wechat function, the only one reading the push token', () => {
    const pushRef = ofType('AWS::SecretsManager::Secret').find(([id]) => id.includes('WechatPushToken'))!;
    expect(pushRef[1].Properties.GenerateSecretString).toBeDefined(); // generated, never in the template
    for (const area of allFunctions) {
      const env: Record<string, unknown> = resources[fnLogicalId(area)].Properties.Environment.Variables;
      expect('WECHAT_PUSH_TOKEN_ARN' in env).toBe(area === 'wechat');
      expect(refsIn(policiesOf(area)).includes(pushRef[0])).toBe(area === 'wechat');
    }
    expect('WECHAT_SECRET_ARN' in resources[fnLogicalId('wechat')].Properties.Environment.Variables).toBe(false);
    for (const method of ['GET', 'POST'])
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: `${method} /wechat/push` });
  });

  test('token key (signs tokens, and list cursors by a derived key): every function reads it; no cursor env', () => {
    const tokenRef = ofType('AWS::SecretsManager::Secret').find(([id]) => id.includes('TokenSigningKey'))![0];
    for (const area of allFunctions) {
      const reads = policiesOf(area).filter((x) => actions(x).includes('secretsmanager:GetSecretValue'));
      expect(refsIn(reads).includes(tokenRef)).toBe(true);
      const env: Record<string, unknown> = resources[fnLogicalId(area)].Properties.Environment.Variables;
      expect(env.TOKEN_SECRET_ARN).toEqual({ Ref: tokenRef });
      expect(Object.keys(env).filter((k) => k.includes('CURSOR'))).toEqual([]);
    }
  });

  test("bindTable 'RO' grants reads only, on the table and the indexes named", () => {
    const s = new Stack(new App({ context: NO_BUNDLING }), 'RO');
    const table = new Table(s, 'T', { partitionKey: { name: 'PK', type: AttributeType.STRING } });
    table.addGlobalSecondaryIndex({ indexName: 'GSI1', partitionKey: { name: 'GSI1PK', type: AttributeType.STRING } });
    new AreaFunction(s, 'Fn', { area: 'system', stage: 'dev' }).bindTable(table, 'RO', ['GSI1']);
    const [policy] = Object.values(Template.fromStack(s).findResources('AWS::IAM::Policy')) as Resource[];
    const stmt = policy.Properties.PolicyDocument.Statement.find((x: { Action: unknown }) =>
      refsIn(x.Action).includes('dynamodb:'),
    );
    expect([stmt.Action].flat().sort()).toEqual(['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query']);
    expect(refsIn(stmt.Resource)).toContain('/index/GSI1');
    expect(refsIn(stmt.Resource)).not.toContain('/index/*');
  });
});

describe('the import function (functions/src/handlers/import-job.ts)', () => {
  const actions = (s: { Action: string | string[] }) => [s.Action].flat();

  test('15 minutes, one vCPU of memory, 1 GiB /tmp for the upload, no async retries, capped concurrency', () => {
    const p = resources[fnLogicalId('importJob')].Properties;
    expect(p).toMatchObject({
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Timeout: 900,
      MemorySize: 1769,
      EphemeralStorage: { Size: 1024 },
      ReservedConcurrentExecutions: 4,
    });
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: fnLogicalId('importJob') },
      MaximumRetryAttempts: 0,
    });
    const bundle = path.join(app.outdir, `asset.${String(p.Code.S3Key).replace(/\.zip$/, '')}`, 'index.mjs');
    expect(readFileSync(bundle, 'utf8')).toContain('import job event without jobId');
  });

  test('started by the imports API only, as a state machine that runs it part after part', () => {
    const [[machineId, machine]] = ofType('AWS::StepFunctions::StateMachine');
    const definition = JSON.stringify(machine.Properties.DefinitionString);
    expect(definition).toContain('\\"Variable\\":\\"$.status\\",\\"StringEquals\\":\\"queued\\",\\"Next\\":\\"Part\\"');
    expect(refsIn(machine.Properties.DefinitionString)).toContain(fnLogicalId('importJob'));
    // only the imports API starts it (and nobody invokes the function directly any more)
    const starters = ofType('AWS::IAM::Policy').filter(([, p]) =>
      refsIn(p.Properties.PolicyDocument).includes('states:StartExecution'),
    );
    expect(starters).toHaveLength(1);
    const stmt = policiesOf('imports').find((x) => actions(x).includes('states:StartExecution'))!;
    expect(stmt.Resource).toEqual({ Ref: machineId });
    expect(resources[fnLogicalId('imports')].Properties.Environment.Variables.IMPORT_STATE_MACHINE_ARN).toEqual({
      Ref: machineId,
    });
    const invokers = ofType('AWS::IAM::Policy').filter(([, p]) =>
      refsIn(p.Properties.PolicyDocument).includes('lambda:InvokeFunction'),
    );
    expect(invokers.map(([id]) => id)).toEqual([expect.stringMatching(/^ImportJobsMachineRole/)]);
    expect(JSON.stringify(invokers[0][1].Properties.PolicyDocument)).toContain(fnLogicalId('importJob'));
  });

  test('reads import uploads, writes their reports, no other keys; no secrets', () => {
    const bucket = ofType('AWS::S3::Bucket').find(([id]) => id.startsWith('AttachmentsBucket'))![0];
    const objects = (keys: string) => ({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucket, 'Arn'] }, `/${keys}`]] });
    const s3 = policiesOf('importJob').filter((x) => actions(x).some((a) => a.startsWith('s3:')));
    expect(s3).toEqual([
      expect.objectContaining({ Action: 's3:ListBucket', Resource: { 'Fn::GetAtt': [bucket, 'Arn'] } }),
      expect.objectContaining({ Action: 's3:GetObject', Resource: objects(IMPORT_KEYS) }),
      expect.objectContaining({ Action: 's3:PutObject', Resource: objects(IMPORT_REPORT_KEYS) }),
    ]);
    expect(policiesOf('importJob').some((x) => actions(x).some((a) => a.startsWith('secretsmanager:')))).toBe(false);
    // the keys granted are the ones the backend writes under
    const jobs = readFileSync(path.join(REPO_ROOT, 'functions/src/domain/imports/jobs.ts'), 'utf8');
    expect(jobs).toContain('`uploads/${actor.id}/import/${id}.${kind}`');
  });
});

describe('jobs (functions/src/handlers/jobs.ts)', () => {
  const jobsArn = () => ({ 'Fn::GetAtt': [fnLogicalId('jobs'), 'Arn'] });

  test('arm64, nodejs24.x, the jobs entry, small reserved concurrency, timeout below the 5-minute schedules', () => {
    const p = resources[fnLogicalId('jobs')].Properties;
    expect(p).toMatchObject({
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      ReservedConcurrentExecutions: 2,
    });
    expect(p.Timeout).toBeLessThan(5 * 60);
    expect(p.Environment.Variables).toMatchObject({
      POWERTOOLS_SERVICE_NAME: 'gridlink-jobs',
      WECHAT_APP_ID: 'wx0123456789abcdef',
    });
    expect(
      readFileSync(path.join(app.outdir, `asset.${String(p.Code.S3Key).replace(/\.zip$/, '')}`, 'index.mjs'), 'utf8'),
    ).toContain('unknown job');
  });

  test('schedules: every job of functions/src/handlers/jobs.ts has one, each with its constant input', () => {
    const rules = ofType('AWS::Events::Rule').map(([, r]) => r.Properties);
    expect(
      rules
        .map((r) => [r.ScheduleExpression, JSON.parse(r.Targets[0].Input)])
        .sort((a, b) => a[1].job.localeCompare(b[1].job)),
    ).toEqual([
      ['rate(15 minutes)', { job: 'alertUnclaimed' }],
      ['rate(1 hour)', { job: 'attendanceSweep' }],
      ['rate(1 hour)', { job: 'autoClose' }],
      ['rate(5 minutes)', { job: 'deptflowSweep' }],
      ['rate(1 minute)', { job: 'moderation' }],
      ['rate(5 minutes)', { job: 'notify' }],
      ['rate(1 hour)', { job: 'patrolSweep' }],
      ['rate(15 minutes)', { job: 'petitionSweep' }],
      ['rate(1 minute)', { job: 'pointCallSweep' }],
      ['rate(1 day)', { job: 'scoreboard' }],
      ['rate(5 minutes)', { job: 'slaSweep' }],
    ]);
    expect(rules.map((r) => JSON.parse(r.Targets[0].Input).job).sort()).toEqual(Object.keys(JOBS).sort());
    for (const r of rules) {
      expect(r.State).toBe('ENABLED');
      expect(r.Targets).toEqual([expect.objectContaining({ Arn: jobsArn() })]);
    }
    const byEvents = ofType('AWS::Lambda::Permission').filter(
      ([, p]) => p.Properties.Principal === 'events.amazonaws.com',
    );
    expect(byEvents).toHaveLength(rules.length);
    for (const [, p] of byEvents) expect(p.Properties.FunctionName).toEqual(jobsArn());
  });

  test('a scheduled run is neither retried nor queued past the next one', () => {
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: fnLogicalId('jobs') },
      MaximumRetryAttempts: 0,
      MaximumEventAgeInSeconds: 300,
    });
  });

  const streamMappings = () =>
    ofType('AWS::Lambda::EventSourceMapping').map(([, m]) => ({
      p: m.Properties,
      filters: (m.Properties.FilterCriteria.Filters as { Pattern: string }[]).map((f) => JSON.parse(f.Pattern)),
    }));
  const byType = (type: string) =>
    streamMappings().find(({ filters }) => filters.some((f) => f.dynamodb?.NewImage?.type?.S?.[0] === type))!;

  test('table stream: two mappings on the jobs function (DynamoDB advises at most two readers per shard)', () => {
    const mappings = streamMappings();
    expect(mappings).toHaveLength(2);
    for (const { p } of mappings)
      expect(p).toMatchObject({
        FunctionName: { Ref: fnLogicalId('jobs') },
        EventSourceArn: { 'Fn::GetAtt': [ofType('AWS::DynamoDB::Table')[0][0], 'StreamArn'] },
        StartingPosition: 'LATEST',
        BisectBatchOnFunctionError: true,
      });
  });

  test('notifier: only outbox INSERTs invoke it, batches of 100, 3 retries with bisect, 1 h max age', () => {
    const { p, filters } = byType(OUTBOX_ITEM_TYPE);
    expect(p).toMatchObject({ BatchSize: 100, MaximumRetryAttempts: 3, MaximumRecordAgeInSeconds: 3600 });
    expect(filters).toEqual([
      { eventName: ['INSERT'], dynamodb: { NewImage: { type: { S: ['outbox'] } } } },
      // new content-security checks ride the same mapping (no third stream reader)
      { eventName: ['INSERT'], dynamodb: { NewImage: { type: { S: ['modcheck'] } } } },
    ]);
    expect(MODCHECK_ITEM_TYPE).toBe(MODCHECK_TYPE);
  });

  test("counter aggregator: only changes of a grid's own counter item, batched (1,000 records or 2 s)", () => {
    const { p, filters } = byType(STATS_LOCAL_TYPE);
    // the construct's copies of functions/src/data (the bench's rate model uses the latter)
    expect(STATS_LOCAL_ITEM_TYPE).toBe(STATS_LOCAL_TYPE);
    expect([STATS_STREAM.batchSize, STATS_STREAM.window.toSeconds()]).toEqual([
      STREAM_BATCH.records,
      STREAM_BATCH.windowSeconds,
    ]);
    expect(p).toMatchObject({
      BatchSize: 1000,
      MaximumBatchingWindowInSeconds: 2,
      MaximumRetryAttempts: 10,
      MaximumRecordAgeInSeconds: 6 * 3600,
    });
    // INSERT and MODIFY (a REMOVE has no new image); the aggregator's own items have other types
    expect(filters).toEqual([{ dynamodb: { NewImage: { type: { S: ['stats_local'] } } } }]);
  });
});

test('attachments bucket: private, TLS only, encrypted, CORS, incomplete uploads aborted, access logged', () => {
  const buckets = ofType('AWS::S3::Bucket');
  expect(buckets).toHaveLength(2);
  const [[bucketId, bucket]] = buckets.filter(([id]) => id.startsWith('AttachmentsBucket'));
  const [[logsId, logs]] = buckets.filter(([id]) => id.startsWith('AttachmentsAccessLogs'));
  expect(bucket).toMatchObject({
    DeletionPolicy: 'Retain',
    Properties: {
      CorsConfiguration: {
        CorsRules: [expect.objectContaining({ AllowedMethods: expect.arrayContaining(['PUT', 'GET']) })],
      },
      LifecycleConfiguration: {
        Rules: [expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } })],
      },
      LoggingConfiguration: { DestinationBucketName: { Ref: logsId }, LogFilePrefix: 'attachments/' },
    },
  });
  expect(logs).toMatchObject({
    DeletionPolicy: 'Retain',
    Properties: { LifecycleConfiguration: { Rules: [expect.objectContaining({ ExpirationInDays: ACCESS_LOG_DAYS })] } },
  });
  for (const [id, b] of [
    [bucketId, bucket],
    [logsId, logs],
  ] as const) {
    expect(b.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: id },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  }
});

test('alarms: API 5xx, errors and throttles per function, table system errors and throttles', () => {
  const alarms = ofType('AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
  expect(alarms.some((a) => a.Namespace === 'AWS/ApiGateway' && a.MetricName === '5xx')).toBe(true);
  for (const area of everyFunction) {
    for (const metric of ['Errors', 'Throttles']) {
      expect(alarms.some((a) => a.MetricName === metric && refsIn(a.Dimensions).includes(fnLogicalId(area)))).toBe(
        true,
      );
    }
  }
  const tableMetrics = alarms.filter((a) => a.Metrics).map((a) => refsIn(a.Metrics));
  expect(tableMetrics.some((m) => m.includes('SystemErrors'))).toBe(true);
  expect(tableMetrics.some((m) => m.includes('ReadThrottleEvents') && m.includes('WriteThrottleEvents'))).toBe(true);
  for (const a of alarms) expect(a.AlarmActions).toHaveLength(1);
});

test('outputs: API URL, table name, bucket name', () => {
  const outputs = Object.keys(template.toJSON().Outputs);
  expect(outputs).toEqual(expect.arrayContaining(['ApiUrl', 'TableName', 'BucketName']));
});

test('optional custom domain (ICP-registered, listed in the WeChat console) maps the $default stage', () => {
  const domainApp = new App({
    context: {
      ...cdkJsonContext(),
      ...NO_BUNDLING,
      stage: 'dev',
      wechatAppId: 'wx0123456789abcdef',
      apiDomainName: 'api.gridlink.example.cn',
      apiCertificateArn: 'arn:aws-cn:acm:cn-north-1:123456789012:certificate/abc',
    },
  });
  const t = Template.fromStack(new GridLinkStack(domainApp, 'GridLink-dev', { config: readConfig(domainApp.node) }));
  t.hasResourceProperties('AWS::ApiGatewayV2::DomainName', { DomainName: 'api.gridlink.example.cn' });
  t.hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', { Stage: '$default' });
  t.hasOutput('ApiUrl', { Value: 'https://api.gridlink.example.cn/' });
  template.resourceCountIs('AWS::ApiGatewayV2::DomainName', 0);
});

describe('CORS is configuration, never *', () => {
  test('the configured origins reach the API, the bucket and every function (ALLOWED_ORIGINS)', () => {
    for (const area of everyFunction)
      expect(resources[fnLogicalId(area)].Properties.Environment.Variables.ALLOWED_ORIGINS).toBe(H5_ORIGIN);
    const [[, bucket]] = ofType('AWS::S3::Bucket').filter(([id]) => id.startsWith('AttachmentsBucket'));
    expect(bucket.Properties.CorsConfiguration.CorsRules[0]).toMatchObject({
      AllowedOrigins: [H5_ORIGIN],
      AllowedMethods: expect.arrayContaining(['POST', 'GET']),
    });
    expect(JSON.stringify(template.toJSON())).not.toMatch(/"AllowOrigins":\["\*"\]|"AllowedOrigins":\["\*"\]/);
  });

  test('by default no origin at all: no CORS on the API nor the bucket', () => {
    const bare = new App({ context: { ...cdkJsonContext(), ...NO_BUNDLING, stage: 'dev', wechatAppId: 'wx0' } });
    const config = readConfig(bare.node);
    expect(config.allowedOrigins).toEqual([]);
    const t = Template.fromStack(new GridLinkStack(bare, 'GridLink-dev', { config }));
    for (const api of Object.values(t.findResources('AWS::ApiGatewayV2::Api')))
      expect(api.Properties.CorsConfiguration).toBeUndefined();
    for (const b of Object.values(t.findResources('AWS::S3::Bucket')))
      expect(b.Properties.CorsConfiguration).toBeUndefined();
    for (const fn of Object.values(t.findResources('AWS::Lambda::Function')))
      expect(fn.Properties.Environment.Variables.ALLOWED_ORIGINS).toBe('');
  });

  test.each(['*', 'https://*.example.cn', 'h5.example.cn', 'https://h5.example.cn/path'])(
    'allowedOrigins %p is refused',
    (allowedOrigins) => {
      expect(() => readConfig(new App({ context: { stage: 'dev', allowedOrigins } }).node)).toThrow(/never \*/);
    },
  );
});

test('local-only stages cannot be synthesized', () => {
  for (const stage of ['local', 'test']) {
    expect(() => readConfig(new App({ context: { stage } }).node)).toThrow(/local-only/);
  }
});
