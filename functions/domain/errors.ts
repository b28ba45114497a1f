// Errors a use case raises on purpose; functions/http/error-response.ts is the one place that maps them to HTTP.
export interface FieldIssue {
  /** Dotted path of the offending field, e.g. "idNumber" or "destinations.1". */
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code:
      | 'VALIDATION'
      | 'VERIFICATION_REQUIRED'
      | 'CONFLICT'
      | 'NOT_FOUND'
      | 'FORBIDDEN'
      | 'UNAUTHORIZED'
      | 'RATE_LIMITED'
      | 'UNAVAILABLE',
    message: string,
    readonly details: FieldIssue[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(message: string, details: FieldIssue[] = []) {
    super('VALIDATION', message, details);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, details: FieldIssue[] = []) {
    super('CONFLICT', message, details);
  }
}

export class NotFoundError extends AppError {
  constructor(message: string) {
    super('NOT_FOUND', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string) {
    super('FORBIDDEN', message);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message: string) {
    super('UNAUTHORIZED', message);
  }
}

/** A feature this deployment is not set up for (not the caller's fault, nor a crash). */
export class UnavailableError extends AppError {
  constructor(message: string) {
    super('UNAVAILABLE', message);
  }
}

/** A public registration without a valid SMS code for its phone: nothing was stored or sent. */
export class VerificationRequiredError extends AppError {
  constructor(message: string, details: FieldIssue[] = []) {
    super('VERIFICATION_REQUIRED', message, details);
  }
}

/** Too many attempts for now; the caller may try again after `retryAfterSeconds`. */
export class RateLimitedError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('RATE_LIMITED', message);
  }
}
