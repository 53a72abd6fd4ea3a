import balena from '@balena/dockerignore'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseDockerignore } from '../../src/scan/dockerignore.js'

// The library the matcher replaces: its answers are the ones a tag was made of so far.
const library = balena as unknown as () => { add(rules: string[]): { ignores(file: string): boolean } }

/** Pieces of ordinary rules: what real .dockerignore files are made of. */
const rulePiece = fc.constantFrom(
  'a',
  'b',
  'B',
  'x.y',
  'é',
  '-',
  '_',
  '/',
  '*',
  '**',
  '**/',
  '?',
  '[a-c]',
  '[^b]',
  '[xyz]',
  './',
  '../',
  '\\*',
  ' ',
  '!',
  '.',
  '$',
  '#',
)
const rule = fc
  .tuple(fc.constantFrom('', '', '!', '/', '# '), fc.array(rulePiece, { minLength: 1, maxLength: 7 }))
  .map(([start, pieces]) => start + pieces.join(''))
const segment = fc.constantFrom('a', 'b', 'B', 'ab', 'x.y', 'é', '-', '_', 'a-b', 'node_modules', '*', 'aaa')
const file = fc.array(segment, { minLength: 1, maxLength: 6 }).map((s) => s.join('/'))

/**
 * Characters past ASCII, among them letters that fold in odd ways: ß and ﬀ (upper case of two
 * letters), ſ and ı (upper case in ASCII), the Kelvin sign, µ and μ, ǅ (title case), the final sigma,
 * dotted İ; CJK; and a character outside the BMP (two code units).
 */
const wideChar = fc.constantFrom(
  'é',
  'É',
  'ß',
  'ſ',
  'K',
  'µ',
  'μ',
  'Μ',
  'ǅ',
  'ǆ',
  'Ǆ',
  'Σ',
  'σ',
  'ς',
  'ı',
  'İ',
  'ÿ',
  'Ÿ',
  'ﬀ',
  'Я',
  'я',
  '日',
  '本',
  '一',
  '龥',
  '🐳',
)
const classChar = fc.oneof(wideChar, fc.constantFrom('a', 'z', 'A', 'Z', 'k', 's', 'S', 'i', 'I', '0', '_', '.', '-', '^'))
const bmpChar = classChar.filter((c) => c.length === 1)
/** `[...]` of characters and ranges, negated or not ('/', ']', '\\', '*' and '?' aside: the library reads them otherwise inside a class). */
const characterClass = fc
  .tuple(
    fc.boolean(),
    fc.array(
      fc.oneof(
        classChar,
        fc.tuple(bmpChar, bmpChar).map(([x, y]) => (x <= y ? `${x}-${y}` : `${y}-${x}`)),
      ),
      { minLength: 1, maxLength: 4 },
    ),
  )
  .map(([negated, items]) => `[${negated ? '^' : ''}${items.join('')}]`)
  // A regular expression reads `[^]` as any character; Go, and the matcher, as a class not closed yet.
  .filter((c) => c !== '[^]')
const widePiece = fc.oneof(
  { arbitrary: fc.constantFrom('a', 'S', '/', '*', '**/', '?', '.'), weight: 2 },
  { arbitrary: wideChar, weight: 2 },
  { arbitrary: characterClass, weight: 2 },
)
const wideRule = fc
  .tuple(fc.constantFrom('', '!'), fc.array(widePiece, { minLength: 1, maxLength: 5 }))
  .map(([start, pieces]) => start + pieces.join(''))
const wideSegment = fc.oneof(
  fc.constantFrom('a', 'ss', 'SS', 'k', 'i', 'I', 'ff', 'FF', 'Σς', 'σΣ', '日本', 'x.y'),
  fc.array(classChar, { minLength: 1, maxLength: 3 }).map((c) => c.join('')),
)
const wideFile = fc.array(wideSegment, { minLength: 1, maxLength: 4 }).map((s) => s.join('/'))

