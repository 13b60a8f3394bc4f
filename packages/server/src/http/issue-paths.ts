import { AppError, isAppError } from '@huawu/core';

/**
 * Use cases name a field as their caller passed it (`status`, `year`); over HTTP some of those are query
 * or path parameters, reported as `querystring.status` or `params.year` (the schema's own paths). This
 * rewrites the field paths of a VALIDATION_FAILED error; anything else passes through unchanged.
 */
export function renameIssueFields(error: unknown, rename: (field: string) => string): unknown {
  if (!isAppError(error) || error.code !== 'VALIDATION_FAILED' || !error.issues) return error;
  const issues = error.issues.map((issue) => ({ ...issue, field: rename(issue.field) }));
  return new AppError(error.code, error.message, issues);
}

/** Runs a use case, reporting its field problems under the given paths. */
export async function withIssuePaths<T>(
  rename: (field: string) => string,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw renameIssueFields(error, rename);
  }
}

export const inQuerystring = (field: string) =>
  field.startsWith('querystring.') ? field : `querystring.${field}`;
