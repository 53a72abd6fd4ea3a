/**
 * Proves the real-registry harness (test/support/registry.ts) works, and pins
 * the exact skopeo 1.9.3 error output that an "image already exists" script
 * will have to classify.
 *
 * Observed with skopeo 1.9.3 + docker-registry (distribution) 2.8.2 on
 * Debian 12, `skopeo inspect --raw docker://HOST/REPO:TAG` (non-TTY stderr,
 * so logrus prints `time=... level=fatal msg="..."`; inner quotes are
 * backslash-escaped). EVERY failure below exits with code 1 — skopeo 1.9 has
 * no distinct exit code for "not found", so the script must look at stderr.
 * The `Error parsing image name` prefix is misleading but is what 1.9 prints.
 *
 * tag missing (exit 1):
 *   time="..." level=fatal msg="Error parsing image name \"docker://127.0.0.1:PORT/team/app:nope\": reading manifest nope in 127.0.0.1:PORT/team/app: manifest unknown: manifest unknown"
 * repo missing (exit 1) — same text as tag missing (registry answers MANIFEST_UNKNOWN, not NAME_UNKNOWN):
 *   time="..." level=fatal msg="Error parsing image name \"docker://127.0.0.1:PORT/no/such:v1\": reading manifest v1 in 127.0.0.1:PORT/no/such: manifest unknown: manifest unknown"
 * wrong password, via --creds or via --authfile (exit 1):
 *   time="..." level=fatal msg="Error parsing image name \"docker://127.0.0.1:PORT/team/app:v1\": reading manifest v1 in 127.0.0.1:PORT/team/app: unauthorized: authentication required"
 * no credentials (--no-creds, or an authfile with `{"auths":{}}`) (exit 1) — identical to wrong password:
 *   ... reading manifest v1 in 127.0.0.1:PORT/team/app: unauthorized: authentication required"
 *   NB: with no/wrong credentials a MISSING repo also says `unauthorized`, never `manifest unknown`.
 * connection refused (registry stopped) (exit 1):
 *   time="..." level=fatal msg="Error parsing image name \"docker://127.0.0.1:PORT/team/app:v1\": pinging container registry 127.0.0.1:PORT: Get \"http://127.0.0.1:PORT/v2/\": dial tcp 127.0.0.1:PORT: connect: connection refused"
 *   (with TLS verification on, the URL in the message is https://...)
 * TLS registry, CA not trusted (no --cert-dir) (exit 1):
 *   time="..." level=fatal msg="Error parsing image name \"docker://127.0.0.1:PORT/team/app:v1\": pinging container registry 127.0.0.1:PORT: Get \"https://127.0.0.1:PORT/v2/\": x509: certificate signed by unknown authority"
 * plain-HTTP registry contacted with TLS verification on (the default) (exit 1):
 *   time="..." level=fatal msg="Error parsing image name \"docker://127.0.0.1:PORT/team/app:v1\": pinging container registry 127.0.0.1:PORT: Get \"https://127.0.0.1:PORT/v2/\": http: server gave HTTP response to HTTPS client"
 *
 * Surprise: `--tls-verify=false` does NOT mean "plain HTTP": containers/image
 * first tries HTTPS *without verifying the certificate* and only falls back to
 * HTTP. So `--tls-verify=false` against the TLS registry SUCCEEDS (exit 0).
 */
import { createHash } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CommandResult, type RunningRegistry, runSkopeo, skopeoAuthArgs, skopeoTlsArgs, startRegistry } from './registry.js'

const T = 30_000

let scratch = ''
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'registry-test-scratch-'))
})
afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true })
})

function inspectRaw(reg: RunningRegistry, ref: string, extra: readonly string[] = []): Promise<CommandResult> {
  return runSkopeo(['inspect', '--raw', ...extra, `docker://${reg.host}/${ref}`])
}

async function manifestDigest(raw: string): Promise<string> {
  const f = join(scratch, `m-${Math.random().toString(36).slice(2)}.json`)
  await writeFile(f, raw)
  const r = await runSkopeo(['manifest-digest', f])
  expect(r.code, r.stderr).toBe(0)
  return r.stdout.trim()
}

