/** An error the sandbox answers with a Gainsight envelope: HTTP status, errorCode and errorDesc. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

/** The error codes the sandbox uses; Gainsight's documented ones and the sandbox's own. */
export const ErrorCodes = {
  unauthorized: 'GS_APIG_2401', // documented by Gainsight
  unknownRoute: 'GS_APIG_1000', // documented by Gainsight
  notFound: 'GSOBJ_1011', // documented: "No entity matches the given criteria"
  badJson: 'GS_APIG_1400',
  methodNotAllowed: 'GS_APIG_1405',
  unsupportedMediaType: 'GS_APIG_1415',
  tooLarge: 'GS_APIG_1413',
  rateLimited: 'GS_APIG_1429',
  injected: 'GS_APIG_1500',
  internal: 'GS_APIG_1501',
  invalidInput: 'COCKPIT_5100',
  invalidField: 'COCKPIT_5101', // documented by Gainsight (select clause)
  invalidReference: 'COCKPIT_5104',
} as const;

export const badRequest = (message: string, code: string = ErrorCodes.invalidInput) => new ApiFailure(400, code, message);

/** An unknown id: 404 with Gainsight's documented "No entity matches the given criteria". */
export const notFound = (what: string, id: string) =>
  new ApiFailure(404, ErrorCodes.notFound, `No entity matches the given criteria: ${what} "${id}" not found`);
