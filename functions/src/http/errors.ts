import type { ErrorCode } from '@gridlink/shared/common';

export interface ErrorDetail {
  path: string;
  message: string;
}

/** An error the client should see, with the contract's shape. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: ErrorDetail[]) =>
  new AppError(400, 'VALIDATION_FAILED', message, details);
export const unauthorized = (message = '请先登录') => new AppError(401, 'UNAUTHORIZED', message);
export const forbidden = (message = '无权进行此操作') => new AppError(403, 'FORBIDDEN', message);
export const notFound = (message = '未找到') => new AppError(404, 'NOT_FOUND', message);
export const conflict = (message: string, code: ErrorCode = 'CONFLICT') => new AppError(409, code, message);
export const versionConflict = () =>
  new AppError(409, 'VERSION_CONFLICT', '数据已被他人修改，请刷新后重试');
export const dependencyFailed = (message = '服务暂时不可用，请稍后重试') =>
  new AppError(503, 'DEPENDENCY_FAILED', message);