function sha256(s: string): string {
  return `sha256:${createHash('sha256').update(s).digest('hex')}`
}

/** Pushes, reads back with skopeo, checks the digest three ways and that a real layer and config exist. */
async function pushAndVerify(reg: RunningRegistry, access: readonly string[]): Promise<string> {
  const digest = await reg.pushImage('team/app', 'v1')
  expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/)
  const r = await inspectRaw(reg, 'team/app:v1', access)
  expect(r.code, r.stderr).toBe(0)
  expect(await manifestDigest(r.stdout)).toBe(digest)
  expect(sha256(r.stdout)).toBe(digest)
  const manifest: unknown = JSON.parse(r.stdout)
  expect(manifest).toMatchObject({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json' },
    layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip' }],
  })
  // also by digest, and the config blob is fetchable (proves blobs really got pushed)
  const byDigest = await inspectRaw(reg, `team/app@${digest}`, access)
  expect(byDigest.code, byDigest.stderr).toBe(0)
  const cfg = await runSkopeo(['inspect', '--config', ...access, `docker://${reg.host}/team/app:v1`])
  expect(cfg.code, cfg.stderr).toBe(0)
  expect(JSON.parse(cfg.stdout)).toMatchObject({ os: 'linux', rootfs: { type: 'layers' } })
  return digest
}

function expectFailure(r: CommandResult, text: string): void {
  expect(r.code, r.stderr).toBe(1)
  expect(r.stderr).toContain(text)
  expect(r.stdout).toBe('')
}

describe('plain HTTP, no auth', () => {
  let reg: RunningRegistry
  beforeAll(async () => {
    reg = await startRegistry()
  }, T)
  afterAll(() => reg?.stop(), T)

  it('exposes host, no TLS, empty docker config', async () => {
    expect(reg.host).toMatch(/^127\.0\.0\.1:\d+$/)
    expect(reg.tls).toBe(false)
    expect(reg.caCertPath).toBeUndefined()
    const cfg: unknown = JSON.parse(await readFile(join(reg.dockerConfigDir, 'config.json'), 'utf8'))
    expect(cfg).toEqual({ auths: {} })
    expect(skopeoTlsArgs(reg)).toEqual(['--tls-verify=false'])
  })

  it(
    'pushes an image and reads it back with the same digest',
    async () => {
      await pushAndVerify(reg, skopeoTlsArgs(reg))
      // a second tag of different content gets a different digest
      const d2 = await reg.pushImage('team/app', 'v2')
      expect(d2).not.toBe(await reg.pushImage('team/other', 'v2'))
    },
    T,
  )

  it(
    'missing tag -> manifest unknown',
    async () => {
      const r = await inspectRaw(reg, 'team/app:nope', skopeoTlsArgs(reg))
      expectFailure(r, 'manifest unknown')
      expect(r.stderr).toContain(`reading manifest nope in ${reg.host}/team/app: manifest unknown: manifest unknown`)
    },
    T,
  )

  it(
    'missing repo -> manifest unknown',
    async () => {
      const r = await inspectRaw(reg, 'no/such:v1', skopeoTlsArgs(reg))
      expectFailure(r, `reading manifest v1 in ${reg.host}/no/such: manifest unknown: manifest unknown`)
    },
    T,
  )

  it(
    'contacted as HTTPS -> server gave HTTP response to HTTPS client',
    async () => {
      const r = await inspectRaw(reg, 'team/app:v1') // default: --tls-verify=true
      expectFailure(r, `Get \\"https://${reg.host}/v2/\\": http: server gave HTTP response to HTTPS client`)
    },
    T,
  )
})

