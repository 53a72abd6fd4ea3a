import { createHash } from 'node:crypto'
import { chmodSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ContextHasher } from '../src/context-hash.js'
import { renderIn } from './support/render.js'
import { git, type Tree, tempTrees } from './support/repo.js'

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
