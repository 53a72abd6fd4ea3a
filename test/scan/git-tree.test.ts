import { chmodSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { describeError } from '../../src/common/errors.js'
import { LimitError } from '../../src/common/limits.js'
import { ContextHasher } from '../../src/scan/context-hash.js'
import { readCommitTree, type TreeEntry } from '../../src/scan/git-tree.js'
import { renderIn } from '../support/render.js'
import { git, type Tree, tempTrees } from '../support/repo.js'

const { tree: temp } = tempTrees()

/** A committed repository made of `files`. */
function committed(files: Tree, ...initArgs: string[]): string {
  const dir = temp(files)
  git(dir, 'init', '-q', '-b', 'main', ...initArgs)
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '-m', 'initial')
  return dir
}

/** What git's index holds (path -> `mode oid`): on a clean checkout, the commit's files. */
function lsFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const record of git(dir, 'ls-files', '-s', '-z').split('\0')) {
    if (record === '') continue
    const tab = record.indexOf('\t')
    const [mode = '', oid = ''] = record.slice(0, tab).split(' ')
    out.set(record.slice(tab + 1), `${mode} ${oid}`)
  }
  return out
}

function treeOf(dir: string, commit = 'HEAD', boundary = dir) {
  const read = readCommitTree(dir, commit, boundary)
  if (!('tree' in read)) throw new Error(`tree not read: ${read.reason}`)
  return read.tree
}

function entriesOf(dir: string, commit = 'HEAD', boundary = dir): Map<string, string> {
  return new Map(
    treeOf(dir, commit, boundary).entries.map((e: TreeEntry) => [
      e.path,
      `${e.mode.toString(8)} ${Buffer.from(e.oid, 'latin1').toString('hex')}`,
    ]),
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
  'app/tab\tand\nnewline.txt': 'control characters\n',
  ...Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`app/many/file-${String(i).padStart(3, '0')}.txt`, `${i}\n`])),
  [`app/${'long-folder-name-'.repeat(12)}/${'x'.repeat(200)}.txt`]: 'long\n',
}

function withLinksAndModes(dir: string): void {
  chmodSync(path.join(dir, 'app/index.js'), 0o755)
  symlinkSync('index.js', path.join(dir, 'app/link.js'))
  symlinkSync('/etc/hostname', path.join(dir, 'app/outside'))
}

/** A repository with links, an executable file and a submodule (a gitlink) committed. */
function richRepo(...initArgs: string[]): string {
  const dir = temp(MIXED)
  withLinksAndModes(dir)
  git(dir, 'init', '-q', '-b', 'main', ...initArgs)
  git(dir, 'add', '-A')
  const zeros = initArgs.includes('--object-format=sha256') ? 64 : 40
  git(dir, 'update-index', '--add', '--cacheinfo', `160000,${'a'.repeat(zeros)},vendor/lib`)
  git(dir, 'commit', '-q', '-m', 'initial')
  return dir
}