describe('htpasswd auth (plain HTTP)', () => {
  const auth = { username: 'ci-user', password: 'p@ss:w0rd with spaces' }
  let reg: RunningRegistry
  beforeAll(async () => {
    reg = await startRegistry({ auth })
  }, T)
  afterAll(() => reg?.stop(), T)

  it('writes a dockerconfigjson with base64(user:pass)', async () => {
    const cfg: unknown = JSON.parse(await readFile(join(reg.dockerConfigDir, 'config.json'), 'utf8'))
    expect(cfg).toEqual({
      auths: { [reg.host]: { auth: Buffer.from(`${auth.username}:${auth.password}`).toString('base64') } },
    })
  })

  it('GET /v2/ without credentials is 401', async () => {
    const res = await fetch(`http://${reg.host}/v2/`)
    expect(res.status).toBe(401)
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic realm=/)
  })

  it(
    'pushes and reads back with the authfile, and with --creds',
    async () => {
      const digest = await pushAndVerify(reg, [...skopeoTlsArgs(reg), ...skopeoAuthArgs(reg)])
      const r = await inspectRaw(reg, 'team/app:v1', [...skopeoTlsArgs(reg), '--creds', `${auth.username}:${auth.password}`])
      expect(r.code, r.stderr).toBe(0)
      expect(sha256(r.stdout)).toBe(digest)
    },
    T,
  )

  it(
    'missing tag with valid credentials -> manifest unknown',
    async () => {
      const r = await inspectRaw(reg, 'team/app:nope', [...skopeoTlsArgs(reg), ...skopeoAuthArgs(reg)])
      expectFailure(r, 'manifest unknown: manifest unknown')
    },
    T,
  )

  it(
    'wrong password -> unauthorized (via --creds and via authfile)',
    async () => {
      const viaCreds = await inspectRaw(reg, 'team/app:v1', [...skopeoTlsArgs(reg), '--creds', `${auth.username}:wrong`])
      expectFailure(viaCreds, `reading manifest v1 in ${reg.host}/team/app: unauthorized: authentication required`)
      const bad = join(scratch, 'bad-auth.json')
      await writeFile(bad, JSON.stringify({ auths: { [reg.host]: { auth: Buffer.from(`${auth.username}:wrong`).toString('base64') } } }))
      const viaFile = await inspectRaw(reg, 'team/app:v1', [...skopeoTlsArgs(reg), '--authfile', bad])
      expectFailure(viaFile, 'unauthorized: authentication required')
    },
    T,
  )

  it(
    'no credentials -> unauthorized (also for a missing repo)',
    async () => {
      const none = await inspectRaw(reg, 'team/app:v1', [...skopeoTlsArgs(reg), '--no-creds'])
      expectFailure(none, 'unauthorized: authentication required')
      const empty = join(scratch, 'empty-auth.json')
      await writeFile(empty, JSON.stringify({ auths: {} }))
      const emptyFile = await inspectRaw(reg, 'team/app:v1', [...skopeoTlsArgs(reg), '--authfile', empty])
      expectFailure(emptyFile, 'unauthorized: authentication required')
      const missing = await inspectRaw(reg, 'no/such:v1', [...skopeoTlsArgs(reg), '--no-creds'])
      expectFailure(missing, 'unauthorized: authentication required')
      expect(missing.stderr).not.toContain('manifest unknown')
    },
    T,
  )

  it('never leaks the password into registry logs', () => {
    expect(reg.logs()).not.toContain(auth.password)
  })
})

