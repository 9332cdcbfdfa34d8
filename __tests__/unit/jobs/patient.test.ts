import { describe, expect, it } from '@jest/globals'
import { explainAwsError } from '../../../src/aws.js'
import { ActionError } from '../../../src/errors.js'
import { isThrottlingAwsError, type Patience, patientClient, PATIENT_MAX_DELAY_MS } from '../../../src/jobs/patient.js'

/** Named differently from its operation: the name in the log comes from the caller, not the class. */
class MinifiedName {
  constructor(readonly input: Record<string, unknown> = {}) {}
}

function sdkError(name: string, status: number): Error {
  return Object.assign(new Error(`${name} happened`), { name, $metadata: { httpStatusCode: status } })
}

/** A client failing with the given errors in turn, then answering 'ok'. */
function failingClient(errors: Error[]): { send: (command: unknown, options?: unknown) => Promise<string>; calls: number } {
  const client = {
    calls: 0,
    async send() {
      const error = errors[client.calls++]
      if (error) throw error
      return 'ok'
    }
  }
  return client
}

function patient(errors: Error[], patience: Patience) {
  const client = failingClient(errors)
  const sleeps: number[] = []
  const warnings: string[] = []
  const wrapped = patientClient(client, {
    patienceFor: () => ({ patience, operation: 'StartThing' }),
    warn: message => warnings.push(message),
    sleep: async ms => void sleeps.push(ms),
    random: () => 1
  })
  return { client, wrapped, sleeps, warnings }
}

describe('patientClient', () => {
  const throttled = sdkError('ThrottlingException', 429)
  const serverError = sdkError('InternalServerException', 500)

  it('retries throttling until the call gets through, with growing delays up to the cap, warning once', async () => {
    const { client, wrapped, sleeps, warnings } = patient(Array(7).fill(throttled), 'throttling')
    await expect(wrapped.send(new MinifiedName(), { abortSignal: new AbortController().signal })).resolves.toBe('ok')
    expect(client.calls).toBe(8)
    expect(sleeps).toEqual([1000, 2000, 4000, 8000, PATIENT_MAX_DELAY_MS, PATIENT_MAX_DELAY_MS, PATIENT_MAX_DELAY_MS])
    expect(warnings).toEqual([expect.stringMatching(/^AWS answered StartThing with ThrottlingException after the SDK's own retries/)])
  })

  it('retries 5xx only for transient patience', async () => {
    const transient = patient([serverError, serverError], 'transient')
    await expect(transient.wrapped.send(new MinifiedName(), { abortSignal: new AbortController().signal })).resolves.toBe('ok')
    const throttlingOnly = patient([serverError], 'throttling')
    await expect(throttlingOnly.wrapped.send(new MinifiedName(), { abortSignal: new AbortController().signal })).rejects.toBe(serverError)
    expect(throttlingOnly.client.calls).toBe(1)
  })

  it('never retries without patience, without a signal, or errors that are not passing', async () => {
    const none = patient([throttled], 'none')
    await expect(none.wrapped.send(new MinifiedName(), { abortSignal: new AbortController().signal })).rejects.toBe(throttled)
    const noSignal = patient([throttled], 'transient')
    await expect(noSignal.wrapped.send(new MinifiedName())).rejects.toBe(throttled)
    const denied = sdkError('AccessDeniedException', 403)
    const fatal = patient([denied], 'transient')
    await expect(fatal.wrapped.send(new MinifiedName(), { abortSignal: new AbortController().signal })).rejects.toBe(denied)
    expect([none.client.calls, noSignal.client.calls, fatal.client.calls]).toEqual([1, 1, 1])
  })

  it('stops with the signal: an aborted call is not tried again, and the pause ends with the abort reason', async () => {
    const controller = new AbortController()
    const reason = new Error('deadline')
    const client = failingClient(Array(100).fill(throttled))
    const wrapped = patientClient(client, { patienceFor: () => ({ patience: 'throttling', operation: 'StartThing' }), warn: () => undefined, random: () => 0 })
    const call = wrapped.send(new MinifiedName(), { abortSignal: controller.signal })
    setTimeout(() => controller.abort(reason), 50)
    await expect(call).rejects.toBe(reason)
    expect(client.calls).toBe(1)
  })

  it('knows throttling by name or by status 429', () => {
    for (const name of ['ThrottlingException', 'LimitExceededException', 'TooManyRequestsException', 'SlowDown'])
      expect(isThrottlingAwsError(sdkError(name, 400))).toBe(true)
    expect(isThrottlingAwsError(sdkError('Whatever', 429))).toBe(true)
    expect(isThrottlingAwsError(sdkError('InternalServerException', 500))).toBe(false)
    expect(isThrottlingAwsError(undefined)).toBe(false)
  })
})

describe('explainAwsError after earlier successes', () => {
  it('calls an unrecognised or invalid token after success an expired session, and points to the session duration', () => {
    for (const name of ['UnrecognizedClientException', 'InvalidSignatureException', 'InvalidClientTokenId']) {
      const explained = explainAwsError(sdkError(name, 403), 'waiting for the codegen job', { afterSuccess: true })
      expect(explained).toBeInstanceOf(ActionError)
      expect((explained as Error).message).toMatch(/stopped working while waiting for the codegen job .*most likely expired.*role-duration-seconds/)
    }
  })

  it('keeps the permissions advice when nothing had worked yet, and for AccessDenied at any time', () => {
    const first = explainAwsError(sdkError('UnrecognizedClientException', 403), 'starting the codegen job')
    expect((first as Error).message).toMatch(/^AWS refused starting the codegen job .*IAM/)
    const denied = explainAwsError(sdkError('AccessDeniedException', 403), 'waiting for the codegen job', { afterSuccess: true })
    expect((denied as Error).message).toMatch(/^AWS refused waiting/)
  })
})