/** Our answers and the library's for `files`; a rule set we refuse must fail the library too. */
function expectSameAnswers(rules: string[], files: string[]): void {
  const theirs = library().add(rules)
  let ours: ReturnType<typeof parseDockerignore>
  try {
    ours = parseDockerignore(rules)
  } catch {
    expect(() => files.map((f) => theirs.ignores(f)), `rules ${JSON.stringify(rules)}`).toThrow()
    return
  }
  for (const f of files) expect(ours.ignores(f), `rules ${JSON.stringify(rules)}, path '${f}'`).toBe(theirs.ignores(f))
}

/**
 * Rules of 30 to 90 steps (more than one word of 32 states), each step with what a path may hold
 * there; at most three stars, so that the library's regular expression does not backtrack for long.
 */
const LONG_STEPS: readonly (readonly [string, readonly string[]])[] = [
  ['a', ['a', 'A']],
  ['B', ['b']],
  ['é', ['É', 'é']],
  ['日', ['日']],
  ['?', ['q', 'é']],
  ['[a-c]', ['b', 'C']],
  ['[^b]', ['z', '日']],
  ['[é-ü]', ['Ö', 'ü']],
  ['x.y', ['X.Y']],
  ['-', ['-']],
  ['/', ['/']],
]
const STARS: readonly (readonly [string, readonly string[]])[] = [
  ['*', ['', 'zz']],
  ['**/', ['', 'd/', 'd/e/']],
]
const longCase = fc
  .tuple(
    fc.array(fc.tuple(fc.nat(LONG_STEPS.length - 1), fc.nat(2)), { minLength: 30, maxLength: 90 }),
    fc.array(fc.tuple(fc.nat(90), fc.nat(STARS.length - 1), fc.nat(2)), { maxLength: 3 }),
    fc.option(fc.tuple(fc.nat(200), fc.constantFrom('', 'q', '日', '/'))),
  )
  .map(([steps, stars, change]) => {
    const piece = (choices: typeof LONG_STEPS, k: number, pick: number) => {
      const [text, fits] = choices[k] as (typeof LONG_STEPS)[number]
      return [text, fits[pick % fits.length] as string] as const
    }
    const pieces = steps.map(([k, pick]) => piece(LONG_STEPS, k, pick))
    for (const [at, k, pick] of stars) pieces.splice(at % (pieces.length + 1), 0, piece(STARS, k, pick))
    let path = pieces.map(([, fit]) => fit).join('')
    // Sometimes one character changed or dropped, so that some paths do not match.
    if (change) path = path.slice(0, change[0] % path.length) + change[1] + path.slice((change[0] % path.length) + 1)
    return { rule: pieces.map(([text]) => text).join(''), path: path.replace(/\/+/g, '/').replace(/^\/|\/$/g, '') || 'a' }
  })

/** A pseudo-random generator, the same numbers each run. */
function seeded(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
}

/** The CPU time of `a` and of `b`, each the least of five rounds that run them in turn: side by side, whatever the load. */
function cpuTimes(a: () => void, b: () => void): [number, number] {
  const best: [number, number] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY]
  for (let round = 0; round < 5; round++) {
    ;[a, b].forEach((fn, k) => {
      const start = process.cpuUsage()
      fn()
      const used = process.cpuUsage(start)
      best[k] = Math.min(best[k] as number, used.user + used.system)
    })
  }
  return best
}

