import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseRemote } from '../../src/cli/index.js'
import { parseManifest, validateManifest } from '../support/k8s.js'
import { git, makeGitRepo } from '../support/repo.js'
import { PROJECT } from '../support/run-action.js'

const cli = (args: string[], cwd = PROJECT) =>
  spawnSync(process.execPath, [path.join(PROJECT, 'bin', 'kaniko-gitops.js'), ...args], { cwd, encoding: 'utf8', timeout: 60_000 })

describe('kaniko-gitops render (bin)', () => {
  const repo = makeGitRepo({ 'app/Dockerfile': 'FROM alpine\n', 'tools/Dockerfile.ci': 'FROM node:24\n' })
  afterAll(repo.cleanup)
  git(repo.dir, 'remote', 'add', 'origin', 'git@github.com:acme/tools.git')

  it('renders any repository with the action code path, taking the commit and repository from git', () => {
    const run = cli([
      'render',
      '--repo',
      repo.dir,
      '--registry',
      'docker.io/acme',
      '--dockerfiles',
      'Dockerfile',
      '--dockerfiles',
      'Dockerfile.*',
    ])
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/deploy\/manifest\.yaml: written, 2 image\(s\)/)
    expect(run.stdout).toMatch(/^app\s+app\/Dockerfile\s+[0-9a-f]{12}\s+docker\.io\/acme\/app:[0-9a-f]{16}\s+new$/m)
    expect(run.stdout).toMatch(/^tools-ci\s+tools\/Dockerfile\.ci\s/m)
    const manifest = readFileSync(path.join(repo.dir, 'deploy/manifest.yaml'), 'utf8')
    expect(manifest).toContain(`--context=git://github.com/acme/tools.git#refs/heads/main#${repo.sha}`)
    expect(validateManifest(manifest)).toEqual([])
    const again = cli([
      'render',
      '--repo',
      repo.dir,
      '--registry',
      'docker.io/acme',
      '--dockerfiles',
      'Dockerfile',
      '--dockerfiles',
      'Dockerfile.*',
    ])
    expect(again.stdout).toContain('deploy/manifest.yaml: unchanged')
  })

  it('explains unknown flags, bad inputs and modes it does not run', () => {
    const unknown = cli(['render', '--registy', 'docker.io/acme'])
    expect(unknown.status).toBe(1)
    expect(unknown.stderr).toContain("unknown flag '--registy'; expected one of:")
    const bad = cli(['render', '--repo', repo.dir, '--registry', 'docker.io/Acme'])
    expect(bad.status).toBe(1)
    expect(bad.stderr).toContain("Input 'registry' has the value 'docker.io/Acme'")
    const mode = cli(['render', '--repo', repo.dir, '--registry', 'docker.io/acme', '--mode', 'commit'])
    expect(mode.stderr).toContain('the command line only renders')
    expect(cli(['--help']).stdout).toContain('Usage: kaniko-gitops render')
  })

  it('renders the example repository of this project (npm start)', () => {
    const run = spawnSync('npm', ['start', '--silent'], { cwd: PROJECT, encoding: 'utf8', timeout: 60_000 })
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/examples\/monorepo\/deploy\/manifest\.yaml: (written|unchanged), 8 image\(s\)/)
    const manifest = readFileSync(path.join(PROJECT, 'examples/monorepo/deploy/manifest.yaml'), 'utf8')
    expect(validateManifest(manifest)).toEqual([])
    // The example's kaniko-gitops.yml is applied: the CUDA tools image builds on the build node pool.
    const gpu = parseManifest(manifest).find((d) => (d.metadata as { name: string }).name.startsWith('gpu-cuda-')) as {
      spec: { nodeSelector?: Record<string, string> }
    }
    expect(gpu.spec.nodeSelector).toEqual({ 'node-pool': 'image-builds' })
    expect(manifest).toContain('--destination=registry.example.com/acme/api:latest')
    // A Containerfile is found by default; its base, built by another repository into the same
    // registry namespace, is an external image (no wave, no pinned build arg), and the FROM line in
    // its heredoc is script, not an instruction.
    const reports = parseManifest(manifest).find((d) => (d.metadata as { name: string }).name.startsWith('reports-')) as {
      metadata: { annotations: Record<string, string> }
      spec: { containers: { args: string[] }[] }
    }
    expect(reports.metadata.annotations['kaniko-gitops/dockerfile']).toBe('services/reports/Containerfile')
    expect(reports.metadata.annotations['argocd.argoproj.io/sync-wave']).toBeUndefined()
    expect(reports.spec.containers[0]?.args.filter((a) => a.startsWith('--build-arg'))).toEqual([])
    expect(run.stdout).not.toContain('warning')
  })
})

describe('parseRemote', () => {
  it.each([
    ['git@github.com:acme/shop.git', { server: 'https://github.com', repository: 'acme/shop' }],
    ['https://github.com/acme/shop', { server: 'https://github.com', repository: 'acme/shop' }],
    ['https://x-access-token:t@ghe.example.com/acme/shop.git', { server: 'https://ghe.example.com', repository: 'acme/shop' }],
    ['ssh://git@github.com:22/acme/shop.git', { server: 'https://github.com', repository: 'acme/shop' }],
    ['/srv/git/shop.git', undefined],
  ])('%s', (url, expected) => {
    expect(parseRemote(url)).toEqual(expected)
  })
})
