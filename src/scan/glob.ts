/**
 * The `dockerfiles` patterns, matched against repository-relative POSIX paths in time linear in the
 * path: in `diff` mode the file names are a pull request's, and a matcher that backtracks (a regular
 * expression per pattern, as picomatch builds) takes seconds for a pattern with eight `*`s on a name
 * of 60 characters, and its time grows as the eighth power of the length (docs/decisions/patterns.md).
 *
 * Supported: `*` (any run of characters within one path segment, a leading dot included), `**` (a
 * whole segment: any number of folders), `?` (one character), `[abc]`, `[a-z]`, `[!a-z]` (one
 * character of the set, or not of it; never `/`), `{a,b}` (alternatives, nested too) and a leading
 * `!` to exclude. Case counts, and every other character is itself (`\`, `(`, `+` and `@` too). A
 * pattern without a slash matches the file name in any folder (as in .gitignore), so `Dockerfile`
 * finds `services/api/Dockerfile`; one with a slash, leading (`/Dockerfile`, `./Dockerfile`) or
 * inside, matches from the root only; a trailing slash (`images/`) means every file below.
 */

export interface CompiledPatterns {
  /** Does this repository-relative file path match (included and not excluded)? */
  matches(path: string): boolean
  /** The same, for a file `name` in folder `dir` ('' for the root), without building the path when no pattern needs it. */
  matchesIn(dir: string, name: string): boolean
}

/** One pattern, compiled: it tests a file name, or a whole path. */
export interface Glob {
  /** Tested against the file name rather than the whole path. */
  readonly onName: boolean
  test(text: string): boolean
  /** For a test of the whole path, a test of the file name that every path it matches passes: most files fail it, and need no path. */
  couldBe(name: string): boolean
}

/** Alternatives one pattern's braces may make: each is matched on its own. */
export const MAX_ALTERNATIVES = 1000

export function compilePatterns(patterns: readonly string[]): CompiledPatterns {
  // Patterns without a slash are tested against the file name alone: the walk asks for every file.
  const include: Glob[] = []
  const exclude: Glob[] = []
  for (const raw of patterns) {
    const pattern = raw.trim()
    if (pattern === '' || pattern.startsWith('#')) continue
    if (pattern.startsWith('!')) exclude.push(compileGlob(pattern.slice(1)))
    else include.push(compileGlob(pattern))
  }
  // Plain loops: the walk asks once per file, and a closure per call cost more than the tests.
  const any = (globs: readonly Glob[], dir: string, name: string): boolean => {
    for (const g of globs) {
      if (g.onName ? g.test(name) : g.couldBe(name) && g.test(dir ? `${dir}/${name}` : name)) return true
    }
    return false
  }
  const matchesIn = (dir: string, name: string): boolean => any(include, dir, name) && !any(exclude, dir, name)
  // The usual case, one pattern on the file name alone (`Dockerfile`), is one test per file.
  const only = include.length === 1 && exclude.length === 0 && include[0]?.onName ? include[0] : undefined
  return {
    matches: (path) => {
      const slash = path.lastIndexOf('/')
      return matchesIn(slash === -1 ? '' : path.slice(0, slash), path.slice(slash + 1))
    },
    matchesIn: only ? (_dir, name) => only.test(name) : matchesIn,
  }
}

/** One step within a segment: a character code, ANY_CHAR (`?`), ANY_RUN (`*`), or a character class. */
type Step = number | ((code: number) => boolean)
const ANY_CHAR = -1
const ANY_RUN = -2
/** A test of one segment of a path, `text` from `start` to `end`. */
type SegmentTest = (text: string, start: number, end: number) => boolean
/** A segment of a pattern: its test, or `**` (any number of whole segments). */
type Segment = SegmentTest | '**'
/** What the text of a pattern reads as, before its braces are expanded. */
type Item = Step | '**' | '/' | '{' | ',' | '}'

/** Compiles one pattern (without its `!`); throws an Error naming the pattern when it cannot be compiled. */
export function compileGlob(glob: string): Glob {
  let pattern = glob.trim()
  // As in .gitignore, a leading slash anchors the pattern at the root (`/Dockerfile` is the root's only).
  let anchored = false
  if (pattern.startsWith('./')) {
    pattern = pattern.slice(2)
    anchored = true
  }
  if (pattern.startsWith('/')) {
    pattern = pattern.slice(1)
    anchored = true
  }
  if (pattern.endsWith('/')) pattern = `${pattern}**`
  if (pattern === '') throw new Error(`glob pattern '${glob}' is empty`)
  const items = read(pattern, glob)
  // Without a slash, `**` can only be the whole pattern: it matches every path.
  anchored ||= pattern.includes('/') || items.includes('**')
  const alternatives = expand(items, glob)
  if (!anchored) {
    const test = anyName(alternatives.map((steps) => nameTest(steps as Step[])))
    return { onName: true, test, couldBe: test }
  }
  const paths = alternatives.map(segmentsOf)
  const lasts = paths.map((segments) => segments[segments.length - 1] as Segment)
  return {
    onName: false,
    test: (path) => paths.some((segments) => matchPath(segments, path)),
    couldBe: (name) => lasts.some((last) => last === '**' || last(name, 0, name.length)),
  }
}

