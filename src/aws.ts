/**
 * What every job module needs from the AWS SDK, without importing any client (each job type loads
 * only its own client, so start-up stays light): the region and credential checks done before the
 * first request, and what AWS errors mean for the user.
 */
import { ActionError } from './errors.js'

const CONFIGURE_CREDENTIALS_HINT =
  "Add a step with aws-actions/configure-aws-credentials before this one (role-to-assume with OIDC, and 'permissions: id-token: write' on the job)."

/** SDK errors that say "try again later": the job is unaffected. */
const PASSING_ERROR_NAMES = new Set([
  'ThrottlingException',
  'LimitExceededException',
  'TooManyRequestsException',
  'InternalServerException',
  'InternalFailureException',
  'GatewayTimeoutException',
  'ServiceUnavailableException',
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError'
])
const PASSING_NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNABORTED'
])
const EXPIRED_CREDENTIAL_ERRORS = new Set(['ExpiredTokenException', 'ExpiredToken', 'RequestExpired', 'TokenRefreshRequired'])
/** Answers to a session token that is no longer valid, on services that do not say ExpiredToken. */
const CREDENTIALS_STOPPED_ERRORS = new Set(['UnrecognizedClientException', 'InvalidSignatureException', 'InvalidClientTokenId'])
const SESSION_DURATION_HINT =
  "Raise 'role-duration-seconds' of aws-actions/configure-aws-credentials, and the role's maximum session duration, above the job's 'timeout'."
const ACCESS_DENIED_ERRORS = new Set([
  'AccessDeniedException',
  'AccessDenied',
  'UnauthorizedException',
  'UnrecognizedClientException',
  'InvalidSignatureException'
])

interface SdkError {
  name?: string
  message?: string
  code?: string
  $metadata?: { httpStatusCode?: number }
}

/** Throttling, 5xx and network failures: the wait loop keeps trying until the deadline. */
export function isPassingAwsError(error: unknown): boolean {
  const sdk = error as SdkError
  if (!sdk || typeof sdk !== 'object') return false
  if (sdk.name && PASSING_ERROR_NAMES.has(sdk.name)) return true
  if (sdk.code && PASSING_NETWORK_CODES.has(sdk.code)) return true
  const status = sdk.$metadata?.httpStatusCode
  return status !== undefined && (status === 429 || status >= 500)
}

/**
 * Turns the AWS errors a user can fix into ActionErrors that say how; returns the error unchanged
 * otherwise. `what` says what was being done, e.g. "reading the codegen job".
 */
export function explainAwsError(error: unknown, what: string, { afterSuccess = false }: { afterSuccess?: boolean } = {}): unknown {
  if (error instanceof ActionError) return error
  const sdk = error as SdkError
  const name = sdk?.name ?? ''
  if (EXPIRED_CREDENTIAL_ERRORS.has(name) || (name === 'InvalidSignatureException' && /expired/i.test(sdk.message ?? ''))) {
    return new ActionError(`The AWS credentials expired while ${what} (${name}). ${SESSION_DURATION_HINT}`)
  }
  // The same credentials worked a moment ago: a token that is suddenly unknown or invalid has most
  // likely reached the end of its session (some front doors do not say "expired").
  if (afterSuccess && CREDENTIALS_STOPPED_ERRORS.has(name)) {
    return new ActionError(
      `The AWS credentials stopped working while ${what} (${name}: ${sdk.message ?? 'no message'}), after earlier requests with them had succeeded: ` +
        `the role session has most likely expired. ${SESSION_DURATION_HINT}`
    )
  }
  if (ACCESS_DENIED_ERRORS.has(name)) {
    return new ActionError(
      `AWS refused ${what} (${name}: ${sdk.message ?? 'no message'}). Allow the IAM actions this job type needs (README, "IAM policy") in the policy of the role the workflow assumes, and check that the credentials belong to the account that owns the app.`
    )
  }
  return error
}

interface ConfiguredClient {
  config: { region: () => Promise<string>; credentials: () => Promise<unknown> }
}

/**
 * Builds the client and checks region and credentials before the first request, so that a
 * missing setup fails with instructions rather than an SDK stack trace. The region comes from the
 * input, else the SDK's own resolution (AWS_REGION, the profile), then AWS_DEFAULT_REGION.
 */
export async function createCheckedClient<C extends ConfiguredClient>(
  make: (region: string | undefined) => C,
  inputRegion: string | undefined,
  env: Record<string, string | undefined> = process.env
): Promise<{ client: C; region: string }> {
  let client = make(inputRegion)
  let region: string
  try {
    region = await client.config.region()
    if (!region) throw new Error('empty region')
  } catch {
    const fallback = env.AWS_DEFAULT_REGION
    if (!fallback) {
      throw new ActionError(
        "No AWS region is set. Give the 'region' input, or set 'aws-region' on aws-actions/configure-aws-credentials in a step before this one."
      )
    }
    client = make(fallback)
    region = fallback
  }
  try {
    await client.config.credentials()
  } catch (error) {
    throw new ActionError(`No AWS credentials were found (${(error as Error).message}). ${CONFIGURE_CREDENTIALS_HINT}`)
  }
  return { client, region }
}
