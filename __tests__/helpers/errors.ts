/** Getting at the error a test expects, so that a promise that does not fail fails the test. */

/** The shape of an AWS SDK v3 service error, as tests look at it. */
export interface SdkError {
  name: string
  message: string
  $metadata: { httpStatusCode?: number; attempts?: number }
}

/** What `promise` rejects with; throws, failing the test, when it resolves instead. */
export async function errorOf<E = Error>(promise: Promise<unknown>): Promise<E> {
  try {
    await promise
  } catch (error) {
    return error as E
  }
  throw new Error('expected the promise to reject, but it resolved')
}
