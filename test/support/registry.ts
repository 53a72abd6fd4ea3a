/**
 * Test harness: starts a REAL container registry (Debian's `docker-registry`,
 * i.e. distribution/distribution 2.8) on 127.0.0.1 and pushes real OCI images
 * to it with skopeo.
 *
 * Requirements on the machine: `docker-registry`, `skopeo`, `htpasswd`
 * (apache2-utils) and `openssl` on PATH. Nothing here contacts any host other
 * than 127.0.0.1.
 *
 * How a caller makes skopeo talk to a RunningRegistry:
 *   - plain HTTP (`tls: false`): pass `--tls-verify=false` (copy:
 *     `--src-tls-verify=false` / `--dest-tls-verify=false`). Without it skopeo
 *     tries HTTPS and fails with "server gave HTTP response to HTTPS client".
 *   - TLS (`tls: true`): pass `--cert-dir <reg.certDir>` (copy:
 *     `--src-cert-dir` / `--dest-cert-dir`). `certDir` contains only `ca.crt`
 *     (the self-signed CA that signed the server cert for IP:127.0.0.1 and
 *     DNS:localhost). skopeo reads every `*.crt` in that directory as an extra
 *     trusted root (`*.cert`/`*.key` would be treated as client certs, so do
 *     not put other files there). Alternatively copy `ca.crt` into
 *     `/etc/containers/certs.d/<host>/ca.crt` (not done here: global state).
 *     `skopeoTlsArgs(reg, prefix)` returns the right flags for either mode.
 *   - auth (`auth` given): pass `--authfile <reg.dockerConfigDir>/config.json`
 *     (copy: `--dest-authfile` / `--src-authfile`), or `--creds user:pass`.
 *     `skopeoAuthArgs(reg, prefix)` returns the authfile flag.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

export interface RegistryAuth {
  username: string
  password: string
}

export interface StartRegistryOptions {
  auth?: RegistryAuth | undefined
  tls?: boolean
  /** How long to wait for `GET /v2/` to answer (default 10 000 ms). */
  readyTimeoutMs?: number
}

export interface RunningRegistry {
  /** `127.0.0.1:PORT` */
  host: string
  tls: boolean
  /** PEM of the self-signed CA (only when `tls`). */
  caCertPath?: string | undefined
  /** Directory holding only `ca.crt`: pass as skopeo `--cert-dir` (only when `tls`). */
  certDir?: string | undefined
  /**
   * Directory with `config.json` in `kubernetes.io/dockerconfigjson` format:
   * `{"auths":{"127.0.0.1:PORT":{"auth":"base64(user:pass)"}}}` with auth,
   * `{"auths":{}}` without.
   */
  dockerConfigDir: string
  /** Auth configured on the registry (undefined when anonymous). */
  auth?: RegistryAuth | undefined
  /** `http://127.0.0.1:PORT` or `https://127.0.0.1:PORT` */
  baseUrl: string
  /** Builds a tiny OCI image (1 real layer + config, with `labels`), pushes it, returns the registry's manifest digest. */
  pushImage(repository: string, tag: string, labels?: Record<string, string>): Promise<string>
  /** SIGTERM (then SIGKILL after a bound) the registry and remove its temp dir. Idempotent. */
  stop(): Promise<void>
  /** The registry's captured stdout+stderr (last 64 KiB), for debugging. */
  logs(): string
}

export interface CommandResult {
  code: number
  stdout: string
  stderr: string
}

/** Runs a command without a shell; never rejects on a non-zero exit. */
export function runCommand(
  cmd: string,
  args: readonly string[],
  opts: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    execFile(
      cmd,
      [...args],
      { timeout: opts.timeoutMs ?? 30_000, env: opts.env ?? process.env, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && typeof error.code === 'string') {
          // spawn failure (ENOENT etc.): no exit code
          reject(new Error(`failed to run ${cmd}: ${error.message}`))
          return
        }
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
        resolve({ code, stdout: String(stdout), stderr: String(stderr) })
      },
    )
  })
}

async function mustRun(cmd: string, args: readonly string[], what: string): Promise<CommandResult> {
  const r = await runCommand(cmd, args)
  if (r.code !== 0) {
    // args may contain credentials: report only the command name and stderr.
    throw new Error(`${what} failed (${cmd} exit ${r.code}): ${r.stderr.trim()}`)
  }
  return r
}

