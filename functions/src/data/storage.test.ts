/**
 * Our presigned URLs against the AWS SDK's (@aws-sdk/s3-request-presigner, a dev dependency now):
 * byte for byte the same for the same credentials and time, in both partitions, locally and for
 * keys that need escaping. The SDK client is configured to add no checksum (WHEN_REQUIRED): its
 * default signs the CRC32 of an empty body into every presigned PUT.
 */
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { presignPost, presignUrl, type S3Operation } from './storage';

const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  sessionToken: 'session/token+with=chars',
};
const signingDate = new Date('2026-03-04T05:06:07Z');
const saved = { ...process.env };

beforeAll(() => {
  process.env.AWS_ACCESS_KEY_ID = credentials.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = credentials.secretAccessKey;
  process.env.AWS_SESSION_TOKEN = credentials.sessionToken;
});
afterEach(() => {
  for (const k of ['AWS_REGION', 'BUCKET_NAME', 'S3_ENDPOINT']) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});
afterAll(() => {
  process.env = saved;
});

function sdkUrl(op: S3Operation, key: string, seconds: number, client: S3Client) {
  const input = { Bucket: process.env.BUCKET_NAME || 'gridlink-attachments', Key: key };
  const command =
    op === 'GetObject'
      ? new GetObjectCommand(input)
      : op === 'PutObject'
        ? new PutObjectCommand({ ...input, ContentType: 'image/jpeg' })
        : new HeadObjectCommand(input);
  return getSignedUrl(client, command, { expiresIn: seconds, signingDate });
}

const noChecksums = {
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
} as const;
const OPS: S3Operation[] = ['GetObject', 'PutObject', 'HeadObject'];
const KEYS = ['uploads/u-1/request/01JABCDEF.jpg', 'uploads/u 1/é+x (1)!*.png', "uploads/a/b/c'd~e.webp"];

describe('presigned S3 URLs', () => {
  it.each(['cn-north-1', 'us-east-1'])('equal the SDK presigner in %s', async (region) => {
    process.env.AWS_REGION = region;
    const client = new S3Client({ region, credentials, ...noChecksums });
    for (const op of OPS)
      for (const key of KEYS)
        expect(await presignUrl(op, key, 300, signingDate)).toBe(await sdkUrl(op, key, 300, client));
  });

  it('equal the SDK for a dotted bucket name (path-style)', async () => {
    process.env.AWS_REGION = 'cn-north-1';
    process.env.BUCKET_NAME = 'attachments.gridlink.example';
    const client = new S3Client({ region: 'cn-north-1', credentials, ...noChecksums });
    for (const op of OPS)
      expect(await presignUrl(op, KEYS[0], 60, signingDate)).toBe(await sdkUrl(op, KEYS[0], 60, client));
  });

  it('equal the SDK against the local S3 server (path-style, fixed keys)', async () => {
    process.env.AWS_REGION = 'cn-north-1';
    process.env.S3_ENDPOINT = 'http://127.0.0.1:4569';
    const client = new S3Client({
      region: 'cn-north-1',
      endpoint: 'http://127.0.0.1:4569',
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      ...noChecksums,
    });
    for (const op of OPS)
      expect(await presignUrl(op, KEYS[1], 600, signingDate)).toBe(await sdkUrl(op, KEYS[1], 600, client));
  });

  it('sign no checksum into a PUT and expire when asked', async () => {
    process.env.AWS_REGION = 'cn-north-1';
    const url = new URL(await presignUrl('PutObject', KEYS[0], 600, signingDate));
    expect([...url.searchParams.keys()].filter((k) => /checksum/i.test(k))).toEqual([]);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('600');
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('host');
    expect(url.host).toBe('gridlink-attachments.s3.cn-north-1.amazonaws.com.cn');
  });
});

describe('presigned POST (form uploads)', () => {
  const sdkPost = async (client: S3Client, key: string, type: string) => {
    jest.useFakeTimers({ now: signingDate, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      return await createPresignedPost(client, {
        Bucket: process.env.BUCKET_NAME || 'gridlink-attachments',
        Key: key,
        Conditions: [
          ['eq', '$Content-Type', type],
          ['content-length-range', 1, 5 * 1024 * 1024],
        ],
        Fields: { 'Content-Type': type },
        Expires: 600,
      });
    } finally {
      jest.useRealTimers();
    }
  };

  it.each(['cn-north-1', 'us-east-1'])(
    'equals @aws-sdk/s3-presigned-post in %s: url, fields, policy',
    async (region) => {
      process.env.AWS_REGION = region;
      const client = new S3Client({ region, credentials });
      for (const key of KEYS) {
        const ours = await presignPost(key, 'image/png', 5 * 1024 * 1024, 600, signingDate);
        const sdk = await sdkPost(client, key, 'image/png');
        expect(ours.url.replace(/\/$/, '')).toBe(sdk.url.replace(/\/$/, ''));
        expect(ours.fields).toEqual(sdk.fields);
        expect(Object.keys(ours.fields)).toEqual(Object.keys(sdk.fields));
      }
    },
  );

  it('binds the key, the content type and 1 B … 5 MB; expires when asked', async () => {
    process.env.AWS_REGION = 'cn-north-1';
    const { fields } = await presignPost(KEYS[0], 'image/jpeg', 5 * 1024 * 1024, 600, signingDate);
    const policy = JSON.parse(Buffer.from(fields.Policy, 'base64').toString('utf8'));
    expect(policy.expiration).toBe('2026-03-04T05:16:07Z');
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        ['eq', '$Content-Type', 'image/jpeg'],
        ['content-length-range', 1, 5 * 1024 * 1024],
        { key: KEYS[0] },
        { 'X-Amz-Security-Token': credentials.sessionToken },
      ]),
    );
  });
});
