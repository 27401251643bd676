/** Any error as the contract's error shape: domain codes map to their status; dependency failures to 503. */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DomainError, dependencyFailed, statusOf } from './errors';
import { json } from './response';

const DEPENDENCY_ERRORS = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TransactionConflictException',
  'ResourceNotFoundException',
  'TimeoutError',
]);

/** A failure of DynamoDB, S3 or WeChat (throttled, down, unreachable) — not a bug of ours: 503. */
function isDependencyFailure(err: unknown): boolean {
  const e = err as { name?: string; code?: string; message?: string; $fault?: string; $metadata?: unknown };
  if (DEPENDENCY_ERRORS.has(e?.name ?? '') || e?.$fault === 'server' || e?.name === 'AbortError') return true;
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|socket hang up/.test(
    `${e?.code ?? ''} ${e?.message ?? ''}`,
  );
}

export function toErrorResponse(err: unknown): APIGatewayProxyStructuredResultV2 {
  if (err instanceof DomainError) {
    const error: Record<string, unknown> = { code: err.code, message: err.message };
    if (err.details?.length) error.details = err.details;
    return json(statusOf(err), { error });
  }
  if (isDependencyFailure(err)) return toErrorResponse(dependencyFailed());
  return json(500, { error: { code: 'INTERNAL', message: '服务器内部错误' } });
}
