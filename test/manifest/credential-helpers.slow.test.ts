/**
 * Credential helpers, run for real: the rendered kaniko-setup script under busybox sh writes the
 * config.json, and the rendered check asks Debian's skopeo, which runs a docker-credential-<name>
 * helper (a shell script written here, copied by kaniko-setup as from the executor image) against
 * Debian's docker-registry with htpasswd on 127.0.0.1.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ContainerResult, PodSandbox } from '../support/pod-runner.js'
import { type RunningRegistry, startRegistry } from '../support/registry.js'
import { renderIn } from '../support/render.js'
import { makeTree } from '../support/repo.js'

const USER = { username: 'builder', password: 'helper-sentinel-password-5c1e' }
const cleanups: (() => void | Promise<void>)[] = []
let registry: RunningRegistry
/** Stands for the executor image's /kaniko: the helpers kaniko-setup copies. */
let source: string
/** What the good helper was asked: the server URLs on its stdin. */
let asked: string

beforeAll(async () => {
  registry = await startRegistry({ auth: USER })
  cleanups.push(() => registry.stop())
  const scratch = mkdtempSync(path.join(tmpdir(), 'helpers-'))
  cleanups.push(() => rmSync(scratch, { recursive: true, force: true }))
  source = path.join(scratch, 'kaniko')
  mkdirSync(source)
  asked = path.join(scratch, 'asked')
  // The credential helper protocol: `get` with the server URL on stdin, the credentials as JSON on stdout.
  const good = [
    '#!/bin/sh',
    '[ "$1" = get ] || exit 1',
    'read -r url',
    `printf '%s\\n' "$url" >>'${asked}'`,
    `printf '{"ServerURL":"%s","Username":"${USER.username}","Secret":"${USER.password}"}\\n' "$url"`,
  ]
  writeFileSync(path.join(source, 'docker-credential-kgtest'), `${good.join('\n')}\n`)
  writeFileSync(path.join(source, 'docker-credential-kgfail'), '#!/bin/sh\necho "no web identity token" >&2\nexit 1\n')
  for (const name of ['kgtest', 'kgfail']) chmodSync(path.join(source, `docker-credential-${name}`), 0o755)
}, 60_000)

afterAll(async () => {
  for (const c of cleanups.reverse()) await c()
})

let counter = 0
interface Rendered {
  manifest: string
  pod: string
  image: string
  tag: string
}

/** A one-image repository pushed to the registry, with credential helpers for it; each call its own tag. */
async function render(inputs: Record<string, string>): Promise<Rendered> {
  const tree = makeTree({ 'app/Dockerfile': `FROM alpine:3.20\n# ${++counter}\n` })
  cleanups.push(tree.cleanup)
  const outcome = await renderIn(tree.dir, { registry: `${registry.host}/team`, 'insecure-registry': 'true', ...inputs })
  const image = outcome.images[0]
  if (!image) throw new Error('nothing rendered')
  return { manifest: outcome.manifest, pod: image.pod, image: image.image, tag: image.tag }
}

function sandbox(r: Rendered, secret?: string): PodSandbox {
  const sb = new PodSandbox(r.manifest, r.pod, secret === undefined ? {} : { 'docker-config-secret': { '.dockerconfigjson': secret } })
  cleanups.push(() => sb.cleanup())
  return sb
}

const runSetup = (sb: PodSandbox): Promise<ContainerResult> =>
  sb.run('kaniko-setup', { shell: ['busybox', 'sh'], env: { HELPERS_SOURCE: source } })
const runCheck = (sb: PodSandbox): Promise<ContainerResult> =>
  sb.run('kaniko-init', { env: { CHECK_ATTEMPTS: '2', CHECK_BACKOFF_SECONDS: '0' } })
const configOf = (sb: PodSandbox): unknown => JSON.parse(readFileSync(path.join(sb.volume('docker-config'), 'config.json'), 'utf8'))
const decision = (sb: PodSandbox) => readFileSync(path.join(sb.volume('state'), 'decision'), 'utf8').trim()
const basic = (password: string) => Buffer.from(`${USER.username}:${password}`).toString('base64')

