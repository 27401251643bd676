/** The http layer's view of domain errors: each contract code has one HTTP status. */
import type { ErrorCode } from '@gridlink/shared/common';
import { DomainError } from '../domain/errors';

export * from '../domain/errors';

export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  VERSION_CONFLICT: 409,
  INVALID_TRANSITION: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  DEPENDENCY_FAILED: 503,
  INTERNAL: 500,
};

export const statusOf = (e: DomainError) => HTTP_STATUS[e.code] ?? 500;
