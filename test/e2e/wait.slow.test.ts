/**
 * mode: wait and commit statuses, with the committed bundle: the commit job commits the manifest to the
 * GitHub stand-in (posting pending statuses), a deploy job checks out that commit with real git and
 * waits while images appear in a real registry (Debian's docker-registry on 127.0.0.1, pushed with skopeo).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createServer, type Server, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { githubEnv, inputEnv } from '../support/action-env.js'
import { branchHead, type GitHubStandIn, pushFiles, startGitHubStandIn } from '../support/github-standin.js'
import { type RunningRegistry, startRegistry } from '../support/registry.js'
import { type ActionRun, runAction } from '../support/run-action.js'
import { runnerCommands } from '../support/runner-commands.js'

const TOKEN = 'workflow-token'
const USER = { username: 'builder', password: 'correct horse battery staple' }
const FILES = { 'services/api/Dockerfile': 'FROM alpine:3.20\n', 'services/web/Dockerfile': 'FROM nginx:1.27\n' }
let plain: RunningRegistry
let auth: RunningRegistry
let gh: GitHubStandIn
let scratch: string
let counter = 0

beforeAll(async () => {
  ;[plain, auth] = await Promise.all([startRegistry(), startRegistry({ auth: USER })])
}, 60_000)
afterAll(async () => {
  await Promise.all([plain.stop(), auth.stop()])
})
beforeEach(async () => {
  gh = await startGitHubStandIn({
    tokens: {
      [TOKEN]: { contents: 'write', pullRequests: 'write', statuses: 'write' },
      'no-statuses': { contents: 'write', pullRequests: 'write' },
    },
  })
  scratch = mkdtempSync(path.join(tmpdir(), 'wait-e2e-'))
})
afterEach(async () => {
  await gh.close()
  rmSync(scratch, { recursive: true, force: true })
})

interface Built {
  name: string
  reference: string
  status: string
  digest?: string
  seconds?: number
}
interface Committed {
  dir: string
  sha: string
  images: { name: string; image: string; tag: string }[]
  run: ActionRun
}

function run(dir: string, sha: string, inputs: Record<string, string>, extra: Record<string, string> = {}): Promise<ActionRun> {
  const event = path.join(scratch, `event-${++counter}.json`)
  writeFileSync(event, JSON.stringify({ repository: { full_name: 'acme/shop', default_branch: 'main' }, after: sha }))
  return runAction(
    process.execPath,
    {
      ...inputEnv({ token: TOKEN, 'insecure-registry': 'true', ...inputs }),
      ...githubEnv(dir, { GITHUB_SHA: sha, GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: event, GITHUB_API_URL: gh.url }),
      ...extra,
    },
    scratch,
  )
}

const git = (dir: string, ...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim()

/**
 * The commit job on a fresh push (statuses on), then a checkout of the commit it made, as a deploy job
 * does. The push changes both images' contexts, or pushes `files` instead.
 */
async function commitJob(host: string, inputs: Record<string, string> = {}, files?: Record<string, string>): Promise<Committed> {
  const bump = { 'services/api/VERSION': `${++counter}\n`, 'services/web/VERSION': `${counter}\n` }
  const sha = await pushFiles(gh, 'main', { ...FILES, ...(files ?? bump) })
  const dir = path.join(scratch, `ws-${counter}`)
  execFileSync('git', ['clone', '-q', gh.bareRepo, dir])
  git(dir, 'checkout', '-q', sha)
  const committed = await run(dir, sha, { mode: 'commit', registry: `${host}/team`, statuses: 'true', ...inputs })
  expect(committed.status).toBe(0)
  git(dir, 'fetch', '-q', 'origin', 'main')
  git(dir, 'checkout', '-q', '--force', committed.outputs['commit-sha'] ?? 'FETCH_HEAD')
  return { dir, sha, images: JSON.parse(committed.outputs.images as string), run: committed }
}

const repositoryOf = (reference: string) => reference.slice(reference.indexOf('/') + 1, reference.lastIndexOf(':'))
const built = (r: ActionRun) => JSON.parse(r.outputs.built as string) as Built[]
const latest = (sha: string) => {
  const last = new Map<string, { state: string; description: string | null }>()
  for (const s of gh.statuses(sha)) last.set(s.context, s)
  return Object.fromEntries([...last].map(([context, s]) => [context, s.state]))
}
const FAST = { mode: 'wait', 'wait-interval': '1s' }