/** Runs skopeo (no shell); resolves with exit code, stdout and stderr. */
export async function runSkopeo(args: readonly string[], opts: { timeoutMs?: number } = {}): Promise<CommandResult> {
  return runCommand('skopeo', args, opts)
}

/**
 * TLS flags for skopeo talking to `reg`. `prefix` is '' for inspect/delete
 * (`--tls-verify`, `--cert-dir`), 'src' or 'dest' for copy.
 */
export function skopeoTlsArgs(reg: RunningRegistry, prefix: '' | 'src' | 'dest' = ''): string[] {
  const p = prefix ? `--${prefix}-` : '--'
  if (!reg.tls) return [`${p}tls-verify=false`]
  if (!reg.certDir) throw new Error('TLS registry without certDir')
  return [`${p}tls-verify=true`, `${p}cert-dir`, reg.certDir]
}

/** Auth flags (authfile in the harness' docker config dir), or `--no-creds`-style empty list when no auth. */
export function skopeoAuthArgs(reg: RunningRegistry, prefix: '' | 'src' | 'dest' = ''): string[] {
  const p = prefix ? `--${prefix}-` : '--'
  return [`${p}authfile`, join(reg.dockerConfigDir, 'config.json')]
}

/** Alias kept for the brief's naming: the TLS trust flags for skopeo. */
export const skopeoEnvForCa = skopeoTlsArgs

// ---------------------------------------------------------------------------
// process bookkeeping: never leave a registry running

const live = new Set<ChildProcess>()
let exitHookInstalled = false
function installExitHook(): void {
  if (exitHookInstalled) return
  exitHookInstalled = true
  process.on('exit', () => {
    for (const child of live) {
      try {
        child.kill('SIGKILL')
      } catch {
        // already gone
      }
    }
  })
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      if (addr === null || typeof addr === 'string') {
        srv.close()
        reject(new Error('could not get a free port'))
        return
      }
      const { port } = addr
      srv.close(() => resolve(port))
    })
  })
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms))
}

interface HttpAnswer {
  status: number
  headers: http.IncomingHttpHeaders
}

function request(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; ca?: string | undefined; timeoutMs?: number } = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const u = new URL(url)
    const common = { method: opts.method ?? 'GET', headers: opts.headers, timeout: opts.timeoutMs ?? 2000 }
    const onRes = (res: http.IncomingMessage): void => {
      res.resume()
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }))
      res.on('error', reject)
    }
    const req =
      u.protocol === 'https:'
        ? https.request(u, { ...common, ca: opts.ca, agent: false }, onRes)
        : http.request(u, { ...common, agent: false }, onRes)
    req.on('timeout', () => req.destroy(new Error('request timeout')))
    req.on('error', reject)
    req.end()
  })
}

// ---------------------------------------------------------------------------
// TLS material

async function makePki(dir: string): Promise<{ caCert: string; serverCert: string; serverKey: string; certDir: string }> {
  const pki = join(dir, 'pki')
  const certDir = join(dir, 'ca-trust')
  await mkdir(pki, { recursive: true })
  await mkdir(certDir, { recursive: true })
  const caKey = join(pki, 'ca.key')
  const caCert = join(certDir, 'ca.crt')
  const serverKey = join(pki, 'server.key')
  const serverCsr = join(pki, 'server.csr')
  const serverCert = join(pki, 'server.crt')
  const ext = join(pki, 'server.ext')
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes']
  await mustRun(
    'openssl',
    [
      'req',
      '-x509',
      ...ec,
      '-keyout',
      caKey,
      '-out',
      caCert,
      '-days',
      '2',
      '-subj',
      '/CN=registry-test-ca',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ],
    'openssl CA',
  )
  await mustRun('openssl', ['req', '-new', ...ec, '-keyout', serverKey, '-out', serverCsr, '-subj', '/CN=127.0.0.1'], 'openssl server CSR')
  await writeFile(
    ext,
    [
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth',
      '',
    ].join('\n'),
  )
  await mustRun(
    'openssl',
    [
      'x509',
      '-req',
      '-in',
      serverCsr,
      '-CA',
      caCert,
      '-CAkey',
      caKey,
      '-set_serial',
      `0x${randomBytes(8).toString('hex').replace(/^./, '1')}`,
      '-days',
      '2',
      '-out',
      serverCert,
      '-extfile',
      ext,
    ],
    'openssl server cert',
  )
  return { caCert, serverCert, serverKey, certDir }
}

