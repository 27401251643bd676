/**
 * Attachments (photos of a report, materials of an application): private, reached by presigned
 * URLs. Its S3 server access logs (which object was fetched or uploaded, when, from where) go to a
 * second private bucket and expire with the other logs.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/**
 * Every key the backend creates: `uploads/<userId>/<purpose>/<id>.<ext>`
 * (functions/src/domain/uploads.ts). Functions are granted these keys only.
 */
export const ATTACHMENT_KEYS = 'uploads/*';
/** the admin upload of base data: `uploads/<userId>/import/<id>.<xlsx|csv|zip>` (read by the import function) */
export const IMPORT_KEYS = 'uploads/*/import/*';
/** the report the import function writes next to the upload */
export const IMPORT_REPORT_KEYS = 'uploads/*/import/*.report.csv';

/** how long S3 access logs are kept: the API's own access logs are kept 90 days too */
export const ACCESS_LOG_DAYS = 90;

export interface AttachmentsProps {
  /** CORS origins for the h5 build (the WeChat client does not send CORS requests) */
  allowedOrigins: string[];
}

export class Attachments extends Construct {
  readonly bucket: Bucket;
  /** the target of the bucket's server access logs (it does not log itself) */
  readonly accessLogs: Bucket;

  constructor(scope: Construct, id: string, props: AttachmentsProps) {
    super(scope, id);
    this.accessLogs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      // log delivery writes SSE-S3 only
      encryption: BucketEncryption.S3_MANAGED,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(ACCESS_LOG_DAYS) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'attachments/',
      // browser uploads (presigned POST) and photo reads from the configured origins only
      cors: props.allowedOrigins.length
        ? [
            {
              allowedMethods: [HttpMethods.POST, HttpMethods.PUT, HttpMethods.GET, HttpMethods.HEAD],
              allowedOrigins: props.allowedOrigins,
              allowedHeaders: ['*'],
              exposedHeaders: ['ETag'],
              maxAge: 3600,
            },
          ]
        : undefined,
      lifecycleRules: [{ id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
