/**
 * Asks the registry whether a tag exists with the build Pods' own check (templates/check-image.sh),
 * run with /bin/sh and skopeo on this machine: the wait sees what the Pods see.
 */
import { spawn } from 'node:child_process'
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import path from 'node:path'
import { InputError } from '../common/errors.js'
import { registryHost } from '../common/reference.js'
import type { Probe, WaitTarget } from './wait.js'

export interface CheckOptions {
  /** The text of templates/check-image.sh. */
  readonly script: string
  /** Registry hosts that speak plain HTTP or have a certificate this machine does not trust. */
  readonly insecureRegistries: readonly string[]
  /** The folder of the `config.json` with the registry credentials. */
  readonly dockerConfig: string
}

/**
 * Where the credentials of this machine are, as skopeo and docker look for them: the file
 * REGISTRY_AUTH_FILE names, else the folder DOCKER_CONFIG names, else ~/.docker. The check reads
 * `<folder>/config.json`: a file is linked into a folder of its own, which `cleanup` removes.
 */
export function runnerDockerConfig(vars: NodeJS.ProcessEnv): { folder: string; cleanup: () => void } {
  const file = vars.REGISTRY_AUTH_FILE ?? ''
  if (file !== '') {
    const folder = mkdtempSync(path.join(tmpdir(), 'kaniko-gitops-auth-'))
    symlinkSync(path.resolve(file), path.join(folder, 'config.json'))
    return { folder, cleanup: () => rmSync(folder, { recursive: true, force: true }) }
  }
  const folder = vars.DOCKER_CONFIG || path.join(vars.HOME || homedir(), '.docker')
  return { folder, cleanup: () => undefined }
}

/** The decision file's words as a probe: `skip <digest>`, `build missing`, `build refused`, `build older`. */
export function probeOf(decision: string): Probe | undefined {
  const [word, detail] = decision.trim().split(/\s+/)
  if (word === 'skip') return { status: 'present', ...(detail && /^sha256:[0-9a-f]{64}$/.test(detail) ? { digest: detail } : {}) }
  if (word !== 'build') return undefined
  if (detail === 'refused') return { status: 'refused', detail: 'the registry refused the credentials' }
  if (detail === 'older') return { status: 'missing', detail: "an older build is under the tag, not the forced run's" }
  return { status: 'missing', detail: 'not in the registry' }
}

/**
 * How the check spends `budgetMs`: tries, and the longest one question to the registry may take
 * (a forced Pod's look asks twice: the manifest, then the label), with a pause of a second between tries.
 */
export function checkBounds(budgetMs: number, forced: boolean): { attempts: number; perQuestion: number } {
  const seconds = Math.max(1, Math.floor(budgetMs / 1000))
  const questions = forced ? 2 : 1
  if (seconds >= 4 * questions + 1) return { attempts: 2, perQuestion: Math.min(60, Math.floor((seconds - 1) / (2 * questions))) }
  return { attempts: 1, perQuestion: Math.max(1, Math.floor(seconds / questions)) }
}

/**
 * Runs the script in a process group of its own, killed whole (skopeo too) when it is still running
 * after `budgetMs`; `timedOut` tells that.
 */
function runBounded(
  script: string,
  env: NodeJS.ProcessEnv,
  budgetMs: number,
): Promise<{ code: number; output: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn('/bin/sh', ['-c', script, 'kaniko-init'], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
    const chunks: Buffer[] = []
    let size = 0
    const keep = (chunk: Buffer) => {
      // The log of one check is a few lines: a bound keeps a runaway one from filling the memory.
      if (size < 64 * 1024) chunks.push(chunk)
      size += chunk.length
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      killGroup(child.pid)
    }, budgetMs)
    child.on('error', (error) => {
      clearTimeout(timer)
      resolve({ code: 1, output: error.message, timedOut })
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code: code ?? 1, output: Buffer.concat(chunks).toString('utf8'), timedOut })
    })
  })
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return
  try {
    process.kill(-pid, 'SIGKILL')
  } catch {
    // The group has ended already.
  }
}

/** The reason of a failed check: its last ERROR line, without the count of tries (which the time left sets). */
function failure(output: string): string {
  const lines = output.trimEnd().split('\n')
  const line = lines.findLast((l) => l.includes('ERROR: ')) ?? lines.at(-1) ?? ''
  return line.replace(/^.*?ERROR: /, '').replace(/ after [0-9]+ attempts:/, ':')
}

/**
 * Runs the check for one target in a state folder of its own, within `budgetMs` (the time left
 * before the wait's deadline): a failed check is `unreachable`, with its reason.
 */
export async function checkImage(target: WaitTarget, options: CheckOptions, budgetMs: number): Promise<Probe> {
  const state = mkdtempSync(path.join(tmpdir(), 'kaniko-gitops-check-'))
  try {
    const insecure = options.insecureRegistries.includes(registryHost(target.repository))
    const forced = target.forceNonce !== undefined
    const bounds = checkBounds(budgetMs, forced)
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? homedir(),
      TMPDIR: tmpdir(),
      DOCKER_IMAGENAME: target.repository,
      DOCKER_IMAGETAG: target.tag,
      REGISTRY_INSECURE: String(insecure),
      STATE_DIR: state,
      DOCKER_CONFIG: options.dockerConfig,
      CHECK_ATTEMPTS: String(bounds.attempts),
      CHECK_BACKOFF_SECONDS: '1',
      CHECK_TIMEOUT_SECONDS: String(bounds.perQuestion),
      ...(forced ? { WAIT_FORCE_NONCE: target.forceNonce } : {}),
    }
    const run = await runBounded(options.script, env, budgetMs)
    if (run.timedOut) return { status: 'unreachable', detail: `no answer within ${Math.max(1, Math.round(budgetMs / 1000))} s` }
    if (run.code !== 0) return { status: 'unreachable', detail: failure(run.output) }
    let decision = ''
    try {
      decision = readFileSync(path.join(state, 'decision'), 'utf8')
    } catch {
      return { status: 'unreachable', detail: failure(run.output) }
    }
    return probeOf(decision) ?? { status: 'unreachable', detail: failure(run.output) }
  } finally {
    rmSync(state, { recursive: true, force: true })
  }
}

/**
 * The check runs skopeo from PATH: without it every look would fail as `unreachable` until the
 * timeout, so its absence is an error at once.
 */
export function requireSkopeo(env: NodeJS.ProcessEnv): void {
  for (const folder of (env.PATH ?? '').split(path.delimiter)) {
    if (folder === '') continue
    try {
      accessSync(path.join(folder, 'skopeo'), constants.X_OK)
      return
    } catch {
      // not in this folder
    }
  }
  throw new InputError(
    "mode: wait checks the images with skopeo, and there is none on the runner's PATH: install it (Debian and Ubuntu: apt-get install skopeo; GitHub's Ubuntu runners have it).",
  )
}
