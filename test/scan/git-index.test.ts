import { chmodSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { describeError } from '../../src/common/errors.js'
import { ContextHasher } from '../../src/scan/context-hash.js'
import { type IndexEntry, readGitIndex } from '../../src/scan/git-index.js'
import { renderIn } from '../support/render.js'
import { git, type Tree, tempTrees } from '../support/repo.js'

const { tree: temp } = tempTrees()

/** A committed repository made of `files`, with a symlink and an executable file. */
function committed(files: Tree, ...initArgs: string[]): string {
  const dir = temp(files)
  git(dir, 'init', '-q', '-b', 'main', ...initArgs)
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '-m', 'initial')
  return dir
}

/** What git itself says the index holds: path -> `mode oid`. */
function lsFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const record of git(dir, 'ls-files', '-s', '-z').split('\0')) {
    if (record === '') continue
    const [meta = '', file = ''] = record.split('\t')
    const [mode = '', oid = ''] = meta.split(' ')
    out.set(file, `${mode} ${oid}`)
  }
  return out
}

function entriesOf(dir: string): Map<string, string> {
  const read = readGitIndex(dir)
  if (!('index' in read)) throw new Error(`index not read: ${read.reason}`)
  return new Map(
    read.index.entries.map((e: IndexEntry) => [e.path, `${e.mode.toString(8)} ${Buffer.from(e.oid, 'latin1').toString('hex')}`]),
  )
}

const MIXED: Tree = {
  'README.md': '# x\n',
  'app/Dockerfile': 'FROM node:24\nCOPY . /app\n',
  'app/index.js': 'console.log(1)\n',
  'app/lib/deep/er/util.js': 'export const x = 1\n',
  'app/caf\u00e9/men\u00fc.txt': 'unicode\n',
  'app/\u65e5\u672c/\u30d5\u30a1\u30a4\u30eb.txt': 'more unicode\n',
  'app/with space/and, comma.txt': 'spaces\n',
  ...Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`app/many/file-${String(i).padStart(3, '0')}.txt`, `${i}\n`])),
  [`app/${'long-folder-name-'.repeat(12)}/${'x'.repeat(200)}.txt`]: 'long\n',
}

function withLinksAndModes(dir: string): void {
  chmodSync(path.join(dir, 'app/index.js'), 0o755)
  symlinkSync('index.js', path.join(dir, 'app/link.js'))
  symlinkSync('/etc/hostname', path.join(dir, 'app/outside'))
}

