/**
 * What the action needs from a Dockerfile: the images it names (FROM, COPY --from, RUN --mount
 * from=), with the global ARGs (those before the first FROM) substituted the way the builder does,
 * so that `FROM $BASE_IMAGE` with `ARG BASE_IMAGE=$REGISTRY/$OWNER/base-notebook` resolves to the
 * image it names.
 *
 * Lines are read as BuildKit's parser (which kaniko uses) reads them: parser directives (`# escape=`),
 * continuation lines (comment and empty lines inside one are dropped), comments, and heredocs, whose
 * bodies are skipped. Only the few instructions that can name an image are split into words.
 */

import { count, LIMITS, LimitError } from '../common/limits.js'

/** The instruction an image reference comes from. */
export type ImageInstruction = 'FROM' | 'COPY --from' | 'RUN --mount'

export interface ImageReference {
  readonly instruction: ImageInstruction
  /** The image as written, e.g. `$BASE_IMAGE` or `python:3.13`. */
  readonly raw: string
  /** The image with global ARG defaults substituted. */
  readonly image: string
  /** The single ARG the whole image is, when it is one (`$BASE_IMAGE`, `${BASE_IMAGE}`). */
  readonly arg?: string
  /** The stage name a FROM starts (`AS build`), lower case. */
  readonly stage?: string
  /** 1-based line of the instruction. */
  readonly line: number
}

/** A FROM line: the stage it starts, and the image it builds on. */
export type FromLine = ImageReference

/** What is left of the characters substitutions may make (LIMITS.substitutedChars per Dockerfile). */
interface Budget {
  left: number
}

/**
 * `$NAME`, `${NAME}`, `${NAME:-default}` and `${NAME:+alternative}`, with `vars`; unknown names become ''.
 * What the values add is taken from `budget`: ARGs that each repeat the one before twice double at
 * every line, and a few dozen lines would fill the memory.
 */
export function substitute(text: string, vars: ReadonlyMap<string, string>, budget: Budget = { left: LIMITS.substitutedChars }): string {
  const expand = (braced: string | undefined, op: string | undefined, word: string | undefined, bare: string | undefined) => {
    const value = vars.get((braced ?? bare) as string)
    const result = op === '-' ? (value ? value : (word as string)) : op === '+' ? (value ? (word as string) : '') : (value ?? '')
    // Counted before the parts are joined: the long text is never made.
    budget.left -= result.length
    if (budget.left < 0) {
      throw new LimitError(
        `its global ARGs, substituted into each other and into image references, come to more than ${count(LIMITS.substitutedChars)} characters: expected at most that`,
      )
    }
    return result
  }
  // `${NAME:-` looks for its `}` up to the end of the text: past the last `}` none can match, and
  // each would look to the end (quadratic time on a long line). There only `$NAME` is looked for.
  const end = text.lastIndexOf('}') + 1
  return (
    text.slice(0, end).replace(SUBSTITUTION, (_m, braced, op, word, bare) => expand(braced, op, word, bare)) +
    text.slice(end).replace(BARE_SUBSTITUTION, (_m, bare) => expand(undefined, undefined, undefined, bare))
  )
}
const SUBSTITUTION = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g
const BARE_SUBSTITUTION = /\$([A-Za-z_][A-Za-z0-9_]*)/g

