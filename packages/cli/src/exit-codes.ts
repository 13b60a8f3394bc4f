import type { ErrorCode } from '@huawu/domain';

/** Exit codes of the `huawu` command (documented in docs/ERRORS.md). */
export const EXIT = {
  ok: 0,
  internal: 1,
  usage: 2,
  invalid: 3,
  notFound: 4,
  conflict: 5,
  denied: 6,
  /** `huawu audit verify` found a broken link in the event or archive chain (docs/ARCHIVE.md). */
  auditBroken: 7,
} as const;

export const EXIT_CODE: Record<ErrorCode, number> = {
  VALIDATION_FAILED: EXIT.invalid,
  MALFORMED_REQUEST: EXIT.invalid,
  PAYLOAD_TOO_LARGE: EXIT.invalid,
  UNSUPPORTED_MEDIA_TYPE: EXIT.invalid,
  UNAUTHENTICATED: EXIT.denied,
  SESSION_EXPIRED: EXIT.denied,
  INVALID_CREDENTIALS: EXIT.denied,
  RATE_LIMITED: EXIT.denied,
  FORBIDDEN: EXIT.denied,
  NOT_FOUND: EXIT.notFound,
  CONFLICT: EXIT.conflict,
  VERSION_CONFLICT: EXIT.conflict,
  UNKNOWN_EVENT: EXIT.invalid,
  TRANSITION_NOT_ALLOWED: EXIT.conflict,
  ROLE_NOT_PERMITTED: EXIT.denied,
  GUARD_FAILED: EXIT.conflict,
  CALENDAR_YEAR_MISSING: EXIT.invalid,
  INTERNAL: EXIT.internal,
};

/** Thrown by a command that has printed its own report: `main` returns `code` without another message. */
export class ExitWith extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}
