/**
 * Decides whether a service call gets an injected fault instead of its answer, and which error
 * each service uses for it (the three services name their throttling and server errors
 * differently; see design.md).
 */
import { AwsError } from './http.js'
import type { ScopeCounters } from './scenarios.js'
import type { CallFault, Scenario } from './types.js'

export type AwsService = 'uibuilder' | 'amplify' | 'backend'

interface ServiceErrors {
  throttle: { type: string; message: string; extra?: Record<string, string> }
  server: (status: number | undefined) => { status: number; type: string; message: string }
}

const DEFAULT_SERVER_ERROR_STATUS = 500
const BACKEND_GATEWAY_TIMEOUT_STATUS = 504
const THROTTLE_STATUS = 429
/** What AWS's front door answers for credentials it does not know. */
const UNRECOGNIZED_CLIENT = { status: 403, type: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' }
/** What AWS answers for a session token past its expiry (the role session ended mid-run). */
const EXPIRED_TOKEN = { status: 403, type: 'ExpiredTokenException', message: 'The security token included in the request is expired' }

const SERVICE_ERRORS: Record<AwsService, ServiceErrors> = {
  uibuilder: {
    throttle: { type: 'ThrottlingException', message: 'Rate exceeded' },
    server: status => ({
      status: status ?? DEFAULT_SERVER_ERROR_STATUS,
      type: 'InternalServerException',
      message: 'An internal error occurred. Try again later.'
    })
  },
  amplify: {
    throttle: { type: 'LimitExceededException', message: 'Rate exceeded' },
    server: status =>
      status === 503
        ? { status, type: 'DependentServiceFailureException', message: 'A dependent service is unavailable. Try again later.' }
        : { status: status ?? DEFAULT_SERVER_ERROR_STATUS, type: 'InternalFailureException', message: 'Internal failure. Try again later.' }
  },
  backend: {
    throttle: { type: 'TooManyRequestsException', message: 'Too many requests', extra: { limitType: 'REQUEST_RATE' } },
    server: status => ({
      status: status ?? BACKEND_GATEWAY_TIMEOUT_STATUS,
      type: 'GatewayTimeoutException',
      message: 'The request timed out at the gateway. Try again later.'
    })
  }
}

function applies(fault: CallFault | undefined, used: number, operation: string): fault is CallFault {
  if (!fault || used >= fault.times) return false
  return !fault.operations || fault.operations.includes(operation)
}

/**
 * Whether call number k (0-based) of a throttleRatio pattern is throttled: spreads the share
 * evenly, e.g. 0.5 throttles every second call, 0.25 every fourth.
 */
export function ratioHits(k: number, ratio: number): boolean {
  const share = Math.min(1, Math.max(0, ratio))
  return Math.floor((k + 1) * share) > Math.floor(k * share)
}

/** The fault to answer instead of the real response, or undefined. Counts what it injects. */
export function callFault(
  scenario: Scenario,
  counters: ScopeCounters,
  service: AwsService,
  operation: string,
  nowMs: number
): { error: AwsError; fault: string } | undefined {
  const errors = SERVICE_ERRORS[service]
  if (applies(scenario.unauthorized, counters.unauthorized, operation)) {
    counters.unauthorized++
    return {
      error: new AwsError(UNRECOGNIZED_CLIENT.status, UNRECOGNIZED_CLIENT.type, UNRECOGNIZED_CLIENT.message),
      fault: 'unauthorized'
    }
  }
  if (applies(scenario.expiredToken, counters.expiredToken, operation)) {
    counters.expiredToken++
    return { error: new AwsError(EXPIRED_TOKEN.status, EXPIRED_TOKEN.type, EXPIRED_TOKEN.message), fault: 'expiredToken' }
  }
  if (applies(scenario.throttle, counters.throttled, operation)) {
    counters.throttled++
    return { error: new AwsError(THROTTLE_STATUS, errors.throttle.type, errors.throttle.message, errors.throttle.extra), fault: 'throttle' }
  }
  if (applies(scenario.serverErrors, counters.serverErrors, operation)) {
    counters.serverErrors++
    const server = errors.server(scenario.serverErrors.status)
    return { error: new AwsError(server.status, server.type, server.message), fault: 'serverError' }
  }
  const ratio = scenario.throttleRatio
  if (ratio !== undefined && ratio > 0 && (!scenario.throttleOperations || scenario.throttleOperations.includes(operation))) {
    counters.ratioStartMs ??= nowMs
    const within = scenario.throttleForMs === undefined || nowMs - counters.ratioStartMs < scenario.throttleForMs
    if (within) {
      const k = counters.ratioCalls++
      if (ratioHits(k, ratio)) {
        return { error: new AwsError(THROTTLE_STATUS, errors.throttle.type, errors.throttle.message, errors.throttle.extra), fault: 'throttleRatio' }
      }
    }
  }
  return undefined
}

/** Per-service error for "not found", "bad request" and friends. */
export const NOT_FOUND_TYPE: Record<AwsService, string> = {
  uibuilder: 'ResourceNotFoundException',
  amplify: 'NotFoundException',
  backend: 'NotFoundException'
}

export const BAD_REQUEST_TYPE: Record<AwsService, string> = {
  uibuilder: 'InvalidParameterException',
  amplify: 'BadRequestException',
  backend: 'BadRequestException'
}
