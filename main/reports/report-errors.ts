import { UserFacingError } from '../core/errors';

/** A view or condition the report cannot apply, said plainly (the renderer shows it beside the field). */
export function badReportInput(message: string, field?: string): UserFacingError {
  return new UserFacingError('bad-input', message, field);
}
