import { describe, expect, it } from '@jest/globals'
import { maskPresignedUrl } from '../../../src/transfer/mask.js'

const signature = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90'
const token = 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ+abc/def=='
const encodedToken = encodeURIComponent(token)
const credential = 'ASIAEXAMPLEKEYID1234/20240101/us-east-1/s3/aws4_request'

function masked(url: string): string[] {
  const secrets: string[] = []
  maskPresignedUrl(url, secret => secrets.push(secret))
  return secrets
}

describe('maskPresignedUrl', () => {
  const url =
    'https://bucket.s3.us-east-1.amazonaws.com/app/Button.jsx?X-Amz-Algorithm=AWS4-HMAC-SHA256' +
    `&X-Amz-Credential=${encodeURIComponent(credential)}&X-Amz-Date=20240101T000000Z&X-Amz-Expires=900` +
    `&X-Amz-Security-Token=${encodedToken}&X-Amz-Signature=${signature}&X-Amz-SignedHeaders=host`

  it('masks the whole URL', () => {
    expect(masked(url)).toContain(url)
  })

  it('masks the signature, the token raw and decoded, and the credential with its key id', () => {
    const secrets = masked(url)
    expect(secrets).toContain(signature)
    expect(secrets).toContain(encodedToken)
    expect(secrets).toContain(token)
    expect(secrets).toContain(credential)
    expect(secrets).toContain(encodeURIComponent(credential))
    expect(secrets).toContain('ASIAEXAMPLEKEYID1234')
  })

  it('leaves harmless parameters alone', () => {
    const secrets = masked(url)
    expect(secrets).not.toContain('AWS4-HMAC-SHA256')
    expect(secrets).not.toContain('20240101T000000Z')
    expect(secrets).not.toContain('host')
  })

  it('matches parameter names in any case, and the SigV2 and CloudFront shapes', () => {
    const v2 = `https://h.example/o?AWSAccessKeyId=AKIAEXAMPLE12345&Signature=${encodeURIComponent('abc+def/ghi=')}&x-amz-security-token=${encodedToken}`
    const secrets = masked(v2)
    expect(secrets).toContain('AKIAEXAMPLE12345')
    expect(secrets).toContain('abc+def/ghi=')
    expect(secrets).toContain('abc%2Bdef%2Fghi%3D')
    expect(secrets).toContain(token)
    const cloudFront = 'https://d111.cloudfront.net/x?Expires=1&POLICY=eyJTdGF0ZW1lbnQiOlt7&Key-Pair-Id=K2JCJMDEHXQW5F'
    expect(masked(cloudFront)).toEqual(expect.arrayContaining(['eyJTdGF0ZW1lbnQiOlt7', 'K2JCJMDEHXQW5F']))
  })

  it('masks a "+" read as a space as well as read literally', () => {
    const secrets = masked('https://h.example/o?Signature=abc+def+ghi')
    expect(secrets).toContain('abc+def+ghi')
    expect(secrets).toContain('abc def ghi')
  })

  it('never registers a short value that would blank common text in the log', () => {
    const secrets = masked('https://h.example/o?sig=1&token=ab')
    expect(secrets).toEqual(['https://h.example/o?sig=1&token=ab'])
  })

  it('copes with text that is not a URL or not decodable', () => {
    expect(masked('not a url')).toEqual(['not a url'])
    expect(masked('https://h.example/o?Signature=%E0%A4%A%zzzzzzzz')).toContain('%E0%A4%A%zzzzzzzz')
  })
})
