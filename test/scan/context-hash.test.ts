import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { chmodSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { describeError } from '../../src/common/errors.js'
import { LIMITS, type Limits } from '../../src/common/limits.js'
import { ContextHasher } from '../../src/scan/context-hash.js'
import { renderIn } from '../support/render.js'
import { git, type Tree, tempTrees } from '../support/repo.js'

const { tree: repo } = tempTrees()
const hashOf = async (dir: string, context = 'app', dockerfile = 'app/Dockerfile') =>
  (await new ContextHasher(dir).hash(context, dockerfile)).sha256

const APP: Tree = {
  'app/Dockerfile': 'FROM node:24\nCOPY . /app\n',
  'app/index.js': 'console.log(1)\n',
  'app/lib/util.js': 'export const x = 1\n',
  'app/.dockerignore': 'node_modules\n*.log\nbuild/\n!build/keep.txt\n',
  'app/debug.log': 'noise\n',
  'app/node_modules/dep/index.js': 'dep\n',
  'app/build/out.bin': 'out\n',
  'app/build/keep.txt': 'kept\n',
}

describe('ContextHasher', () => {
  it('takes the bytes of a Dockerfile read for its own hash instead of reading the file again', async () => {
    const dir = repo(APP)
    const read = readFileSync(path.join(dir, 'app/Dockerfile'))
    const fresh = await hashOf(dir)
    const known = new ContextHasher(dir)
    known.knownFile('app/Dockerfile', read, statSync(path.join(dir, 'app/Dockerfile')).mode)
    expect((await known.hash('app', 'app/Dockerfile')).sha256).toBe(fresh)
    // Given other bytes than the file holds, the hash follows them: the file itself was not read.
    const other = new ContextHasher(dir)
    other.knownFile('app/Dockerfile', Buffer.from('FROM node:22\n'), 0o100644)
    writeFileSync(path.join(dir, 'app/Dockerfile'), 'FROM node:22\n')
    const changed = await hashOf(dir)
    writeFileSync(path.join(dir, 'app/Dockerfile'), read)
    expect((await other.hash('app', 'app/Dockerfile')).sha256).toBe(changed)
    expect(changed).not.toBe(fresh)
  })

  it('changes when a file the build COPYs changes', async () => {
    const dir = repo(APP)
    const before = await hashOf(dir)
    writeFileSync(path.join(dir, 'app/lib/util.js'), 'export const x = 2\n')
    expect(await hashOf(dir)).not.toBe(before)
  })

  it('does not change when an ignored file changes, or appears', async () => {
    const dir = repo(APP)
    const before = await hashOf(dir)
    writeFileSync(path.join(dir, 'app/debug.log'), 'more noise\n')
    writeFileSync(path.join(dir, 'app/node_modules/dep/index.js'), 'dep 2\n')
    writeFileSync(path.join(dir, 'app/build/out.bin'), 'out 2\n')
    writeFileSync(path.join(dir, 'app/other.log'), 'x\n')
    expect(await hashOf(dir)).toBe(before)
  })

  it("follows Docker's ignore semantics: a '!' rule brings a file back from an ignored folder", async () => {
    const dir = repo(APP)
    const before = await hashOf(dir)
    writeFileSync(path.join(dir, 'app/build/keep.txt'), 'kept, changed\n')
    expect(await hashOf(dir)).not.toBe(before)
  })

  it('prefers <Dockerfile>.dockerignore to the context .dockerignore', async () => {
    const dir = repo({ ...APP, 'app/Dockerfile.dockerignore': 'index.js\n' })
    const hasher = new ContextHasher(dir)
    expect((await hasher.hash('app', 'app/Dockerfile')).ignoreFile).toBe('app/Dockerfile.dockerignore')
    const before = await hashOf(dir)
    writeFileSync(path.join(dir, 'app/index.js'), 'console.log(2)\n')
    expect(await hashOf(dir)).toBe(before)
    writeFileSync(path.join(dir, 'app/debug.log'), 'not ignored by this file\n')
    expect(await hashOf(dir)).not.toBe(before)
  })

  it('changes when a file is renamed, even with the same content', async () => {
    const dir = repo(APP)
    const before = await hashOf(dir)
    renameSync(path.join(dir, 'app/index.js'), path.join(dir, 'app/main.js'))
    expect(await hashOf(dir)).not.toBe(before)
  })

  it('changes when the executable bit changes', async () => {
    const dir = repo(APP)
    const before = await hashOf(dir)
    chmodSync(path.join(dir, 'app/index.js'), 0o755)
    expect(await hashOf(dir)).not.toBe(before)
  })

  it('hashes a symlink as a link and never follows it out of the workspace', async () => {
    const outside = repo({ 'secret.txt': 'v1\n' })
    const dir = repo(APP)
    symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'app/link'))
    const before = await hashOf(dir)
    writeFileSync(path.join(outside, 'secret.txt'), 'v2\n')
    expect(await hashOf(dir)).toBe(before)
    unlinkSync(path.join(dir, 'app/link'))
    symlinkSync('/etc/hostname', path.join(dir, 'app/link'))
    expect(await hashOf(dir)).not.toBe(before)
  })

  it('leaves out .git folders and the files the action writes', async () => {
    const dir = repo({
      Dockerfile: 'FROM scratch\n',
      'src/a': 'a\n',
      '.git/HEAD': 'ref: refs/heads/main\n',
      'deploy/manifest.yaml': 'v1\n',
    })
    const hasher = () => new ContextHasher(dir, new Set(['deploy/manifest.yaml']))
    const before = await hasher().hash('', 'Dockerfile')
    writeFileSync(path.join(dir, '.git/HEAD'), 'ref: refs/heads/other\n')
    writeFileSync(path.join(dir, 'deploy/manifest.yaml'), 'v2\n')
    const after = await hasher().hash('', 'Dockerfile')
    expect(after).toEqual(before)
    expect(after.files).toBe(2)
  })

  it("streams large files, with git's object ids, the same as git computes them", async () => {
    const big = Buffer.alloc(9 * 1024 * 1024, 'k')
    const dir = repo({ 'app/Dockerfile': 'FROM scratch\n' })
    writeFileSync(path.join(dir, 'app/big.bin'), big)
    const one = await hashOf(dir)
    const id = (file: string) => Buffer.from(git(dir, 'hash-object', file), 'hex').toString('latin1')
    const lines = [
      ['Dockerfile', `f\u0000644\u0000${id('app/Dockerfile')}`],
      ['big.bin', `f\u0000644\u0000${id('app/big.bin')}`],
    ]
    expect(one).toBe(
      createHash('sha256')
        .update(lines.map(([p, l]) => `${p}\u0000${l}\n`).join(''))
        .digest('hex'),
    )
  })
})

