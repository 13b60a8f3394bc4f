import { type DomainFailure, ERROR_CODES, type ErrorCode, type FieldIssue } from '@huawu/domain';

/** The one error type use cases throw; transports map `code` to a status or exit code. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[] | undefined;

  constructor(code: ErrorCode, message?: string, issues?: FieldIssue[]) {
    super(message ?? ERROR_CODES[code]);
    this.name = 'AppError';
    this.code = code;
    this.issues = issues;
  }

  static from(failure: DomainFailure): AppError {
    return new AppError(failure.code, failure.message, failure.issues);
  }

  static validation(field: string, message: string): AppError {
    return new AppError('VALIDATION_FAILED', `${ERROR_CODES.VALIDATION_FAILED}：${message}`, [
      { field, message },
    ]);
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
