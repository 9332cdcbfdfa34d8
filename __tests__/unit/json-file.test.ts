import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { InputError } from '../../src/errors.js'
import { locateInJson, readJsonFile, stripByteOrderMark } from '../../src/json-file.js'

let dir: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'json-file-test-'))
})
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, content)
  return file
}

function readError(input: string, absolute: string, display: string): InputError {
  try {
    readJsonFile(input, absolute, display)
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return error as InputError
  }
  throw new Error('readJsonFile did not throw')
}

describe('readJsonFile', () => {
  it('returns the parsed value and the display path', () => {
    const file = write('config/render.json', '{"react": {"script": "tsx"}, "list": [1, 2]}')
    expect(readJsonFile('render-config', file, 'config/render.json')).toEqual({
      path: 'config/render.json',
      value: { react: { script: 'tsx' }, list: [1, 2] },
      text: '{"react": {"script": "tsx"}, "list": [1, 2]}'
    })
  })

  it('accepts a file that starts with a UTF-8 byte order mark', () => {
    const file = write('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a": 1}')]))
    expect(readJsonFile('render-config', file, 'bom.json').value).toEqual({ a: 1 })
  })

  it('names the input and the path of a missing file', () => {
    const error = readError('generic-data-schema', path.join(dir, 'schema.json'), 'amplify/schema.json')
    expect(error.input).toBe('generic-data-schema')
    expect(error.message).toContain("Input 'generic-data-schema'")
    expect(error.message).toContain("'amplify/schema.json' does not exist")
    expect(error.message).toContain('GITHUB_WORKSPACE')
  })

  it('refuses a folder', () => {
    fs.mkdirSync(path.join(dir, 'folder'))
    const error = readError('render-config', path.join(dir, 'folder'), 'folder')
    expect(error.input).toBe('render-config')
    expect(error.message).toContain("'folder' is not a file")
  })

  it('says why a file that exists cannot be read', () => {
    // A path through a regular file: ENOTDIR, not "does not exist".
    write('plain.txt', 'x')
    const error = readError('render-config', path.join(dir, 'plain.txt', 'inner.json'), 'plain.txt/inner.json')
    expect(error.message).toContain("'plain.txt/inner.json' cannot be read (ENOTDIR)")
  })

  it('refuses a file that is far too big to be a config', () => {
    const file = path.join(dir, 'big.json')
    fs.writeFileSync(file, '')
    fs.truncateSync(file, 5 * 1024 * 1024 + 1)
    const error = readError('render-config', file, 'big.json')
    expect(error.message).toContain(`'big.json' is ${5 * 1024 * 1024 + 1} bytes`)
  })

  it.each([
    ['a trailing comma', '{"a": 1,}', 1, 9, 'property name expected'],
    ['a missing comma on a later line', '{\n  "a": 1\n  "b": 2\n}', 3, 3, 'comma expected'],
    ['single quotes', "{\n  'a': 1\n}", 2, 3, 'invalid symbol'],
    ['a missing colon', '{\n  "react": {\n    "module" "es2020"\n  }\n}', 3, 14, 'colon expected'],
    ['an unterminated object', '{\n  "a": [1, 2]\n', 3, 1, 'close brace expected'],
    ['an empty file', '', 1, 1, 'value expected'],
    ['text after the value', '{"a": 1}\n\nx', 3, 1, 'invalid symbol'],
    ['a second document after CRLF', '{"a": 1}\r\n{"b": 2}', 2, 1, 'end of file expected'],
    ['a comment', '{\n  // the config\n  "a": 1\n}', 2, 3, 'invalid comment token'],
    // Problems inside a string are reported at the start of that string.
    ['a bad escape', '{\n  "path": "C:\\dir"\n}', 2, 11, 'invalid escape character'],
    ['a tab inside a string', '{\n"a": "x\ty"\n}', 2, 6, 'invalid character']
  ])('locates %s by line and column', (_label, content, line, column, problem) => {
    write('broken.json', content)
    const error = readError('render-config', path.join(dir, 'broken.json'), 'ui/broken.json')
    expect(error.message).toBe(`Input 'render-config': 'ui/broken.json' is not valid JSON: ${problem} at line ${line}, column ${column}.`)
    expect(error.location).toEqual({ file: 'ui/broken.json', line, column })
  })
})

describe('stripByteOrderMark', () => {
  it('removes only a leading byte order mark', () => {
    expect(stripByteOrderMark('\uFEFF{}')).toBe('{}')
    expect(stripByteOrderMark('{}\uFEFF')).toBe('{}\uFEFF')
    expect(stripByteOrderMark('{}')).toBe('{}')
  })
})

describe('locateInJson', () => {
  const text = ['{', '  "renderConfig": {', '    "react": {', '      "script": "ts",', '      "list": [1, {"deep": true}]', '    }', '  }', '}'].join('\n')

  it.each([
    [['renderConfig', 'react', 'script'], { line: 4, column: 7 }],
    [['renderConfig', 'react'], { line: 3, column: 5 }],
    [['renderConfig', 'react', 'list', 1, 'deep'], { line: 5, column: 20 }],
    [['renderConfig', 'react', 'list', 0], { line: 5, column: 16 }],
    [[], { line: 1, column: 1 }]
  ])('finds the key (or element) of %j', (path, expected) => {
    expect(locateInJson(text, path)).toEqual(expected)
  })

  it('falls back to the deepest value that exists', () => {
    expect(locateInJson(text, ['renderConfig', 'react', 'apiConfiguration', 'graphQLConfig'])).toEqual({ line: 3, column: 5 })
  })
})