describe('mode: wait', () => {
  it('waits while the images appear, then is ready with their digests; pending statuses turn to success', async () => {
    const c = await commitJob(plain.host)
    expect(c.run.outputs.result).toBe('committed')
    expect(latest(c.sha)).toEqual({ 'kaniko-gitops/api': 'pending', 'kaniko-gitops/web': 'pending' })
    expect(gh.statuses(c.sha)[0]?.description).toMatch(/^build of tag [0-9a-f]+ pending$/)
    const waiting = run(c.dir, c.sha, { ...FAST, registry: `${plain.host}/team`, 'wait-timeout': '40s', statuses: 'true' })
    await new Promise((resolve) => setTimeout(resolve, 2500))
    const digests: Record<string, string> = {}
    for (const image of c.images) digests[image.name] = await plain.pushImage(repositoryOf(image.image), image.tag)
    const result = await waiting
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.outputs.result).toBe('ready')
    const images = built(result)
    expect(images.map((i) => [i.name, i.reference, i.status, i.digest])).toEqual(
      c.images.map((i) => [i.name, i.image, 'present', digests[i.name]]),
    )
    for (const image of images) expect(image.seconds).toBeGreaterThanOrEqual(2)
    expect(latest(c.sha)).toEqual({ 'kaniko-gitops/api': 'success', 'kaniko-gitops/web': 'success' })
    expect(gh.statuses(c.sha).at(-1)?.description).toBe(`in the registry: ${c.images[1]?.image}`)
    expect(result.summary).toContain('2 image(s) in the registry')
    expect(result.summary.match(/<td>present<\/td>/g)).toHaveLength(2)
    // The summary is rewritten as the wait goes: it holds the final table once.
    expect(result.summary.match(/<table>/g)).toHaveLength(1)
  }, 90_000)

  it('a never-pushed image: timed-out, the job fails, its status turns to failure', async () => {
    const c = await commitJob(plain.host)
    const api = c.images.find((i) => i.name === 'api')
    if (!api) throw new Error('no api image')
    await plain.pushImage(repositoryOf(api.image), api.tag)
    const result = await run(c.dir, c.sha, { ...FAST, registry: `${plain.host}/team`, 'wait-timeout': '3s', statuses: 'true' })
    expect(result.status).toBe(1)
    expect(result.outputs.result).toBe('timed-out')
    expect(built(result).map((i) => [i.name, i.status])).toEqual([
      ['api', 'present'],
      ['web', 'missing'],
    ])
    expect(runnerCommands(result.stdout).filter((x) => x.command === 'error')).toHaveLength(1)
    expect(latest(c.sha)).toEqual({ 'kaniko-gitops/api': 'success', 'kaniko-gitops/web': 'failure' })
    expect(result.summary).toContain('timed out after 3s')
    // Each pass asks again: the reason is logged once, in the wait's words (nothing is built here).
    expect(result.stdout.match(/^web: \S+ missing: not in the registry$/gm)).toHaveLength(1)
    expect(result.stdout).not.toMatch(/building|push decides/)

    const lenient = await run(c.dir, c.sha, { ...FAST, registry: `${plain.host}/team`, 'wait-timeout': '2s', 'fail-on-timeout': 'false' })
    expect(lenient.status).toBe(0)
    expect(lenient.outputs.result).toBe('timed-out')
    expect(runnerCommands(lenient.stdout).filter((x) => x.command === 'warning')).toHaveLength(1)
  }, 90_000)

  it("credentials: the runner's auth file finds images behind auth; a wrong password is refused", async () => {
    const c = await commitJob(auth.host)
    for (const image of c.images) await auth.pushImage(repositoryOf(image.image), image.tag)
    const inputs = { ...FAST, registry: `${auth.host}/team`, 'wait-timeout': '3s', 'wait-images': 'web' }
    const good = await run(c.dir, c.sha, inputs, { REGISTRY_AUTH_FILE: path.join(auth.dockerConfigDir, 'config.json') })
    expect(good.status).toBe(0)
    expect(built(good).map((i) => [i.name, i.status])).toEqual([['web', 'present']])
    const wrong = path.join(scratch, 'wrong')
    mkdirSync(wrong)
    const config = { auths: { [auth.host]: { auth: Buffer.from(`${USER.username}:wrong password`).toString('base64') } } }
    writeFileSync(path.join(wrong, 'config.json'), JSON.stringify(config))
    const refused = await run(c.dir, c.sha, inputs, { DOCKER_CONFIG: wrong })
    expect(refused.status).toBe(1)
    expect(built(refused).map((i) => [i.name, i.status])).toEqual([['web', 'refused']])
    expect(refused.stdout).not.toContain('wrong password')
  }, 90_000)

  it('a registry that cannot be reached: unreachable until the timeout', async () => {
    const c = await commitJob('127.0.0.1:1')
    const result = await run(c.dir, c.sha, { ...FAST, registry: '127.0.0.1:1/team', 'wait-timeout': '3s' })
    expect(result.status).toBe(1)
    expect(built(result).map((i) => i.status)).toEqual(['unreachable', 'unreachable'])
    expect(result.stdout).toContain('connection refused')
  }, 90_000)

  it('a token without statuses write: a warning in each job, no failure, no status', async () => {
    const c = await commitJob(plain.host, { token: 'no-statuses' })
    expect(
      runnerCommands(c.run.stdout)
        .filter((x) => x.command === 'warning')
        .map((x) => x.data),
    ).toEqual([expect.stringMatching(/^2 of 2 commit status\(es\) not posted .*posting the commit status kaniko-gitops\/api on/)])
    for (const image of c.images) await plain.pushImage(repositoryOf(image.image), image.tag)
    const result = await run(c.dir, c.sha, { ...FAST, registry: `${plain.host}/team`, statuses: 'true', token: 'no-statuses' })
    expect(result.status).toBe(0)
    expect(result.outputs.result).toBe('ready')
    expect(runnerCommands(result.stdout).filter((x) => x.command === 'warning')).toHaveLength(1)
    expect(gh.statuses(c.sha)).toEqual([])
  }, 90_000)

  it('fails at once, naming what to install, on a runner without skopeo', async () => {
    const c = await commitJob(plain.host)
    // A PATH with git alone: the wait reads the manifest with git, and checks with skopeo.
    const bin = path.join(scratch, 'git-only')
    mkdirSync(bin, { recursive: true })
    const gitPath = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim()
    if (!existsSync(path.join(bin, 'git'))) symlinkSync(gitPath, path.join(bin, 'git'))
    const started = Date.now()
    const result = await run(c.dir, c.sha, { ...FAST, registry: `${plain.host}/team`, 'wait-timeout': '60s' }, { PATH: bin })
    expect(result.status).toBe(1)
    expect(Date.now() - started).toBeLessThan(30_000)
    expect(result.outputs.result).toBeUndefined()
    expect(result.stdout).toMatch(/::error::mode: wait checks the images with skopeo, and there is none on the runner's PATH/)
  }, 90_000)

  it('a re-run of the commit job that finds the branch up to date posts no pending status over a settled one', async () => {
    const c = await commitJob(plain.host)
    const posted = gh.statuses(c.sha).length
    expect(posted).toBeGreaterThan(0)
    const again = await run(c.dir, c.sha, { mode: 'commit', registry: `${plain.host}/team`, statuses: 'true' })
    expect(again.status).toBe(0)
    expect(again.outputs.result).toBe('unchanged')
    expect(gh.statuses(c.sha)).toHaveLength(posted)
  }, 90_000)

  it('a renamed image gets a pending status: the commit job posts for every image the wait waits for', async () => {
    await commitJob(plain.host)
    const config = { '.github/kaniko-gitops.yml': 'images:\n  services/web/Dockerfile:\n    name: frontend\n' }
    const c = await commitJob(plain.host, { config: '.github/kaniko-gitops.yml' }, config)
    const images = JSON.parse(c.run.outputs.images as string) as { name: string; status: string }[]
    expect(images.map((i) => [i.name, i.status])).toEqual([
      ['api', 'unchanged'],
      ['frontend', 'renamed'],
    ])
    expect(gh.statuses(c.sha).map((s) => [s.context, s.state])).toEqual([['kaniko-gitops/frontend', 'pending']])
    for (const image of c.images) await plain.pushImage(repositoryOf(image.image), image.tag)
    const result = await run(c.dir, c.sha, { ...FAST, registry: `${plain.host}/team`, 'wait-timeout': '20s', statuses: 'true' })
    expect(result.status).toBe(0)
    expect(built(result).map((i) => i.name)).toEqual(['frontend'])
    expect(gh.statuses(c.sha).map((s) => [s.context, s.state])).toEqual([
      ['kaniko-gitops/frontend', 'pending'],
      ['kaniko-gitops/frontend', 'success'],
    ])
  }, 90_000)

  it('GitHub failing every status post (502 after the retries): a warning, and the outputs and summary as always', async () => {
    gh.failNext('POST', /\/statuses\//, 502, 4)
    const c = await commitJob(plain.host)
    expect(c.run.outputs.result).toBe('committed')
    expect(await branchHead(gh, 'main')).toBe(c.run.outputs['commit-sha'])
    expect(c.images.map((i) => i.name)).toEqual(['api', 'web'])
    expect(c.run.summary).toContain('committed <code>')
    // The client's retries are warnings of their own; what was not posted is told once.
    const warnings = (r: ActionRun) => runnerCommands(r.stdout).filter((x) => x.command === 'warning' && !/ try \d of 4$/.test(x.data))
    expect(warnings(c.run).map((x) => x.data)).toEqual([expect.stringMatching(/^2 of 2 commit status\(es\) not posted .*502/)])
    expect(gh.statuses(c.sha)).toEqual([])

    for (const image of c.images) await plain.pushImage(repositoryOf(image.image), image.tag)
    gh.failNext('POST', /\/statuses\//, 502, 4)
    const result = await run(c.dir, c.sha, { ...FAST, registry: `${plain.host}/team`, 'wait-timeout': '20s', statuses: 'true' })
    expect(result.status).toBe(0)
    expect(result.outputs.result).toBe('ready')
    expect(built(result).map((i) => [i.name, i.status])).toEqual([
      ['api', 'present'],
      ['web', 'present'],
    ])
    expect(result.summary).toContain('2 image(s) in the registry')
    expect(warnings(result).map((x) => x.data)).toEqual([expect.stringMatching(/^2 of 2 commit status\(es\) not posted .*502/)])
    expect(gh.statuses(c.sha)).toEqual([])
  }, 90_000)

  it('explains its input errors and a checkout without git', async () => {
    const c = await commitJob(plain.host)
    const registry = `${plain.host}/team`
    const bad = await run(c.dir, c.sha, { ...FAST, registry, 'wait-timeout': '30' })
    expect(bad.status).toBe(1)
    expect(bad.stdout).toContain("::error::Input 'wait-timeout' has the value '30': expected a duration")
    const unknown = await run(c.dir, c.sha, { ...FAST, registry, 'wait-images': 'api,db' })
    expect(unknown.status).toBe(1)
    expect(unknown.stdout).toContain(
      "::error::Input 'wait-images' has the value 'api,db': 'db' not in the manifest; expected some of: api, web.",
    )
    const bare = mkdtempSync(path.join(scratch, 'nogit-'))
    const nogit = await run(bare, c.sha, { ...FAST, registry })
    expect(nogit.status).toBe(1)
    expect(nogit.stdout).toContain('mode: wait reads')
  }, 90_000)

  it("a forced image: the older build under the tag is still missing; the forced run's build (its label) is ready", async () => {
    const first = await commitJob(plain.host)
    const api = first.images.find((i) => i.name === 'api')
    if (!api) throw new Error('no api image')
    const old = await plain.pushImage(repositoryOf(api.image), api.tag)
    // Same content, api forced: its Pod pins the new commit, and its tag is the one already there.
    const forced = await commitJob(plain.host, { 'force-images': 'api' }, { 'README.md': `${counter}\n` })
    expect(forced.images.find((i) => i.name === 'api')?.image).toBe(api.image)
    const nonce = /kaniko-gitops\/forced: "?([^"\n]+)"?/.exec(git(forced.dir, 'show', 'HEAD:deploy/manifest.yaml'))?.[1] ?? ''
    expect(nonce).toMatch(/^[0-9]+-[0-9]+$/)
    const inputs = { ...FAST, registry: `${plain.host}/team` }
    const stale = await run(forced.dir, forced.sha, { ...inputs, 'wait-timeout': '3s' })
    expect(stale.status).toBe(1)
    expect(built(stale).map((i) => [i.name, i.status, i.digest])).toEqual([['api', 'missing', undefined]])
    expect(stale.stdout).toContain("an older build is under the tag, not the forced run's")

    const waiting = run(forced.dir, forced.sha, { ...inputs, 'wait-timeout': '40s' })
    await new Promise((resolve) => setTimeout(resolve, 2500))
    const fresh = await plain.pushImage(repositoryOf(api.image), api.tag, { 'dev.kaniko-gitops.forced': nonce })
    expect(fresh).not.toBe(old)
    const result = await waiting
    expect(result.status).toBe(0)
    expect(built(result).map((i) => [i.name, i.status, i.digest])).toEqual([['api', 'present', fresh]])
  }, 120_000)

  it('a registry that accepts and never answers: the wait ends near wait-timeout and leaves no skopeo running', async () => {
    const sockets: Socket[] = []
    const silent: Server = createServer((socket) => {
      sockets.push(socket)
    })
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    const address = silent.address()
    const host = `127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    try {
      const c = await commitJob(host)
      const started = Date.now()
      const result = await run(c.dir, c.sha, { ...FAST, registry: `${host}/team`, 'wait-timeout': '5s' })
      const took = Date.now() - started
      expect(result.status).toBe(1)
      expect(built(result).map((i) => i.status)).toEqual(['unreachable', 'unreachable'])
      // wait-timeout, the last look's 5 s at most, and the start of the bundle.
      expect(took).toBeLessThan(13_000)
      expect(spawnSync('pgrep', ['-f', host]).status).toBe(1)
    } finally {
      for (const socket of sockets) socket.destroy()
      await new Promise((resolve) => silent.close(resolve))
    }
  }, 120_000)

  it('150 missing images: the wait ends near wait-timeout, not after a look at each in turn', async () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 150; i++) files[`many/m${i}/Dockerfile`] = `FROM alpine:3.20\nLABEL n=${i}-${counter}\n`
    // Without statuses: posting 150 of them, paced a second apart, is not what this test is about.
    const c = await commitJob(plain.host, { statuses: 'false' }, files)
    const started = Date.now()
    const result = await run(c.dir, c.sha, { ...FAST, registry: `${plain.host}/team`, 'wait-timeout': '5s' })
    const took = Date.now() - started
    expect(result.status).toBe(1)
    const images = built(result)
    // The 150, and the other images of the push when this test runs first.
    expect(images.filter((i) => /^m[0-9]+$/.test(i.name))).toHaveLength(150)
    expect(images.every((i) => i.status === 'missing')).toBe(true)
    // wait-timeout and the start of the bundle, with room for a loaded machine (a look at each in turn takes 15 s).
    expect(took).toBeLessThan(10_000)
  }, 180_000)

  it('refuses, naming the Pod, a manifest rendered for another registry or edited by hand', async () => {
    const c = await commitJob(plain.host)
    const other = await run(c.dir, c.sha, { ...FAST, registry: `${plain.host}/other`, 'wait-timeout': '3s' })
    expect(other.status).toBe(1)
    expect(other.outputs.result).toBeUndefined()
    expect(other.stdout).toMatch(
      /::error::The manifest's Pod 'api-[0-9a-f]{10}' of the image 'api' cannot be waited for: its container kaniko-init sets DOCKER_IMAGENAME/,
    )
    const manifest = path.join(c.dir, 'deploy/manifest.yaml')
    const text = git(c.dir, 'show', 'HEAD:deploy/manifest.yaml')
    writeFileSync(manifest, `${text.replace(/(kaniko-gitops\/image: \S+\/web:)[0-9a-f]+/, '$1latest')}\n`)
    git(c.dir, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qam', 'hand edit')
    const edited = await run(c.dir, c.sha, { ...FAST, registry: `${plain.host}/team`, 'wait-images': 'web', 'wait-timeout': '3s' })
    expect(edited.status).toBe(1)
    expect(edited.stdout).toMatch(
      /::error::The manifest's Pod 'web-[0-9a-f]{10}' of the image 'web' cannot be waited for: .*annotation kaniko-gitops\/image '[^']+\/web:latest'/,
    )
  }, 90_000)
})
