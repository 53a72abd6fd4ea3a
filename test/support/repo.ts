import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach } from 'vitest'

export type Tree = Record<string, string | { symlink: string }>

/** A temporary folder with these files (parents created); removed by `cleanup`. */
export function makeTree(files: Tree): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'kaniko-gitops-'))
  writeTree(dir, files)
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

export function writeTree(dir: string, files: Tree): void {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name)
    mkdirSync(path.dirname(file), { recursive: true })
    if (typeof content === 'string') writeFileSync(file, content)
    else symlinkSync(content.symlink, file)
  }
}

/** Runs git with a fixed identity and no user configuration. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir },
  }).trim()
}

/** A real git repository with these files committed on `main`; returns its HEAD. */
export function makeGitRepo(files: Tree): { dir: string; sha: string; cleanup: () => void } {
  const tree = makeTree(files)
  git(tree.dir, 'init', '-q', '-b', 'main')
  git(tree.dir, 'add', '-A')
  git(tree.dir, 'commit', '-q', '-m', 'initial')
  return { ...tree, sha: git(tree.dir, 'rev-parse', 'HEAD') }
}

/**
 * Temporary trees for the tests of one file: `tree(files)` makes one, and every tree made is removed
 * after each test (or earlier, by `cleanup()`).
 */
export function tempTrees(): { tree: (files: Tree) => string; cleanup: () => void } {
  const cleanups: (() => void)[] = []
  const cleanup = () => {
    for (const c of cleanups.splice(0)) c()
  }
  afterEach(cleanup)
  return {
    tree(files) {
      const t = makeTree(files)
      cleanups.push(t.cleanup)
      return t.dir
    },
    cleanup,
  }
}
