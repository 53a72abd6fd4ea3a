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

/**
 * The UTF-16 code units (the unit a JavaScript regular expression matches) a step consumes, as
 * sorted bounds: `[from, to)` for each run, so a code unit is in the set when an odd number of
 * bounds are at or below it. Letters of either case are in it already: matching a character needs
 * no case conversion and no regular expression, whatever the character.
 */
type Units = Int32Array

/** A rule's steps, state by state, as the pattern reads. */
interface Steps {
  readonly states: number
  /** Step from state i to i + 1, consuming a character. */
  readonly advance: (Units | undefined)[]
  /** Stay in state i, consuming a character. */
  readonly loop: (Units | undefined)[]
  /** Move from state i to i + 1 (skip1) or i + 2 (skip2) without consuming. */
  readonly skip1: boolean[]
  readonly skip2: boolean[]
}

/**
 * The steps as bit masks, 32 states to a word: a character costs a few operations per word, and a
 * character past ASCII a binary search of the word's runs (see Word) on top.
 */
interface Automaton {
  readonly states: number
  readonly words: readonly Word[]
  /** The sets of states of a run (one run at a time). */
  readonly current: Int32Array
  readonly next: Int32Array
}

/** States 32w to 32w + 31 of an automaton, as bit 0 to 31. */
interface Word {
  /** The states that move to the next state (skip1), or the one after (skip2), without consuming. */
  readonly skip1: number
  readonly skip2: number
  /**
   * Pairs of masks, the states that advance and those that stay on a character: at 2c for the
   * ASCII code c, at 2 (128 + r) for the characters of run r past ASCII.
   */
  readonly masks: Int32Array
  /**
   * Past ASCII, the code units come in runs on which every state of the word answers alike: where
   * each starts (the first at 128). One run for a rule with no class or letter past ASCII.
   */
  readonly starts: Int32Array
}

const SLASH = 47
/** Code units: one past the largest. */
const UNITS = 0x10000
const ANY: Units = Int32Array.of(0, UNITS)
const NOT_SLASH: Units = Int32Array.of(0, SLASH, SLASH + 1, UNITS)
const ONLY_SLASH: Units = Int32Array.of(SLASH, SLASH + 1)
/** In a character class, a `-` between two characters (a range), as the library's regular expression reads it. */
const RANGE = -1

/** Canonicalize of ECMAScript's case-insensitive, non-Unicode matching: what the library's `i` flag compares. */
function fold(code: number): number {
  if (code < 128) return code >= 97 && code <= 122 ? code - 32 : code
  const upper = String.fromCharCode(code).toUpperCase()
  if (upper.length !== 1) return code
  const folded = upper.charCodeAt(0)
  return folded < 128 ? code : folded
}

/** The code units past ASCII that fold with another (none folds with an ASCII one), in groups. */
interface Folding {
  readonly fold: Uint16Array
  /** Every code unit of a group, in order. */
  readonly members: Int32Array
  /** The group of each folded code unit. */
  readonly groups: ReadonlyMap<number, readonly number[]>
}

let folding: Folding | undefined

/** Made once, when a rule first has a character past ASCII: 65,536 case conversions, some 20 ms. */
function wideFolding(): Folding {
  if (folding) return folding
  const folded = new Uint16Array(UNITS)
  const groups = new Map<number, number[]>()
  for (let c = 0; c < UNITS; c++) {
    folded[c] = fold(c)
    if (c >= 128 && folded[c] !== c) groups.set(folded[c] as number, [])
  }
  const members: number[] = []
  for (let c = 128; c < UNITS; c++) {
    const group = groups.get(folded[c] as number)
    if (group) {
      group.push(c)
      members.push(c)
    }
  }
  folding = { fold: folded, members: Int32Array.from(members), groups }
  return folding
}

/** The index of the last of the sorted `bounds` at or below `code`, -1 when none is. */
function lastAtOrBelow(bounds: Int32Array, code: number): number {
  let low = 0
  let high = bounds.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if ((bounds[mid] as number) <= code) low = mid + 1
    else high = mid
  }
  return low - 1
}

