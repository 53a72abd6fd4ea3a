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

  it('weighs a rule too long for bit masks by its length', () => {
    expect(parseDockerignore(['a', '*.md', '# comment', '']).weight).toBe(2)
    // 40 characters: 41 states, visited one by one.
    expect(parseDockerignore(['a', 'x'.repeat(40)]).weight).toBe(1 + 21)
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
