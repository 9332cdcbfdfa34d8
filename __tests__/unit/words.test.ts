/** Counted words in messages (src/words.ts). */
import { describe, expect, it } from '@jest/globals'
import { counted } from '../../src/words.js'

describe('counted', () => {
  it('one is singular, every other count plural', () => {
    expect([0, 1, 2, 214].map(count => counted(count, 'file'))).toEqual(['0 files', '1 file', '2 files', '214 files'])
  })
})