describe('readGitIndex', () => {
  for (const version of ['2', '3', '4']) {
    it(`reads what git ls-files -s shows, index version ${version}`, () => {
      const dir = temp(MIXED)
      withLinksAndModes(dir)
      git(dir, 'init', '-q', '-b', 'main')
      git(dir, 'add', '-A')
      // A submodule entry, an intent-to-add file and a skip-worktree bit (extended flags in v3+).
      git(dir, 'update-index', '--add', '--cacheinfo', `160000,${'a'.repeat(40)},vendor/lib`)
      git(dir, 'commit', '-q', '-m', 'initial')
      if (version !== '2') {
        // Both need the extended flags of version 3 and later.
        writeFileSync(path.join(dir, 'app/new.txt'), 'not committed\n')
        git(dir, 'add', '-N', 'app/new.txt')
        git(dir, 'update-index', '--skip-worktree', 'README.md')
      }
      git(dir, 'update-index', '--index-version', version)
      expect(readFileSync(path.join(dir, '.git/index')).readUInt32BE(4)).toBe(Number(version))
      const ours = entriesOf(dir)
      const theirs = lsFiles(dir)
      // git lists the intent-to-add file; it is in no commit, so the index reader leaves it out.
      expect(theirs.has('app/new.txt')).toBe(version !== '2')
      theirs.delete('app/new.txt')
      expect(ours).toEqual(theirs)
      expect(ours.get('vendor/lib')).toBe(`160000 ${'a'.repeat(40)}`)
      expect(ours.get('app/link.js')?.startsWith('120000 ')).toBe(true)
      expect(ours.get('app/index.js')?.startsWith('100755 ')).toBe(true)
      expect(ours.size).toBe(Object.keys(MIXED).length + 3)
    })
  }

  it('reads a name that is not UTF-8 in version 4, and the prefix-compressed names after it', () => {
    const dir = temp({ 'a/Dockerfile': 'FROM scratch\n' })
    writeFileSync(Buffer.from(path.join(dir, 'a/caf\xe9-1.txt'), 'latin1'), 'x\n')
    writeFileSync(Buffer.from(path.join(dir, 'a/caf\xe9-2.txt'), 'latin1'), 'y\n')
    writeFileSync(path.join(dir, 'a/caf\u00e9-3.txt'), 'z\n')
    git(dir, 'init', '-q', '-b', 'main')
    git(dir, 'add', '-A')
    git(dir, 'update-index', '--index-version', '4')
    const ours = entriesOf(dir)
    expect([...ours.keys()].sort()).toEqual(['a/Dockerfile', 'a/caf\ufffd-1.txt', 'a/caf\ufffd-2.txt', 'a/caf\u00e9-3.txt'].sort())
    expect(ours.get('a/caf\u00e9-3.txt')).toBe(lsFiles(dir).get('a/caf\u00e9-3.txt'))
  })

  it('reads an index written without its checksum (index.skipHash, git 2.40+: a zero trailer)', () => {
    const dir = committed(MIXED)
    const file = path.join(dir, '.git/index')
    const buf = readFileSync(file)
    buf.fill(0, buf.length - 20)
    writeFileSync(file, buf)
    expect(entriesOf(dir)).toEqual(lsFiles(dir))
  })

  it('reads SHA-256 repositories', () => {
    const dir = committed(MIXED, '--object-format=sha256')
    const ours = entriesOf(dir)
    expect(ours).toEqual(lsFiles(dir))
    expect([...ours.values()][0]).toMatch(/^100644 [0-9a-f]{64}$/)
  })

  it('keeps the entries under a sub-folder, relative to it, and reads through a worktree', () => {
    const dir = committed(MIXED)
    const read = readGitIndex(path.join(dir, 'app/many'), dir)
    if (!('index' in read)) throw new Error(read.reason)
    const sub = new Map(read.index.entries.map((e) => [e.path, e.mode]))
    expect([...sub.keys()]).toEqual(Array.from({ length: 40 }, (_, i) => `file-${String(i).padStart(3, '0')}.txt`))
    git(dir, 'worktree', 'add', '-q', path.join(dir, '..', `${path.basename(dir)}-wt`))
    const worktree = path.join(dir, '..', `${path.basename(dir)}-wt`)
    expect(entriesOf(worktree)).toEqual(lsFiles(worktree))
  })

  it('says why when it cannot be used: no checkout, a repository around it, a split index, a merge in progress, a sparse index', () => {
    expect(readGitIndex(temp({ a: 'a\n' }))).toEqual({ reason: 'the workspace is not a git checkout' })
    // A repository around the workspace (a home folder kept in git) is not the checkout.
    const around = committed({ 'notes.txt': 'n\n' })
    mkdirSync(path.join(around, 'work/repo'), { recursive: true })
    expect(readGitIndex(path.join(around, 'work/repo'))).toEqual({ reason: 'the workspace is not a git checkout' })
    expect(readGitIndex(path.join(around, 'work/repo'), around)).toHaveProperty('index')

    const split = committed(MIXED)
    git(split, 'update-index', '--split-index')
    expect(readGitIndex(split)).toEqual({ reason: 'the index is split (core.splitIndex)' })

    const merging = committed({ 'a.txt': 'base\n' })
    git(merging, 'checkout', '-q', '-b', 'other')
    writeFileSync(path.join(merging, 'a.txt'), 'other\n')
    git(merging, 'commit', '-q', '-am', 'other')
    git(merging, 'checkout', '-q', 'main')
    writeFileSync(path.join(merging, 'a.txt'), 'main\n')
    git(merging, 'commit', '-q', '-am', 'main')
    expect(() => git(merging, 'merge', '-q', 'other')).toThrow()
    expect(readGitIndex(merging)).toEqual({ reason: 'the index has unmerged entries (a merge in progress)' })

    const sparse = committed({ 'keep/a.txt': 'a\n', 'drop/b.txt': 'b\n' })
    git(sparse, 'sparse-checkout', 'set', '--cone', '--sparse-index', 'keep')
    expect(readGitIndex(sparse)).toEqual({ reason: 'the index is sparse' })
  })
})