const UNQUOTE = (value: string) => value.replace(/^(['"])(.*)\1$/, '$2')
const SINGLE_ARG = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))$/
/**
 * BuildKit's parser directive, `# name=value` among the first lines (only syntax, escape and check
 * are directives): its regular expression, `^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$`, as a
 * JavaScript one would answer, in linear time (the lazy value made that one quadratic in the length
 * of a line of white space). Returns the name and the value, or undefined.
 */
export function parseDirective(line: string): [name: string, value: string] | undefined {
  const head = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=/.exec(line)
  if (!head) return undefined
  const rest = line.slice(head[0].length)
  const value = rest.trim()
  // `.` takes no line terminator; the white space around the value may hold some.
  const TERMINATOR = /[\n\r\u2028\u2029]/
  if (value !== '') return TERMINATOR.test(value) ? undefined : [head[1] as string, value]
  // Only white space: the expression gives the value its last character that is no terminator.
  const last = [...rest].reverse().find((c) => !TERMINATOR.test(c))
  return last === undefined ? undefined : [head[1] as string, last]
}
const KEYWORD = /^(arg|from|copy|run|add|onbuild)[\t\v\f\r ]/i
const HEREDOC = /^(\d*)<<(-?)\s*([^<]*)$/

/** The line without its trailing CR (Go's `TrimRight(line, "\r\n")` on a line split at LF). */
function trimNewline(line: string): string {
  return line.endsWith('\r') ? line.replace(/\r+$/, '') : line
}

/**
 * BuildKit's continuation rule: the escape character ends the line (trailing blanks allowed),
 * unless it is itself escaped. Returns the line without it, or undefined when it does not continue.
 */
function continued(line: string, escapeChar: string): string | undefined {
  let end = line.length
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--
  if (end === 0 || line[end - 1] !== escapeChar || (end >= 2 && line[end - 2] === escapeChar)) return undefined
  return line.slice(0, end - 1)
}

/** The words of a shell line, quotes kept, as BuildKit's lexer splits it to find heredocs. */
const SHELL_WORD = /(?:[^\s'"\\]+|\\[\s\S]?|'[^']*'?|"(?:[^"\\]|\\[\s\S])*"?)+/g

/** A heredoc word's name without its quotes and escapes (`"EOF"`, `'EOF'`, `E\OF` -> `EOF`). */
function heredocName(word: string): string {
  return word.replace(/'([^']*)'?|"((?:[^"\\]|\\[\s\S])*)"?|\\([\s\S]?)/g, (_m, single, double, escaped) =>
    single !== undefined ? single : double !== undefined ? (double as string).replace(/\\(["\\$`])/g, '$1') : (escaped ?? ''),
  )
}

/**
 * The heredocs an instruction opens (`<<EOF`, `<<-EOF`, `<<"EOF"`, several on one line), in order;
 * as in BuildKit, only RUN, COPY and ADD (also after ONBUILD) in shell form take them.
 */
function heredocs(keyword: string, rest: string, escapeChar: string): { name: string; chomp: boolean }[] {
  let inner = keyword
  let args = rest
  if (keyword === 'ONBUILD') {
    const space = rest.search(/\s/)
    inner = (space === -1 ? rest : rest.slice(0, space)).toUpperCase()
    args = space === -1 ? '' : rest.slice(space + 1)
  }
  if (inner !== 'RUN' && inner !== 'COPY' && inner !== 'ADD') return []
  const command = splitFlags(args, escapeChar).rest
  if (command.startsWith('[') && isJsonArray(command)) return []
  const found: { name: string; chomp: boolean }[] = []
  for (const [word] of rest.matchAll(SHELL_WORD)) {
    const match = HEREDOC.exec(word)
    const name = match?.[3] ? heredocName(match[3]) : ''
    if (match && name !== '') found.push({ name, chomp: match[2] === '-' })
  }
  return found
}

function isJsonArray(text: string): boolean {
  try {
    return Array.isArray(JSON.parse(text))
  } catch {
    return false
  }
}

/**
 * Calls `take` with each instruction of a Dockerfile (keyword in upper case, the rest, its first
 * line, the escape character), the way BuildKit's parser splits them.
 */
function forEachInstruction(text: string, take: (keyword: string, rest: string, line: number, escapeChar: string) => void): void {
  const lines = text.split('\n')
  let escapeChar = '\\'
  let directives = true
  for (let i = 0; i < lines.length; i++) {
    const first = trimNewline(i === 0 ? (lines[0] as string).replace(/^\uFEFF/, '') : (lines[i] as string)).trimStart()
    if (directives) {
      // Directives come first: the first line that is not one (a blank line too) ends them.
      const directive = parseDirective(first)
      const name = directive?.[0].toLowerCase()
      directives = name === 'escape' || name === 'syntax' || name === 'check'
      if (name === 'escape' && (directive?.[1] === '`' || directive?.[1] === '\\')) escapeChar = directive[1]
    }
    if (first === '' || first[0] === '#') continue
    const start = i + 1
    let more = continued(first, escapeChar)
    let line = more ?? first
    while (more !== undefined && ++i < lines.length) {
      const next = trimNewline(lines[i] as string)
      const lead = next.trimStart()
      // Comment and empty lines inside a continued instruction are dropped, not joined.
      if (lead === '' || lead[0] === '#') continue
      more = continued(next, escapeChar)
      line += more ?? next
    }
    // Only these instructions name images or open heredocs: the others are not split into words.
    const keyword = KEYWORD.exec(line)?.[1]?.toUpperCase()
    if (keyword === undefined) continue
    const rest = line.slice(keyword.length).trim()
    if (rest.includes('<<')) {
      for (const doc of heredocs(keyword, rest, escapeChar)) i = skipHeredoc(lines, i, doc)
    }
    take(keyword, rest, start, escapeChar)
  }
}

/** The index of a heredoc's terminator line (its body is not Dockerfile text), or the last line when it has none. */
function skipHeredoc(lines: readonly string[], from: number, doc: { name: string; chomp: boolean }): number {
  let i = from + 1
  for (; i < lines.length; i++) {
    const candidate = trimNewline(lines[i] as string)
    if ((doc.chomp ? candidate.replace(/^\t+/, '') : candidate) === doc.name) return i
  }
  return i
}

/**
 * BuildKit's builder flags: the leading `--name=value` words (quotes and escapes resolved), and the
 * rest of the line.
 */
function splitFlags(args: string, escapeChar: string): { flags: string[]; rest: string } {
  const flags: string[] = []
  let pos = 0
  for (;;) {
    while (pos < args.length && isBlank(args.charCodeAt(pos))) pos++
    if (!args.startsWith('--', pos)) return { flags, rest: args.slice(pos) }
    let word = ''
    let quote = ''
    for (; pos < args.length; pos++) {
      let ch = args[pos] as string
      if (quote === '' && isBlank(args.charCodeAt(pos))) break
      if (quote === '' && (ch === '"' || ch === "'")) quote = ch
      else if (quote !== '' && ch === quote) quote = ''
      else {
        if (ch === escapeChar && pos + 1 < args.length) ch = args[++pos] as string
        else if (ch === escapeChar) continue
        word += ch
      }
    }
    if (word === '--') return { flags, rest: args.slice(pos).trimStart() }
    flags.push(word)
  }
}

/** Space, tab, CR, LF, VT, FF: the white space between builder flags. */
function isBlank(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13)
}

/** The value of `--name=` among builder flags (the last one given). */
function flagValue(flags: readonly string[], name: string): string | undefined {
  let value: string | undefined
  for (const flag of flags) if (flag.startsWith(`--${name}=`)) value = flag.slice(name.length + 3)
  return value
}

/** The `from` of a `--mount` spec (CSV `key=value` fields) whose type reads from an image: bind (the default) or cache. */
function mountFrom(spec: string): string | undefined {
  let type = 'bind'
  let from: string | undefined
  for (const raw of spec.match(/"(?:[^"]|"")*"|[^,]+/g) ?? []) {
    const field = raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw
    const eq = field.indexOf('=')
    const key = field.slice(0, eq).toLowerCase()
    if (key === 'type') type = field.slice(eq + 1).toLowerCase()
    else if (key === 'from') from = field.slice(eq + 1)
  }
  return type === 'bind' || type === 'cache' ? from : undefined
}

/**
 * The images a Dockerfile names, global ARGs substituted: each FROM (also those of earlier stages,
 * whose `stage` names the stage they start), each `COPY --from=` and each `RUN --mount=...,from=`
 * (these may name a stage too; the caller tells them apart). `buildArgs` are the `--build-arg`
 * values the build gets: as in the builder, they replace the default of a global ARG the Dockerfile
 * declares.
 */
export function parseImageReferences(text: string, buildArgs: Readonly<Record<string, string>> = {}, file?: string): ImageReference[] {
  const globals = new Map<string, string>()
  const found: ImageReference[] = []
  const budget: Budget = { left: LIMITS.substitutedChars }
  let fromSeen = false
  const add = (instruction: ImageInstruction, raw: string, line: number, stage?: string) => {
    const arg = SINGLE_ARG.exec(raw)
    found.push({
      instruction,
      raw,
      image: substitute(raw, globals, budget),
      ...(arg ? { arg: (arg[1] ?? arg[2]) as string } : {}),
      ...(stage ? { stage } : {}),
      line,
    })
  }
  forEachInstruction(text, (keyword, rest, line, escapeChar) => {
    try {
      fromSeen = readInstruction(keyword, rest, line, escapeChar, fromSeen)
    } catch (error) {
      if (error instanceof LimitError)
        throw new LimitError(`the Dockerfile${file === undefined ? '' : ` '${file}'`}, line ${line}: ${error.message}`)
      throw error
    }
  })
  return found

  /** Takes what one instruction names; returns whether a FROM has been seen. */
  function readInstruction(keyword: string, rest: string, line: number, escapeChar: string, fromSeen: boolean): boolean {
    if (keyword === 'ARG' && !fromSeen) {
      for (const decl of rest.split(/\s+/)) declareGlobal(globals, decl, buildArgs, budget)
    } else if (keyword === 'FROM') {
      fromSeen = true
      const words = splitFlags(rest, escapeChar).rest.split(/\s+/)
      const stage = words.length >= 3 && words[1]?.toUpperCase() === 'AS' ? words[2]?.toLowerCase() : undefined
      add('FROM', words[0] ?? '', line, stage)
    } else if (keyword === 'COPY' && rest.includes('--from')) {
      const from = flagValue(splitFlags(rest, escapeChar).flags, 'from')
      if (from) add('COPY --from', from, line)
    } else if (keyword === 'RUN' && rest.includes('--mount')) {
      for (const flag of splitFlags(rest, escapeChar).flags) {
        const from = flag.startsWith('--mount=') ? mountFrom(flag.slice(8)) : undefined
        if (from) add('RUN --mount', from, line)
      }
    }
    return fromSeen
  }
}

/** One `NAME[=default]` of a global ARG, as the builder sets it: a build arg wins over the default. */
function declareGlobal(globals: Map<string, string>, decl: string, buildArgs: Readonly<Record<string, string>>, budget: Budget): void {
  const eq = decl.indexOf('=')
  const name = eq === -1 ? decl : decl.slice(0, eq)
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return
  const given = Object.hasOwn(buildArgs, name) ? buildArgs[name] : undefined
  globals.set(
    name,
    given !== undefined ? given : eq === -1 ? (globals.get(name) ?? '') : substitute(UNQUOTE(decl.slice(eq + 1)), globals, budget),
  )
}

/** The FROM lines of a Dockerfile, global ARGs substituted (see parseImageReferences). */
export function parseFromLines(text: string, buildArgs: Readonly<Record<string, string>> = {}, file?: string): FromLine[] {
  return parseImageReferences(text, buildArgs, file).filter((r) => r.instruction === 'FROM')
}
