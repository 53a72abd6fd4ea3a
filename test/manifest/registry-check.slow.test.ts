/**
 * The "image already exists" check, run for real: the init container's script and the builder's
 * wrapper are taken from the rendered manifest (PodSandbox) and run against real registries
 * (Debian's docker-registry, the reference implementation) with Debian's skopeo, on 127.0.0.1.
 */
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFaultProxy } from '../support/fault-proxy.js'
import { type ContainerResult, PodSandbox } from '../support/pod-runner.js'
import { type RunningRegistry, startRegistry } from '../support/registry.js'
import { renderIn } from '../support/render.js'
import { makeTree } from '../support/repo.js'

const USER = { username: 'builder', password: 'correct horse battery staple' }
const cleanups: (() => void | Promise<void>)[] = []
let plain: RunningRegistry
let auth: RunningRegistry
let tls: RunningRegistry
let scratch: string
let standIn: string

beforeAll(async () => {
  ;[plain, auth, tls] = await Promise.all([startRegistry(), startRegistry({ auth: USER }), startRegistry({ tls: true })])
  cleanups.push(
    () => plain.stop(),
    () => auth.stop(),
    () => tls.stop(),
  )
  scratch = mkdtempSync(path.join(tmpdir(), 'check-'))
  cleanups.push(() => rmSync(scratch, { recursive: true, force: true }))
  // A stand-in for /kaniko/executor: records its arguments instead of building.
  standIn = path.join(scratch, 'bin')
  const { mkdirSync } = await import('node:fs')
  mkdirSync(standIn)
  writeFileSync(path.join(standIn, 'executor'), '#!/bin/sh\nprintf \'%s\\n\' "$@" > "$EXECUTOR_RECORD"\necho "stand-in executor ran"\n')
  chmodSync(path.join(standIn, 'executor'), 0o755)
}, 60_000)

afterAll(async () => {
  for (const c of cleanups.reverse()) await c()
})

let counter = 0
interface Rendered {
  manifest: string
  pod: string
  image: string
  repository: string
  tag: string
}

/** Renders a one-image repository whose images go to `host/team`; each call gets its own tag. */
async function render(host: string, inputs: Record<string, string> = {}): Promise<Rendered> {
  const tree = makeTree({ 'app/Dockerfile': `FROM alpine:3.20\n# ${++counter}\n` })
  cleanups.push(tree.cleanup)
  const outcome = await renderIn(tree.dir, { registry: `${host}/team`, ...inputs })
  const image = outcome.images[0]
  if (!image) throw new Error('nothing rendered')
  return { manifest: outcome.manifest, pod: image.pod, image: image.image, repository: 'team/app', tag: image.tag }
}

function dockerConfig(reg: RunningRegistry, password = USER.password): string {
  return JSON.stringify({ auths: { [reg.host]: { auth: Buffer.from(`${USER.username}:${password}`).toString('base64') } } })
}

/** `config: null` leaves the secret without its key, so no config.json is mounted; `secrets` are the others. */
function sandbox(r: Rendered, config: string | null = '{"auths":{}}', secrets: Record<string, Record<string, string>> = {}): PodSandbox {
  const sb = new PodSandbox(r.manifest, r.pod, {
    'docker-config-secret': config === null ? {} : { '.dockerconfigjson': config },
    ...secrets,
  })
  cleanups.push(() => sb.cleanup())
  return sb
}

const FAST_RETRIES = { CHECK_ATTEMPTS: '3', CHECK_BACKOFF_SECONDS: '0' }

function runInit(sb: PodSandbox, env: Record<string, string> = {}, shell?: string[]): Promise<ContainerResult> {
  return sb.run('kaniko-init', { env: { ...FAST_RETRIES, ...env }, ...(shell ? { shell } : {}) })
}

async function runBuilder(sb: PodSandbox, shell: string[] = ['busybox', 'sh']) {
  const record = path.join(sb.root, 'executor-args')
  const terminationLog = path.join(sb.root, 'termination-log')
  writeFileSync(terminationLog, '')
  const result = await sb.run('image-builder', {
    shell,
    path: [standIn],
    env: { EXECUTOR_RECORD: record, TERMINATION_LOG: terminationLog },
  })
  return {
    ...result,
    executorArgs: existsSync(record) ? readFileSync(record, 'utf8').trimEnd().split('\n') : undefined,
    terminationLog: readFileSync(terminationLog, 'utf8'),
  }
}

const decision = (sb: PodSandbox) => readFileSync(path.join(sb.volume('state'), 'decision'), 'utf8').trim()