// ---------------------------------------------------------------------------
// OCI image layout, built by hand

function sha256(buf: Buffer | string): string {
  return `sha256:${createHash('sha256').update(buf).digest('hex')}`
}

/** A single-file ustar archive. */
function tarOneFile(name: string, content: Buffer): Buffer {
  const header = Buffer.alloc(512, 0)
  const put = (s: string, off: number, len: number): void => {
    header.write(s.slice(0, len), off, len, 'ascii')
  }
  const octal = (n: number, len: number): string => `${n.toString(8).padStart(len - 1, '0')}\0`
  put(name, 0, 100)
  put(octal(0o644, 8), 100, 8)
  put(octal(0, 8), 108, 8)
  put(octal(0, 8), 116, 8)
  put(octal(content.length, 12), 124, 12)
  put(octal(0, 12), 136, 12)
  put('        ', 148, 8) // checksum placeholder
  put('0', 156, 1)
  put('ustar\0', 257, 6)
  put('00', 263, 2)
  let sum = 0
  for (const b of header) sum += b
  put(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8)
  const pad = (512 - (content.length % 512)) % 512
  return Buffer.concat([header, content, Buffer.alloc(pad, 0), Buffer.alloc(1024, 0)])
}

async function writeBlob(layout: string, data: Buffer | string): Promise<{ digest: string; size: number }> {
  const buf = typeof data === 'string' ? Buffer.from(data) : data
  const digest = sha256(buf)
  await writeFile(join(layout, 'blobs', 'sha256', digest.slice('sha256:'.length)), buf)
  return { digest, size: buf.length }
}

/**
 * Writes an OCI image layout at `layout` with one image tagged `tag` (with `labels` in its config, for
 * the platform `architecture`, linux); returns the manifest digest.
 */
export async function buildOciLayout(
  layout: string,
  tag: string,
  payload: string,
  labels?: Record<string, string>,
  architecture = 'amd64',
): Promise<string> {
  await mkdir(join(layout, 'blobs', 'sha256'), { recursive: true })
  await writeFile(join(layout, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }))
  const tar = tarOneFile('hello.txt', Buffer.from(payload))
  const layer = await writeBlob(layout, gzipSync(tar))
  const config = await writeBlob(
    layout,
    JSON.stringify({
      created: '2024-01-01T00:00:00Z',
      architecture,
      os: 'linux',
      config: { Cmd: ['/bin/true'], ...(labels ? { Labels: labels } : {}) },
      rootfs: { type: 'layers', diff_ids: [sha256(tar)] },
      history: [{ created: '2024-01-01T00:00:00Z', created_by: 'registry test harness' }],
    }),
  )
  const manifestMediaType = 'application/vnd.oci.image.manifest.v1+json'
  const manifest = await writeBlob(
    layout,
    JSON.stringify({
      schemaVersion: 2,
      mediaType: manifestMediaType,
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: config.digest, size: config.size },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: layer.digest, size: layer.size }],
    }),
  )
  await writeFile(
    join(layout, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [
        {
          mediaType: manifestMediaType,
          digest: manifest.digest,
          size: manifest.size,
          annotations: { 'org.opencontainers.image.ref.name': tag },
        },
      ],
    }),
  )
  return manifest.digest
}

// ---------------------------------------------------------------------------
// registry

