import { describe, expect, it } from '@jest/globals'
import { UnsafeContentError } from '../../../src/errors.js'
import { NameSet, printableName, safeRelativePath } from '../../../src/archives/names.js'

const refused: [string, string, RegExp][] = [
  ['empty', '', /empty/],
  ['absolute posix', '/etc/passwd', /absolute/],
  ['absolute windows', '\\\\server\\share', /absolute/],
  ['root backslash', '\\x', /absolute/],
  ['drive letter with slash', 'C:/Windows/x', /drive letter/],
  ['drive-relative', 'c:x', /drive letter/],
  ['backslash inside', 'a\\..\\..\\x', /backslash/],
  ['parent segment', '../x', /"\.\." path segment/],
  ['parent in the middle', 'a/../../x', /"\.\." path segment/],
  ['dot segment', './x', /"\." path segment/],
  ['lone dot', '.', /"\." path segment/],
  ['doubled slash', 'a//b', /empty path segment/],
  ['trailing slash', 'a/', /empty path segment/],
  ['NUL', 'a\u0000b', /control character/],
  ['newline', 'a\nb.jsx', /control character/],
  ['escape', '\u001b[31mred', /control character/],
  ['DEL', 'a\u007f', /control character/],
  ['C1 control', 'a\u0085b', /control character/],
  ['bidi override', 'x\u202Egpj.js', /invisible/],
  ['zero-width joiner in .git', '.g\u200cit/config', /invisible/],
  ['lone surrogate', 'a\ud800b', /invisible/],
  ['long segment', 'a'.repeat(256), /longer than 255 bytes/],
  ['long segment in UTF-8 bytes', 'é'.repeat(128), /longer than 255 bytes/],
  ['long path', Array.from({ length: 10 }, () => 'b'.repeat(110)).join('/'), /longer than 1024 bytes/],
  ['trailing dot', 'a./b', /ends with a dot or a space/],
  ['trailing space', 'index.js ', /ends with a dot or a space/],
  ['device name', 'CON', /reserved device name/],
  ['device name lower with extension', 'nul.txt', /reserved device name/],
  ['device name with two extensions', 'sub/com1.tar.gz', /reserved device name/],
  ['device name with space before extension', 'lpt9 .js', /reserved device name/],
  ['device name with superscript digit', 'COM¹', /reserved device name/],
  ['console device', 'conin$', /reserved device name/],
  ['bookkeeping file', '.amplify-job-action.json', /bookkeeping/],
  ['bookkeeping folder', '.amplify-job-action.work/x', /bookkeeping/],
  ['bookkeeping in other case', '.Amplify-Job-Action.json', /bookkeeping/],
  ['.git at the top', '.git/hooks/pre-commit', /\.git/],
  ['.git deeper', 'a/.git/config', /\.git/],
  ['.GIT upper case', '.GIT/config', /\.git/],
  ['git 8.3 short name', 'GIT~1/config', /\.git/],
  ['colon (alternate data stream)', 'a.js:evil', /Windows cannot store/],
  ['question mark', 'a?.js', /Windows cannot store/]
]

const accepted = [
  'Button.jsx',
  'Button.d.ts',
  'studioTheme.js.d.ts',
  'forms/NoteCreateForm.tsx',
  'sub/.amplify-job-action.json',
  '.gitignore',
  'a/.github/workflow.yml',
  'CONTACT.js',
  'console.js',
  'com10.js',
  'ümlaut/日本語.js',
  '.hidden',
  'a'.repeat(255),
  'x..y.js'
]

describe('safeRelativePath', () => {
  it.each(refused)('refuses %s', (_label, name, why) => {
    expect(() => safeRelativePath(name)).toThrow(UnsafeContentError)
    expect(() => safeRelativePath(name)).toThrow(why)
  })

  it.each(accepted)('accepts %j unchanged', name => {
    expect(safeRelativePath(name)).toBe(name)
  })

  it('names the refused file printably, with control characters escaped', () => {
    let message = ''
    try {
      safeRelativePath('evil\u001b[2J\n.js')
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toContain('"evil\\u{1b}[2J\\u{a}.js"')
    // eslint-disable-next-line no-control-regex
    expect(message).not.toMatch(/[\u0000-\u001f]/)
  })
})

describe('printableName', () => {
  it('shortens very long names', () => {
    const shown = printableName('x'.repeat(5000))
    expect(shown.length).toBeLessThan(200)
    expect(shown.endsWith('…')).toBe(true)
  })

  it('escapes quotes and backslashes', () => {
    expect(printableName('a"b\\c')).toBe('"a\\"b\\\\c"')
  })
})

describe('NameSet', () => {
  const clashes: [string, string, string, RegExp][] = [
    ['exact duplicate', 'Button.jsx', 'Button.jsx', /two files with this name/],
    ['case', 'Button.jsx', 'button.JSX', /same file as "Button.jsx"/],
    ['case in a folder name', 'Forms/A.js', 'forms/a.js', /same file/],
    ['NFC and NFD', 'caf\u00e9.js', 'cafe\u0301.js', /same file/],
    ['sharp s and SS', 'stra\u00dfe.js', 'STRASSE.js', /same file/],
    ['Kelvin sign', '\u212a.js', 'k.js', /same file/],
    ['file then folder', 'a', 'a/b', /folder "a" is also a file/],
    ['folder then file', 'a/b', 'a', /also used as a folder/],
    ['file then folder in other case', 'dir', 'DIR/x.js', /also a file/]
  ]

  it.each(clashes)('refuses a clash by %s', (_label, first, second, why) => {
    const names = new NameSet()
    names.claim(first)
    expect(() => names.claim(second)).toThrow(UnsafeContentError)
    const again = new NameSet()
    again.claim(first)
    expect(() => again.claim(second)).toThrow(why)
  })

  it('accepts different files in the same folder and same names in different folders', () => {
    const names = new NameSet()
    for (const name of ['a/x.js', 'a/y.js', 'b/x.js', 'A/z.js', 'x.js']) expect(() => names.claim(name)).not.toThrow()
    // The set is the same one that refuses: a name it was given is refused the second time.
    expect(() => names.claim('a/x.js')).toThrow(UnsafeContentError)
  })

  it('checks each name with safeRelativePath', () => {
    expect(() => new NameSet().claim('../x')).toThrow(UnsafeContentError)
  })

  it('refuses a file where an archive declared a folder, and the reverse', () => {
    const names = new NameSet()
    names.claimFolder('assets')
    names.claimFolder('assets')
    expect(() => names.claim('ASSETS')).toThrow(/also used as a folder/)
    names.claim('file.js')
    expect(() => names.claimFolder('file.js')).toThrow(/is a file/)
  })
})
