import { HeadObjectCommand, PutObjectCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { config } from '../config';

let cached: { endpoint: string | undefined; client: S3Client } | undefined;

/** One S3 client per cold start; the local stack points it at its S3-compatible server. */
function s3(): S3Client {
  const endpoint = process.env.S3_ENDPOINT || undefined;
  if (cached && cached.endpoint === endpoint) return cached.client;
  const client = new S3Client({
    region: config.region,
    ...(endpoint
      ? { endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } }
      : {}),
  });
  cached = { endpoint, client };
  return client;
}

const bucket = () => process.env.BUCKET_NAME || 'gridlink-attachments';

export const presignPut = (key: string, contentType: string, seconds: number) =>
  getSignedUrl(s3(), new PutObjectCommand({ Bucket: bucket(), Key: key, ContentType: contentType }), {
    expiresIn: seconds,
  });

export const presignGet = (key: string, seconds: number) =>
  getSignedUrl(s3(), new GetObjectCommand({ Bucket: bucket(), Key: key }), { expiresIn: seconds });

/** What is really stored under a key (undefined when nothing is). */
export async function headObject(key: string): Promise<{ contentType?: string; size: number } | undefined> {
  try {
    const out = await s3().send(new HeadObjectCommand({ Bucket: bucket(), Key: key }));
    return { contentType: out.ContentType, size: out.ContentLength ?? 0 };
  } catch (e) {
    const status = (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404 || (e as Error).name === 'NotFound' || (e as Error).name === 'NoSuchKey') return undefined;
    throw e;
  }
}