describe('kaniko-setup under busybox sh', () => {
  it('helpers only: copies the helpers it has, warns for the others, writes credHelpers alone', async () => {
    const r = await render({ 'registry-secret': '', 'credential-helpers': `${registry.host}=kgtest, other.example=absent` })
    const sb = sandbox(r)
    const setup = await runSetup(sb)
    expect(setup.code).toBe(0)
    expect(configOf(sb)).toEqual({ credHelpers: { [registry.host]: 'kgtest', 'other.example': 'absent' } })
    const copied = path.join(sb.volume('credential-helpers'), 'docker-credential-kgtest')
    expect(statSync(copied).mode & 0o100).toBe(0o100)
    expect(existsSync(path.join(sb.volume('credential-helpers'), 'docker-credential-absent'))).toBe(false)
    expect(setup.log).toContain(`credential helpers for the registry check, from ${source}: docker-credential-kgtest`)
    expect(setup.log).toContain('WARNING: not in')
    expect(setup.log).toContain('docker-credential-absent')
    // The check says which helper it cannot run, and still decides.
    await registry.pushImage('team/app', r.tag)
    const check = await runCheck(sb)
    expect(check.code).toBe(0)
    expect(check.log).toContain("WARNING: docker-credential-absent is not in this container's PATH")
    expect(decision(sb)).toMatch(/^skip sha256:/)
  })

  it('secret and helpers: the secret config.json with credHelpers added, both read back as JSON', async () => {
    const r = await render({ 'credential-helpers': `${registry.host}=kgtest` })
    const secret = JSON.stringify({ auths: { 'docker.io': { auth: basic('hub') } } }, null, 2)
    const sb = sandbox(r, secret)
    const setup = await runSetup(sb)
    expect(setup.code).toBe(0)
    expect(configOf(sb)).toEqual({ auths: { 'docker.io': { auth: basic('hub') } }, credHelpers: { [registry.host]: 'kgtest' } })
    expect(setup.log).not.toContain(basic('hub'))
  })

  it("secret '{}': credHelpers alone", async () => {
    const r = await render({ 'credential-helpers': `${registry.host}=kgtest` })
    const sb = sandbox(r, ' {\n}\n')
    expect((await runSetup(sb)).code).toBe(0)
    expect(configOf(sb)).toEqual({ credHelpers: { [registry.host]: 'kgtest' } })
  })

  it('a secret that is not a JSON object: refused, saying so, and no config written', async () => {
    const r = await render({ 'credential-helpers': `${registry.host}=kgtest` })
    const sb = sandbox(r, '["not", "an object"]')
    const setup = await runSetup(sb)
    expect(setup.code).toBe(1)
    expect(setup.log).toContain("ERROR: the registry secret's config.json is not a JSON object")
    expect(existsSync(path.join(sb.volume('docker-config'), 'config.json'))).toBe(false)
  })

  it('a missing secret, or one without .dockerconfigjson: credHelpers alone, with a warning, and the check decides', async () => {
    const r = await render({ 'credential-helpers': `${registry.host}=kgtest` })
    const digest = await registry.pushImage('team/app', r.tag)
    const secretsOf: Record<string, Record<string, string>>[] = [{}, { 'docker-config-secret': { 'config.json': '{"auths":{}}' } }]
    for (const secrets of secretsOf) {
      // The kubelet mounts an empty folder for the optional volume, and fails the mount otherwise.
      const sb = new PodSandbox(r.manifest, r.pod, secrets)
      cleanups.push(() => sb.cleanup())
      const setup = await runSetup(sb)
      expect(setup.code).toBe(0)
      expect(setup.log).toContain('kaniko-setup: WARNING: the registry secret has no readable config.json')
      expect(configOf(sb)).toEqual({ credHelpers: { [registry.host]: 'kgtest' } })
      expect((await runCheck(sb)).code).toBe(0)
      expect(decision(sb)).toBe(`skip ${digest}`)
    }
  })

  it('1.5 MB of blanks in and around the secret: one linear pass, a few seconds at most', async () => {
    const r = await render({ 'credential-helpers': `${registry.host}=kgtest` })
    const blanks = ' \t\r\n'.repeat(64 * 1024)
    const auths = { auths: { 'docker.io': { auth: basic('hub') } } }
    // 256 KB of blanks six times: a line of them and lines of them on each side, and inside the object.
    const secret = `${blanks.replaceAll('\n', ' ')}\n${blanks}{"auths" :${blanks}${JSON.stringify(auths.auths)}${blanks}}${blanks}${blanks.replaceAll('\n', ' ')}`
    const sb = sandbox(r, secret)
    const setup = await sb.run('kaniko-setup', { shell: ['busybox', 'sh'], env: { HELPERS_SOURCE: source }, timeoutMs: 10_000 })
    expect(setup.code).toBe(0)
    expect(configOf(sb)).toEqual({ ...auths, credHelpers: { [registry.host]: 'kgtest' } })
  }, 30_000)

  it.each([
    ['two objects', '{"auths":{}}{"auths":{}}'],
    ['a trailing comma', '{"auths":{},}'],
  ])('a secret of {...} that is not one JSON object (%s): the check fails with an ERROR and decides nothing', async (_name, secret) => {
    const r = await render({ 'credential-helpers': `${registry.host}=kgtest` })
    await registry.pushImage('team/app', r.tag)
    const sb = sandbox(r, secret)
    expect((await runSetup(sb)).code).toBe(0)
    const check = await runCheck(sb)
    expect(check.code).toBe(1)
    expect(check.log).toContain(`kaniko-init: ERROR: cannot check ${r.image}: `)
    expect(check.log).toContain('invalid character')
    expect(existsSync(path.join(sb.volume('state'), 'decision'))).toBe(false)
  })

  it("the helper wins over the secret's credHelpers and auths for its host", async () => {
    const r = await render({ 'credential-helpers': `${registry.host}=kgtest` })
    const digest = await registry.pushImage('team/app', r.tag)
    const secret = JSON.stringify({ auths: { [registry.host]: { auth: basic('stale') } }, credHelpers: { [registry.host]: 'kgfail' } })
    const sb = sandbox(r, secret)
    expect((await runSetup(sb)).code).toBe(0)
    const check = await runCheck(sb)
    expect(check.code).toBe(0)
    expect(decision(sb)).toBe(`skip ${digest}`)
  })
})