describe('a damaged index', () => {
  it('is refused with a reason, wherever it is cut or flipped', () => {
    const dir = committed(MIXED)
    const file = path.join(dir, '.git/index')
    const good = readFileSync(file)
    expect(readGitIndex(dir)).toHaveProperty('index')
    let seed = 7
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed
    }
    for (let trial = 0; trial < 60; trial++) {
      const bad = Buffer.from(good.subarray(0, trial % 2 === 0 ? next() % good.length : good.length))
      if (trial % 2 === 1) for (let i = 0; i < 4; i++) bad[next() % bad.length] = next() % 256
      writeFileSync(file, bad)
      const read = readGitIndex(dir)
      // The checksum catches every cut and flip: the working tree is read instead.
      expect(read, `trial ${trial}`).toHaveProperty('reason')
    }
    writeFileSync(file, good.subarray(0, 200))
    expect(readGitIndex(dir)).toEqual({ reason: 'the index is damaged (its checksum does not match)' })
  })
})

describe('ContextHasher with the git index', () => {
  const hashes = async (dir: string, context: string, dockerfile: string, generated: string[] = []) => {
    const read = readGitIndex(dir)
    if (!('index' in read)) throw new Error(read.reason)
    const fromIndex = await new ContextHasher(dir, new Set(generated), read.index).hash(context, dockerfile)
    const fromTree = await new ContextHasher(dir, new Set(generated)).hash(context, dockerfile)
    return { fromIndex, fromTree }
  }

  const IGNORES: [string, string][] = [
    ['no .dockerignore', ''],
    ['plain rules', 'many\n*.md\n'],
    ["a '!' rule", 'many\n!many/file-007.txt\n'],
    ['folder rules with wildcards', '**/deep\nlib/*/er\n'],
  ]
  for (const [name, rules] of IGNORES) {
    it(`gives a clean checkout the hash of its working tree: ${name}`, async () => {
      const dir = temp({ ...MIXED, ...(rules ? { 'app/.dockerignore': rules } : {}), 'deploy/manifest.yaml': 'x\n' })
      withLinksAndModes(dir)
      git(dir, 'init', '-q', '-b', 'main')
      git(dir, 'add', '-A')
      git(dir, 'commit', '-q', '-m', 'initial')
      for (const [context, dockerfile] of [
        ['app', 'app/Dockerfile'],
        ['', 'app/Dockerfile'],
        ['app/lib', 'app/Dockerfile'],
      ] as const) {
        const { fromIndex, fromTree } = await hashes(dir, context, dockerfile, ['deploy/manifest.yaml'])
        expect(fromIndex, `context '${context}'`).toEqual(fromTree)
        expect(fromIndex.files).toBeGreaterThan(0)
      }
    })
  }

  it('covers the commit: untracked files and uncommitted edits are not in it, committed ones are', async () => {
    const dir = committed(MIXED)
    const before = (await hashes(dir, 'app', 'app/Dockerfile')).fromIndex
    writeFileSync(path.join(dir, 'app/untracked.js'), 'x\n')
    writeFileSync(path.join(dir, 'app/index.js'), 'console.log("edited")\n')
    const dirty = await hashes(dir, 'app', 'app/Dockerfile')
    expect(dirty.fromIndex).toEqual(before)
    expect(dirty.fromTree.sha256).not.toBe(before.sha256)
    git(dir, 'add', '-A')
    git(dir, 'commit', '-q', '-m', 'edit')
    const after = await hashes(dir, 'app', 'app/Dockerfile')
    expect(after.fromIndex).toEqual(after.fromTree)
    expect(after.fromIndex.sha256).not.toBe(before.sha256)
  })

  it('hashes a deleted but committed file (kaniko clones the commit), and a submodule by its commit', async () => {
    const dir = committed(MIXED)
    const before = (await hashes(dir, 'app', 'app/Dockerfile')).fromIndex
    mkdirSync(path.join(dir, 'gone'), { recursive: true })
    const { rmSync } = await import('node:fs')
    rmSync(path.join(dir, 'app/index.js'))
    expect((await hashes(dir, 'app', 'app/Dockerfile')).fromIndex).toEqual(before)
    git(dir, 'update-index', '--add', '--cacheinfo', `160000,${'b'.repeat(40)},app/vendor`)
    const withSubmodule = (await hashes(dir, 'app', 'app/Dockerfile')).fromIndex
    expect(withSubmodule.files).toBe(before.files + 1)
    git(dir, 'update-index', '--cacheinfo', `160000,${'c'.repeat(40)},app/vendor`)
    expect((await hashes(dir, 'app', 'app/Dockerfile')).fromIndex.sha256).not.toBe(withSubmodule.sha256)
  })
})