describe('readCommitTree', () => {
  it("lists the commit's files as a clean checkout's index has them: modes, links, a submodule, odd names", () => {
    const dir = richRepo()
    const ours = entriesOf(dir)
    expect(ours).toEqual(lsFiles(dir))
    expect(ours.get('vendor/lib')).toBe(`160000 ${'a'.repeat(40)}`)
    expect(ours.get('app/link.js')?.startsWith('120000 ')).toBe(true)
    expect(ours.get('app/index.js')?.startsWith('100755 ')).toBe(true)
    expect(ours.get('app/tab\tand\nnewline.txt')?.startsWith('100644 ')).toBe(true)
    expect(ours.size).toBe(Object.keys(MIXED).length + 3)
  })

  it('reads a name that is not UTF-8, and keeps the entries in string order', () => {
    const dir = temp({ 'a/Dockerfile': 'FROM scratch\n' })
    writeFileSync(Buffer.from(path.join(dir, 'a/caf\xe9-1.txt'), 'latin1'), 'x\n')
    writeFileSync(path.join(dir, 'a/caf\u00e9-3.txt'), 'z\n')
    writeFileSync(path.join(dir, 'a/\u{1f600}.txt'), 'astral\n')
    writeFileSync(path.join(dir, 'a/\uff5e.txt'), 'after the astral one in bytes, before it in UTF-16\n')
    git(dir, 'init', '-q', '-b', 'main')
    git(dir, 'add', '-A')
    git(dir, 'commit', '-q', '-m', 'initial')
    const paths = treeOf(dir).entries.map((e) => e.path)
    expect(paths).toEqual(['a/Dockerfile', 'a/caf\u00e9-3.txt', 'a/caf\ufffd-1.txt', 'a/\u{1f600}.txt', 'a/\uff5e.txt'].sort())
    expect(entriesOf(dir).get('a/caf\u00e9-3.txt')).toBe(lsFiles(dir).get('a/caf\u00e9-3.txt'))
  })

  it('reads SHA-256 repositories', () => {
    const dir = richRepo('--object-format=sha256')
    const ours = entriesOf(dir)
    expect(ours).toEqual(lsFiles(dir))
    expect(ours.get('README.md')).toMatch(/^100644 [0-9a-f]{64}$/)
    expect(treeOf(dir).objectFormat).toBe('sha256')
  })

  it('keeps the entries under a sub-folder, relative to it, and reads through a worktree', () => {
    const dir = committed(MIXED)
    const sub = treeOf(path.join(dir, 'app/many'), 'HEAD', dir).entries.map((e) => e.path)
    expect(sub).toEqual(Array.from({ length: 40 }, (_, i) => `file-${String(i).padStart(3, '0')}.txt`))
    const worktree = path.join(dir, '..', `${path.basename(dir)}-wt`)
    git(dir, 'worktree', 'add', '-q', worktree)
    try {
      expect(entriesOf(worktree)).toEqual(lsFiles(dir))
    } finally {
      rmSync(worktree, { recursive: true, force: true })
    }
  })

  it('lists the commit whatever state the index is in: split, sparse, damaged, a merge in progress', () => {
    const dir = committed({ 'keep/a.txt': 'base\n', 'drop/b.txt': 'b\n' })
    const clean = entriesOf(dir)
    git(dir, 'update-index', '--split-index')
    expect(entriesOf(dir)).toEqual(clean)
    git(dir, 'update-index', '--no-split-index')
    git(dir, 'sparse-checkout', 'set', '--cone', '--sparse-index', 'keep')
    expect(entriesOf(dir)).toEqual(clean)
    git(dir, 'sparse-checkout', 'disable')
    writeFileSync(path.join(dir, '.git/index'), 'DIRC damaged')
    expect(entriesOf(dir)).toEqual(clean)

    const merging = committed({ 'a.txt': 'base\n' })
    git(merging, 'checkout', '-q', '-b', 'other')
    writeFileSync(path.join(merging, 'a.txt'), 'other\n')
    git(merging, 'commit', '-q', '-am', 'other')
    git(merging, 'checkout', '-q', 'main')
    writeFileSync(path.join(merging, 'a.txt'), 'main\n')
    git(merging, 'commit', '-q', '-am', 'main')
    const head = entriesOf(merging)
    expect(() => git(merging, 'merge', '-q', 'other')).toThrow()
    expect(entriesOf(merging)).toEqual(head)
  })

  it('lists the commit it is given, not the checked-out one', () => {
    const dir = committed({ 'a.txt': 'one\n' })
    const first = git(dir, 'rev-parse', 'HEAD')
    writeFileSync(path.join(dir, 'b.txt'), 'two\n')
    git(dir, 'add', '-A')
    git(dir, 'commit', '-q', '-m', 'second')
    expect([...entriesOf(dir, first).keys()]).toEqual(['a.txt'])
    expect([...entriesOf(dir).keys()]).toEqual(['a.txt', 'b.txt'])
  })

  it('says why when it cannot list: no checkout, a repository around it, the commit not in it, no git', () => {
    expect(readCommitTree(temp({ a: 'a\n' }), 'HEAD')).toMatchObject({
      reason: expect.stringMatching(/^the workspace is not a git checkout \(fatal: not a git repository/),
      objectFormat: 'sha1',
    })
    // A repository around the workspace (a home folder kept in git) is not the checkout.
    const around = committed({ 'notes.txt': 'n\n' })
    mkdirSync(path.join(around, 'work/repo'), { recursive: true })
    expect(readCommitTree(path.join(around, 'work/repo'), 'HEAD')).toHaveProperty('reason')
    expect(readCommitTree(path.join(around, 'work/repo'), 'HEAD', around)).toHaveProperty('tree')

    const sha256 = committed({ 'a.txt': 'a\n' }, '--object-format=sha256')
    expect(readCommitTree(sha256, 'b'.repeat(64))).toEqual({
      reason: `the commit ${'b'.repeat(64)} is not in the checkout`,
      objectFormat: 'sha256',
    })

    const path_ = process.env.PATH
    process.env.PATH = temp({})
    try {
      expect(readCommitTree(around, 'HEAD')).toEqual({ reason: 'git is not installed', objectFormat: 'sha1' })
    } finally {
      process.env.PATH = path_
    }
  })

  it('fails the run when the listing is larger than its limit', () => {
    const dir = committed(MIXED)
    let error: unknown
    try {
      readCommitTree(dir, 'HEAD', dir, 1000)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(LimitError)
    expect((error as Error).message).toBe(
      'the list of the files of the commit (git ls-tree) has more than 1000 bytes: expected fewer files, or hash: dockerfile',
    )
  })
})

describe('ContextHasher with the commit', () => {
  const hashes = async (dir: string, context: string, dockerfile: string, generated: string[] = []) => {
    const fromCommit = await new ContextHasher(dir, new Set(generated), treeOf(dir)).hash(context, dockerfile)
    const fromTree = await new ContextHasher(dir, new Set(generated)).hash(context, dockerfile)
    return { fromCommit, fromTree }
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
        const { fromCommit, fromTree } = await hashes(dir, context, dockerfile, ['deploy/manifest.yaml'])
        expect(fromCommit, `context '${context}'`).toEqual(fromTree)
        expect(fromCommit.files).toBeGreaterThan(0)
      }
    })
  }

  it('covers the commit: untracked files, uncommitted and staged edits are not in it, committed ones are', async () => {
    const dir = committed(MIXED)
    const before = (await hashes(dir, 'app', 'app/Dockerfile')).fromCommit
    writeFileSync(path.join(dir, 'app/untracked.js'), 'x\n')
    writeFileSync(path.join(dir, 'app/index.js'), 'console.log("edited")\n')
    const dirty = await hashes(dir, 'app', 'app/Dockerfile')
    expect(dirty.fromCommit).toEqual(before)
    expect(dirty.fromTree.sha256).not.toBe(before.sha256)
    git(dir, 'add', '-A')
    expect((await hashes(dir, 'app', 'app/Dockerfile')).fromCommit).toEqual(before)
    git(dir, 'commit', '-q', '-m', 'edit')
    const after = await hashes(dir, 'app', 'app/Dockerfile')
    expect(after.fromCommit).toEqual(after.fromTree)
    expect(after.fromCommit.sha256).not.toBe(before.sha256)
  })

  it('hashes a deleted but committed file (kaniko clones the commit), and a submodule by its commit', async () => {
    const dir = committed(MIXED)
    const before = (await hashes(dir, 'app', 'app/Dockerfile')).fromCommit
    rmSync(path.join(dir, 'app/index.js'))
    expect((await hashes(dir, 'app', 'app/Dockerfile')).fromCommit).toEqual(before)
    git(dir, 'update-index', '--add', '--cacheinfo', `160000,${'b'.repeat(40)},app/vendor`)
    git(dir, 'commit', '-q', '-m', 'submodule')
    const withSubmodule = (await hashes(dir, 'app', 'app/Dockerfile')).fromCommit
    expect(withSubmodule.files).toBe(before.files + 1)
    git(dir, 'update-index', '--cacheinfo', `160000,${'c'.repeat(40)},app/vendor`)
    git(dir, 'commit', '-q', '-m', 'submodule moved')
    expect((await hashes(dir, 'app', 'app/Dockerfile')).fromCommit.sha256).not.toBe(withSubmodule.sha256)
  })
})

