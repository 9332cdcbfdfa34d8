/**
 * Presigned URLs carry credentials in their query string. The runner masks a secret only where it
 * appears character for character, and a URL is printed in several shapes (whole, one parameter,
 * percent-encoded or decoded, by our code or by a library), so every shape is registered.
 */
import type { MaskSecret } from './types.js'

/**
 * Query parameters whose values are credentials or signatures, lower-cased: AWS SigV4 and SigV2,
 * CloudFront signed URLs, and the same for Google Cloud Storage and Azure SAS in case a service
 * hands one of those out behind a CDN.
 */
export const CREDENTIAL_PARAMETERS: ReadonlySet<string> = new Set([
  'x-amz-signature',
  'x-amz-security-token',
  'x-amz-credential',
  'signature',
  'awsaccesskeyid',
  'policy',
  'key-pair-id',
  'x-goog-signature',
  'x-goog-credential',
  'sig',
  'token',
  'access_token'
])

/**
 * Shorter values are not masked: masking a value such as "1" would blank every "1" in the log, and
 * real credentials are far longer (a SigV4 signature is 64 characters).
 */
export const MIN_MASKED_LENGTH = 8

function decode(value: string, plusIsSpace: boolean): string | undefined {
  try {
    return decodeURIComponent(plusIsSpace ? value.replace(/\+/g, ' ') : value)
  } catch {
    return undefined
  }
}

/** Every printed shape of one query value: raw, decoded (both ways of reading "+"), re-encoded. */
function shapesOf(raw: string): string[] {
  const shapes = [raw]
  for (const decoded of [decode(raw, false), decode(raw, true)]) {
    if (decoded === undefined) continue
    shapes.push(decoded, encodeURIComponent(decoded))
  }
  return shapes
}

/**
 * Registers the whole URL and each credential-bearing query value, raw and percent-decoded, with
 * the runner's masking. Call it before the URL can reach any log line or error.
 */
export function maskPresignedUrl(url: string, mask: MaskSecret): void {
  const secrets = new Set<string>([url])
  const queryStart = url.indexOf('?')
  if (queryStart >= 0) {
    const hashStart = url.indexOf('#', queryStart)
    const query = url.slice(queryStart + 1, hashStart >= 0 ? hashStart : undefined)
    for (const pair of query.split('&')) {
      const equals = pair.indexOf('=')
      if (equals < 0) continue
      const key = decode(pair.slice(0, equals), true)?.toLowerCase()
      if (key === undefined || !CREDENTIAL_PARAMETERS.has(key)) continue
      for (const shape of shapesOf(pair.slice(equals + 1))) {
        secrets.add(shape)
        // X-Amz-Credential is "<access key id>/<date>/<region>/<service>/aws4_request"; the key id
        // alone identifies the role session and is printed alone by some tools.
        if (key === 'x-amz-credential') secrets.add(shape.split('/')[0] ?? '')
      }
    }
  }
  // URL parsing may normalise the text (host case, default port); that shape can be printed too.
  try {
    secrets.add(new URL(url).href)
  } catch {
    // Not a URL: the raw text is masked above, and the downloader refuses it anyway.
  }
  for (const secret of secrets) {
    if (secret.length >= MIN_MASKED_LENGTH) mask(secret)
  }
}