describe('the registry check through a credential helper (skopeo, htpasswd registry)', () => {
  it('the image is there: skip; the helper was asked for the registry', async () => {
    const r = await render({ 'registry-secret': '', 'credential-helpers': `${registry.host}=kgtest` })
    const digest = await registry.pushImage('team/app', r.tag)
    const sb = sandbox(r)
    expect((await runSetup(sb)).code).toBe(0)
    const check = await runCheck(sb)
    expect(check.code).toBe(0)
    expect(decision(sb)).toBe(`skip ${digest}`)
    expect(readFileSync(asked, 'utf8')).toContain(registry.host)
    expect(check.log).not.toContain(USER.password)
  })

  it('the image is missing: build', async () => {
    const r = await render({ 'registry-secret': '', 'credential-helpers': `${registry.host}=kgtest` })
    const sb = sandbox(r)
    expect((await runSetup(sb)).code).toBe(0)
    const check = await runCheck(sb)
    expect(check.code).toBe(0)
    expect(check.log).toContain(`${r.image} is not in the registry: building`)
    expect(decision(sb)).toBe('build missing')
  })

  it('the helper fails: build, and the push decides; the log names the helper and the host', async () => {
    const r = await render({ 'registry-secret': '', 'credential-helpers': `${registry.host}=kgfail` })
    await registry.pushImage('team/app', r.tag)
    const sb = sandbox(r)
    expect((await runSetup(sb)).code).toBe(0)
    const check = await runCheck(sb)
    expect(check.code).toBe(0)
    expect(decision(sb)).toBe('build refused')
    expect(check.log).toContain(`kaniko-init: WARNING: the credential helper docker-credential-kgfail failed for ${registry.host}`)
    expect(check.log).toContain('building, and the push decides')
    expect(check.log).not.toContain('retrying')
  })
})