describe('hash: context in a git checkout', () => {
  const head = (dir: string) => ({ GITHUB_SHA: git(dir, 'rev-parse', 'HEAD') })

  it('hashes the commit for the git context, the working tree for the local one, and says which', async () => {
    const dir = committed(MIXED)
    const git_ = await renderIn(dir, {}, head(dir))
    expect(git_.manifest).toContain('kaniko-gitops/hash-covers: "context app: 48 file(s) of the commit"')
    const local = await renderIn(dir, { context: 'local', 'local-path': '/srv/repo', output: 'deploy/local.yaml' }, head(dir))
    expect(local.manifest).toContain('kaniko-gitops/hash-covers: "context app: 48 file(s) of the working tree"')
    // A clean checkout: the same tag either way.
    expect(local.images[0]?.tag).toBe(git_.images[0]?.tag)
  })

  it('warns about a Dockerfile that is not committed, staged or not: the git context cannot build it', async () => {
    const dir = committed(MIXED)
    writeFileSync(path.join(dir, 'app/worker.Dockerfile'), 'FROM node:24\n')
    const WARNING =
      "app/worker.Dockerfile is not committed: kaniko's git context builds the commit, where it is missing, so its build will fail. Commit it, or leave it out with 'dockerfiles'."
    expect((await renderIn(dir, {}, head(dir))).log.warnings).toEqual([WARNING])
    git(dir, 'add', '-A')
    expect((await renderIn(dir, {}, head(dir))).log.warnings).toEqual([WARNING])
    git(dir, 'commit', '-q', '-m', 'worker')
    expect((await renderIn(dir, {}, head(dir))).log.warnings).toEqual([])
  })

  it('lists the files of the checkout for a sub-folder given by the path input, and of a checkout in a sub-folder', async () => {
    const dir = committed({ 'sub/app/Dockerfile': 'FROM alpine:3.20\n', 'sub/app/main.go': 'package main\n', 'other/x': 'x\n' })
    const out = await renderIn(dir, { path: 'sub' }, head(dir))
    expect(out.manifest).toContain('kaniko-gitops/hash-covers: "context app: 2 file(s) of the commit"')
    // The repository checked out into a folder of the workspace, which is no repository itself.
    const workspace = temp({})
    git(workspace, 'clone', '-q', dir, 'repo')
    const cloned = await renderIn(workspace, { path: 'repo/sub' }, head(dir))
    expect(cloned.manifest).toContain('kaniko-gitops/hash-covers: "context app: 2 file(s) of the commit"')
    expect(cloned.images[0]?.tag).toBe(out.images[0]?.tag)
  })

  it('gives a SHA-256 repository one tag from the commit, the local context and the fallback', async () => {
    const dir = committed(MIXED, '--object-format=sha256')
    // GITHUB_SHA names a SHA-1 commit, which a SHA-256 repository does not have: the working tree is hashed.
    const fallback = await renderIn(dir)
    expect(fallback.manifest).toContain('48 file(s) of the working tree')
    const local = await renderIn(dir, { context: 'local', 'local-path': '/srv/repo', output: 'deploy/local.yaml' })
    expect(local.images[0]?.tag).toBe(fallback.images[0]?.tag)
    const fromCommit = await new ContextHasher(dir, new Set(), treeOf(dir)).hash('app', 'app/Dockerfile')
    const fromTree = await new ContextHasher(dir, new Set(), undefined, 'sha256').hash('app', 'app/Dockerfile')
    expect(fromCommit).toEqual(fromTree)
  })

  it('falls back to the working tree, saying why, when the commit is not in the checkout or git is missing', async () => {
    const dir = committed(MIXED)
    const clean = await renderIn(dir, {}, head(dir))
    const absent = await renderIn(dir, {}, { GITHUB_SHA: 'b'.repeat(40) })
    expect(absent.log.infos.join('\n')).toContain(
      `Build contexts are hashed from the working tree: the commit's files cannot be listed (the commit ${'b'.repeat(40)} is not in the checkout).`,
    )
    expect(absent.manifest).toContain('48 file(s) of the working tree')
    expect(absent.images[0]?.tag).toBe(clean.images[0]?.tag)
    const sha = head(dir)
    const path_ = process.env.PATH
    process.env.PATH = temp({})
    try {
      const noGit = await renderIn(dir, {}, sha)
      expect(noGit.log.infos.join('\n')).toContain("the commit's files cannot be listed (git is not installed)")
      expect(noGit.images[0]?.tag).toBe(clean.images[0]?.tag)
    } finally {
      process.env.PATH = path_
    }
  })
})