function registryConfigYaml(o: {
  port: number
  storage: string
  htpasswdPath?: string | undefined
  tls?: { certificate: string; key: string } | undefined
}): string {
  // JSON is valid YAML; JSON.stringify quotes every path safely.
  const q = (s: string): string => JSON.stringify(s)
  const lines = [
    'version: 0.1',
    'log:',
    '  level: info',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${q(o.storage)}`,
    '  delete:',
    '    enabled: true',
    '  maintenance:',
    '    uploadpurging:',
    '      enabled: false',
    'http:',
    `  addr: ${q(`127.0.0.1:${o.port}`)}`,
    `  secret: ${q(randomBytes(16).toString('hex'))}`,
    '  headers:',
    '    X-Content-Type-Options: [nosniff]',
  ]
  if (o.tls) {
    lines.push('  tls:', `    certificate: ${q(o.tls.certificate)}`, `    key: ${q(o.tls.key)}`)
  }
  if (o.htpasswdPath) {
    lines.push('auth:', '  htpasswd:', '    realm: test-registry', `    path: ${q(o.htpasswdPath)}`)
  }
  return `${lines.join('\n')}\n`
}

/** Environment for the registry without REGISTRY_* vars (distribution reads them as config overrides). */
function registryEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(process.env)) {
    if (!k.startsWith('REGISTRY_')) env[k] = v
  }
  return env
}

function killAndWait(child: ChildProcess, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve()
      return
    }
    const timer = setTimeout(() => {
      try {
        child.kill('SIGKILL')
      } catch {
        // gone
      }
    }, graceMs)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    try {
      child.kill('SIGTERM')
    } catch {
      clearTimeout(timer)
      resolve()
    }
  })
}

interface Launched {
  child: ChildProcess
  logs: () => string
}

type LaunchResult = { ok: true; launched: Launched } | { ok: false; addrInUse: boolean; message: string }

const SETPRIV = '/usr/bin/setpriv'

async function launch(
  configPath: string,
  listenAddr: string,
  baseUrl: string,
  ca: string | undefined,
  timeoutMs: number,
): Promise<LaunchResult> {
  // With util-linux `setpriv --pdeathsig KILL` the kernel kills the registry
  // if the test process (thread) dies without running stop() or exit hooks.
  const [cmd, args] = existsSync(SETPRIV)
    ? [SETPRIV, ['--pdeathsig', 'KILL', '--', 'docker-registry', 'serve', configPath]]
    : ['docker-registry', ['serve', configPath]]
  const child = spawn(cmd, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: registryEnv(),
  })
  live.add(child)
  child.once('exit', () => live.delete(child))
  let out = ''
  const keep = (chunk: Buffer): void => {
    out += chunk.toString()
    if (out.length > 64 * 1024) out = out.slice(-64 * 1024)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  let spawnError: Error | undefined
  child.once('error', (e) => {
    spawnError = e
  })
  const logs = (): string => out

  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (spawnError) {
      live.delete(child)
      return { ok: false, addrInUse: false, message: `cannot start docker-registry: ${spawnError.message}` }
    }
    if (child.exitCode !== null || child.signalCode !== null) {
      // give the stderr pipe a moment to drain
      await sleep(50)
      return {
        ok: false,
        addrInUse: /address already in use/i.test(out),
        message: `docker-registry exited (${child.exitCode ?? child.signalCode}) before becoming ready:\n${out}`,
      }
    }
    // Only trust /v2/ once OUR process logged that it bound the port
    // (distribution logs this after a successful listen), so a foreign
    // process that grabbed the port cannot be mistaken for our registry.
    if (out.includes(`listening on ${listenAddr}`)) {
      try {
        const r = await request(`${baseUrl}/v2/`, { ca, timeoutMs: 1000 })
        if (r.status === 200 || r.status === 401) return { ok: true, launched: { child, logs } }
      } catch {
        // not up yet
      }
    }
    await sleep(100)
  }
  await killAndWait(child, 2000)
  return { ok: false, addrInUse: false, message: `docker-registry not ready after ${timeoutMs} ms:\n${out}` }
}

export async function startRegistry(opts: StartRegistryOptions = {}): Promise<RunningRegistry> {
  installExitHook()
  const dir = await mkdtemp(join(tmpdir(), 'test-registry-'))
  let launched: Launched | undefined
  try {
    const storage = join(dir, 'storage')
    await mkdir(storage)
    const tls = opts.tls === true

    let htpasswdPath: string | undefined
    if (opts.auth) {
      htpasswdPath = join(dir, 'htpasswd')
      // distribution only accepts bcrypt entries (-B).
      await mustRun('htpasswd', ['-B', '-b', '-c', htpasswdPath, opts.auth.username, opts.auth.password], 'htpasswd')
    }

    let pki: Awaited<ReturnType<typeof makePki>> | undefined
    if (tls) pki = await makePki(dir)
    const ca = pki ? await readFile(pki.caCert, 'utf8') : undefined

    const dockerConfigDir = join(dir, 'docker-config')
    await mkdir(dockerConfigDir)

    const configPath = join(dir, 'config.yml')
    let port = 0
    let lastError = ''
    for (let attempt = 0; attempt < 3 && !launched; attempt++) {
      port = await freePort()
      await writeFile(
        configPath,
        registryConfigYaml({
          port,
          storage,
          htpasswdPath,
          tls: pki ? { certificate: pki.serverCert, key: pki.serverKey } : undefined,
        }),
      )
      const baseUrl = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`
      const r = await launch(configPath, `127.0.0.1:${port}`, baseUrl, ca, opts.readyTimeoutMs ?? 10_000)
      if (r.ok) {
        launched = r.launched
      } else {
        lastError = r.message
        if (!r.addrInUse) break
      }
    }
    if (!launched) throw new Error(lastError)

    const host = `127.0.0.1:${port}`
    const baseUrl = `${tls ? 'https' : 'http'}://${host}`
    const auths: Record<string, { auth: string }> = {}
    if (opts.auth) {
      auths[host] = { auth: Buffer.from(`${opts.auth.username}:${opts.auth.password}`).toString('base64') }
    }
    await writeFile(join(dockerConfigDir, 'config.json'), JSON.stringify({ auths }), { mode: 0o600 })
    const policyPath = join(dir, 'policy.json')
    await writeFile(policyPath, JSON.stringify({ default: [{ type: 'insecureAcceptAnything' }] }))

    const child = launched.child
    let stopped: Promise<void> | undefined
    let pushCounter = 0

    const reg: RunningRegistry = {
      host,
      tls,
      caCertPath: pki?.caCert,
      certDir: pki?.certDir,
      dockerConfigDir,
      auth: opts.auth ? { ...opts.auth } : undefined,
      baseUrl,
      async pushImage(repository: string, tag: string, labels?: Record<string, string>): Promise<string> {
        const layout = join(dir, 'images', `${pushCounter++}`)
        await buildOciLayout(layout, tag, `${repository}:${tag}\n`, labels)
        const digestFile = join(layout, 'pushed.digest')
        await mustRun(
          'skopeo',
          [
            '--policy',
            policyPath,
            'copy',
            '--quiet',
            '--digestfile',
            digestFile,
            ...skopeoTlsArgs(reg, 'dest'),
            ...skopeoAuthArgs(reg, 'dest'),
            `oci:${layout}:${tag}`,
            `docker://${host}/${repository}:${tag}`,
          ],
          `skopeo copy to ${host}/${repository}:${tag}`,
        )
        // Ask the registry itself what it stored under the tag.
        const headers: Record<string, string> = {
          Accept: [
            'application/vnd.oci.image.manifest.v1+json',
            'application/vnd.oci.image.index.v1+json',
            'application/vnd.docker.distribution.manifest.v2+json',
            'application/vnd.docker.distribution.manifest.list.v2+json',
          ].join(', '),
        }
        if (opts.auth) {
          headers.Authorization = `Basic ${Buffer.from(`${opts.auth.username}:${opts.auth.password}`).toString('base64')}`
        }
        const r = await request(`${baseUrl}/v2/${repository}/manifests/${encodeURIComponent(tag)}`, {
          method: 'HEAD',
          headers,
          ca,
          timeoutMs: 5000,
        })
        const digest = r.headers['docker-content-digest']
        if (r.status !== 200 || typeof digest !== 'string' || !digest.startsWith('sha256:')) {
          throw new Error(`HEAD manifest ${repository}:${tag} gave ${r.status}, digest ${String(digest)}`)
        }
        const skopeoDigest = existsSync(digestFile) ? (await readFile(digestFile, 'utf8')).trim() : digest
        if (skopeoDigest !== digest) {
          throw new Error(`skopeo reported ${skopeoDigest} but registry reports ${digest}`)
        }
        return digest
      },
      stop(): Promise<void> {
        stopped ??= (async () => {
          await killAndWait(child, 3000)
          live.delete(child)
          await rm(dir, { recursive: true, force: true })
        })()
        return stopped
      },
      logs: launched.logs,
    }
    return reg
  } catch (e) {
    if (launched) {
      await killAndWait(launched.child, 3000)
      live.delete(launched.child)
    }
    await rm(dir, { recursive: true, force: true })
    throw e
  }
}
