/**
 * Domain errors: a code from the contract's vocabulary, a Chinese message and field details — no
 * HTTP status. The http layer maps each code to its status (`http/errors.ts`).
 */
import type * as z from 'zod';
import type { ErrorCode } from '@gridlink/shared/common';
import { issueMessage, issuePath } from '@gridlink/shared/messages';

export interface ErrorDetail {
  path: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: ErrorDetail[]) =>
  new DomainError('VALIDATION_FAILED', message, details);
export const unauthorized = (message = '请先登录') => new DomainError('UNAUTHORIZED', message);
export const forbidden = (message = '无权进行此操作') => new DomainError('FORBIDDEN', message);
export const notFound = (message = '未找到') => new DomainError('NOT_FOUND', message);
export const conflict = (message: string, code: ErrorCode = 'CONFLICT') => new DomainError(code, message);
/** The one answer to a lost race: someone changed the item since it was read. */
export const versionConflict = (message = '数据已被他人修改，请刷新后重试') =>
  new DomainError('VERSION_CONFLICT', message);
/** The one answer to a move the workflow does not allow from the current state. */
export const invalidMove = (message: string) => new DomainError('INVALID_TRANSITION', message);
export const dependencyFailed = (message = '服务暂时不可用，请稍后重试') =>
  new DomainError('DEPENDENCY_FAILED', message);

/** zod issues as the contract's field details, in Chinese. */
export function zodDetails(error: z.ZodError, prefix = '') {
  return error.issues.map((i) => ({
    path: (prefix ? prefix + '.' : '') + issuePath(i.path),
    message: issueMessage(i as never),
  }));
}

/** Someone acted first (the item moved on, or the move no longer applies): a sweep skips it. */
export const isLostRace = (e: unknown) =>
  e instanceof DomainError && ['VERSION_CONFLICT', 'INVALID_TRANSITION', 'CONFLICT'].includes(e.code);
