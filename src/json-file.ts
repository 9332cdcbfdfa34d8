/**
 * Reads a JSON file named by an input, with errors that point at the file, line and column, so a
 * typo in a render config is found without guessing.
 */
import { readFileSync, statSync } from 'node:fs'
import { findNodeAtLocation, type Node, parse as parseLenient, parseTree, type ParseError, printParseErrorCode } from 'jsonc-parser'
import { InputError } from './errors.js'

/** Config files are small; anything bigger is a wrong path, not a config. */
const MAX_JSON_FILE_BYTES = 5 * 1024 * 1024

export interface JsonFile {
  /** Workspace-relative path, as the user wrote it. */
  path: string
  value: unknown
  /** The text parsed (without a byte order mark), to locate a problem in. */
  text: string
}

/** Keys and indexes from the root of a JSON document to a value. */
export type JsonPath = Array<string | number>

export function readJsonFile(input: string, absolutePath: string, displayPath: string): JsonFile {
  let text: string
  try {
    const stats = statSync(absolutePath)
    if (!stats.isFile()) throw new InputError(input, `'${displayPath}' is not a file. Give the path of a JSON file, relative to the workspace.`)
    if (stats.size > MAX_JSON_FILE_BYTES) {
      throw new InputError(
        input,
        `'${displayPath}' is ${stats.size} bytes, more than the ${MAX_JSON_FILE_BYTES} allowed for a JSON config file. Check the path.`
      )
    }
    // Editors on Windows may save UTF-8 with a byte order mark, which JSON.parse refuses.
    text = stripByteOrderMark(readFileSync(absolutePath, 'utf8'))
  } catch (error) {
    if (error instanceof InputError) throw error
    const code = (error as NodeJS.ErrnoException).code
    const reason = code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? String(error)})`
    throw new InputError(
      input,
      `the file '${displayPath}' ${reason}. Give a path relative to the workspace (GITHUB_WORKSPACE), and check out the repository before this step.`
    )
  }
  try {
    return { path: displayPath, value: JSON.parse(text) as unknown, text }
  } catch (error) {
    const { line, column, problem } = locateSyntaxError(text, error)
    throw new InputError(input, `'${displayPath}' is not valid JSON: ${problem} at line ${line}, column ${column}.`, {
      file: displayPath,
      line,
      column
    })
  }
}

/**
 * Line and column (1-based) of the value at `path` in valid JSON text: of its key when it has one,
 * so an annotation lands on `"script": "ts"`. A path that goes deeper than the document points at
 * the deepest value that exists.
 */
export function locateInJson(text: string, path: JsonPath): { line: number; column: number } {
  const root = parseTree(text)
  let node: Node | undefined = root
  for (let depth = path.length; depth >= 0; depth--) {
    node = root && findNodeAtLocation(root, path.slice(0, depth))
    if (node) break
  }
  const target = node?.parent?.type === 'property' ? node.parent : node
  return lineAndColumn(text, target?.offset ?? 0)
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n')
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 }
}

/** Removes a leading UTF-8 byte order mark, as Node's require() and npm do for JSON files. */
export function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/**
 * JSON.parse's message names the offset ("at position 8"; Node 22 and later add the line and
 * column) in V8's own words, which differ between Node versions and some texts ("Unexpected end of
 * JSON input" names no position at all). The same text is parsed again with a strict tolerant
 * parser, which gives the offset of the first problem and a plain name for it on every Node.
 */
function locateSyntaxError(text: string, original: unknown): { line: number; column: number; problem: string } {
  const errors: ParseError[] = []
  parseLenient(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false })
  const first = errors[0]
  return {
    ...lineAndColumn(text, first?.offset ?? 0),
    problem: first ? describeParseError(printParseErrorCode(first.error)) : (original as Error).message
  }
}

function describeParseError(code: string): string {
  // InvalidSymbol -> invalid symbol
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
}