describe('hash: context in a git checkout', () => {
  it('hashes the commit for the git context, the working tree for the local one, and says which', async () => {
    const dir = committed(MIXED)
    const git_ = await renderIn(dir)
    expect(git_.manifest).toContain('kaniko-gitops/hash-covers: "context app: 47 file(s) of the commit"')
    const local = await renderIn(dir, { context: 'local', 'local-path': '/srv/repo', output: 'deploy/local.yaml' })
    expect(local.manifest).toContain('kaniko-gitops/hash-covers: "context app: 47 file(s) of the working tree"')
    // A clean checkout: the same tag either way.
    expect(local.images[0]?.tag).toBe(git_.images[0]?.tag)
  })

  it('warns about a Dockerfile that is not committed: the git context cannot build it', async () => {
    const dir = committed(MIXED)
    writeFileSync(path.join(dir, 'app/worker.Dockerfile'), 'FROM node:24\n')
    const out = await renderIn(dir)
    expect(out.log.warnings).toEqual([
      "app/worker.Dockerfile is not committed: kaniko's git context builds the commit, where it is missing, so its build will fail. Commit it, or leave it out with 'dockerfiles'.",
    ])
    git(dir, 'add', '-A')
    expect((await renderIn(dir)).log.warnings).toEqual([])
  })

  it('reads the index of the checkout for a sub-folder given by the path input', async () => {
    const dir = committed({ 'sub/app/Dockerfile': 'FROM alpine:3.20\n', 'sub/app/main.go': 'package main\n', 'other/x': 'x\n' })
    const out = await renderIn(dir, { path: 'sub' })
    expect(out.manifest).toContain('kaniko-gitops/hash-covers: "context app: 2 file(s) of the commit"')
  })

  it('gives a SHA-256 repository one tag from the index, the local context and the fallback', async () => {
    const dir = committed(MIXED, '--object-format=sha256')
    const fromIndex = await renderIn(dir)
    expect(fromIndex.manifest).toContain('47 file(s) of the commit')
    const local = await renderIn(dir, { context: 'local', 'local-path': '/srv/repo', output: 'deploy/local.yaml' })
    expect(local.images[0]?.tag).toBe(fromIndex.images[0]?.tag)
    git(dir, 'update-index', '--split-index')
    const fallback = await renderIn(dir)
    expect(fallback.log.infos.join('\n')).toContain('the git index cannot be used (the index is split (core.splitIndex))')
    expect(fallback.images[0]?.tag).toBe(fromIndex.images[0]?.tag)
  })

  it('falls back to the working tree, saying why, when the index cannot be used', async () => {
    const dir = committed(MIXED)
    const clean = await renderIn(dir)
    git(dir, 'update-index', '--split-index')
    const split = await renderIn(dir)
    expect(split.log.infos.join('\n')).toContain(
      'Build contexts are hashed from the working tree: the git index cannot be used (the index is split (core.splitIndex)).',
    )
    expect(split.images[0]?.tag).toBe(clean.images[0]?.tag)
  })
})

