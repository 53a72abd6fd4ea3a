import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { diffLines, unifiedDiff } from '../src/gitops/text-diff.js'

/** Applies a unified diff with GNU patch: the diff is right when patch turns `before` into `after`. */
function applies(before: string, after: string): boolean {
  const dir = mkdtempSync(path.join(tmpdir(), 'diff-'))
  try {
    writeFileSync(path.join(dir, 'file'), before)
    writeFileSync(path.join(dir, 'p'), unifiedDiff(before, after, 'file'))
    execFileSync('patch', ['-s', '-p1', '-i', 'p'], { cwd: dir })
    return execFileSync('cat', ['file'], { cwd: dir, encoding: 'utf8' }) === after
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe('diffLines', () => {
  it('finds a shortest edit script', () => {
    const edits = diffLines(['a', 'b', 'c', 'a', 'b', 'b', 'a'], ['c', 'b', 'a', 'b', 'a', 'c'])
    expect(edits.filter((e) => e.kind !== ' ')).toHaveLength(5)
    expect(edits.filter((e) => e.kind !== '+').map((e) => e.line)).toEqual(['a', 'b', 'c', 'a', 'b', 'b', 'a'])
    expect(edits.filter((e) => e.kind !== '-').map((e) => e.line)).toEqual(['c', 'b', 'a', 'b', 'a', 'c'])
  })
})

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a\n', 'a\n', 'x')).toBe('')
  })

  it('writes hunks with context', () => {
    const before = `${Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n')}\n`
    const after = before.replace('line 3\n', 'line three\n').replace('line 17\n', '')
    expect(unifiedDiff(before, after, 'm.yaml')).toBe(
      [
        '--- a/m.yaml',
        '+++ b/m.yaml',
        '@@ -1,7 +1,7 @@',
        ' line 0',
        ' line 1',
        ' line 2',
        '-line 3',
        '+line three',
        ' line 4',
        ' line 5',
        ' line 6',
        '@@ -15,6 +15,5 @@',
        ' line 14',
        ' line 15',
        ' line 16',
        '-line 17',
        ' line 18',
        ' line 19',
        '',
      ].join('\n'),
    )
  })

  it.each([
    ['', 'a\nb\n'],
    ['a\nb\n', ''],
    ['a\nb\nc\n', 'x\na\nc\ny\n'],
    ['k: 1\n'.repeat(50), `${'k: 1\n'.repeat(25)}k: 2\n${'k: 1\n'.repeat(24)}`],
  ])('produces a patch that GNU patch applies (%#)', (before, after) => {
    expect(applies(before, after)).toBe(true)
  })

  it('agrees with GNU patch on random edits', () => {
    let seed = 7
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n
    }
    for (let round = 0; round < 30; round++) {
      const a = Array.from({ length: 5 + rand(40) }, () => `l${rand(6)}`)
      const b = a.filter(() => rand(5) !== 0).flatMap((l) => (rand(6) === 0 ? [l, `n${rand(6)}`] : [l]))
      expect(applies(`${a.join('\n')}\n`, `${b.join('\n')}\n`), `round ${round}`).toBe(true)
    }
  })
})