describe('hash: context in the rendered manifest', () => {
  it('gives a new tag and Pod when a COPYed file changes, and keeps them when an ignored one does', async () => {
    const dir = repo(APP)
    const first = await renderIn(dir)
    const [image] = first.images
    writeFileSync(path.join(dir, 'app/debug.log'), 'noise 2\n')
    const ignored = await renderIn(dir)
    expect(ignored.changed).toBe(false)
    expect(ignored.images[0]?.tag).toBe(image?.tag)
    writeFileSync(path.join(dir, 'app/index.js'), 'console.log(3)\n')
    const changed = await renderIn(dir)
    expect(changed.images[0]?.status).toBe('changed')
    expect(changed.images[0]?.tag).not.toBe(image?.tag)
    expect(changed.images[0]?.pod).not.toBe(image?.pod)
    expect(changed.images[0]?.sha256).toBe(image?.sha256)
    expect(changed.manifest).toContain('kaniko-gitops/hash-covers: "context app: 5 file(s) of the working tree, app/.dockerignore applied"')
  })

  it('hash: dockerfile ignores the context', async () => {
    const dir = repo(APP)
    const first = await renderIn(dir, { hash: 'dockerfile' })
    writeFileSync(path.join(dir, 'app/index.js'), 'console.log(3)\n')
    rmSync(path.join(dir, 'app/lib'), { recursive: true })
    const again = await renderIn(dir, { hash: 'dockerfile' })
    expect(again.changed).toBe(false)
    expect(again.images[0]?.tag).toBe(first.images[0]?.sha256.slice(0, 16))
  })
})

