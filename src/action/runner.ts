/**
 * The runner's workflow-command protocol: inputs from INPUT_* variables, outputs and the job summary
 * through the files the runner names, masks, annotations and log groups on stdout.
 *
 * This is what @actions/core does, written out because of what it costs: on Node 24, the runtime of
 * `runs.using: node24`, importing @actions/core took 140 ms where an empty bundle started in 55 ms
 * (it loads @actions/http-client and undici at import, for OIDC tokens this action never asks for).
 * That was 60 % of a run on a small repository. `test/action/runner.test.ts` runs both side by side and
 * requires the same stdout and the same files for the same calls. Two differences on purpose: `info`
 * and `debug` defuse a line that the runner would take for a workflow command (see `inertLines`), and
 * annotations show control characters percent-encoded (see `shown`).
 */
import { randomUUID } from 'node:crypto'
import { appendFileSync, existsSync, writeFileSync, writeSync } from 'node:fs'
import { EOL } from 'node:os'

/**
 * Writes to the log. On Linux and macOS the text goes to file descriptor 1 directly: the first use of
 * `process.stdout` builds a stream, 4 to 7 ms of a run on a pipe, which is how the runner reads it.
 * Every line of the action goes through here and is written before the call returns, so lines keep
 * their order and none is left unwritten at exit.
 */
function writeStdout(text: string): void {
  if (process.platform === 'win32') {
    process.stdout.write(text)
    return
  }
  const bytes = Buffer.from(text)
  for (let at = 0; at < bytes.length; ) {
    try {
      at += writeSync(1, bytes, at)
    } catch (error) {
      // A pipe the reader left non-blocking fills up: wait a moment for it to drain.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1)
    }
  }
}

/** Where a write goes: the log, or a test's sink, told which writes are commands the action issues. */
type LogSink = (text: string, command?: string) => void

let out: LogSink = writeStdout

/**
 * How the runner finds workflow commands in the log (actions/runner: ActionCommandManager and
 * ActionCommand): it reads the log line by line, a line ending at LF, CR or CR LF, and takes
 * - `::command::data` from a line that starts with `::` once its leading white space (.NET's, which
 *   counts U+0085, U+00A0 and U+2028 in) is trimmed;
 * - `##[command]data`, the old syntax, from `##[` anywhere in a line.
 * The command names do not matter here: `::stop-commands::TOKEN` makes any word a command.
 */
const COMMAND_LINE = /^[\s\u0085]*::|##\[/m
const LEADING_COMMAND = /^([\s\u0085]*):(?=:)/

/**
 * The last line of defence for everything logged as plain text (never a command the action issues
 * itself): each line the runner would take for a command gets its first `:` as `%3A`, and `##[` as
 * `##%5B`. Other lines stay as they are; most messages have none, and are returned after one scan.
 */
export function inertLines(message: string): string {
  // A search for a fixed string is several times faster than the pattern on a long diff.
  if ((!message.includes('::') && !message.includes('##[')) || !COMMAND_LINE.test(message)) return message
  return message
    .split(/(\r\n|\r|\n)/)
    .map((part, i) => {
      if (i % 2 === 1) return part
      const line = LEADING_COMMAND.test(part) ? part.replace(LEADING_COMMAND, '$1%3A') : part
      return line.includes('##[') ? line.replaceAll('##[', '##%5B') : line
    })
    .join('')
}

/** Sends what would go to the log to `sink` instead (undefined: back to the log), for tests. */
export function redirectLog(sink: LogSink | undefined): void {
  out = sink ?? writeStdout
}

/** An input as the runner passes it: `INPUT_<NAME>` (spaces to '_', upper case), trimmed. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

/** A multi-line input: one item per non-empty line, each trimmed. */
export function getMultilineInput(name: string): string[] {
  return getInput(name)
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.trim())
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/** Writes `::command key=value,...::message`. */
export function issueCommand(command: string, properties: Record<string, string | undefined>, message: string): void {
  const props = Object.entries(properties)
    .filter(([, value]) => value)
    .map(([key, value]) => `${key}=${escapeProperty(value as string)}`)
    .join(',')
  out(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}${EOL}`, command)
}

/** A plain log line (or several): no line of it can be a workflow command, whatever text it holds. */
export function info(message: string): void {
  out(`${inertLines(message)}${EOL}`)
}

/**
 * A `::debug::` line, which GitHub shows only when the run has debug logging on (`ACTIONS_STEP_DEBUG`).
 * Its text is made inert like `info`'s: it may hold names from the repository.
 */
export function debug(message: string): void {
  issueCommand('debug', {}, shown(inertLines(message)))
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what is escaped
const SHOWN_ESCAPED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/g

/**
 * An annotation's text with its control characters (but tab, CR and LF, which the protocol carries)
 * percent-encoded, so that a repository text in a message cannot style or rewrite what GitHub and a
 * terminal show (ANSI escapes, OSC 8 links, NEL): the runner unescapes only `%25`, `%0D` and `%0A`.
 */
function shown(message: string): string {
  return message.replace(SHOWN_ESCAPED, (c) => encodeURIComponent(c))
}

export function warning(message: string): void {
  issueCommand('warning', {}, shown(message))
}

export function notice(message: string): void {
  issueCommand('notice', {}, shown(message))
}

/** Where an annotation points, as @actions/core names it. */
export interface AnnotationProperties {
  readonly file?: string
  readonly startLine?: number
  readonly startColumn?: number
}

export function error(message: string, properties: AnnotationProperties = {}): void {
  issueCommand(
    'error',
    { file: properties.file, line: properties.startLine?.toString(), col: properties.startColumn?.toString() },
    shown(message),
  )
}

/** Masks a value in every later line of the log. */
export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret)
}

/** Marks the step failed (exit code 1) with an error annotation. */
export function setFailed(message: string, properties: AnnotationProperties = {}): void {
  process.exitCode = 1
  error(message, properties)
}

export async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  issueCommand('group', {}, name)
  try {
    return await fn()
  } finally {
    issueCommand('endgroup', {}, '')
  }
}

function appendToFile(variable: string, text: string): void {
  const file = process.env[variable]
  if (!file) throw new Error(`Unable to find environment variable for file command ${variable.replace(/^GITHUB_/, '')}`)
  if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`)
  appendFileSync(file, text, { encoding: 'utf8' })
}

/** Sets a step output through the GITHUB_OUTPUT file, with a random heredoc delimiter. */
export function setOutput(name: string, value: string): void {
  if (!process.env.GITHUB_OUTPUT) {
    out(EOL)
    issueCommand('set-output', { name }, value)
    return
  }
  const delimiter = `ghadelimiter_${randomUUID()}`
  if (name.includes(delimiter) || value.includes(delimiter))
    throw new Error(`Unexpected input: name or value contains the delimiter "${delimiter}"`)
  appendToFile('GITHUB_OUTPUT', `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`)
}

/** Replaces the step's job summary (what `core.summary.write({ overwrite: true })` does), when the runner provides one. */
export function replaceSummary(text: string): void {
  const file = process.env.GITHUB_STEP_SUMMARY
  if (!file) return
  if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`)
  writeFileSync(file, text, { encoding: 'utf8' })
}

/** Appends HTML or Markdown to the job summary, when the runner provides one. */
export function appendSummary(text: string): void {
  if (process.env.GITHUB_STEP_SUMMARY) appendToFile('GITHUB_STEP_SUMMARY', text)
}