/** Reads the text of a pattern into steps, `**`, slashes and braces. */
function read(pattern: string, original: string): Item[] {
  const items: Item[] = []
  let braceDepth = 0
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i)
    if (c === '*' && pattern[i + 1] === '*') {
      const atSegmentStart = i === 0 || pattern[i - 1] === '/'
      const atSegmentEnd = i + 2 === pattern.length || pattern[i + 2] === '/'
      if (!atSegmentStart || !atSegmentEnd) {
        throw new Error(`glob pattern '${original}': '**' must be a whole path segment, as in 'a/**/b'`)
      }
      items.push('**')
      i += 1
    } else if (c === '*') items.push(ANY_RUN)
    else if (c === '?') items.push(ANY_CHAR)
    else if (c === '[') i = characterClass(pattern, i, original, items)
    else if (c === '{') {
      braceDepth++
      items.push('{')
    } else if ((c === '}' || c === ',') && braceDepth > 0) {
      if (c === '}') braceDepth--
      items.push(c)
    } else if (c === '/') items.push('/')
    else items.push(pattern.charCodeAt(i))
  }
  if (braceDepth !== 0) throw new Error(`glob pattern '${original}': '{' has no closing '}'`)
  return items
}

/**
 * Reads `[...]` at `start` (the first `]` after at least one character closes it, so `[]a]` is `]`
 * or `a`) into one step; returns the index of its `]`.
 */
function characterClass(pattern: string, start: number, original: string, items: Item[]): number {
  const end = pattern.indexOf(']', start + 2)
  if (end === -1) throw new Error(`glob pattern '${original}': '[' has no closing ']'`)
  let set = pattern.slice(start + 1, end)
  const negated = set.startsWith('!') || set.startsWith('^')
  if (negated) set = set.slice(1)
  let re: RegExp
  try {
    re = new RegExp(`^[${negated ? '^' : ''}${set.replace(/[\\\]]/g, '\\$&')}]$`)
  } catch (error) {
    throw new Error(`glob pattern '${original}': the character class '${pattern.slice(start, end + 1)}' is not valid`, { cause: error })
  }
  // ASCII from a table, made once: the walk asks every file name.
  const ascii = Uint8Array.from({ length: 128 }, (_, code) => (re.test(String.fromCharCode(code)) ? 1 : 0))
  items.push((code) => (code < 128 ? ascii[code] === 1 : re.test(String.fromCharCode(code))))
  return end
}

/** The brace-free item lists a pattern's braces stand for, at most MAX_ALTERNATIVES. */
function expand(items: readonly Item[], original: string): Item[][] {
  let at = 0
  // A sequence up to the `,` or `}` that ends it, braces expanded.
  const sequence = (): Item[][] => {
    let result: Item[][] = [[]]
    while (at < items.length && items[at] !== ',' && items[at] !== '}') {
      const item = items[at++] as Item
      if (item !== '{') {
        for (const alternative of result) alternative.push(item)
        continue
      }
      const group: Item[][] = []
      do group.push(...sequence())
      while (items[at++] === ',')
      if (result.length * group.length > MAX_ALTERNATIVES) {
        throw new Error(
          `glob pattern '${original}': its braces make more than ${MAX_ALTERNATIVES} alternatives; write them as patterns of their own lines`,
        )
      }
      result = result.flatMap((head) => group.map((tail) => [...head, ...tail]))
    }
    return result
  }
  return sequence()
}

/** The segments of a brace-free anchored pattern. A `**` at the end is one segment or more: `a/**` is every file below `a`, not `a`. */
function segmentsOf(items: readonly Item[]): Segment[] {
  const segments: Segment[] = []
  let current: Item[] = []
  for (const item of [...items, '/' as const]) {
    if (item !== '/') current.push(item)
    else {
      // `**` is always a whole segment (see read).
      segments.push(current[0] === '**' ? '**' : segmentTest(current as Step[]))
      current = []
    }
  }
  if (segments[segments.length - 1] === '**') segments.splice(-1, 1, segmentTest([ANY_RUN]), '**')
  return segments
}

/** Steps without a `*` between them, and their text when they are all plain characters. */
interface Run {
  readonly steps: readonly Step[]
  readonly text: string | undefined
}

/**
 * One segment's steps split at its `*`s: the run before the first, the runs between, the run after
 * the last (undefined without a `*`), and the fewest characters it matches.
 */
interface Parts {
  readonly head: Run
  readonly middle: readonly Run[]
  readonly tail: Run | undefined
  readonly least: number
}

