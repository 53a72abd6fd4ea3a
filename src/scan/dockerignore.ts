import path from 'node:path'

/**
 * Docker's `.dockerignore` rules (Moby's fileutils, as @balena/dockerignore reads them), matched in
 * time linear in the path: the rules are a pull request's text in `diff` mode, and a matcher that
 * backtracks (a regular expression per rule, as the library builds) can be made to run for hours by
 * a one-line rule and one long file name.
 *
 * The rules: a line starting with `#` is a comment; `!` negates; the path is cleaned (`a/./b/` is
 * `a/b`, a leading `/` dropped); `*` is any run of characters but `/`, `?` one such character, `**`
 * any number of folders, `[...]` a character class, `\` makes the next character plain; letters match
 * in either case. A rule that matches a folder of a path matches the path. The last rule that
 * matches decides. Unlike the library, `(`, `)`, `+`, `{`, `}`, `|` and `^` are plain characters and
 * `\d` is `d`, as in Docker (the library passed them to a regular expression).
 */

/** A rule compiled to a small automaton: state i is "the first i steps matched". */
interface Rule {
  readonly negative: boolean
  /** Folders of the cleaned pattern (`**` among them makes every ancestor a candidate). */
  readonly dirs: readonly string[]
  readonly automaton: Automaton
}

/** How a step consumes one UTF-16 code unit (the unit a JavaScript regular expression matches). */
type Test =
  | { readonly kind: 'char'; readonly code: number }
  | { readonly kind: 'class'; readonly re: RegExp }
  | { readonly kind: 'notSlash' | 'any' | 'slash' }

interface Automaton {
  readonly states: number
  /** The same as bit masks, for an automaton of at most 30 states (nearly every rule): no allocation per run. */
  readonly masks?: Masks
  /** Step from state i to i + 1, consuming a character. */
  readonly advance: (Test | undefined)[]
  /** Stay in state i, consuming a character. */
  readonly loop: (Test | undefined)[]
  /** Move from state i to i + 1 (skip1) or i + 2 (skip2) without consuming. */
  readonly skip1: boolean[]
  readonly skip2: boolean[]
}

/** Bit s of `advance[c]` (`loop[c]`): state s advances (loops) on the character code c. */
interface Masks {
  readonly advance: Int32Array
  readonly loop: Int32Array
  readonly skip1: number
  readonly skip2: number
  /** The masks of characters past ASCII, as they come. */
  readonly wide: Map<number, readonly [number, number]>
}

const SLASH = 47
const MASK_STATES = 30
/** Characters past ASCII whose masks a rule keeps. */
const WIDE_CACHE = 256

/** Canonicalize of ECMAScript's case-insensitive, non-Unicode matching: what the library's `i` flag compares. */
function fold(code: number): number {
  if (code < 128) return code >= 97 && code <= 122 ? code - 32 : code
  const upper = String.fromCharCode(code).toUpperCase()
  if (upper.length !== 1) return code
  const folded = upper.charCodeAt(0)
  return folded < 128 ? code : folded
}

function passes(test: Test, code: number): boolean {
  switch (test.kind) {
    case 'char':
      return fold(code) === test.code
    case 'notSlash':
      return code !== SLASH
    case 'any':
      return true
    case 'slash':
      return code === SLASH
    case 'class':
      return test.re.test(String.fromCharCode(code))
  }
}

/** Go's filepath.Clean, as the library does it: normalised, without a trailing slash. */
function cleanPath(file: string): string {
  return path.posix.normalize(file).replace(/(?<=.)\/$/, '')
}

/**
 * Parses one line as the library does (quirks included: `!a/..` cleans to `.`, a rule that is no
 * longer negative); undefined for a line that is no rule. Throws on a pattern Docker refuses too
 * (an unclosed or invalid character class).
 */
function parseRule(line: string): Rule | undefined {
  if (line.startsWith('#') || line.trim() === '') return undefined
  let pattern = line.trim()
  let negative = false
  if (pattern.startsWith('!')) {
    negative = true
    pattern = pattern.slice(1).trim()
  }
  if (pattern.length > 0) {
    pattern = cleanPath(pattern)
    if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1)
  }
  if (negative) pattern = `!${pattern}`
  pattern = pattern.trim()
  if (pattern === '') return undefined
  pattern = cleanPath(pattern)
  if (pattern === '!') return undefined
  negative = pattern.startsWith('!')
  return compiled(negative ? pattern.slice(1) : pattern, negative)
}

function compiled(pattern: string, negative: boolean): Rule {
  return { negative, dirs: pattern.split('/'), automaton: compile(pattern) }
}

