/**
 * Asks the registry whether a tag exists with the build Pods' own check (templates/check-image.sh),
 * run with /bin/sh and skopeo on this machine: the wait sees what the Pods see.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import path from 'node:path'
import { registryHost } from '../common/reference.js'
import type { Probe, WaitTarget } from './wait.js'

export interface CheckOptions {
  /** The text of templates/check-image.sh. */
  readonly script: string
  /** Registry hosts that speak plain HTTP or have a certificate this machine does not trust. */
  readonly insecureRegistries: readonly string[]
  /** The folder of the `config.json` with the registry credentials. */
  readonly dockerConfig: string
  /** Tries of one check before it counts as unreachable (the wait tries again later anyway). */
  readonly attempts?: number
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

/** The decision file's words as a probe: `skip <digest>`, `build missing`, `build refused`. */
export function probeOf(decision: string): Probe | undefined {
  const [word, detail] = decision.trim().split(/\s+/)
  if (word === 'skip') return { status: 'present', ...(detail && /^sha256:[0-9a-f]{64}$/.test(detail) ? { digest: detail } : {}) }
  if (word !== 'build') return undefined
  return { status: detail === 'refused' ? 'refused' : 'missing' }
}

/** Runs the check for one target in a state folder of its own; a failed check is `unreachable`. */
export async function checkImage(target: WaitTarget, options: CheckOptions): Promise<Probe> {
  const state = mkdtempSync(path.join(tmpdir(), 'kaniko-gitops-check-'))
  try {
    const insecure = options.insecureRegistries.includes(registryHost(target.repository))
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? homedir(),
      TMPDIR: tmpdir(),
      DOCKER_IMAGENAME: target.repository,
      DOCKER_IMAGETAG: target.tag,
      REGISTRY_INSECURE: String(insecure),
      STATE_DIR: state,
      DOCKER_CONFIG: options.dockerConfig,
      CHECK_ATTEMPTS: String(options.attempts ?? 2),
      CHECK_BACKOFF_SECONDS: '1',
    }
    const log = await new Promise<{ code: number; output: string }>((resolve) => {
      execFile('/bin/sh', ['-c', options.script, 'kaniko-init'], { env, timeout: 120_000 }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
        resolve({ code, output: `${stdout}${stderr}` })
      })
    })
    const detail = log.output.trimEnd().split('\n').at(-1) ?? ''
    if (log.code !== 0) return { status: 'unreachable', detail }
    let decision = ''
    try {
      decision = readFileSync(path.join(state, 'decision'), 'utf8')
    } catch {
      return { status: 'unreachable', detail }
    }
    return { ...(probeOf(decision) ?? { status: 'unreachable' }), detail }
  } finally {
    rmSync(state, { recursive: true, force: true })
  }
}