describe('TLS with a self-signed CA', () => {
  let reg: RunningRegistry
  beforeAll(async () => {
    reg = await startRegistry({ tls: true })
  }, T)
  afterAll(() => reg?.stop(), T)

  it('exposes the CA and a cert dir', async () => {
    expect(reg.tls).toBe(true)
    expect(reg.caCertPath).toBeDefined()
    expect(reg.certDir).toBeDefined()
    expect(await readFile(reg.caCertPath ?? '', 'utf8')).toContain('BEGIN CERTIFICATE')
    expect(skopeoTlsArgs(reg)).toEqual(['--tls-verify=true', '--cert-dir', reg.certDir])
    expect(skopeoTlsArgs(reg, 'dest')).toEqual(['--dest-tls-verify=true', '--dest-cert-dir', reg.certDir])
  })

  it(
    'pushes and reads back trusting the CA (by IP and by localhost)',
    async () => {
      const digest = await pushAndVerify(reg, skopeoTlsArgs(reg))
      const port = reg.host.split(':')[1]
      const r = await runSkopeo(['inspect', '--raw', ...skopeoTlsArgs(reg), `docker://localhost:${port}/team/app:v1`])
      expect(r.code, r.stderr).toBe(0)
      expect(sha256(r.stdout)).toBe(digest)
    },
    T,
  )

  it(
    'missing tag -> manifest unknown',
    async () => {
      const r = await inspectRaw(reg, 'team/app:nope', skopeoTlsArgs(reg))
      expectFailure(r, 'manifest unknown: manifest unknown')
    },
    T,
  )

  it(
    'CA not trusted -> x509: certificate signed by unknown authority',
    async () => {
      const r = await inspectRaw(reg, 'team/app:v1')
      expectFailure(r, `Get \\"https://${reg.host}/v2/\\": x509: certificate signed by unknown authority`)
    },
    T,
  )

  it(
    'surprise: --tls-verify=false skips verification and still succeeds over HTTPS',
    async () => {
      const r = await inspectRaw(reg, 'team/app:v1', ['--tls-verify=false'])
      expect(r.code, r.stderr).toBe(0)
    },
    T,
  )
})

describe('TLS + auth', () => {
  const auth = { username: 'u', password: 'pw' }
  let reg: RunningRegistry
  beforeAll(async () => {
    reg = await startRegistry({ tls: true, auth })
  }, T)
  afterAll(() => reg?.stop(), T)

  it(
    'pushes and reads back; wrong creds are unauthorized',
    async () => {
      await pushAndVerify(reg, [...skopeoTlsArgs(reg), ...skopeoAuthArgs(reg)])
      const r = await inspectRaw(reg, 'team/app:v1', [...skopeoTlsArgs(reg), '--creds', 'u:nope'])
      expectFailure(r, 'unauthorized: authentication required')
    },
    T,
  )
})

/** docker-registry processes whose config file (in a harness temp dir) no longer exists. */
async function leakedRegistries(): Promise<string[]> {
  const leaked: string[] = []
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue
    let argv: string[]
    try {
      argv = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0')
    } catch {
      continue
    }
    const i = argv.indexOf('serve')
    const config = argv[i + 1]
    if (i < 0 || !argv.some((a) => a.endsWith('docker-registry')) || !config?.includes('test-registry-')) continue
    try {
      await stat(config)
    } catch {
      leaked.push(`${pid} ${config}`)
    }
  }
  return leaked
}

describe('lifecycle', () => {
  it(
    'stop() kills the registry, frees the port, removes the temp dir; is idempotent',
    async () => {
      const reg = await startRegistry()
      try {
        await reg.pushImage('x/y', 't')
        const dir = join(reg.dockerConfigDir, '..')
        await reg.stop()
        await reg.stop()
        await expect(stat(dir)).rejects.toThrow()
        expect(await leakedRegistries()).toEqual([])
        const r = await inspectRaw(reg, 'x/y:t', ['--tls-verify=false'])
        expectFailure(
          r,
          `pinging container registry ${reg.host}: Get \\"http://${reg.host}/v2/\\": dial tcp ${reg.host}: connect: connection refused`,
        )
      } finally {
        await reg.stop()
      }
    },
    T,
  )

  it(
    'a registry that never becomes ready is killed and reported, not leaked',
    async () => {
      await expect(startRegistry({ readyTimeoutMs: 1 })).rejects.toThrow(/docker-registry not ready after 1 ms/)
      expect(await leakedRegistries()).toEqual([])
    },
    T,
  )

  it(
    'several registries run side by side on distinct ports',
    async () => {
      const regs = await Promise.all([startRegistry(), startRegistry(), startRegistry()])
      try {
        expect(new Set(regs.map((r) => r.host)).size).toBe(3)
      } finally {
        await Promise.all(regs.map((r) => r.stop()))
      }
    },
    T,
  )
})