const SHELLS: [string, string[]][] = [
  ['dash', ['sh']],
  ['bash', ['bash']],
  ['busybox sh', ['busybox', 'sh']],
]

describe.each(SHELLS)('the rendered check and wrapper under %s', (_name, shell) => {
  it('skip: the tag exists and nothing is forced; kaniko does not run, the Pod succeeds with the digest', async () => {
    const r = await render(plain.host, { 'insecure-registry': 'true' })
    const digest = await plain.pushImage(r.repository, r.tag)
    const sb = sandbox(r)
    const init = await runInit(sb, {}, shell)
    expect(init.code).toBe(0)
    expect(init.log).toContain(`kaniko-init: ${r.image} exists (${digest}), skipped`)
    expect(decision(sb)).toBe(`skip ${digest}`)
    const build = await runBuilder(sb, shell)
    expect(build.code).toBe(0)
    expect(build.stdout).toContain(`image-builder: ${r.image} exists (${digest}), skipped`)
    expect(build.executorArgs).toBeUndefined()
    expect(build.terminationLog).toBe(digest)
  })

  it('build: the tag is missing; kaniko runs with exactly the arguments of the manifest, as the kubelet gives them', async () => {
    const r = await render(plain.host, { 'insecure-registry': 'true' })
    const sb = sandbox(r)
    const init = await runInit(sb, {}, shell)
    expect(init.code).toBe(0)
    expect(init.log).toContain(`kaniko-init: ${r.image} is not in the registry: building`)
    expect(decision(sb)).toBe('build missing')
    const build = await runBuilder(sb, shell)
    expect(build.code).toBe(0)
    expect(build.stdout).toContain(`image-builder: building ${r.image} from app/Dockerfile`)
    expect(build.stdout).toContain('stand-in executor ran')
    expect(build.executorArgs).toEqual(sb.started('image-builder').args)
  })
})