/** The set of the inclusive ranges `[from, to, from, to, ...]`, in any order. */
function unitsOf(ranges: readonly number[]): Units {
  const pairs: [number, number][] = []
  for (let k = 0; k < ranges.length; k += 2) pairs.push([ranges[k] as number, (ranges[k + 1] as number) + 1])
  pairs.sort((x, y) => x[0] - y[0])
  const bounds: number[] = []
  for (const [from, to] of pairs) {
    const last = bounds.length - 1
    if (last > 0 && from <= (bounds[last] as number)) bounds[last] = Math.max(bounds[last] as number, to)
    else bounds.push(from, to)
  }
  return Int32Array.from(bounds)
}

/** The code units not in `units`. */
function complement(units: Units): Units {
  const bounds = Array.from(units)
  if (bounds[0] === 0) bounds.shift()
  else bounds.unshift(0)
  if (bounds[bounds.length - 1] === UNITS) bounds.pop()
  else bounds.push(UNITS)
  return Int32Array.from(bounds)
}

/**
 * The code units that match the inclusive `ranges` when letters match in either case: those whose
 * fold is the fold of one in the ranges, as the `i` flag compares them.
 */
function caseless(ranges: readonly number[]): Units {
  const all = [...ranges]
  for (let k = 0; k < ranges.length; k += 2) {
    const from = ranges[k] as number
    const to = ranges[k + 1] as number
    // ASCII letters: the other case.
    if (from <= 90 && to >= 65) all.push(Math.max(from, 65) + 32, Math.min(to, 90) + 32)
    if (from <= 122 && to >= 97) all.push(Math.max(from, 97) - 32, Math.min(to, 122) - 32)
    if (to < 128) continue
    const { fold: folded, members, groups } = wideFolding()
    for (let i = lastAtOrBelow(members, from - 1) + 1; i < members.length && (members[i] as number) <= to; i++) {
      for (const other of groups.get(folded[members[i] as number] as number) ?? []) if (other < from || other > to) all.push(other, other)
    }
  }
  return unitsOf(all)
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

/** The steps of a pattern: the library's regular expression, step by step. */
function stepsOf(pattern: string): Steps {
  const advance: (Units | undefined)[] = []
  const loop: (Units | undefined)[] = []
  const skip1: boolean[] = []
  const skip2: boolean[] = []
  let state = 0
  const step = (units: Units) => {
    advance[state] = units
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
        loop[state + 1] = ANY
        state++
      } else {
        // `**` before more: nothing, or anything that ends with a slash (`(.*/)?`).
        skip2[state] = true
        skip1[state] = true
        loop[state + 1] = ANY
        advance[state + 1] = ONLY_SLASH
        state += 2
      }
    } else if (ch === '*') {
      skip1[state] = true
      loop[state + 1] = NOT_SLASH
      state++
    } else if (ch === '?') step(NOT_SLASH)
    else if (ch === '[') i = characterClass(pattern, i, step)
    else {
      if (ch === '\\' && i + 1 < pattern.length) i++
      const code = pattern.charCodeAt(i)
      step(caseless([code, code]))
    }
  }
  return { states: state + 1, advance, loop, skip1, skip2 }
}

/** The automaton of a pattern: its steps as bit masks. */
function compile(pattern: string): Automaton {
  const steps = stepsOf(pattern)
  const words: Word[] = []
  for (let first = 0; first < steps.states; first += 32) words.push(wordOf(steps, first, Math.min(steps.states, first + 32)))
  return { states: steps.states, words, current: new Int32Array(words.length), next: new Int32Array(words.length) }
}

/** The word of states `first` to `end - 1`. */
function wordOf(steps: Steps, first: number, end: number): Word {
  const sets: [Units, number, 0 | 1][] = []
  let skip1 = 0
  let skip2 = 0
  for (let s = first; s < end; s++) {
    const bit = 1 << (s - first)
    const advance = steps.advance[s]
    if (advance) sets.push([advance, bit, 0])
    const loop = steps.loop[s]
    if (loop) sets.push([loop, bit, 1])
    if (steps.skip1[s]) skip1 |= bit
    if (steps.skip2[s]) skip2 |= bit
  }
  const starts = runStarts(sets.map(([units]) => units))
  const masks = new Int32Array(2 * (128 + starts.length))
  for (const [units, bit, kind] of sets) mark(units, bit, kind, starts, masks)
  return { skip1, skip2, masks, starts }
}