/** The automaton of a pattern: the library's regular expression, step by step. */
function compile(pattern: string): Automaton {
  const advance: (Test | undefined)[] = []
  const loop: (Test | undefined)[] = []
  const skip1: boolean[] = []
  const skip2: boolean[] = []
  let state = 0
  const step = (test: Test) => {
    advance[state] = test
    state++
  }
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string
    if (ch === '*' && pattern[i + 1] === '*') {
      i++
      if (pattern[i + 1] === '/') i++
      if (i + 1 >= pattern.length) {
        // `**` at the end: anything, slashes included (`.*`).
        skip1[state] = true
        loop[state + 1] = { kind: 'any' }
        state++
      } else {
        // `**` before more: nothing, or anything that ends with a slash (`(.*/)?`).
        skip2[state] = true
        skip1[state] = true
        loop[state + 1] = { kind: 'any' }
        advance[state + 1] = { kind: 'slash' }
        state += 2
      }
    } else if (ch === '*') {
      skip1[state] = true
      loop[state + 1] = { kind: 'notSlash' }
      state++
    } else if (ch === '?') step({ kind: 'notSlash' })
    else if (ch === '[') i = characterClass(pattern, i, step)
    else if (ch === '\\' && i + 1 < pattern.length) step({ kind: 'char', code: fold(pattern.charCodeAt(++i)) })
    else step({ kind: 'char', code: fold(pattern.charCodeAt(i)) })
  }
  const automaton = { states: state + 1, advance, loop, skip1, skip2 }
  return state + 1 <= MASK_STATES ? { ...automaton, masks: masksOf(automaton) } : automaton
}

function masksOf(a: Omit<Automaton, 'masks'>): Masks {
  const advance = new Int32Array(128)
  const loop = new Int32Array(128)
  let skip1 = 0
  let skip2 = 0
  for (let s = 0; s < a.states; s++) {
    const step = a.advance[s]
    if (step) mark(advance, step, 1 << s)
    const stay = a.loop[s]
    if (stay) mark(loop, stay, 1 << s)
    if (a.skip1[s]) skip1 |= 1 << s
    if (a.skip2[s]) skip2 |= 1 << s
  }
  return { advance, loop, skip1, skip2, wide: new Map() }
}

/** Sets `bit` for every ASCII code `test` passes. */
function mark(table: Int32Array, test: Test, bit: number): void {
  if (test.kind === 'char') {
    // A folded code below 128 is an ASCII character, and only ASCII characters fold to it.
    if (test.code < 128) table[test.code] = (table[test.code] as number) | bit
    if (test.code >= 65 && test.code <= 90) table[test.code + 32] = (table[test.code + 32] as number) | bit
    return
  }
  for (let code = 0; code < 128; code++) if (passes(test, code)) table[code] = (table[code] as number) | bit
}

function maskPair(a: Omit<Automaton, 'masks'>, code: number): [number, number] {
  let advance = 0
  let loop = 0
  for (let s = 0; s < a.states; s++) {
    const step = a.advance[s]
    if (step && passes(step, code)) advance |= 1 << s
    const stay = a.loop[s]
    if (stay && passes(stay, code)) loop |= 1 << s
  }
  return [advance, loop]
}

/** run() on bit masks. */
function runMasks(a: Automaton, m: Masks, text: string, fromSegment: number): boolean {
  const closeMask = (set: number): number => {
    for (;;) {
      const more = set | ((set & m.skip1) << 1) | ((set & m.skip2) << 2)
      if (more === set) return set
      set = more
    }
  }
  const accept = 1 << (a.states - 1)
  let current = closeMask(1)
  let segment = 0
  if (fromSegment === 0 && current & accept) return true
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (fromSegment >= 0 && code === SLASH && ++segment >= fromSegment && current & accept) return true
    let advance: number
    let loop: number
    if (code < 128) {
      advance = m.advance[code] as number
      loop = m.loop[code] as number
    } else {
      let pair = m.wide.get(code)
      if (pair === undefined) {
        pair = maskPair(a, code)
        // Bounded: the names of a pull request may use every character there is.
        if (m.wide.size < WIDE_CACHE) m.wide.set(code, pair)
      }
      ;[advance, loop] = pair
    }
    const next = ((current & advance) << 1) | (current & loop)
    if (next === 0) return false
    current = closeMask(next)
  }
  return (fromSegment < 0 || segment + 1 >= fromSegment) && (current & accept) !== 0
}