describe('the registry check, answer by answer', () => {
  it('FORCE_BUILD: builds without asking the registry, even an unreachable one', async () => {
    const r = await render('127.0.0.1:1', { 'force-build': 'true' })
    const sb = sandbox(r)
    const init = await runInit(sb)
    expect(init.code).toBe(0)
    expect(init.log).toBe(`kaniko-init: FORCE_BUILD is set: building ${r.image} without asking the registry\n`)
    expect(decision(sb)).toBe('build forced')
    const build = await runBuilder(sb)
    expect(build.executorArgs).toContain(`--destination=${r.image}`)
  })

  it('a tag that exists in another repository only: builds', async () => {
    const r = await render(plain.host, { 'insecure-registry': 'true' })
    await plain.pushImage('team/other', r.tag)
    const sb = sandbox(r)
    expect((await runInit(sb)).code).toBe(0)
    expect(decision(sb)).toBe('build missing')
  })

  it('credentials from the mounted dockerconfigjson: skip when the tag exists behind auth', async () => {
    const r = await render(auth.host, { 'insecure-registry': 'true' })
    const digest = await auth.pushImage(r.repository, r.tag)
    const sb = sandbox(r, dockerConfig(auth))
    const init = await runInit(sb)
    expect(init.code).toBe(0)
    expect(decision(sb)).toBe(`skip ${digest}`)
    expect(init.log).not.toContain(USER.password)
  })

  it('credentials from the mounted dockerconfigjson: build when the tag is missing behind auth', async () => {
    const r = await render(auth.host, { 'insecure-registry': 'true' })
    const sb = sandbox(r, dockerConfig(auth))
    expect((await runInit(sb)).code).toBe(0)
    expect(decision(sb)).toBe('build missing')
  })

  it('wrong password (unauthorized): builds with a warning that existence could not be checked', async () => {
    const r = await render(auth.host, { 'insecure-registry': 'true' })
    await auth.pushImage(r.repository, r.tag)
    const sb = sandbox(r, dockerConfig(auth, 'wrong password'))
    const init = await runInit(sb)
    expect(init.code).toBe(0)
    expect(init.log).toMatch(
      new RegExp(
        `kaniko-init: WARNING: could not check whether ${escapeRegExp(r.image)} exists, the registry refused the request \\(.*unauthorized.*\\); building, and the push decides`,
      ),
    )
    expect(decision(sb)).toBe('build refused')
    expect(init.log).not.toContain('wrong password')
  })

  it('a secret without .dockerconfigjson: the Pod runs, the check reports it, asks anonymously, and builds when refused', async () => {
    const r = await render(auth.host, { 'insecure-registry': 'true' })
    const sb = sandbox(r, null)
    const init = await runInit(sb)
    expect(init.code).toBe(0)
    expect(init.log).toContain(
      `kaniko-init: WARNING: no readable registry credentials at ${sb.volume('docker-config')}/config.json (the registry secret is missing, or its key is not .dockerconfigjson); asking anonymously`,
    )
    expect(init.log).toContain('the registry refused the request')
    expect(decision(sb)).toBe('build refused')
  })

  it('no registry secret at all: the optional volume lets the Pod run, and the check finds the image on an open registry', async () => {
    const r = await render(plain.host, { 'insecure-registry': 'true' })
    const digest = await plain.pushImage(r.repository, r.tag)
    // No secret given: the kubelet mounts an empty folder for an optional volume, and fails the mount otherwise.
    const sb = new PodSandbox(r.manifest, r.pod, {})
    cleanups.push(() => sb.cleanup())
    const init = await runInit(sb)
    expect(init.code).toBe(0)
    expect(init.log).toContain('WARNING: no readable registry credentials')
    expect(decision(sb)).toBe(`skip ${digest}`)
  })

  it("registry-secret '': asks anonymously without a warning, and finds the image", async () => {
    const r = await render(plain.host, { 'insecure-registry': 'true', 'registry-secret': '' })
    const digest = await plain.pushImage(r.repository, r.tag)
    const sb = new PodSandbox(r.manifest, r.pod, {})
    cleanups.push(() => sb.cleanup())
    const init = await runInit(sb)
    expect(init.code).toBe(0)
    expect(init.log).toContain('kaniko-init: asking anonymously (registry-secret is empty)')
    expect(init.log).not.toContain('WARNING')
    expect(decision(sb)).toBe(`skip ${digest}`)
  })

  it('a config file that is not JSON: fails at once, saying so', async () => {
    const r = await render(plain.host, { 'insecure-registry': 'true' })
    const sb = sandbox(r, '{"auths": {')
    const init = await runInit(sb)
    expect(init.code).toBe(1)
    expect(init.log).toMatch(new RegExp(`kaniko-init: ERROR: cannot check ${escapeRegExp(r.image)}: .*unmarshaling JSON`))
    expect(init.log).not.toContain('retrying')
    expect(existsSync(path.join(sb.volume('state'), 'decision'))).toBe(false)
    const build = await runBuilder(sb)
    expect(build.code).toBe(1)
    expect(build.stderr).toContain('kaniko-init left no decision')
  })

  it('unreachable: retries with backoff a bounded number of times, then fails naming what and where', async () => {
    const stopped = await startRegistry()
    const host = stopped.host
    await stopped.stop()
    const r = await render(host, { 'insecure-registry': 'true' })
    const sb = sandbox(r)
    const init = await runInit(sb, { CHECK_ATTEMPTS: '3', CHECK_BACKOFF_SECONDS: '1' })
    expect(init.code).toBe(1)
    const lines = init.log.trimEnd().split('\n')
    expect(lines.filter((l) => l.includes('registry check failed'))).toHaveLength(2)
    expect(lines[0]).toMatch(/^kaniko-init: registry check failed \(attempt 1 of 3\), retrying in 1s: .*connection refused/)
    expect(lines[1]).toMatch(/^kaniko-init: registry check failed \(attempt 2 of 3\), retrying in 2s: /)
    expect(lines.at(-1)).toMatch(
      new RegExp(
        `^kaniko-init: ERROR: cannot reach the registry for ${escapeRegExp(r.image)} after 3 attempts: .*${escapeRegExp(host)}.*connection refused`,
      ),
    )
    expect(existsSync(path.join(sb.volume('state'), 'decision'))).toBe(false)
  })

  it('5xx, then the registry recovers: retries and then skips', async () => {
    const proxy = await startFaultProxy(plain.host, 2, 503)
    cleanups.push(() => proxy.close())
    const r = await render(proxy.host, { 'insecure-registry': 'true' })
    const digest = await plain.pushImage(r.repository, r.tag)
    const sb = sandbox(r)
    const init = await runInit(sb)
    expect(init.code).toBe(0)
    expect(init.log).toMatch(/registry check failed \(attempt 1 of 3\), retrying in 0s: .*503/)
    expect(decision(sb)).toBe(`skip ${digest}`)
    expect(proxy.requests.slice(0, 2).every((line) => line.endsWith('-> 503'))).toBe(true)
    expect(proxy.requests).toContain(`GET /v2/${r.repository}/manifests/${r.tag} -> 200`)
  })

  it('5xx that does not end: fails after the last attempt', async () => {
    const proxy = await startFaultProxy(plain.host, Number.POSITIVE_INFINITY, 500)
    cleanups.push(() => proxy.close())
    const r = await render(proxy.host, { 'insecure-registry': 'true' })
    const sb = sandbox(r)
    const init = await runInit(sb)
    expect(init.code).toBe(1)
    expect(init.log).toMatch(/ERROR: cannot reach the registry for .* after 3 attempts: .*500/)
  })

  it('TLS with a certificate the Pod does not trust: fails with the x509 error and the way out', async () => {
    const r = await render(tls.host)
    const sb = sandbox(r)
    const init = await runInit(sb)
    expect(init.code).toBe(1)
    expect(init.log).toMatch(/ERROR: cannot reach the registry for .* after 3 attempts: .*x509: certificate signed by unknown authority/)
    expect(init.log).toContain("set the action's insecure-registry input")
  })

  it('TLS with insecure-registry: skips verification and finds the image', async () => {
    const r = await render(tls.host, { 'insecure-registry': 'true' })
    const digest = await tls.pushImage(r.repository, r.tag)
    const sb = sandbox(r)
    expect((await runInit(sb)).code).toBe(0)
    expect(decision(sb)).toBe(`skip ${digest}`)
  })

  it('a plain-HTTP registry without insecure-registry: fails saying it answered HTTP', async () => {
    const r = await render(plain.host)
    const sb = sandbox(r)
    const init = await runInit(sb)
    expect(init.code).toBe(1)
    expect(init.log).toContain('server gave HTTP response to HTTPS client')
    expect(init.log).toContain("set the action's insecure-registry input")
  })

  it('values with shell syntax stay data: no command in them runs', async () => {
    const r = await render(plain.host, { 'insecure-registry': 'true' })
    const sb = sandbox(r)
    const marker = path.join(scratch, 'pwned')
    const hostile = `x$(touch ${marker})\`touch ${marker}\`;touch ${marker}`
    const init = await runInit(sb, { DOCKER_IMAGENAME: hostile, DOCKER_IMAGETAG: `t;touch ${marker}`, FORCE_BUILD: `N$(touch ${marker})` })
    expect(init.code).toBe(1)
    const build = await runBuilder(sb)
    expect(build.code).toBe(1)
    const forced = await runInit(sb, { FORCE_BUILD: 'Y', DOCKER_IMAGENAME: hostile })
    expect(forced.code).toBe(0)
    await sb.run('image-builder', {
      shell: ['busybox', 'sh'],
      path: [standIn],
      env: { DOCKER_FILENAME: hostile, EXECUTOR_RECORD: path.join(sb.root, 'r') },
    })
    expect(existsSync(marker)).toBe(false)
  })
})