/** The first code unit of each run past ASCII on which every one of `sets` answers alike. */
function runStarts(sets: readonly Units[]): Int32Array {
  const bounds = [128]
  for (const units of sets) for (const b of units) if (b > 128 && b < UNITS) bounds.push(b)
  const sorted = Int32Array.from(bounds).sort()
  return sorted.filter((b, k) => k === 0 || b !== sorted[k - 1])
}

/** Sets `bit` in the masks (advance: kind 0, loop: 1) of each ASCII code and each run past ASCII that `units` holds. */
function mark(units: Units, bit: number, kind: 0 | 1, starts: Int32Array, masks: Int32Array): void {
  for (let k = 0; k < units.length; k += 2) {
    const from = units[k] as number
    const to = units[k + 1] as number
    for (let code = from; code < Math.min(to, 128); code++) masks[2 * code + kind] = (masks[2 * code + kind] as number) | bit
    if (to <= 128) continue
    for (let r = lastAtOrBelow(starts, Math.max(from, 128)); r < starts.length && (starts[r] as number) < to; r++) {
      masks[2 * (128 + r) + kind] = (masks[2 * (128 + r) + kind] as number) | bit
    }
  }
}

/** Where the masks of a code unit are in a word's `masks`, halved. */
function slot(word: Word, code: number): number {
  if (code < 128) return code
  return word.starts.length === 1 ? 128 : 128 + lastAtOrBelow(word.starts, code)
}

/**
 * Steps a character costs against an automaton: one for a word alone, two a word for more (each
 * word is a pass of a loop, with arrays of states); past ASCII, one more a word per halving of its
 * runs in the binary search.
 */
function automatonCost(a: Automaton, wide: boolean): number {
  const each = a.words.length === 1 ? 1 : 2
  return a.words.reduce((sum, word) => sum + each + (wide ? Math.ceil(Math.log2(word.starts.length)) : 0), 0)
}

/** Adds the states of a word reachable without consuming, until nothing changes (every such move goes forward). */
function closeWord(word: Word, states: number): number {
  for (;;) {
    const more = states | ((states & word.skip1) << 1) | ((states & word.skip2) << 2)
    if (more === states) return states
    states = more
  }
}

/** The states a word's skips reach in the next word (bits 0 and 1). */
function skipsOut(word: Word, states: number): number {
  return ((states & word.skip1) >>> 31) | ((states & word.skip2) >>> 30)
}

/**
 * Runs the automaton over `text` (O(length × words)); with `fromSegment` 0 or more, reports
 * whether it accepted at any prefix that ends where a folder ends (before a `/`, or at the end) and
 * has at least `fromSegment` folders.
 */
function run(a: Automaton, text: string, fromSegment = -1): boolean {
  const { words } = a
  if (words.length === 1) return runWord(words[0] as Word, 1 << (a.states - 1), text, fromSegment)
  let current = a.current
  let next = a.next
  let skipped = 0
  for (let w = 0; w < words.length; w++) {
    const word = words[w] as Word
    current[w] = closeWord(word, (w === 0 ? 1 : 0) | skipped)
    skipped = skipsOut(word, current[w] as number)
  }
  const last = (a.states - 1) >> 5
  const accept = 1 << ((a.states - 1) & 31)
  let segment = 0
  if (fromSegment === 0 && (current[last] as number) & accept) return true
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (fromSegment >= 0 && code === SLASH && ++segment >= fromSegment && (current[last] as number) & accept) return true
    // One pass: a word's moves and skips reach only later words.
    let advanced = 0
    skipped = 0
    let any = 0
    for (let w = 0; w < words.length; w++) {
      const word = words[w] as Word
      const at = 2 * slot(word, code)
      const states = current[w] as number
      const moved = states & (word.masks[at] as number)
      const now = closeWord(word, (moved << 1) | advanced | skipped | (states & (word.masks[at + 1] as number)))
      advanced = moved >>> 31
      skipped = skipsOut(word, now)
      next[w] = now
      any |= now
    }
    if (any === 0) return false
    ;[current, next] = [next, current]
  }
  return (fromSegment < 0 || segment + 1 >= fromSegment) && ((current[last] as number) & accept) !== 0
}

