/** Control-surface errors; the control routes render them as RFC 9457 problem details. */
export class SimControlError extends Error {
  constructor(
    readonly code: 'SIM_NOT_FOUND' | 'SIM_CONFLICT' | 'SIM_INVALID',
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'SimControlError';
  }
}

export const notFound = (what: string) => new SimControlError('SIM_NOT_FOUND', `${what} not found`, 404);
export const conflict = (what: string) => new SimControlError('SIM_CONFLICT', `${what} already exists`, 409);
