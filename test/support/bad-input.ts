/** Bad input for the render: the cases' shape, and the check that a case fails and writes nothing. */
import { createHash } from 'node:crypto'
import { type Dirent, lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs'
import path from 'node:path'
import { expect } from 'vitest'
import { describeError } from '../../src/common/errors.js'
import { renderIn } from './render.js'
import type { Tree } from './repo.js'

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex')

/** Every entry under `root` (names as bytes, so any file name works): type and content hash or link target. */
function snapshot(root: string): Map<string, string> {
  const out = new Map<string, string>()
  const walk = (dir: Buffer, rel: string): void => {
    let entries: Dirent<Buffer>[]
    try {
      entries = readdirSync(dir, { withFileTypes: true, encoding: 'buffer' })
    } catch {
      return
    }
    for (const entry of entries) {
      const full = Buffer.concat([dir, Buffer.from('/'), entry.name])
      const key = `${rel}/${entry.name.toString('hex')}`
      if (entry.isSymbolicLink()) out.set(key, `link:${readlinkSync(full).toString()}`)
      else if (entry.isDirectory()) {
        out.set(key, 'dir')
        walk(full, key)
      } else if (entry.isFile()) out.set(key, `file:${sha256(readFileSync(full))}`)
      // A FIFO is never opened: reading it would wait for a writer.
      else out.set(key, 'other')
    }
  }
  walk(Buffer.from(root), '')
  return out
}

/** What is at `file` (not following a final symlink): undefined when nothing is there. */
function stateOf(file: string): string | undefined {
  let info: ReturnType<typeof lstatSync>
  try {
    info = lstatSync(file, { throwIfNoEntry: false })
  } catch (error) {
    // A parent that is a regular file: nothing can be there.
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined
    throw error
  }
  if (info === undefined) return undefined
  if (info.isSymbolicLink()) return `link:${readlinkSync(file)}`
  if (info.isFile()) return `file:${sha256(readFileSync(file))}`
  return info.isDirectory() ? 'dir' : 'other'
}

/** The start of a symlink target that points into the case's `outside` folder. */
export const OUTSIDE = '<outside>'

export interface BadCase {
  name: string
  files: Tree
  inputs?: Record<string, string>
  github?: Record<string, string>
  /** What describeError (the text the action fails with) must match. */
  message: string | RegExp
  /** Files of a folder outside the repository; a symlink target starting with '<outside>' points into it. */
  outside?: Tree
  /** Makes what a Tree cannot express (a file name that is not UTF-8). */
  setup?: (dir: string) => void
}

export const TWO: Tree = {
  'services/api/Dockerfile': 'FROM alpine:3.20\n',
  'services/web/Dockerfile': 'FROM nginx:1.27\n',
}

export const input = (name: string, value: string, expected: string) => `Input '${name}' has the value '${value}': ${expected}.`

/**
 * Runs the render on a bad case in a tree made with `tempTree`: it must fail with the case's message,
 * and leave the output, the repository and the folder outside it as they were.
 */
export async function expectRejected(c: BadCase, tempTree: (files: Tree) => string): Promise<void> {
  const outside = c.outside === undefined ? undefined : tempTree(c.outside)
  const files: Tree = {}
  for (const [name, content] of Object.entries(c.files)) {
    files[name] =
      typeof content !== 'string' && content.symlink.startsWith(OUTSIDE)
        ? { symlink: `${outside as string}${content.symlink.slice(OUTSIDE.length)}` }
        : content
  }
  const dir = tempTree(files)
  c.setup?.(dir)
  const output = path.resolve(dir, c.inputs?.path ?? '.', c.inputs?.output || 'deploy/manifest.yaml')
  const before = { output: stateOf(output), repo: snapshot(dir), outside: outside && snapshot(outside) }

  const error = await renderIn(dir, { token: '', ...c.inputs }, c.github).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error, 'the render should have failed').toBeInstanceOf(Error)
  expect(describeError(error)).toMatch(c.message)

  expect(stateOf(output), 'the output must be left as it was').toBe(before.output)
  expect(snapshot(dir), 'nothing in the repository may change').toEqual(before.repo)
  if (outside !== undefined) expect(snapshot(outside), 'nothing outside may change').toEqual(before.outside)
}