/** run() for an automaton of one word (nearly every rule): no arrays of states. */
function runWord(word: Word, accept: number, text: string, fromSegment: number): boolean {
  const { masks } = word
  let current = closeWord(word, 1)
  let segment = 0
  if (fromSegment === 0 && current & accept) return true
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (fromSegment >= 0 && code === SLASH && ++segment >= fromSegment && current & accept) return true
    const at = 2 * slot(word, code)
    const next = ((current & (masks[at] as number)) << 1) | (current & (masks[at + 1] as number))
    if (next === 0) return false
    current = closeWord(word, next)
  }
  return (fromSegment < 0 || segment + 1 >= fromSegment) && (current & accept) !== 0
}

/** Reads `[...]` starting at `start` into one step; returns the index of its `]`. */
function characterClass(pattern: string, start: number, step: (units: Units) => void): number {
  let i = start + 1
  const negated = pattern[i] === '^'
  if (negated) i++
  const first = i
  const atoms: number[] = []
  for (; i < pattern.length; i++) {
    const ch = pattern[i] as string
    if (ch === ']' && i > first) break
    // As in Go, an escaped character is that character (a regular expression would read `\d` as a digit).
    if (ch === '\\' && i + 1 < pattern.length) atoms.push(pattern.charCodeAt(++i))
    else if (ch === '-' && i > first && i + 1 < pattern.length && pattern[i + 1] !== ']') atoms.push(RANGE)
    else atoms.push(pattern.charCodeAt(i))
  }
  if (i >= pattern.length) throw new Error("'[' has no closing ']'")
  const ranges = classRanges(atoms, pattern.slice(start, i + 1))
  step(negated ? complement(caseless(ranges)) : caseless(ranges))
  return i
}

/**
 * The inclusive ranges of a class's characters, read as a regular expression's class reads them: a
 * `-` between two characters joins them, and one right after a range is a plain `-`.
 */
function classRanges(atoms: readonly number[], text: string): number[] {
  const ranges: number[] = []
  const plain = (atom: number) => (atom === RANGE ? 45 : atom)
  for (let k = 0; k < atoms.length; k++) {
    const from = plain(atoms[k] as number)
    if (atoms[k + 1] === RANGE && k + 2 < atoms.length) {
      const to = plain(atoms[k + 2] as number)
      if (to < from) throw new Error(`the character class '${text}' is not valid`)
      ranges.push(from, to)
      k += 2
    } else ranges.push(from, from)
  }
  return ranges
}

export interface DockerIgnore {
  readonly rules: number
  /**
   * What matching one ASCII character of a path costs, in steps: one per rule, and two per 32
   * states for a longer rule (a state per character of the pattern, a `[...]` class one, a `**` two).
   */
  readonly weight: number
  /**
   * What matching a character past ASCII costs: the same, and for a rule with classes or letters
   * past ASCII one more per doubling of the runs of characters it tells apart (a binary search).
   */
  readonly wideWeight: number
  /** What matching `rel` costs at most, in steps: each of its characters twice (the path, then its folders). */
  cost(rel: string): number
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
  const weight = rules.reduce((sum, r) => sum + automatonCost(r.automaton, false), 0)
  const wideWeight = rules.reduce((sum, r) => sum + automatonCost(r.automaton, true), 0)
  const cost = (rel: string) => {
    let wide = 0
    for (let i = 0; i < rel.length; i++) if (rel.charCodeAt(i) >= 128) wide++
    return 2 * ((rel.length - wide) * weight + wide * wideWeight)
  }
  return { rules: rules.length, weight, wideWeight, cost, ignores: (rel) => ignores(rules, rel) }
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