describe('ignore files of the commit (context: git)', () => {
  const APP: Tree = {
    'app/Dockerfile': 'FROM node:24\n',
    'app/index.js': 'console.log(1)\n',
    'app/debug.log': 'noise\n',
    'app/.dockerignore': '*.log\n',
  }
  const fromCommit = (dir: string, context = 'app', dockerfile = 'app/Dockerfile') =>
    new ContextHasher(dir, new Set(), treeOf(dir)).hash(context, dockerfile)
  const failure = (dir: string) =>
    fromCommit(dir).then(
      () => 'no error',
      (error: unknown) => describeError(error),
    )

  it("are the commit's, not the working tree's or the index's: an uncommitted or staged edit changes nothing", async () => {
    const dir = committed(APP)
    const before = await fromCommit(dir)
    writeFileSync(path.join(dir, 'app/.dockerignore'), 'index.js\n')
    expect(await fromCommit(dir)).toEqual(before)
    git(dir, 'add', 'app/.dockerignore')
    expect(await fromCommit(dir)).toEqual(before)
    git(dir, 'rm', '-q', '--cached', 'app/.dockerignore')
    expect(await fromCommit(dir)).toEqual(before)
    rmSync(path.join(dir, 'app/.dockerignore'))
    mkdirSync(path.join(dir, 'app/.dockerignore'))
    expect(await fromCommit(dir)).toEqual(before)
    // An ignore file that is not committed is none.
    writeFileSync(path.join(dir, 'app/Dockerfile.dockerignore'), '*.js\n')
    expect(await fromCommit(dir)).toEqual(before)
  })

  it('follow a symlink of the commit that stays inside it, as it is committed', async () => {
    const dir = committed({ ...APP, 'shared/ignore': '*.log\n', 'app/.dockerignore': { symlink: '../shared/ignore' } })
    const before = await fromCommit(dir)
    expect(before.ignoreFile).toBe('app/.dockerignore')
    writeFileSync(path.join(dir, 'app/debug.log'), 'ignored\n')
    expect(await fromCommit(dir)).toEqual(before)
    // The working tree's target edited, the link replaced: the commit still decides.
    writeFileSync(path.join(dir, 'shared/ignore'), 'nothing\n')
    rmSync(path.join(dir, 'app/.dockerignore'))
    symlinkSync('/etc/hostname', path.join(dir, 'app/.dockerignore'))
    expect(await fromCommit(dir)).toEqual(before)
  })

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
    expect((await fromCommit(dangling)).ignoreFile).toBe('')
  })

  // The commit's size decides, through git when the working tree differs.
  it('are bounded at 64 KiB, the committed size as git reads it', async () => {
    const dir = committed({ ...APP, 'app/.dockerignore': `#${'x'.repeat(64 * 1024)}\n` })
    const TOO_BIG = "the ignore file 'app/.dockerignore' has 65538 bytes, more than the 65536 (64 KiB) an ignore file may have"
    expect(await failure(dir)).toBe(TOO_BIG)
    writeFileSync(path.join(dir, 'app/.dockerignore'), '*.log\n')
    expect(await failure(dir)).toBe(TOO_BIG)
  })
})