describe('ignore files read from the working tree', () => {
  const failure = (dir: string, context = 'app', dockerfile = 'app/Dockerfile', limits?: Partial<Limits>) =>
    new ContextHasher(dir, new Set(), undefined, 'sha1', { ...LIMITS, ...limits }).hash(context, dockerfile).then(
      () => 'no error',
      (error: unknown) => describeError(error),
    )
  const OUT = 'it is a symlink that leads out of the repository, and nothing outside it is read'

  // Was: read through the link, so a file outside the repository (here a secret) chose the rules
  // and changed the hash.
  it('refuses a .dockerignore that is a symlink leading out of the repository', async () => {
    const outside = repo({ 'secret.txt': 'index.js\n' })
    const dir = repo({ ...APP, 'app/.dockerignore': { symlink: path.join(outside, 'secret.txt') } })
    expect(await failure(dir)).toBe(`cannot read the ignore file 'app/.dockerignore': ${OUT}`)
    const viaDotDot = repo({ ...APP, 'app/Dockerfile.dockerignore': { symlink: `../../${path.basename(outside)}/secret.txt` } })
    expect(await failure(viaDotDot)).toBe(`cannot read the ignore file 'app/Dockerfile.dockerignore': ${OUT}`)
  })

  it('follows a .dockerignore that is a symlink inside the repository, and takes a dangling one for none', async () => {
    const shared = repo({ ...APP, 'shared.dockerignore': '*.log\n', 'app/.dockerignore': { symlink: '../shared.dockerignore' } })
    const before = await new ContextHasher(shared).hash('app', 'app/Dockerfile')
    expect(before.ignoreFile).toBe('app/.dockerignore')
    writeFileSync(path.join(shared, 'app/debug.log'), 'ignored by the shared rules\n')
    expect(await new ContextHasher(shared).hash('app', 'app/Dockerfile')).toEqual(before)
    const dangling = repo({ ...APP, 'app/.dockerignore': { symlink: 'nowhere' } })
    expect((await new ContextHasher(dangling).hash('app', 'app/Dockerfile')).ignoreFile).toBe('')
  })

  // Was: a bare "EISDIR: illegal operation on a directory, read", naming no file. (A FIFO, which
  // held the run, is refused in test/hardening/hostile-files.test.ts, in a child process.)
  it('refuses a .dockerignore that is a folder, naming it', async () => {
    const { 'app/.dockerignore': _rules, ...withoutRules } = APP
    const folder = repo({ ...withoutRules, 'app/.dockerignore/x': 'x\n' })
    expect(await failure(folder)).toBe("cannot read the ignore file 'app/.dockerignore': it is a folder, not a regular file")
  })

  // Was: read whatever its size, and matched with one regular expression per rule and path.
  it('bounds an ignore file: 64 KiB and 1,000 rules', async () => {
    const big = repo({ ...APP, 'app/.dockerignore': `# ${'x'.repeat(64 * 1024)}\n` })
    expect(await failure(big)).toBe(
      "the ignore file 'app/.dockerignore' has 65539 bytes, more than the 65536 (64 KiB) an ignore file may have",
    )
    const many = repo({ ...APP, 'app/.dockerignore': Array.from({ length: 1001 }, (_, i) => `f${i}`).join('\n') })
    expect(await failure(many)).toBe("the ignore file 'app/.dockerignore' has 1,001 rules, more than the 1,000 an ignore file may have")
    const enough = repo({ ...APP, 'app/.dockerignore': Array.from({ length: 1000 }, (_, i) => `f${i}`).join('\n') })
    expect(await failure(enough)).toBe('no error')
  })

  // Was: `[` made every run fail with "Invalid regular expression: /^src\/[a$/i: Unterminated character class".
  it('names the ignore file and the line of a rule Docker refuses too', async () => {
    const dir = repo({ ...APP, 'app/.dockerignore': 'node_modules\nsrc/[a\n' })
    expect(await failure(dir)).toBe(
      "the ignore file 'app/.dockerignore' has a rule Docker refuses too: line 2, 'src/[a': '[' has no closing ']'",
    )
  })
})

