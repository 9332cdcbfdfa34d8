import { describe, expect, it } from '@jest/globals'
import { createCheckedClient, explainAwsError, isPassingAwsError } from '../../src/aws.js'
import { ActionError } from '../../src/errors.js'

function sdkError(name: string, message = 'boom', httpStatusCode?: number): Error {
  return Object.assign(new Error(message), { name, $metadata: httpStatusCode === undefined ? {} : { httpStatusCode } })
}

describe('isPassingAwsError', () => {
  it.each([
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
  ])('passes %s', name => {
    expect(isPassingAwsError(sdkError(name))).toBe(true)
  })

  it.each([429, 500, 502, 503, 504])('passes any error with HTTP status %d', status => {
    expect(isPassingAwsError(sdkError('SomethingNew', 'x', status))).toBe(true)
  })

  it.each(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED'])(
    'passes the network error %s',
    code => {
      expect(isPassingAwsError(Object.assign(new Error('socket'), { code }))).toBe(true)
    }
  )

  it.each([
    ['a bad request', sdkError('BadRequestException', 'bad', 400)],
    ['a missing job', sdkError('ResourceNotFoundException', 'no such job', 404)],
    ['access denied', sdkError('AccessDeniedException', 'denied', 403)],
    ['an invalid parameter', sdkError('InvalidParameterException', 'x', 400)],
    ['an abort', sdkError('AbortError', 'Request aborted')],
    ['a file error', Object.assign(new Error('nope'), { code: 'EACCES' })],
    ['a plain error', new Error('bug')]
  ])('does not pass %s', (_label, error) => {
    expect(isPassingAwsError(error)).toBe(false)
  })

  it.each([undefined, null, 'ThrottlingException', 429])('does not pass the non-object %j', value => {
    expect(isPassingAwsError(value)).toBe(false)
  })
})

describe('explainAwsError', () => {
  it.each(['ExpiredTokenException', 'ExpiredToken', 'RequestExpired', 'TokenRefreshRequired'])('explains the expired credentials %s', name => {
    const explained = explainAwsError(sdkError(name, 'The security token included in the request is expired'), 'reading the codegen job')
    expect(explained).toBeInstanceOf(ActionError)
    const message = (explained as Error).message
    expect(message).toContain('The AWS credentials expired while reading the codegen job')
    expect(message).toContain(`(${name})`)
    expect(message).toContain('role-duration-seconds')
    expect(message).toContain('aws-actions/configure-aws-credentials')
  })

  it('treats an invalid signature that mentions expiry as expired credentials', () => {
    const explained = explainAwsError(sdkError('InvalidSignatureException', 'Signature expired: 20240101T000000Z is now earlier than ...'), 'starting the job')
    expect((explained as Error).message).toContain('The AWS credentials expired while starting the job (InvalidSignatureException)')
  })

  it.each(['AccessDeniedException', 'AccessDenied', 'UnauthorizedException', 'UnrecognizedClientException', 'InvalidSignatureException'])(
    'explains the refusal %s with the service message and what was being done',
    name => {
      const explained = explainAwsError(
        sdkError(name, 'User: arn:aws:sts::1:assumed-role/ci is not authorized to perform: amplifyuibuilder:StartCodegenJob'),
        'starting the codegen job'
      )
      expect(explained).toBeInstanceOf(ActionError)
      const message = (explained as Error).message
      expect(message).toContain(`AWS refused starting the codegen job (${name}: User: arn:aws:sts::1:assumed-role/ci is not authorized`)
      expect(message).toContain('IAM')
    }
  )

  it('returns other errors unchanged', () => {
    const throttled = sdkError('ThrottlingException')
    expect(explainAwsError(throttled, 'x')).toBe(throttled)
    const bug = new TypeError('undefined is not a function')
    expect(explainAwsError(bug, 'x')).toBe(bug)
    expect(explainAwsError('text', 'x')).toBe('text')
    expect(explainAwsError(undefined, 'x')).toBeUndefined()
  })

  it('returns an ActionError unchanged, even one named like an AWS error', () => {
    const error = new ActionError('already explained')
    error.name = 'AccessDeniedException'
    expect(explainAwsError(error, 'x')).toBe(error)
  })
})

