/**
 * Reads a log the way the GitHub runner does when it looks for workflow commands (actions/runner:
 * ProcessInvoker reads lines with StreamReader.ReadLine; ActionCommandManager tries
 * ActionCommand.TryParseV2, then TryParse). Stricter than the runner in one way: any word is taken as
 * a command name, since `::stop-commands::TOKEN` registers any word.
 */
import fc from 'fast-check'

export interface FoundCommand {
  /** The whole line it was found in. */
  readonly line: string
  readonly syntax: '::' | '##['
  readonly command: string
  /** The data, unescaped as the runner does. */
  readonly data: string
}

/** .NET's char.IsWhiteSpace, which String.TrimStart() trims. */
const DOTNET_WHITE_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/

/** StreamReader.ReadLine: a line ends at LF, CR, or CR LF. */
export function runnerLines(log: string): string[] {
  const lines = log.split(/\r\n|\r|\n/)
  if (lines.at(-1) === '') lines.pop()
  return lines
}

function unescapeData(data: string): string {
  return data.replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%25', '%')
}

/** The command the runner would find in one line, if any. */
export function parseCommandLine(line: string): FoundCommand | undefined {
  // TryParseV2: `::name props::data` once leading white space is trimmed.
  const trimmed = line.replace(DOTNET_WHITE_SPACE, '')
  if (trimmed.startsWith('::')) {
    const end = trimmed.indexOf('::', 2)
    if (end !== -1) {
      const info = trimmed.slice(2, end)
      const space = info.indexOf(' ')
      const command = space === -1 ? info : info.slice(0, space)
      if (command !== '') return { line, syntax: '::', command, data: unescapeData(trimmed.slice(end + 2)) }
    }
  }
  // TryParse: `##[name props]data` anywhere in the line.
  const prefix = line.indexOf('##[')
  if (prefix !== -1) {
    const close = line.indexOf(']', prefix)
    if (close !== -1) {
      const info = line.slice(prefix + 3, close)
      const space = info.indexOf(' ')
      const command = space === -1 ? info : info.slice(0, space)
      if (command !== '') return { line, syntax: '##[', command, data: line.slice(close + 1) }
    }
  }
  return undefined
}

/** Every command the runner would find in a log. */
export function runnerCommands(log: string): FoundCommand[] {
  return runnerLines(log)
    .map(parseCommandLine)
    .filter((c): c is FoundCommand => c !== undefined)
}

/** Pieces of workflow commands and of what the runner counts as line breaks and white space. */
export const COMMAND_FRAGMENTS = [
  '::',
  ':',
  '::warning::',
  '::ERROR::',
  '::error file=x,line=1::',
  '::add-mask::',
  '::stop-commands::t',
  '::t::',
  '##[warning]',
  '##[',
  ']',
  '#',
  '\r',
  '\n',
  '\r\n',
  '%0A',
  '%0D',
  '%25',
  '%',
  '\u0085',
  '\u2028',
  '\u2029',
  '\u000b',
  '\u001b[31m',
  ' ',
  '\t',
  '\u00a0',
  '\u3000',
  'x',
  'PWN',
]

export const hostileText = fc.oneof(
  fc.array(fc.constantFrom(...COMMAND_FRAGMENTS), { minLength: 1, maxLength: 8 }).map((parts) => parts.join('')),
  fc.string({ unit: fc.constantFrom(':', '#', '[', ']', '%', '\n', '\r', '\u0085', '\u2028', ' ', 'a'), maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
)