describe('the limits of a run of context hashes', () => {
  const hasher = (dir: string, limits: Partial<Limits>) => new ContextHasher(dir, new Set(), undefined, 'sha1', { ...LIMITS, ...limits })
  const NESTED: Tree = {
    'a/Dockerfile': 'FROM scratch\n',
    'a/b/Dockerfile': 'FROM scratch\n',
    'a/b/c/Dockerfile': 'FROM scratch\n',
    'a/b/c/x': 'x\n',
  }

  // Was: no bound: nested contexts each hash everything below them, so a pull request of deep
  // folders with a Dockerfile in each held the job for as long as it liked.
  it('counts the files of all the contexts together, a file in two contexts twice', async () => {
    const dir = repo(NESTED)
    const h = hasher(dir, { contextFiles: 9 })
    await h.hash('a/b/c', 'a/b/c/Dockerfile') // 2 files
    await h.hash('a/b', 'a/b/Dockerfile') // 4 entries listed: Dockerfile, c, c/Dockerfile, c/x
    await expect(h.hash('a', 'a/Dockerfile')).rejects.toThrow(
      "the build contexts hold more than 9 files in all (the context of 'a/Dockerfile' reached it; a file in two contexts counts twice): expected fewer; exclude files in .dockerignore, choose smaller contexts, or use hash: dockerfile",
    )
  })

  it('counts the steps of matching paths against ignore rules: characters times rules, at most twice', async () => {
    const dir = repo({ ...NESTED, 'a/.dockerignore': 'y\nz\n' })
    // Checked: .dockerignore, Dockerfile, b, b/Dockerfile, b/c, b/c/Dockerfile, b/c/x: 58 characters, twice, 2 rules.
    await expect(hasher(dir, { ignoreSteps: 231 }).hash('a', 'a/Dockerfile')).rejects.toThrow(
      "matching the paths of the build contexts against their ignore rules takes more than 231 steps in all (a character of a path against a rule is one, a character past ASCII up to 17; the context of 'a/Dockerfile' reached it, with the 2 rules of 'a/.dockerignore'): expected fewer; use fewer rules, smaller contexts, or hash: dockerfile",
    )
    expect((await hasher(dir, { ignoreSteps: 232 }).hash('a', 'a/Dockerfile')).files).toBe(5)
  })

  it('counts a character past ASCII by what it costs against rules that tell such characters apart', async () => {
    const dir = repo({ 'a/Dockerfile': 'FROM scratch\n', 'a/.dockerignore': '[日本]\nz\n', 'a/日本': 'x\n' })
    // .dockerignore and Dockerfile: 23 ASCII characters at 2 steps (2 rules); 日本: 2 characters at 5
    // (1 + a binary search of 3 over the 5 runs 日 and 本 make, and 1 for z); all twice.
    await expect(hasher(dir, { ignoreSteps: 111 }).hash('a', 'a/Dockerfile')).rejects.toThrow('takes more than 111 steps in all')
    expect((await hasher(dir, { ignoreSteps: 112 }).hash('a', 'a/Dockerfile')).files).toBe(3)
  })

  it('bounds the bytes read from the working tree, before reading them', async () => {
    const dir = repo({ 'app/Dockerfile': 'FROM scratch\n' })
    // Sparse: 1 GiB that takes no room, and would take seconds to read.
    execFileSync('truncate', ['-s', '1G', path.join(dir, 'app/huge.bin')])
    await expect(hasher(dir, { contextBytes: 1024 ** 3 }).hash('app', 'app/Dockerfile')).rejects.toThrow(
      "the files of the build contexts have more than 1073741824 (1 GiB) bytes in all ('app/huge.bin' reached it): expected fewer; exclude large files in .dockerignore, or use hash: dockerfile",
    )
  })

  it('bounds the depth of a walked context', async () => {
    const dir = repo({ Dockerfile: 'FROM scratch\n', 'a/b/c/d/e': 'deep\n' })
    await expect(hasher(dir, { depth: 3 }).hash('', 'Dockerfile')).rejects.toThrow(
      "the folder 'a/b/c/d' of the build context of 'Dockerfile' is more than 3 folders deep: expected at most 3; exclude it in .dockerignore",
    )
    expect((await hasher(dir, { depth: 4 }).hash('', 'Dockerfile')).files).toBe(2)
  })
})