describe('the .dockerignore matcher', () => {
  it('answers as @balena/dockerignore on ordinary rules and paths, so that tags stay as they were', () => {
    fc.assert(
      fc.property(fc.array(rule, { minLength: 1, maxLength: 4 }), fc.array(file, { minLength: 1, maxLength: 8 }), (rules, files) => {
        const ours = parseDockerignore(rules)
        const theirs = library().add(rules)
        for (const f of files) expect(ours.ignores(f), `rules ${JSON.stringify(rules)}, path '${f}'`).toBe(theirs.ignores(f))
      }),
      { numRuns: 3000 },
    )
  })

  it('answers as the library on classes and characters past ASCII, letters of either case', () => {
    fc.assert(
      fc.property(
        fc.array(wideRule, { minLength: 1, maxLength: 3 }),
        fc.array(wideFile, { minLength: 1, maxLength: 8 }),
        expectSameAnswers,
      ),
      { numRuns: 2000 },
    )
  })

  it('answers as the library on rules longer than one word of states, on paths that nearly match', () => {
    fc.assert(
      fc.property(fc.array(longCase, { minLength: 1, maxLength: 3 }), (cases) => {
        expectSameAnswers(
          cases.map((c) => c.rule),
          cases.map((c) => c.path),
        )
      }),
      { numRuns: 1000 },
    )
  })

  it("reads a class as the library's case-insensitive regular expression does, for every code unit", () => {
    const classes = [
      '[^a]',
      '[é-ü]',
      '[À-ſ]',
      '[Α-ω]',
      '[µ]',
      '[K]',
      '[k]',
      '[ǅ]',
      '[ς]',
      '[ı]',
      '[İ]',
      '[ß]',
      '[ﬀ]',
      '[\u0080-\uffff]',
      '[一-龥]',
      '[^Σ]',
    ]
    for (const cls of classes) {
      const ours = parseDockerignore([`x${cls}`])
      const theirs = new RegExp(`^x${cls}$`, 'i')
      const differ: string[] = []
      for (let code = 0; code < 0x10000; code++) {
        const f = `x${String.fromCharCode(code)}`
        if (code !== 47 && ours.ignores(f) !== theirs.test(f)) differ.push(code.toString(16))
      }
      expect(differ, cls).toEqual([])
    }
  })

  it('answers as the library on the rules of real ignore files', () => {
    const rules = [
      'node_modules',
      '**/*.log',
      '.git',
      '!README.md',
      '*.md',
      'build/',
      'tests/**/fixtures',
      '*.py[co]',
      '**/__pycache__',
      '/tmp',
    ]
    const files = [
      'node_modules/x/index.js',
      'a/b/debug.log',
      'README.md',
      'docs/x.md',
      'build/out',
      'tests/u/v/fixtures/f.json',
      'm.pyc',
      'a/__pycache__/b',
      'tmp/x',
      'src/tmp/x',
      'src/main.go',
    ]
    const ours = parseDockerignore(rules)
    const theirs = library().add(rules)
    expect(files.map((f) => ours.ignores(f))).toEqual(files.map((f) => theirs.ignores(f)))
    // `*.md` comes after `!README.md`, and matches at the top only.
    expect(files.filter((f) => ours.ignores(f))).toEqual([
      'node_modules/x/index.js',
      'a/b/debug.log',
      'README.md',
      'build/out',
      'tests/u/v/fixtures/f.json',
      'm.pyc',
      'a/__pycache__/b',
      'tmp/x',
    ])
  })

  // Was (with @balena/dockerignore): each of these ran for minutes to hours (the time doubles with
  // each character of the name), holding the job; the matcher's time is linear in the path.
  it('takes time linear in the path on rules made to backtrack', () => {
    const cases: [string, string][] = [
      ['(a+)+b', 'a'.repeat(4000)],
      ['*a*a*a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(255)],
      ['**/**/**/**/**/**/**/**/**/**/x', `${Array.from({ length: 2000 }, () => 'd').join('/')}/y`],
      ['**/a*a*a*a*a*a*a*a*b/**/c', `${Array.from({ length: 15 }, () => 'a'.repeat(255)).join('/')}/y`],
    ]
    for (const [r, f] of cases) {
      const start = performance.now()
      expect(parseDockerignore([r]).ignores(f)).toBe(false)
      expect(performance.now() - start, r).toBeLessThan(5000)
    }
  })

  // Was: `a+b` matched `aab` and not `a+b` (the library passed it to a regular expression), and `(`
  // failed every run with "Invalid regular expression".
  it("reads (, ), +, {, }, | and ^ as plain characters, as Docker does, and \\d as 'd'", () => {
    const ig = parseDockerignore(['a+b', '(x)', '{c,d}', 'e|f', '^g', '\\d'])
    expect(['a+b', '(x)', '{c,d}', 'e|f', '^g', 'd'].map((f) => ig.ignores(f))).toEqual([true, true, true, true, true, true])
    expect(['aab', 'x', 'c', 'e', 'g', '5'].map((f) => ig.ignores(f))).toEqual([false, false, false, false, false, false])
  })

  it('weighs a rule longer than one word of states by its words', () => {
    expect(parseDockerignore(['a', '*.md', '# comment', '']).weight).toBe(2)
    // 40 characters: 41 states, two words of 32, two steps each.
    expect(parseDockerignore(['a', 'x'.repeat(40)]).weight).toBe(1 + 4)
    expect(parseDockerignore(['a', 'x'.repeat(40)]).cost('ab/c')).toBe(2 * 4 * 5)
  })

  it('weighs a character past ASCII by the runs of such characters its rules tell apart', () => {
    // Nothing past ASCII told apart: one run, the same cost as ASCII.
    const plain = parseDockerignore(['**/[ab]*', 'x?'])
    expect([plain.weight, plain.wideWeight]).toEqual([2, 2])
    expect(plain.cost('日本/ab')).toBe(plain.cost('xy/ab'))
    // 日 (U+65E5) and 本 (U+672C) cut the code units past ASCII into 5 runs: a binary search of 3 steps.
    const cjk = parseDockerignore(['**/[日本]', 'x?'])
    expect([cjk.weight, cjk.wideWeight]).toEqual([2, 2 + 3])
    expect(cjk.cost('日本/ab')).toBe(2 * (2 * 5 + 3 * 2))
  })

  // A pull request chooses both the rules and the names: names of CJK characters cost about what
  // ASCII names do against the same 100 rules of 30 states.
  it('matches names past ASCII about as fast as ASCII names, against rules of classes', () => {
    const rules = Array.from({ length: 100 }, () => `**/${'[ab]'.repeat(26)}[aX]`)
    const random = seeded(7)
    const part = (from: number, size: number) =>
      String.fromCharCode(...Array.from({ length: 80 }, () => from + Math.floor(random() * size)))
    const names = (from: number, size: number) =>
      Array.from({ length: 20 }, () => Array.from({ length: 4 }, () => part(from, size)).join('/'))
    const ascii = names(0x61, 26)
    const cjk = names(0x4e00, 0x5200)
    const ig = parseDockerignore(rules)
    const [asciiTime, cjkTime] = cpuTimes(
      () => {
        for (const f of ascii) ig.ignores(f)
      },
      () => {
        for (const f of cjk) ig.ignores(f)
      },
    )
    expect(cjkTime / asciiTime).toBeLessThan(4)
    expect(ig.cost(cjk[0] as string)).toBe(ig.cost(ascii[0] as string))
  })

  it('counts the steps of names past ASCII so that a step takes about as long whatever the characters', () => {
    // Classes of 128 CJK characters apart from each other: 257 runs, a binary search of 9 steps.
    const scattered = Array.from({ length: 128 }, (_, i) => String.fromCharCode(0x4e00 + 1 + i * 160)).join('')
    const ig = parseDockerignore(Array.from({ length: 100 }, () => `**/[a${scattered}]*`))
    const random = seeded(11)
    const names = (chars: string) =>
      Array.from({ length: 20 }, () => Array.from({ length: 320 }, () => chars[Math.floor(random() * chars.length)]).join(''))
    const ascii = names('abcdefghijklmnopqrstuvwxyz')
    const cjk = names(scattered)
    const [asciiTime, cjkTime] = cpuTimes(
      () => {
        for (const f of ascii) ig.ignores(f)
      },
      () => {
        for (const f of cjk) ig.ignores(f)
      },
    )
    const steps = (files: string[]) => files.reduce((sum, f) => sum + ig.cost(f), 0)
    const perStep = cjkTime / steps(cjk) / (asciiTime / steps(ascii))
    expect(perStep).toBeLessThan(3)
  })

  it('refuses a rule Docker refuses too, with its line', () => {
    expect(() => parseDockerignore(['ok', '', 'src/[a'])).toThrow("line 3, 'src/[a': '[' has no closing ']'")
    expect(() => parseDockerignore(['[z-a]'])).toThrow("line 1, '[z-a]': the character class '[z-a]' is not valid")
  })

  it('matches letters in either case, and characters past ASCII and outside the BMP', () => {
    const ig = parseDockerignore(['Ünï*', 'café/?', '🐳*', '**/日本'])
    expect(['üNÏcode', 'CAFÉ/x', '🐳.txt', 'a/b/日本/c'].map((f) => ig.ignores(f))).toEqual([true, true, true, true])
    expect(['unicode', 'café/xy'].map((f) => ig.ignores(f))).toEqual([false, false])
  })
})
