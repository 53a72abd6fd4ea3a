import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { explainRepoFolder, main, repositoryNameOf } from '../../src/cli/index.js'
import { withEnv } from '../support/action-env.js'
import { git, tempTrees } from '../support/repo.js'

const { tree } = tempTrees()
const FROM = 'FROM alpine:3.20\n'

/** Runs the command line in this process (the action's code, not the bundle); returns its status and stderr. */
async function cli(args: string[]): Promise<{ status: number; stderr: string }> {
  const errors: string[] = []
  vi.spyOn(console, 'log').mockImplementation(() => {})
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  vi.spyOn(console, 'error').mockImplementation((message: string) => void errors.push(message))
  // Without the runner's INPUT_* and GITHUB_* around it, as in a terminal.
  const status = await withEnv({}, () => main(args))
  return { status, stderr: errors.join('\n') }
}
afterEach(() => {
  vi.restoreAllMocks()
})

describe('kaniko-gitops render --repo', () => {
  it('a missing folder says so', async () => {
    const missing = path.join(tree({}), 'nope')
    const run = await cli(['render', '--repo', missing, '--registry', 'docker.io/acme'])
    expect(run).toEqual({
      status: 1,
      stderr: `kaniko-gitops: --repo '${missing}': there is no such folder (expected the folder of a git checkout)`,
    })
  })

  it('a file is not a folder', async () => {
    const file = path.join(tree({ README: 'x\n' }), 'README')
    expect(explainRepoFolder(file)).toBe('it is not a folder')
    expect((await cli(['render', '--repo', file, '--registry', 'docker.io/acme'])).stderr).toContain(`--repo '${file}': it is not a folder`)
  })

  it('a folder without a commit says what the git context needs, and renders with --context local', async () => {
    const dir = tree({ Dockerfile: FROM })
    const run = await cli(['render', '--repo', dir, '--registry', 'docker.io/acme'])
    expect(run.status).toBe(1)
    expect(run.stderr).toContain(`--repo '${dir}' has no commit to render`)
    expect(run.stderr).toContain('Commit first, or pass --context local.')
    expect((await cli(['render', '--repo', dir, '--registry', 'docker.io/acme', '--context', 'local'])).status).toBe(0)
  })

  it('a folder name with spaces gives a valid repository name', async () => {
    const dir = path.join(tree({ 'My Repo/Dockerfile': FROM }), 'My Repo')
    git(dir, 'init', '-q', '-b', 'main')
    git(dir, 'add', '-A')
    git(dir, 'commit', '-q', '-m', 'initial')
    const run = await cli(['render', '--repo', dir, '--registry', 'docker.io/acme'])
    expect(run).toEqual({ status: 0, stderr: '' })
    const manifest = readFileSync(path.join(dir, 'deploy/manifest.yaml'), 'utf8')
    expect(manifest).toContain('--context=git://github.com/local/My-Repo.git#refs/heads/main#')
    expect(manifest).toContain('docker.io/acme/my-repo:')
  })

  it('renders without changing process.env', async () => {
    const dir = tree({ Dockerfile: FROM })
    git(dir, 'init', '-q', '-b', 'main')
    git(dir, 'add', '-A')
    git(dir, 'commit', '-q', '-m', 'initial')
    vi.spyOn(console, 'log').mockImplementation(() => {})
    const before = { ...process.env }
    const status = await main(['render', '--repo', dir, '--registry', 'docker.io/acme', '--force-build', '--cache', 'false'])
    expect(status).toBe(0)
    expect(readFileSync(path.join(dir, 'deploy/manifest.yaml'), 'utf8')).toContain('docker.io/acme/')
    expect({ ...process.env }).toEqual(before)
  })

  it('reads boolean flags by the rules of the action', async () => {
    const dir = tree({ Dockerfile: FROM })
    expect(await cli(['render', '--repo', dir, '--registry', 'docker.io/acme', '--context', 'local', '--cache', 'tRuE'])).toEqual({
      status: 1,
      stderr: "kaniko-gitops: Input 'cache' has the value 'tRuE': expected one of true, True, TRUE, false, False, FALSE.",
    })
    expect((await cli(['render', '--repo', dir, '--registry', 'docker.io/acme', '--context', 'local', '--cache', 'False'])).status).toBe(0)
    expect(readFileSync(path.join(dir, 'deploy/manifest.yaml'), 'utf8')).not.toContain('--cache=true')
  })

  it.each(['service-account', 'registry-secret', 'git-secret', 'branch', 'repo'])(
    '--%s without a value is refused, naming the flag, and nothing is written',
    async (flag) => {
      const dir = tree({ Dockerfile: FROM })
      for (const args of [[`--${flag}`], [`--${flag}`, '--context', 'local']]) {
        const run = await cli(['render', '--repo', dir, '--registry', 'docker.io/acme', '--context', 'local', ...args])
        expect(run).toEqual({
          status: 1,
          stderr: `kaniko-gitops: --${flag} needs a value: --${flag} VALUE, or --${flag}=VALUE ('--${flag}=' for an empty one)`,
        })
      }
      expect(existsSync(path.join(dir, 'deploy/manifest.yaml'))).toBe(false)
    },
  )

  it("a bare boolean flag is true; a string flag takes '' given as a value", async () => {
    const dir = tree({ Dockerfile: FROM })
    const base = ['render', '--repo', dir, '--registry', 'docker.io/acme', '--context', 'local']
    expect(await cli([...base, '--registry-secret=', '--service-account', '', '--force-build'])).toEqual({ status: 0, stderr: '' })
    const manifest = readFileSync(path.join(dir, 'deploy/manifest.yaml'), 'utf8')
    expect(manifest).not.toContain('secretName')
    expect(manifest).not.toContain('serviceAccountName')
    expect(manifest).toContain('value: "Y"')
  })

  it.each([
    ['/tmp/My Repo', 'My-Repo'],
    ['/tmp/shop', 'shop'],
    ['/tmp/a  b\tc', 'a-b-c'],
    ['/tmp/Crème Brûlée', 'Creme-Brulee'],
    ['/tmp/日本', 'repository'],
    ['/tmp/.hidden', 'hidden'],
    ['/tmp/[]', 'repository'],
  ])('repositoryNameOf(%j) is %j', (folder, name) => {
    expect(repositoryNameOf(folder)).toBe(name)
  })
})

