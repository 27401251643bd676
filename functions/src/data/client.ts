import { AsyncLocalStorage } from 'node:async_hooks';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from '../config';
import { markStored } from '../util/stored';

/** One DynamoDB command as the meter saw it. */
export interface DbCall {
  /** GetItem, Query, BatchGetItem, TransactWriteItems, PutItem, UpdateItem … */
  command: string;
  /** performance.now() when it was sent, and how long it took (retries included) */
  start: number;
  ms: number;
  /** request units DynamoDB reported (only while `meterOptions.capacity` asks for them) */
  units: number;
  /** the command's input (what it wrote: the bench counts outbox items in it) */
  input: Record<string, unknown>;
  failed?: boolean;
}

/** The calls one request (or one metered block) made, in the order they were sent. */
export type DbMeter = DbCall[];

const scope = new AsyncLocalStorage<DbMeter>();

/**
 * Count and time every DynamoDB command `fn` sends (concurrent requests keep their own meters:
 * the meter follows the async context). Off unless someone meters: the local API server does for
 * its listeners, the bench does; a deployed Lambda never calls this, so the middleware costs one
 * `getStore()` per command there and AsyncLocalStorage is never switched on.
 */
export function metered<T>(meter: DbMeter, fn: () => Promise<T>): Promise<T> {
  return scope.run(meter, fn);
}

/** The meter of the current request, if one is metered. */
export const currentMeter = (): DbMeter | undefined => scope.getStore();

/** Ask DynamoDB for the consumed capacity of metered calls (the bench's request units). */
export const meterOptions = { capacity: false };

const READS = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan', 'TransactGetItems']);
export const isRead = (command: string) => READS.has(command);

/** units of a ConsumedCapacity (one object, or one per table for batch and transaction calls) */
function units(c: unknown): number {
  if (!c) return 0;
  if (Array.isArray(c)) return c.reduce((s, x) => s + units(x), 0);
  return Number((c as { CapacityUnits?: number }).CapacityUnits ?? 0);
}

type StoredOutput = {
  Item?: object;
  Items?: object[];
  Attributes?: object;
  Responses?: Record<string, object[]> | { Item?: object }[];
};

/** Every item DynamoDB answered is tagged as stored (util/stored.ts): never an answer as it is. */
function tagItems(o: StoredOutput | undefined) {
  if (!o) return;
  markStored(o.Item);
  markStored(o.Attributes);
  o.Items?.forEach(markStored);
  if (Array.isArray(o.Responses)) o.Responses.forEach((r) => markStored(r.Item));
  else if (o.Responses) Object.values(o.Responses).forEach((items) => items.forEach(markStored));
}

let cached: { endpoint: string | undefined; doc: DynamoDBDocumentClient } | undefined;

/** One document client per cold start (re-made only if the endpoint changes, as in tests). */
export function db(): DynamoDBDocumentClient {
  const endpoint = config.dynamoEndpoint;
  if (cached && cached.endpoint === endpoint) return cached.doc;
  const client = new DynamoDBClient({
    region: config.region,
    ...(endpoint ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 3 } : {}),
  });
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      const meter = scope.getStore();
      if (!meter) return next(args);
      const input = args.input as Record<string, unknown>;
      if (meterOptions.capacity) input.ReturnConsumedCapacity = 'TOTAL';
      const call: DbCall = {
        command: String(context.commandName ?? 'Unknown').replace(/Command$/, ''),
        start: performance.now(),
        ms: 0,
        units: 0,
        input,
      };
      meter.push(call);
      try {
        const out = await next(args);
        call.units = units((out.output as { ConsumedCapacity?: unknown }).ConsumedCapacity);
        return out;
      } catch (e) {
        call.failed = true;
        throw e;
      } finally {
        call.ms = performance.now() - call.start;
      }
    },
    { step: 'initialize', name: 'gridlinkMeter', override: true },
  );
  doc.middlewareStack.add(
    (next) => async (args) => {
      const out = await next(args);
      tagItems(out.output as StoredOutput);
      return out;
    },
    { step: 'initialize', name: 'gridlinkStored', override: true },
  );
  cached = { endpoint, doc };
  return doc;
}

export const table = () => config.tableName;
