/**
 * The house function: one per functional area (functions/src/handlers/<area>.ts), Node 24 (the
 * latest Lambda Node.js runtime) on arm64, an ESM bundle built by the local esbuild (never Docker),
 * source maps, its own log group and its own role. Access is added with the small bind helpers so
 * every grant reads as least privilege.
 */
import * as path from 'node:path';
import { Duration, RemovalPolicy, type Size } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Grant, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { Charset, NodejsFunction, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import type { AccessMode } from '../config';
import { ATTACHMENT_KEYS, IMPORT_KEYS, IMPORT_REPORT_KEYS } from './attachments';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const HANDLERS_DIR = path.join(REPO_ROOT, 'functions/src/handlers');

/**
 * DynamoDB actions per access mode. No Scan: no request path may scan (design rule, enforced
 * here). Transact* calls are authorised through these item actions.
 */
export const TABLE_ACTIONS: Record<AccessMode, readonly string[]> = {
  RO: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'],
  RW: [
    'dynamodb:GetItem',
    'dynamodb:BatchGetItem',
    'dynamodb:Query',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:BatchWriteItem',
    'dynamodb:ConditionCheckItem',
  ],
};

/**
 * S3 actions per access mode, on the attachment keys only. HeadObject is authorised by GetObject;
 * ListBucket (on the bucket, not its objects) makes a HEAD of a missing key answer 404, not 403,
 * which is how an attachment that was never uploaded is told apart. No delete, no multipart.
 */
export const BUCKET_OBJECT_ACTIONS: Record<AccessMode, readonly string[]> = {
  RO: ['s3:GetObject'],
  RW: ['s3:GetObject', 's3:PutObject'],
};

/** middy 7 and other ESM-only packages need `require` shimmed in an ESM bundle */
const ESM_REQUIRE_BANNER = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

export interface AreaFunctionProps {
  area: string;
  stage: string;
  /** defaults to `GridLink <stage>: <area> API` */
  description?: string;
  /** defaults to functions/src/handlers/<area>.ts */
  entry?: string;
  environment?: Record<string, string>;
  memorySize?: number;
  timeout?: Duration;
  logRetention?: RetentionDays;
  /** caps (and reserves) concurrency; default: none, the account pool */
  reservedConcurrentExecutions?: number;
  /** /tmp; default 512 MiB */
  ephemeralStorageSize?: Size;
  /** retries of asynchronous invocations; default Lambda's (2) */
  retryAttempts?: number;
}

export class AreaFunction extends NodejsFunction {
  readonly area: string;

  constructor(scope: Construct, id: string, props: AreaFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: props.logRetention ?? RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // its own role instead of AWSLambdaBasicExecutionRole (logs:* on every log group): it may
    // only write to its own log group; the bind helpers add the rest
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `GridLink ${props.stage}: ${props.area} function`,
    });
    logGroup.grantWrite(role);
    super(scope, id, {
      description: props.description ?? `GridLink ${props.stage}: ${props.area} API`,
      entry: props.entry ?? path.join(HANDLERS_DIR, `${props.area}.ts`),
      handler: 'handler',
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      ephemeralStorageSize: props.ephemeralStorageSize,
      retryAttempts: props.retryAttempts,
      role,
      logGroup,
      projectRoot: REPO_ROOT,
      depsLockFilePath: path.join(REPO_ROOT, 'package-lock.json'),
      environment: {
        STAGE: props.stage,
        NODE_OPTIONS: '--enable-source-maps',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        POWERTOOLS_SERVICE_NAME: `gridlink-${props.area}`,
        LOG_LEVEL: 'info',
        ...props.environment,
      },
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        target: 'node24',
        mainFields: ['module', 'main'],
        // ESM-only packages (@middy/*) export only under `import`
        esbuildArgs: { '--conditions': 'import,module,node' },
        banner: ESM_REQUIRE_BANNER,
        minify: true,
        // Chinese text as UTF-8, not \uXXXX escapes (2× the bytes)
        charset: Charset.UTF8,
        sourceMap: true,
        sourceMapMode: SourceMapMode.DEFAULT,
        sourcesContent: false,
        // bundle the SDK: a bundled client cold-starts faster than the runtime's copy
        externalModules: [],
        tsconfig: path.join(REPO_ROOT, 'functions/tsconfig.json'),
      },
    });
    this.area = props.area;
  }

  /**
   * Table access and TABLE_NAME. 'RO' = Get/BatchGet/Query only. On the table and the named
   * indexes, not `index/*`: an index added later is granted when it is listed.
   */
  bindTable(table: ITable, mode: AccessMode, indexNames: readonly string[] = []): this {
    Grant.addToPrincipal({
      grantee: this,
      actions: [...TABLE_ACTIONS[mode]],
      resourceArns: [table.tableArn, ...indexNames.map((name) => `${table.tableArn}/index/${name}`)],
    });
    if (table.encryptionKey) {
      if (mode === 'RW') table.encryptionKey.grantEncryptDecrypt(this);
      else table.encryptionKey.grantDecrypt(this);
    }
    this.addEnvironment('TABLE_NAME', table.tableName);
    return this;
  }

  /**
   * Attachments bucket (presigned URLs are signed with this role, so they carry its rights) and
   * BUCKET_NAME: the attachment keys only, BUCKET_OBJECT_ACTIONS per mode.
   */
  bindBucket(bucket: IBucket, mode: AccessMode): this {
    this.addToRolePolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }));
    this.addToRolePolicy(
      new PolicyStatement({
        actions: [...BUCKET_OBJECT_ACTIONS[mode]],
        resources: [bucket.arnForObjects(ATTACHMENT_KEYS)],
      }),
    );
    if (bucket.encryptionKey) {
      if (mode === 'RW') bucket.encryptionKey.grantEncryptDecrypt(this);
      else bucket.encryptionKey.grantDecrypt(this);
    }
    this.addEnvironment('BUCKET_NAME', bucket.bucketName);
    return this;
  }

  /**
   * The import function's objects only: read the uploads of imports (IMPORT_KEYS), write their
   * reports (IMPORT_REPORT_KEYS); ListBucket so a missing upload answers 404, not 403.
   */
  bindImportObjects(bucket: IBucket): this {
    this.addToRolePolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }));
    this.addToRolePolicy(
      new PolicyStatement({ actions: ['s3:GetObject'], resources: [bucket.arnForObjects(IMPORT_KEYS)] }),
    );
    this.addToRolePolicy(
      new PolicyStatement({ actions: ['s3:PutObject'], resources: [bucket.arnForObjects(IMPORT_REPORT_KEYS)] }),
    );
    if (bucket.encryptionKey) bucket.encryptionKey.grantEncryptDecrypt(this);
    this.addEnvironment('BUCKET_NAME', bucket.bucketName);
    return this;
  }

  /** Read (never write) one secret; its ARN, not its value, goes into the environment. */
  bindSecret(secret: ISecret, envName: string): this {
    secret.grantRead(this);
    this.addEnvironment(envName, secret.secretArn);
    return this;
  }
}