describe('ignore files of the commit (context: git)', () => {
  const APP: Tree = {
    'app/Dockerfile': 'FROM node:24\n',
    'app/index.js': 'console.log(1)\n',
    'app/debug.log': 'noise\n',
    'app/.dockerignore': '*.log\n',
  }
  const fromIndex = async (dir: string, context = 'app', dockerfile = 'app/Dockerfile') => {
    const read = readGitIndex(dir)
    if (!('index' in read)) throw new Error(read.reason)
    return new ContextHasher(dir, new Set(), read.index).hash(context, dockerfile)
  }
  const failure = (dir: string) =>
    fromIndex(dir).then(
      () => 'no error',
      (error: unknown) => describeError(error),
    )

  // Was: the working tree's .dockerignore, which the commit kaniko builds may not have.
  it("are the commit's, not the working tree's: an uncommitted edit changes nothing", async () => {
    const dir = committed(APP)
    const before = await fromIndex(dir)
    writeFileSync(path.join(dir, 'app/.dockerignore'), 'index.js\n')
    expect(await fromIndex(dir)).toEqual(before)
    rmSync(path.join(dir, 'app/.dockerignore'))
    mkdirSync(path.join(dir, 'app/.dockerignore'))
    expect(await fromIndex(dir)).toEqual(before)
    // An ignore file that is not committed is none.
    writeFileSync(path.join(dir, 'app/Dockerfile.dockerignore'), '*.js\n')
    expect(await fromIndex(dir)).toEqual(before)
  })

  it('follow a symlink of the commit that stays inside it, as it is committed', async () => {
    const dir = committed({ ...APP, 'shared/ignore': '*.log\n', 'app/.dockerignore': { symlink: '../shared/ignore' } })
    const before = await fromIndex(dir)
    expect(before.ignoreFile).toBe('app/.dockerignore')
    writeFileSync(path.join(dir, 'app/debug.log'), 'ignored\n')
    expect(await fromIndex(dir)).toEqual(before)
    // The working tree's target edited, the link replaced: the commit still decides.
    writeFileSync(path.join(dir, 'shared/ignore'), 'nothing\n')
    rmSync(path.join(dir, 'app/.dockerignore'))
    symlinkSync('/etc/hostname', path.join(dir, 'app/.dockerignore'))
    expect(await fromIndex(dir)).toEqual(before)
  })

  // Was: read through the link in the working tree: a file outside the repository chose the rules.
  it('refuse a symlink of the commit that leads out of the repository, without reading it', async () => {
    const outside = temp({ 'rules.txt': 'index.js\n' })
    const absolute = committed({ ...APP, 'app/.dockerignore': { symlink: path.join(outside, 'rules.txt') } })
    const OUT =
      "cannot read the ignore file 'app/.dockerignore': it is a symlink that leads out of the repository, and nothing outside it is read"
    expect(await failure(absolute)).toBe(OUT)
    const relative = committed({ ...APP, 'app/.dockerignore': { symlink: '../../x/rules.txt' } })
    expect(await failure(relative)).toBe(OUT)
    const loop = committed({ ...APP, 'app/.dockerignore': { symlink: 'again' }, 'app/again': { symlink: '.dockerignore' } })
    expect(await failure(loop)).toBe("cannot read the ignore file 'app/.dockerignore': it is a symlink loop in the commit")
  })

  it('refuse a folder of the commit named .dockerignore; take a dangling symlink for no file, as Docker does', async () => {
    const { 'app/.dockerignore': _rules, ...withoutRules } = APP
    const folder = committed({ ...withoutRules, 'app/.dockerignore/x': 'x\n' })
    expect(await failure(folder)).toBe("cannot read the ignore file 'app/.dockerignore': it is a folder in the commit, not a regular file")
    const dangling = committed({ ...APP, 'app/.dockerignore': { symlink: 'nowhere' } })
    expect((await fromIndex(dangling)).ignoreFile).toBe('')
  })

  // Was: no bound. The commit's size decides, through git when the working tree differs.
  it('are bounded at 64 KiB, the committed size as git reads it', async () => {
    const dir = committed({ ...APP, 'app/.dockerignore': `#${'x'.repeat(64 * 1024)}\n` })
    const TOO_BIG = "the ignore file 'app/.dockerignore' has 65538 bytes, more than the 65536 (64 KiB) an ignore file may have"
    expect(await failure(dir)).toBe(TOO_BIG)
    writeFileSync(path.join(dir, 'app/.dockerignore'), '*.log\n')
    expect(await failure(dir)).toBe(TOO_BIG)
  })
})
