import { readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { describeError } from '../../src/common/errors.js'
import { discoverDockerfiles } from '../../src/scan/discover.js'
import { renderIn } from '../support/render.js'
import { git, makeGitRepo, type Tree, tempTrees } from '../support/repo.js'
import { asUnprivileged, lockFolder, unlockFolder } from '../support/unprivileged.js'

const { tree } = tempTrees()
const FROM = 'FROM alpine:3.20\n'

describe('the default patterns', () => {
  // Containerfile is the name Podman and the OCI tools use; kaniko builds it with --dockerfile.
  it('find Containerfile next to Dockerfile and *.Dockerfile', async () => {
    const dir = tree({ 'api/Dockerfile': FROM, 'web/Containerfile': FROM, 'jobs/db.Dockerfile': FROM })
    const outcome = await renderIn(dir, { token: '' })
    expect(outcome.images.map((i) => [i.dockerfile, i.name])).toEqual([
      ['api/Dockerfile', 'api'],
      ['jobs/db.Dockerfile', 'jobs-db'],
      ['web/Containerfile', 'web'],
    ])
  })
})

describe('files that are never Dockerfiles', () => {
  const LEFTOVERS = [
    'Dockerfile.dockerignore',
    '.dockerignore',
    'Dockerfile.md',
    'Dockerfile.MD',
    'Dockerfile.txt',
    'Dockerfile.orig',
    'Dockerfile.bak',
    'Dockerfile.rej',
    'Dockerfile.swp',
    '.Dockerfile.swo',
    'Dockerfile~',
    '.manifest.yaml.0123456789ab.tmp',
  ]

  // The names each pattern matches: all but those that do not start with `Dockerfile.`.
  const dotted = LEFTOVERS.filter((name) => name.startsWith('Dockerfile.'))
  it.each([
    ['Dockerfile.*', dotted],
    ['**', LEFTOVERS],
    ['*', LEFTOVERS],
    ['Dockerfile*', [...dotted, 'Dockerfile~']],
  ])('are left out whatever the pattern: %s', async (pattern, leftOut) => {
    const files: Tree = { 'app/Dockerfile.dev': FROM }
    for (const name of LEFTOVERS) files[`app/${name}`] = 'x\n'
    const dir = tree(files)
    const found = await discoverDockerfiles(dir, [pattern])
    expect(found.paths).toEqual(['app/Dockerfile.dev'])
    expect(found.warnings).toEqual([])
    expect([...found.notes].sort()).toEqual(leftOut.map((name) => `left out 'app/${name}': its name says it is not a Dockerfile`).sort())
  })

  it('are left out when a symlink has such a name', async () => {
    const dir = tree({ 'app/Dockerfile': FROM, 'app/Dockerfile.bak': { symlink: 'Dockerfile' } })
    expect((await discoverDockerfiles(dir, ['Dockerfile*'])).paths).toEqual(['app/Dockerfile'])
  })

  it("the action's own manifest is never a Dockerfile, whatever the pattern", async () => {
    const dir = tree({ 'deploy/Dockerfile': FROM })
    const first = await renderIn(dir, { token: '', dockerfiles: 'deploy/*' })
    expect(first.images.map((i) => i.dockerfile)).toEqual(['deploy/Dockerfile'])
    const again = await renderIn(dir, { token: '', dockerfiles: 'deploy/*' })
    expect(again.images.map((i) => i.dockerfile)).toEqual(['deploy/Dockerfile'])
    expect(again.changed).toBe(false)
    expect(again.log.infos.join('\n')).toContain("left out 'deploy/manifest.yaml': it is the manifest this action writes")
    const moved = await renderIn(dir, { token: '', dockerfiles: '**', output: 'k8s/build.yml' })
    expect(moved.images.map((i) => i.dockerfile)).toEqual(['deploy/Dockerfile', 'deploy/manifest.yaml'])
  })
})

describe('anchored patterns', () => {
  // As in .gitignore, a leading slash anchors the pattern at the root.
  it('/Dockerfile finds the Dockerfile at the root only', async () => {
    const dir = tree({ Dockerfile: FROM, 'services/api/Dockerfile': FROM })
    expect((await discoverDockerfiles(dir, ['/Dockerfile'])).paths).toEqual(['Dockerfile'])
    expect((await discoverDockerfiles(dir, ['Dockerfile'])).paths).toEqual(['Dockerfile', 'services/api/Dockerfile'])
    expect((await discoverDockerfiles(dir, ['Dockerfile', '!/Dockerfile'])).paths).toEqual(['services/api/Dockerfile'])
  })
})

describe('git submodules', () => {
  const submoduleWarning = (folder: string, files: string[]) =>
    `skipped ${files.length} Dockerfile(s) in '${folder}', a git submodule (or another repository inside this one): kaniko's git context does not clone submodules, so they cannot be built from here: ${files.join(', ')}`

  // kaniko clones without submodules: a submodule's Dockerfiles could not be built.
  it('are not searched: their Dockerfiles are named in a warning', async () => {
    const lib = makeGitRepo({ Dockerfile: FROM, 'tools/Dockerfile': FROM })
    try {
      const main = makeGitRepo({ 'app/Dockerfile': FROM })
      try {
        git(main.dir, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', lib.dir, 'vendor/lib')
        git(main.dir, 'commit', '-q', '-m', 'add a submodule')
        expect(readdirSync(path.join(main.dir, 'vendor/lib'))).toContain('.git')
        const sha = git(main.dir, 'rev-parse', 'HEAD')
        const outcome = await renderIn(main.dir, { token: '' }, { GITHUB_SHA: sha })
        expect(outcome.images.map((i) => i.dockerfile)).toEqual(['app/Dockerfile'])
        expect(outcome.log.warnings).toEqual([submoduleWarning('vendor/lib', ['vendor/lib/Dockerfile', 'vendor/lib/tools/Dockerfile'])])
      } finally {
        main.cleanup()
      }
    } finally {
      lib.cleanup()
    }
  })

  it('a folder with a .git folder, or one .gitmodules declares, is another repository too', async () => {
    const dir = tree({
      Dockerfile: FROM,
      'nested/.git/HEAD': 'ref: refs/heads/main\n',
      'nested/Dockerfile': FROM,
      '.gitmodules': '[submodule "declared"]\n\tpath = third_party/declared\n\turl = https://example.com/x.git\n',
      'third_party/declared/Dockerfile': FROM,
      'third_party/own/Dockerfile': FROM,
    })
    const found = await discoverDockerfiles(dir, ['Dockerfile'])
    expect(found.paths).toEqual(['Dockerfile', 'third_party/own/Dockerfile'])
    expect(found.warnings).toEqual([
      submoduleWarning('nested', ['nested/Dockerfile']),
      submoduleWarning('third_party/declared', ['third_party/declared/Dockerfile']),
    ])
  })

  it('a submodule without a matching file gives no warning', async () => {
    const dir = tree({ Dockerfile: FROM, 'vendor/x/.git': 'gitdir: ../../.git/modules/x\n', 'vendor/x/README': 'x\n' })
    expect(await discoverDockerfiles(dir, ['Dockerfile'])).toEqual({ paths: ['Dockerfile'], warnings: [], notes: [] })
  })
})

describe('folders the runner cannot read', () => {
  // A folder the runner may not list (a data volume of another user) holds no Dockerfile of ours.
  it('are skipped with a warning naming them', async () => {
    const dir = tree({ 'app/Dockerfile': FROM, 'data/db/pg_data/base': 'x\n', 'data/keep': 'x\n' })
    lockFolder(dir, 'data/db')
    try {
      const outcome = await asUnprivileged(async () => {
        expect(() => readdirSync(path.join(dir, 'data/db'))).toThrow(/EACCES/)
        return renderIn(dir, { token: '', hash: 'dockerfile' })
      })
      expect(outcome.images.map((i) => i.dockerfile)).toEqual(['app/Dockerfile'])
      expect(outcome.log.warnings).toEqual([
        "skipped the folder 'data/db': it cannot be listed (EACCES), so a Dockerfile in it would not be found",
      ])
    } finally {
      unlockFolder(dir, 'data/db')
    }
  })

  it('fail the run when they are inside a build context that is hashed, naming the folder and the Dockerfile', async () => {
    const dir = tree({ 'app/Dockerfile': `${FROM}COPY . /app\n`, 'app/cache/x': 'x\n' })
    lockFolder(dir, 'app/cache')
    try {
      const error = await asUnprivileged(() => renderIn(dir, { token: '', hash: 'context', context: 'local' })).then(
        () => undefined,
        (e: unknown) => e,
      )
      expect(describeError(error)).toMatch(
        /^cannot read the folder 'app\/cache' of the build context of 'app\/Dockerfile' \(the tag covers every file of the context: make it readable by the runner, or exclude it in app\/\.dockerignore\): EACCES: permission denied, scandir '[^']+\/app\/cache'$/,
      )
    } finally {
      unlockFolder(dir, 'app/cache')
    }
  })

  it('do not fail the run when the build context excludes them', async () => {
    const dir = tree({ 'app/Dockerfile': FROM, 'app/.dockerignore': 'cache\n', 'app/cache/x': 'x\n' })
    lockFolder(dir, 'app/cache')
    try {
      const outcome = await asUnprivileged(() => renderIn(dir, { token: '', hash: 'context', context: 'local' }))
      expect(outcome.images.map((i) => i.dockerfile)).toEqual(['app/Dockerfile'])
      expect(outcome.log.warnings).toEqual([
        "skipped the folder 'app/cache': it cannot be listed (EACCES), so a Dockerfile in it would not be found",
      ])
    } finally {
      unlockFolder(dir, 'app/cache')
    }
  })

  it('the repository folder itself must be readable', async () => {
    const dir = tree({ 'repo/Dockerfile': FROM })
    lockFolder(dir, 'repo')
    try {
      const error = await asUnprivileged(() => discoverDockerfiles(path.join(dir, 'repo'), ['Dockerfile'])).then(
        () => undefined,
        (e: unknown) => e,
      )
      expect(describeError(error)).toMatch(/^cannot list the folder '\.': EACCES/)
    } finally {
      unlockFolder(dir, 'repo')
    }
  })
})

// Was: no bound on any of these: a pull request of many or deep folders held the job.
describe('the limits of the search', () => {
  const limits = { dockerfiles: 5000, searchedEntries: 1_000_000, depth: 256 }
  const failure = (dir: string, bounds: Partial<typeof limits>) =>
    discoverDockerfiles(dir, ['Dockerfile'], { limits: { ...limits, ...bounds } }).then(
      () => 'no error',
      (error: unknown) => describeError(error),
    )

  it('refuses more Dockerfiles than a run may have, symlinked ones included', async () => {
    const dir = tree({ 'a/Dockerfile': FROM, 'b/Dockerfile': FROM, 'c/Dockerfile': { symlink: '../a/Dockerfile' } })
    expect(await failure(dir, { dockerfiles: 2 })).toBe(
      "3 files match the 'dockerfiles' patterns, more than the 2 Dockerfiles a run may have: expected at most 2; narrow 'dockerfiles' or 'path'",
    )
    expect(await failure(dir, { dockerfiles: 3 })).toBe('no error')
  })

  it('refuses a tree deeper than the limit, and lists no more entries than the limit', async () => {
    const dir = tree({ 'a/b/c/Dockerfile': FROM, 'x/y': 'x\n' })
    expect(await failure(dir, { depth: 2 })).toBe(
      "the folder 'a/b/c' is more than 2 folders below 'path': expected at most 2 (the search for Dockerfiles does not go deeper)",
    )
    expect(await failure(dir, { depth: 3 })).toBe('no error')
    // The root lists a and x, a lists b, b lists c, c lists its Dockerfile, x lists y: 6 entries.
    expect(await failure(dir, { searchedEntries: 5 })).toMatch(
      /^the search for Dockerfiles listed more than 5 files and folders \(up to '[a-z/]+'\), more than a run may list: expected fewer; narrow 'path' \(node_modules and \.git are never searched\)$/,
    )
    expect(await failure(dir, { searchedEntries: 6 })).toBe('no error')
  })

  it('reads .gitmodules through the one reader: at most 1 MiB', async () => {
    const dir = tree({ Dockerfile: FROM, '.gitmodules': `# ${'x'.repeat(1024 * 1024)}\n` })
    expect(await failure(dir, {})).toBe(
      "the file '.gitmodules' has 1048579 bytes, more than the 1048576 (1 MiB) a .gitmodules file may have",
    )
  })
})