describe('hash: context when an earlier step staged something else than the commit', () => {
  const STAGED_APP: Tree = {
    'app/Dockerfile': 'FROM node:24\nCOPY . /app\n',
    'app/index.js': 'console.log(1)\n',
    'app/lib/util.js': 'export const x = 1\n',
    'app/debug.log': 'noise\n',
    'app/.dockerignore': '*.log\n',
  }

  it("hashes the commit's files, as a fresh clone of the commit has them", async () => {
    const dir = committed(STAGED_APP)
    const sha = git(dir, 'rev-parse', 'HEAD')
    const clone = temp({})
    git(clone, 'clone', '-q', dir, '.')
    git(clone, 'checkout', '-q', '--detach', sha)
    const fromClone = await renderIn(clone, {}, { GITHUB_SHA: sha })

    // The index now differs from the commit: an edit and a new file staged, a file unstaged, the
    // ignore file's rules changed and staged, a new Dockerfile staged.
    writeFileSync(path.join(dir, 'app/index.js'), 'console.log("staged")\n')
    writeFileSync(path.join(dir, 'app/new.js'), 'new\n')
    writeFileSync(path.join(dir, 'app/.dockerignore'), '*.log\nlib\n')
    writeFileSync(path.join(dir, 'app/worker.Dockerfile'), 'FROM node:24\n')
    git(dir, 'add', 'app/index.js', 'app/new.js', 'app/.dockerignore', 'app/worker.Dockerfile')
    git(dir, 'rm', '-q', '--cached', 'app/lib/util.js')
    const staged = await renderIn(dir, {}, { GITHUB_SHA: sha })

    const app = (run: typeof staged) => run.images.find((image) => image.dockerfile === 'app/Dockerfile')
    const COVERS = 'kaniko-gitops/hash-covers: "context app: 4 file(s) of the commit, app/.dockerignore applied"'
    expect(fromClone.manifest).toContain(COVERS)
    expect(staged.manifest).toContain(COVERS)
    expect(app(staged)?.tag).toBe(app(fromClone)?.tag)
    expect(staged.log.warnings).toEqual([
      "app/worker.Dockerfile is not committed: kaniko's git context builds the commit, where it is missing, so its build will fail. Commit it, or leave it out with 'dockerfiles'.",
    ])
  })
})