describe('paths with shell and YAML syntax, through the rendered scripts', () => {
  it('stay data: no command runs, no variable of the Pod is expanded, and kaniko gets them verbatim', async () => {
    const hostile = ['$(touch pwned)', ';touch pwned;', '`touch pwned`', 'a: b #c', '--- x', 'it\'s "quoted"']
    // References the kubelet would expand: the git secret, a variable of the Pod, an escaped `$`.
    hostile.push('x$(GIT_PASSWORD)', '$(DOCKER_IMAGENAME)', 'a$$b')
    const password = 'sentinel-git-password-7f3a'
    const tree = makeTree(Object.fromEntries(hostile.map((dir, i) => [`${dir}/Dockerfile`, `FROM alpine:3.20\n# ${i}\n`])))
    cleanups.push(tree.cleanup)
    const inputs = { registry: `${plain.host}/team`, 'insecure-registry': 'true', 'force-build': 'true', 'git-secret': 'git-credentials' }
    const outcome = await renderIn(tree.dir, inputs)
    expect(outcome.images.map((i) => i.dockerfile).sort()).toEqual(hostile.map((d) => `${d}/Dockerfile`).sort())
    for (const image of outcome.images) {
      const r = { manifest: outcome.manifest, pod: image.pod, image: image.image, repository: '', tag: image.tag }
      const sb = sandbox(r, undefined, { 'git-credentials': { GIT_USERNAME: 'x-access-token', GIT_PASSWORD: password } })
      expect((await runInit(sb)).code).toBe(0)
      const build = await runBuilder(sb)
      expect(build.code).toBe(0)
      expect(build.executorArgs).toContain(`--context-sub-path=${image.dockerfile.slice(0, -'/Dockerfile'.length)}`)
      expect(build.executorArgs?.filter((arg) => arg.includes(password))).toEqual([])
      expect(build.stdout).toContain(`from ${image.dockerfile}`)
      expect(readdirSync(sb.root)).not.toContain('pwned')
    }
    expect(readdirSync(process.cwd())).not.toContain('pwned')
  })
})

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
