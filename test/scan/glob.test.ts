import { describe, expect, it } from 'vitest'
import { compilePatterns, globToRegExp } from '../../src/scan/glob.js'

const CASES: [string, string, boolean][] = [
  ['Dockerfile', 'Dockerfile', true],
  ['Dockerfile', 'services/api/Dockerfile', true],
  ['Dockerfile', 'services/api/Dockerfile.dev', false],
  ['Dockerfile', 'services/api/NotDockerfile', false],
  ['*.Dockerfile', 'a/b/worker.Dockerfile', true],
  ['*.Dockerfile', 'a/b/worker.dockerfile', false],
  ['*.dockerfile', 'jobs/db/migrate.dockerfile', true],
  ['services/*/Dockerfile', 'services/api/Dockerfile', true],
  ['services/*/Dockerfile', 'services/api/v2/Dockerfile', false],
  ['services/**/Dockerfile', 'services/Dockerfile', true],
  ['services/**/Dockerfile', 'services/api/v2/Dockerfile', true],
  ['services/**/Dockerfile', 'other/api/Dockerfile', false],
  ['/Dockerfile', 'Dockerfile', true],
  // A leading slash anchors at the root, as in .gitignore (was: it matched in every folder).
  ['/Dockerfile', 'a/Dockerfile', false],
  ['/Dockerfile.*', 'Dockerfile.dev', true],
  ['/Dockerfile.*', 'a/Dockerfile.dev', false],
  ['/*.Dockerfile', 'a/x.Dockerfile', false],
  ['./Dockerfile', 'Dockerfile', true],
  ['./Dockerfile', 'a/Dockerfile', false],
  ['./images/Dockerfile', 'images/Dockerfile', true],
  ['images/', 'images/x/Dockerfile', true],
  ['Dockerfile.{dev,prod}', 'x/Dockerfile.prod', true],
  ['Dockerfile.{dev,prod}', 'x/Dockerfile.test', false],
  ['Dockerfile.?', 'Dockerfile.a', true],
  ['Dockerfile.[ab]', 'Dockerfile.b', true],
  ['Dockerfile.[!ab]', 'Dockerfile.b', false],
  ['Dockerfile.[!ab]', 'Dockerfile.c', true],
  ['a+b(c)/Dockerfile', 'a+b(c)/Dockerfile', true],
  ['a.b/Dockerfile', 'axb/Dockerfile', false],
]

describe('globToRegExp', () => {
  it.each(CASES)('%s on %s is %s', (pattern, path, expected) => {
    expect(globToRegExp(pattern).test(path)).toBe(expected)
  })

  it.each([
    ['', 'is empty'],
    ['a**/Dockerfile', "'**' must be a whole path segment"],
    ['Dockerfile.[ab', "'[' has no closing ']'"],
    ['Dockerfile.{a,b', "'{' has no closing '}'"],
  ])('refuses %j with a message naming it', (pattern, message) => {
    expect(() => globToRegExp(pattern)).toThrow(message)
  })
})

describe('compilePatterns', () => {
  it.each(CASES)('agrees with the full-path expression: %s on %s is %s', (pattern, path, expected) => {
    expect(compilePatterns([pattern]).matches(path)).toBe(expected)
  })

  it('includes, then excludes with !, and skips comments and blank lines', () => {
    const m = compilePatterns(['# comment', '', 'Dockerfile', '!legacy/**'])
    expect(m.matches('app/Dockerfile')).toBe(true)
    expect(m.matches('legacy/app/Dockerfile')).toBe(false)
  })
  it('matches nothing without an including pattern', () => {
    expect(compilePatterns(['!x']).matches('Dockerfile')).toBe(false)
  })
})

describe('compilePatterns.matchesIn', () => {
  it.each(CASES)('agrees with matches: %s on %s is %s', (pattern, path, expected) => {
    const slash = path.lastIndexOf('/')
    expect(compilePatterns([pattern]).matchesIn(slash === -1 ? '' : path.slice(0, slash), path.slice(slash + 1))).toBe(expected)
  })

  it('tests literal names and suffixes exactly', () => {
    const m = compilePatterns(['Dockerfile', '*.Dockerfile', '!legacy/**'])
    expect(m.matchesIn('a', 'Dockerfile')).toBe(true)
    expect(m.matchesIn('a', 'xDockerfile')).toBe(false)
    expect(m.matchesIn('a', '.Dockerfile')).toBe(true)
    expect(m.matchesIn('a', 'Dockerfile.bak')).toBe(false)
    expect(m.matchesIn('legacy/a', 'Dockerfile')).toBe(false)
  })
})
