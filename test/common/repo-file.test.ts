import { execFileSync } from 'node:child_process'
import { symlinkSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { describeError } from '../../src/common/errors.js'
import { LimitError } from '../../src/common/limits.js'
import { type FileKind, readRepoFile } from '../../src/common/repo-file.js'
import { tempTrees } from '../support/repo.js'

const { tree } = tempTrees()
const KIND: FileKind = { the: 'the test file', a: 'a test file', limit: 16 }
const read = (dir: string, name: string, kind = KIND) => readRepoFile(path.join(dir, name), name, kind, dir)
const failure = (dir: string, name: string, kind = KIND) => {
  try {
    read(dir, name, kind)
  } catch (error) {
    return describeError(error)
  }
  throw new Error(`reading '${name}' did not fail`)
}
const isRoot = process.getuid?.() === 0

describe('readRepoFile, the one reader of files of the repository', () => {
  it('reads a regular file whole, up to its limit, and nothing for a file that is not there', () => {
    const dir = tree({ 'a.txt': 'x'.repeat(16), 'b.txt': 'x'.repeat(17) })
    expect(read(dir, 'a.txt')?.toString()).toBe('x'.repeat(16))
    expect(read(dir, 'missing.txt')).toBeUndefined()
    expect(failure(dir, 'b.txt')).toBe("the test file 'b.txt' has 17 bytes, more than the 16 a test file may have")
    expect(() => read(dir, 'b.txt')).toThrow(LimitError)
  })

  it('reads a file larger than the shared buffer into its own', () => {
    const big = 'y'.repeat(3 * 1024 * 1024)
    const dir = tree({ 'big.txt': big })
    expect(read(dir, 'big.txt', { ...KIND, limit: 4 * 1024 * 1024 })?.toString()).toBe(big)
    expect(failure(dir, 'big.txt', { ...KIND, limit: 2 * 1024 * 1024 })).toBe(
      `the test file 'big.txt' has ${big.length} bytes, more than the 2097152 (2 MiB) a test file may have`,
    )
  })

  it('follows a symlink that stays inside the repository, and finds nothing behind one that leads nowhere', () => {
    const dir = tree({ 'shared/rules': 'inside\n', 'app/rules': { symlink: '../shared/rules' }, 'app/dangling': { symlink: 'nowhere' } })
    expect(read(dir, 'app/rules')?.toString()).toBe('inside\n')
    expect(read(dir, 'app/dangling')).toBeUndefined()
  })

  it('never reads through a symlink that leads out of the repository: a file, /dev/zero, a folder', () => {
    const outside = tree({ 'secret.txt': 'secret\n' })
    const dir = tree({
      'to-file': { symlink: path.join(outside, 'secret.txt') },
      'to-zero': { symlink: '/dev/zero' },
      'up/to-file': { symlink: `../../${path.basename(outside)}/secret.txt` },
    })
    for (const name of ['to-file', 'to-zero', 'up/to-file']) {
      expect(failure(dir, name)).toBe(
        `cannot read the test file '${name}': it is a symlink that leads out of the repository, and nothing outside it is read`,
      )
    }
  })

  // A FIFO, which a plain open waits on for a writer, is refused in test/hardening/hostile-files.test.ts, in a child process.
  it('refuses a folder and a device, naming what it is', () => {
    const dir = tree({ 'folder/inner.txt': 'x\n' })
    expect(failure(dir, 'folder')).toBe("cannot read the test file 'folder': it is a folder, not a regular file")
    if (isRoot) {
      // A character device inside the repository (git cannot commit one, but a workflow step can make one).
      execFileSync('mknod', [path.join(dir, 'null'), 'c', '1', '3'])
      expect(failure(dir, 'null')).toBe("cannot read the test file 'null': it is a character device, not a regular file")
      symlinkSync('null', path.join(dir, 'to-null'))
      expect(failure(dir, 'to-null')).toBe("cannot read the test file 'to-null': it is a character device, not a regular file")
    }
  })

  it('names the file and the cause when it cannot be opened', () => {
    const dir = tree({ plain: 'x\n' })
    expect(failure(dir, 'plain/child')).toMatch(/^cannot read the test file 'plain\/child': ENOTDIR: not a directory/)
  })
})
