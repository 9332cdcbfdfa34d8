/**
 * The Markdown helpers of the job summary and the pull request comment (src/markdown.ts): outside
 * text shows as it is and cannot break the page's structure.
 */
import { describe, expect, it } from '@jest/globals'
import { code, codeBlock, escapeCell, failureBlock, table } from '../../src/markdown.js'

describe('code', () => {
  it('fences with one backtick more than the text holds in a row', () => {
    expect(code('dist')).toBe('`dist`')
    expect(code('a`b')).toBe('`` a`b ``')
    expect(code('x```y')).toBe('```` x```y ````')
  })
})

describe('table', () => {
  it('makes the first row the head, keeps every value in its cell, and is nothing without rows', () => {
    expect(
      table([
        ['Job', '`3`'],
        ['Reason', 'a | b\r\nc']
      ])
    ).toEqual(['| Job | `3` |', '|:--|:--|', '| Reason | a \\| b c |', ''])
    expect(table([])).toEqual([])
    expect(escapeCell('1\r2\n3')).toBe('1 2 3')
  })
})

describe('codeBlock and failureBlock', () => {
  it('a line of backticks in the text cannot close the block', () => {
    expect(codeBlock(['before', '```', '# not a heading'])).toEqual(['````text', 'before', '```', '# not a heading', '````', ''])
    expect(codeBlock(['plain'])).toEqual(['```text', 'plain', '```', ''])
  })

  it('shows a failure line by line (any line ending), cut with an ellipsis past the limit', () => {
    expect(failureBlock('Failed: <b>x</b>\r\n| y |')).toEqual(['```text', 'Failed: <b>x</b>', '| y |', '```', ''])
    expect(failureBlock('abcdef', 3)).toEqual(['```text', 'abc…', '```', ''])
  })
})