/** Reads `[...]` starting at `start` into one step; returns the index of its `]`. */
function characterClass(pattern: string, start: number, step: (test: Test) => void): number {
  let body = ''
  let i = start + 1
  if (pattern[i] === '^') {
    body += '^'
    i++
  }
  const first = i
  for (; i < pattern.length; i++) {
    const ch = pattern[i] as string
    if (ch === ']' && i > first) break
    if (ch === '\\' && i + 1 < pattern.length) {
      // As in Go, an escaped letter or digit is that character (a regular expression would read `\d` as a digit).
      const next = pattern[++i] as string
      body += /[A-Za-z0-9]/.test(next) ? next : `\\${next}`
    } else if (ch === '-' && i > first && i + 1 < pattern.length && pattern[i + 1] !== ']') body += '-'
    else body += /[\]\\[^-]/.test(ch) ? `\\${ch}` : ch
  }
  if (i >= pattern.length) throw new Error("'[' has no closing ']'")
  let re: RegExp
  try {
    re = new RegExp(`^[${body}]$`, 'i')
  } catch (error) {
    throw new Error(`the character class '${pattern.slice(start, i + 1)}' is not valid`, { cause: error })
  }
  step({ kind: 'class', re })
  return i
}

/**
 * Runs the automaton over `text` (O(length × states)); with `fromSegment` 0 or more, reports
 * whether it accepted at any prefix that ends where a folder ends (before a `/`, or at the end) and
 * has at least `fromSegment` folders.
 */
function run(a: Automaton, text: string, fromSegment = -1): boolean {
  if (a.masks) return runMasks(a, a.masks, text, fromSegment)
  let current = new Uint8Array(a.states)
  let next = new Uint8Array(a.states)
  current[0] = 1
  close(a, current)
  const last = a.states - 1
  let segment = 0
  if (fromSegment === 0 && current[last]) return true
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (fromSegment >= 0 && code === SLASH) {
      segment++
      if (segment >= fromSegment && current[last]) return true
    }
    next.fill(0)
    let any = false
    for (let s = 0; s < a.states; s++) {
      if (!current[s]) continue
      const loop = a.loop[s]
      if (loop && passes(loop, code)) {
        next[s] = 1
        any = true
      }
      const advance = a.advance[s]
      if (advance && passes(advance, code)) {
        next[s + 1] = 1
        any = true
      }
    }
    if (!any) return false
    close(a, next)
    ;[current, next] = [next, current]
  }
  if (fromSegment >= 0) return segment + 1 >= fromSegment && current[last] === 1
  return current[last] === 1
}

/** Adds the states reachable without consuming (every such move goes forward: one pass). */
function close(a: Automaton, set: Uint8Array): void {
  for (let s = 0; s < a.states; s++) {
    if (!set[s]) continue
    if (a.skip1[s]) set[s + 1] = 1
    if (a.skip2[s]) set[s + 2] = 1
  }
}

export interface DockerIgnore {
  readonly rules: number
  /**
   * What matching one character of a path costs, in steps: one per rule, and one per two states for
   * a rule too long for bit masks (its states are visited one by one). A path of n characters costs
   * at most 2n times this (the path, then its folders).
   */
  readonly weight: number
  /** Whether `rel` (a clean relative path with `/`) is excluded. */
  ignores(rel: string): boolean
}

/** The rules of an ignore file's lines; throws with the line's number on a pattern Docker refuses too. */
export function parseDockerignore(lines: readonly string[]): DockerIgnore {
  const rules: Rule[] = []
  lines.forEach((line, i) => {
    try {
      const rule = parseRule(line)
      if (rule) rules.push(rule)
    } catch (error) {
      throw new Error(`line ${i + 1}, '${line.trim()}': ${(error as Error).message}`, { cause: (error as Error).cause })
    }
  })
  const weight = rules.reduce((sum, r) => sum + (r.automaton.masks ? 1 : Math.ceil(r.automaton.states / 2)), 0)
  return { rules: rules.length, weight, ignores: (rel) => ignores(rules, rel) }
}

function ignores(rules: readonly Rule[], file: string): boolean {
  const parent = cleanPath(path.posix.dirname(file))
  const parentDepth = parent === '.' ? 0 : parent.split('/').length
  let matched = false
  for (const rule of rules) {
    let match = run(rule.automaton, file)
    if (!match && parent !== '.') {
      if (rule.dirs.includes('**')) {
        // The library tries every ancestor with at least this many folders: one run, checked at each folder's end.
        match = run(rule.automaton, parent, rule.dirs.filter((d) => d !== '**').length)
      } else if (rule.dirs.length <= parentDepth) {
        match = run(rule.automaton, rule.dirs.length === parentDepth ? parent : prefixOf(parent, rule.dirs.length))
      }
    }
    if (match) matched = !rule.negative
  }
  return matched
}

/** The first `count` folders of `parent`. */
function prefixOf(parent: string, count: number): string {
  let end = -1
  for (let i = 0; i < count; i++) end = parent.indexOf('/', end + 1)
  return parent.slice(0, end)
}