describe('createCheckedClient', () => {
  interface FakeClient {
    madeWith: string | undefined
    config: { region: () => Promise<string>; credentials: () => Promise<unknown> }
  }

  /**
   * A client factory like the SDK's: the region provider returns the given region, else the
   * environment's resolution (`sdkRegion`), else throws as the SDK does.
   */
  function factory(sdkRegion: string | undefined, credentials: () => Promise<unknown> = async () => ({ accessKeyId: 'AKIA' })) {
    const made: FakeClient[] = []
    const make = (region: string | undefined): FakeClient => {
      const client: FakeClient = {
        madeWith: region,
        config: {
          region: async () => {
            const resolved = region ?? sdkRegion
            if (resolved === undefined) throw new Error('Region is missing')
            return resolved
          },
          credentials
        }
      }
      made.push(client)
      return client
    }
    return { make, made }
  }

  it('uses the region input', async () => {
    const { make, made } = factory('us-east-2')
    const result = await createCheckedClient(make, 'eu-west-1', { AWS_DEFAULT_REGION: 'ap-south-1' })
    expect(result.region).toBe('eu-west-1')
    expect(result.client).toBe(made[0])
    expect(made.map(client => client.madeWith)).toEqual(['eu-west-1'])
  })

  it("uses the SDK's own resolution before AWS_DEFAULT_REGION", async () => {
    const { make, made } = factory('us-east-2')
    const result = await createCheckedClient(make, undefined, { AWS_DEFAULT_REGION: 'ap-south-1' })
    expect(result.region).toBe('us-east-2')
    expect(made).toHaveLength(1)
  })

  it('falls back to AWS_DEFAULT_REGION and builds the client with it', async () => {
    const { make, made } = factory(undefined)
    const result = await createCheckedClient(make, undefined, { AWS_DEFAULT_REGION: 'ap-south-1' })
    expect(result.region).toBe('ap-south-1')
    expect(made.map(client => client.madeWith)).toEqual([undefined, 'ap-south-1'])
    expect(result.client).toBe(made[1])
  })

  it('falls back when the SDK resolves an empty region', async () => {
    const { make } = factory('')
    expect((await createCheckedClient(make, undefined, { AWS_DEFAULT_REGION: 'sa-east-1' })).region).toBe('sa-east-1')
  })

  it('says how to set a region when there is none', async () => {
    const { make } = factory(undefined)
    const error = await createCheckedClient(make, undefined, { AWS_DEFAULT_REGION: '' }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ActionError)
    expect((error as Error).message).toContain('No AWS region is set')
    expect((error as Error).message).toContain("'region' input")
    expect((error as Error).message).toContain('aws-actions/configure-aws-credentials')
    expect((error as Error).message).toContain("'aws-region'")
  })

  it('says how to provide credentials when there are none', async () => {
    let asked = 0
    const { make } = factory('us-east-1', async () => {
      asked++
      throw new Error('Could not load credentials from any providers')
    })
    const error = await createCheckedClient(make, undefined, {}).catch((caught: unknown) => caught)
    expect(asked).toBe(1)
    expect(error).toBeInstanceOf(ActionError)
    expect((error as Error).message).toContain('No AWS credentials were found (Could not load credentials from any providers)')
    expect((error as Error).message).toContain('aws-actions/configure-aws-credentials')
    expect((error as Error).message).toContain('id-token: write')
  })

  it('checks the credentials of the client built with the fallback region', async () => {
    const checkedWith: Array<string | undefined> = []
    const made: string[] = []
    const make = (region: string | undefined) => {
      made.push(String(region))
      return {
        config: {
          region: async () => {
            if (!region) throw new Error('Region is missing')
            return region
          },
          credentials: async () => {
            checkedWith.push(region)
            return {}
          }
        }
      }
    }
    await createCheckedClient(make, undefined, { AWS_DEFAULT_REGION: 'eu-north-1' })
    expect(checkedWith).toEqual(['eu-north-1'])
  })
})
