/**
 * The whole local product in one call: DynamoDB Local, the table, the demo seed, the WeChat
 * emulator, the API server and the h5 web server. Used by `npm start` and by the tests.
 */
import type http from 'node:http';
import path from 'node:path';
import { db } from '../data/client';
import { ensureTable } from './table';
import { seedDemo } from '../seed/seed';
import { startDynamoLocal, type DynamoHandle } from './dynamodb';
import { createApiServer } from './api-server';
import { createWechatEmulator } from './wechat-emulator';
import { createWebServer } from './web-server';
import { startWorkers } from './workers';
import { startLocalS3 } from './s3';
import { installImportRunner } from './import-runner';
import { drainStats, installStatsFeed } from './stats-feed';
import { drainModerationLocal, installModerationFeed } from './moderation-feed';

export interface StackOptions {
  /** use a running DynamoDB Local instead of starting one (tests) */
  dynamoEndpoint?: string;
  /** persist under this folder; in memory when absent */
  dataDir?: string;
  tableName?: string;
  apiPort?: number;
  webPort?: number;
  /** serve this h5 build; no web server when absent */
  webDir?: string;
  /** run the scheduled work on timers (SLA sweep, outbox) */
  workers?: boolean;
  /**
   * The counter aggregator (the cloud's stream work): 'auto' runs it before each API request
   * (default); 'manual' leaves it to `stack.drainStats()` (the bench, which counts calls per request).
   */
  statsFeed?: 'auto' | 'manual';
  log?: (msg: string) => void;
}

export interface Stack {
  apiUrl: string;
  webUrl?: string;
  wechatUrl: string;
  s3Endpoint: string;
  dynamoEndpoint: string;
  tableName: string;
  dynamoPid?: number;
  seeded: number;
  sentMessages: ReturnType<typeof createWechatEmulator>['sent'];
  /** run the counter aggregator over the writes made since its last run; resolves to the grids it took */
  drainStats(): Promise<number>;
  /** run the content-security checks that are due (automatic before each request unless statsFeed is 'manual') */
  drainModeration(): Promise<unknown>;
  stop(): Promise<void>;
}

const listen = (server: http.Server, port: number) =>
  new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
  });

const close = (server: http.Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections?.();
    server.close(() => resolve());
  });

export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const log = opts.log ?? (() => undefined);
  const servers: http.Server[] = [];
  let dynamo: DynamoHandle | undefined;
  let stopWorkers: (() => Promise<void>) | undefined;
  let stopS3: (() => Promise<void>) | undefined;
  let stopImports: (() => Promise<void>) | undefined;
  const stop = async () => {
    await stopWorkers?.();
    await stopImports?.();
    await Promise.all(servers.map(close));
    await stopS3?.();
    await dynamo?.stop();
  };
  try {
    let endpoint = opts.dynamoEndpoint;
    if (!endpoint) {
      log(opts.dataDir ? `启动 DynamoDB Local（数据保存在 ${opts.dataDir}）…` : '启动 DynamoDB Local（内存模式）…');
      dynamo = await startDynamoLocal({ dbPath: opts.dataDir });
      endpoint = dynamo.endpoint;
    }
    const tableName = opts.tableName ?? 'gridlink';
    process.env.DYNAMODB_ENDPOINT = endpoint;
    process.env.TABLE_NAME = tableName;
    // explicit: code that finds no STAGE treats itself as production (config.ts)
    process.env.STAGE ??= 'local';
    db();
    installStatsFeed();
    installModerationFeed();
    // content-security retries and read-backs come due at once locally (the cloud waits: moderation.ts)
    process.env.MODERATION_RETRY_MS ??= '0';
    process.env.MODERATION_VERIFY_MS ??= '0';

    const wechat = createWechatEmulator({
      pushToken: process.env.WECHAT_PUSH_TOKEN || 'gridlink-local-wechat_push_token', // secrets.ts' local value
    });
    servers.push(wechat.server);
    const wechatPort = await listen(wechat.server, 0);
    process.env.WECHAT_BASE_URL = `http://127.0.0.1:${wechatPort}`;

    log('启动本地对象存储（S3 兼容）…');
    process.env.BUCKET_NAME ??= 'gridlink-attachments';
    const s3 = await startLocalS3({
      dir: opts.dataDir ? path.join(opts.dataDir, '..', 's3') : undefined,
      bucket: process.env.BUCKET_NAME,
    });
    stopS3 = s3.stop;
    process.env.S3_ENDPOINT = s3.endpoint;
    // the import function's asynchronous invoke, in this process (local/import-runner.ts)
    stopImports = installImportRunner(log);

    log(`建表 ${tableName}…`);
    const created = await ensureTable(tableName);
    log(created ? '写入演示数据…' : '检查演示数据…');
    const seeded = await seedDemo();
    log(seeded ? `演示数据已写入 ${seeded} 条` : '演示数据已存在，未重复写入');

    const beforeRequest = async () => {
      await drainStats();
      await drainModerationLocal();
    };
    const api = createApiServer({ beforeRequest: opts.statsFeed === 'manual' ? undefined : beforeRequest });
    servers.push(api);
    const apiPort = await listen(api, opts.apiPort ?? 0);
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    wechat.setCallback(`${apiUrl}/wechat/push`);

    let webUrl: string | undefined;
    if (opts.webDir) {
      const web = createWebServer(path.resolve(opts.webDir), apiUrl);
      servers.push(web);
      const webPort = await listen(web, opts.webPort ?? 0);
      webUrl = `http://127.0.0.1:${webPort}`;
      // CORS: the API answers the local web server's origin (the adapter's preflight, which has no
      // request at hand until it echoes, answers the sole configured origin: see http/cors.ts)
      process.env.ALLOWED_ORIGINS = webUrl;
    }
    if (opts.workers) stopWorkers = startWorkers(log);
    return {
      apiUrl,
      webUrl,
      wechatUrl: process.env.WECHAT_BASE_URL,
      s3Endpoint: process.env.S3_ENDPOINT!,
      dynamoEndpoint: endpoint,
      tableName,
      dynamoPid: dynamo?.pid,
      seeded,
      sentMessages: wechat.sent,
      drainStats,
      drainModeration: drainModerationLocal,
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