function partsOf(steps: readonly Step[]): Parts {
  const runs: Run[] = []
  let current: Step[] = []
  for (const step of [...steps, ANY_RUN]) {
    if (step !== ANY_RUN) current.push(step)
    else {
      const plain = current.every((s) => typeof s === 'number' && s >= 0)
      runs.push({ steps: current, text: plain ? (current as number[]).map((code) => String.fromCharCode(code)).join('') : undefined })
      current = []
    }
  }
  const least = runs.reduce((sum, run) => sum + run.steps.length, 0)
  const head = runs[0] as Run
  return runs.length === 1
    ? { head, middle: [], tail: undefined, least }
    : { head, middle: runs.slice(1, -1), tail: runs[runs.length - 1], least }
}

/** The plain name a segment is, or the plain suffix of a `*suffix` one: string compares, no steps. */
function plainOf({ head, middle, tail }: Parts): { literal?: string; suffix?: string } {
  if (tail === undefined) return head.text === undefined ? {} : { literal: head.text }
  return head.steps.length === 0 && middle.length === 0 && tail.text !== undefined ? { suffix: tail.text } : {}
}

function segmentTest(steps: readonly Step[]): SegmentTest {
  const parts = partsOf(steps)
  const { literal, suffix } = plainOf(parts)
  if (literal !== undefined) return (text, start, end) => end - start === literal.length && text.startsWith(literal, start)
  if (suffix !== undefined) return (text, start, end) => end - start >= suffix.length && text.startsWith(suffix, end - suffix.length)
  return (text, start, end) => matchSegment(parts, text, start, end)
}

/** A test of a whole file name, the test the walk asks of every file; `literal` for a plain name. */
interface NameTest {
  readonly test: (name: string) => boolean
  readonly literal?: string
}

function nameTest(steps: readonly Step[]): NameTest {
  const parts = partsOf(steps)
  const { literal, suffix } = plainOf(parts)
  if (literal !== undefined) return { test: (name) => name === literal, literal }
  if (suffix !== undefined) return { test: (name) => name.endsWith(suffix) }
  return { test: (name) => matchSegment(parts, name, 0, name.length) }
}

/** One test of a file name for a pattern's alternatives; plain names (`{Dockerfile,Containerfile}`) are looked up. */
function anyName(tests: readonly NameTest[]): (name: string) => boolean {
  if (tests.length === 1) return (tests[0] as NameTest).test
  if (tests.every((t) => t.literal !== undefined)) {
    const names = new Set(tests.map((t) => t.literal))
    return (name) => names.has(name)
  }
  return (name) => tests.some((t) => t.test(name))
}

function passes(step: Step, code: number): boolean {
  return typeof step === 'number' ? step === code || step === ANY_CHAR : step(code)
}

/** Does `run` match `text` at `at` (the caller has checked there is room)? */
function fits(run: Run, text: string, at: number): boolean {
  if (run.text !== undefined) return text.startsWith(run.text, at)
  for (let i = 0; i < run.steps.length; i++) if (!passes(run.steps[i] as Step, text.charCodeAt(at + i))) return false
  return true
}

/** The first place from `from` where `run` fits before `limit`, or -1. */
function find(run: Run, text: string, from: number, limit: number): number {
  const last = limit - run.steps.length
  // indexOf may look past `limit`, so only where the segment ends the text (a file name): the work stays linear.
  if (run.text !== undefined && limit === text.length) {
    const at = text.indexOf(run.text, from)
    return at <= last ? at : -1
  }
  for (let at = from; at <= last; at++) if (fits(run, text, at)) return at
  return -1
}

/**
 * Does `text` from `start` to `end` (one segment) match? The head and the tail have fixed places;
 * between them each run is taken where it first fits: the `*`s around it can take whatever a later
 * place would leave, so this finds a match when there is one, in O(length × steps).
 */
function matchSegment(parts: Parts, text: string, start: number, end: number): boolean {
  const { head, middle, tail } = parts
  if (tail === undefined) return end - start === head.steps.length && fits(head, text, start)
  if (end - start < parts.least || !fits(head, text, start) || !fits(tail, text, end - tail.steps.length)) return false
  let at = start + head.steps.length
  const limit = end - tail.steps.length
  for (const run of middle) {
    const found = find(run, text, at, limit)
    if (found === -1) return false
    at = found + run.steps.length
  }
  return true
}

/**
 * Does the whole `path` match `segments`? The same greedy walk one level up: each segment of the
 * pattern takes one segment of the path, and going back to the last `**` lets it take one more.
 */
function matchPath(segments: readonly Segment[], path: string): boolean {
  let s = 0
  // The start of the path's current segment; past the end (length + 1) when every segment is taken.
  let at = 0
  let backSegment = -1
  let backAt = -1
  while (s < segments.length || at <= path.length) {
    const segment = segments[s]
    const end = at <= path.length ? segmentEnd(path, at) : -1
    if (segment === '**') {
      backSegment = s++
      backAt = end === -1 ? -1 : end + 1
      continue
    }
    if (segment !== undefined && end !== -1 && segment(path, at, end)) {
      s++
      at = end + 1
      continue
    }
    if (backAt === -1) return false
    s = backSegment
    at = backAt
  }
  return true
}

function segmentEnd(path: string, start: number): number {
  const slash = path.indexOf('/', start)
  return slash === -1 ? path.length : slash
}
