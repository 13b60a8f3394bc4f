import type { FormInstance } from 'antd';
import { useState } from 'react';
import { type ApiError, errorMessage, type FieldIssue, isApiError } from '../api/client';
import { applyIssues } from './form-issues';

interface Options {
  /** Names the server's issues may carry besides the form's own fields (e.g. a spec's inputs). */
  fieldNames?: readonly string[];
  /** Prefix of the server's issue paths, e.g. `input.` for an action's input. */
  issuePrefix?: string;
  /** Sees an API error first (e.g. a version conflict); returns true when it has dealt with it. */
  onApiError?: (error: ApiError) => boolean | undefined;
  /**
   * The error text once the server's issues are under their fields, from the issues no field took
   * (maybe none); null shows none. By default the error's message followed by those issues.
   */
  otherIssues?: (rest: FieldIssue[], error: ApiError) => string | null;
}

/** `otherIssues` listing only the issues no field took (each by `format`); none when all are on fields. */
export const listOtherIssues =
  (format: (issue: FieldIssue) => string = (issue) => issue.message) =>
  (rest: readonly FieldIssue[]): string | null =>
    rest.length ? rest.map(format).join('；') : null;

/**
 * The submit of a form that posts to the API: validates, marks it busy, and on failure puts the
 * server's issues under their fields and the rest (or the error itself) in `error`.
 */
export function useFormSubmit<Values>(form: FormInstance<Values>, options: Options = {}) {
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (send: (values: Values) => Promise<void>) => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      await send(values);
    } catch (err) {
      if (isApiError(err) && options.onApiError?.(err)) return;
      if (isApiError(err) && err.issues.length > 0) {
        const names = [...(options.fieldNames ?? []), ...Object.keys(values as object)];
        const rest = applyIssues(form, err.issues, names, options.issuePrefix);
        if (options.otherIssues) setError(options.otherIssues(rest, err));
        else
          setError(
            rest.length ? `${err.message}：${rest.map((issue) => issue.message).join('；')}` : err.message,
          );
      } else {
        setError(errorMessage(err));
      }
    } finally {
      setSubmitting(false);
    }
  };

  return { submitting, error, submit };
}
