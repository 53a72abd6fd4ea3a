/**
 * Which changed paths change what a render reads: the commit loop stands down for those only, and
 * commits onto a head whose later commits change nothing else.
 */
import { describe, expect, it } from 'vitest'
import { type RenderReads, readsPredicate, renderReadsOf } from '../../src/gitops/render-inputs.js'
import { scanRepository } from '../../src/scan/scan.js'
import { memoryLogger, settingsFor } from '../support/render.js'
import { tempTrees } from '../support/repo.js'

const BASE: RenderReads = {
  prefix: '',
  dockerfiles: ['Dockerfile', '*.Dockerfile', '*.dockerfile'],
  hashContexts: true,
  config: '.github/kaniko-gitops.yml',
  contextDirs: ['services/api', 'jobs'],
  linked: [],
}
const BY_DOCKERFILE: Partial<RenderReads> = { hashContexts: false, contextDirs: [] }

const CASES: [string, Partial<RenderReads>, string, boolean][] = [
  ['documentation', {}, 'README.md', false],
  ['documentation in a folder', {}, 'docs/guide/setup.md', false],
  ['a Dockerfile the render read', {}, 'services/api/Dockerfile', true],
  ['a new Dockerfile (a new image)', {}, 'services/web/Dockerfile', true],
  ['the submodule list, which discovery reads', BY_DOCKERFILE, '.gitmodules', true],
  ['a new Dockerfile of another pattern', BY_DOCKERFILE, 'tools/lint.Dockerfile', true],
  ['a file of a build context', {}, 'services/api/src/main.go', true],
  ['a file deep in a build context', {}, 'jobs/nightly/run.sh', true],
  ['a file of a build context, hash: dockerfile', BY_DOCKERFILE, 'services/api/src/main.go', false],
  ['a sibling folder whose name starts like a context', {}, 'services/apiary/main.go', false],
  ['a folder above a context', {}, 'services/README.md', false],
  ['every file, for a context at the top', { contextDirs: [''] }, 'README.md', true],
  ['the config file', {}, '.github/kaniko-gitops.yml', true],
  ['the config file, hash: dockerfile', BY_DOCKERFILE, '.github/kaniko-gitops.yml', true],
  ['another file in .github', {}, '.github/CODEOWNERS', false],
  ['a workflow (the inputs)', BY_DOCKERFILE, '.github/workflows/build.yml', true],
  ['a .dockerignore anywhere', {}, 'docs/.dockerignore', true],
  ['a <Dockerfile>.dockerignore', {}, 'tools/lint.Dockerfile.dockerignore', true],
  ['a .dockerignore, hash: dockerfile', BY_DOCKERFILE, 'services/api/.dockerignore', false],
  ['a Dockerfile in node_modules (never searched)', BY_DOCKERFILE, 'web/node_modules/pkg/Dockerfile', false],
  ['a Dockerfile in node_modules inside a context (hashed)', {}, 'services/api/node_modules/pkg/Dockerfile', true],
  ['a Dockerfile the patterns exclude', { ...BY_DOCKERFILE, dockerfiles: ['Dockerfile', '!legacy/**'] }, 'legacy/old/Dockerfile', false],
  ['a Dockerfile a path pattern leaves out', { ...BY_DOCKERFILE, dockerfiles: ['services/*/Dockerfile'] }, 'tools/Dockerfile', false],
  ['the target of a symlinked Dockerfile', { ...BY_DOCKERFILE, linked: ['shared/go.tmpl'] }, 'shared/go.tmpl', true],
  ['under `path`: a Dockerfile', { prefix: 'app' }, 'app/services/api/Dockerfile', true],
  ['under `path`: a context file', { prefix: 'app' }, 'app/jobs/x.sh', true],
  ['under `path`: the same path outside it', { prefix: 'app' }, 'services/api/Dockerfile', false],
  ['under `path`: the config, from the top', { prefix: 'app' }, 'app/.github/kaniko-gitops.yml', true],
  ['under `path`: documentation', { prefix: 'app' }, 'app/README.md', false],
  ['under `path`: a folder named like it', { prefix: 'app' }, 'apps/services/api/Dockerfile', false],
  ['under `path`: a link target outside it', { prefix: 'app', ...BY_DOCKERFILE, linked: ['shared/go.tmpl'] }, 'shared/go.tmpl', true],
  ['under `path`: the workflows stay at the top', { prefix: 'app' }, '.github/workflows/build.yml', true],
]

describe('readsPredicate', () => {
  it.each(CASES)('%s (%j): %s -> %s', (_what, reads, file, expected) => {
    expect(readsPredicate({ ...BASE, ...reads })(file)).toBe(expected)
  })
})

describe('renderReadsOf a scanned repository', () => {
  const { tree } = tempTrees()

  it('takes the contexts from the per-image settings and the targets of symlinks', async () => {
    const dir = tree({
      'services/api/Dockerfile': 'FROM alpine\n',
      'services/api/main.go': 'package main\n',
      'jobs/nightly/Dockerfile': { symlink: '../../shared/nightly.tmpl' },
      'shared/nightly.tmpl': 'FROM busybox\n',
      'kaniko-gitops.yml': 'images:\n  services/api/Dockerfile:\n    context: services\n',
      'README.md': '# repo\n',
    })
    const settings = await settingsFor(dir, { config: 'kaniko-gitops.yml' })
    const reads = renderReadsOf(settings, await scanRepository(settings, memoryLogger()))
    expect(reads).toMatchObject({ prefix: '', hashContexts: true, config: 'kaniko-gitops.yml', linked: ['shared/nightly.tmpl'] })
    expect([...reads.contextDirs].sort()).toEqual(['jobs/nightly', 'services'])
    const affects = readsPredicate(reads)
    expect(affects('services/web/index.html')).toBe(true)
    expect(affects('shared/nightly.tmpl')).toBe(true)
    expect(affects('shared/other.txt')).toBe(false)
    expect(affects('README.md')).toBe(false)
  })
})