describe('kaniko-gitops render and the image graph', () => {
  /** Runs the command line on a committed repository; returns its status and what it printed. */
  async function printed(files: Record<string, string>): Promise<{ status: number; out: string }> {
    const dir = tree(files)
    git(dir, 'init', '-q', '-b', 'main')
    git(dir, 'add', '-A')
    git(dir, 'commit', '-q', '-m', 'initial')
    const lines: string[] = []
    vi.spyOn(console, 'log').mockImplementation((message: string) => void lines.push(message))
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const status = await withEnv({}, () => main(['render', '--repo', dir, '--registry', 'docker.io/acme']))
    return { status, out: lines.join('\n') }
  }
  const on = (parent: string) => `ARG BASE_IMAGE=docker.io/acme/${parent}\nFROM $BASE_IMAGE\n`

  it('prints each image under its first parent after the table, naming its other parents; no graph without such parents', async () => {
    const run = await printed({
      'base/Dockerfile': FROM,
      'tools/Dockerfile': FROM,
      'api/Dockerfile': on('base'),
      'web/Dockerfile': `${on('base')}COPY --from=docker.io/acme/tools /bin/x /bin/x\n`,
      'lone/Dockerfile': FROM,
    })
    expect(run.status).toBe(0)
    expect(run.out).toMatch(
      /\nImages built on images of this repository \(each under its first parent\):\n\nbase \(new\)\n {2}api \(new\)\n {2}web \(new; also under: tools\)\ntools \(new\)$/,
    )
    const plain = await printed({ 'base/Dockerfile': FROM, 'api/Dockerfile': FROM })
    expect(plain.status).toBe(0)
    expect(plain.out).toContain('base')
    expect(plain.out).not.toContain('Images built on images of this repository')
  })
})
