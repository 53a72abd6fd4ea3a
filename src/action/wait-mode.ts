import { spawn } from 'node:child_process'
import { InputError } from '../common/errors.js'
import { inert } from '../common/inert.js'
import { LIMITS, LimitError, type Limits } from '../common/limits.js'
import { showBytes } from '../common/repo-file.js'
import { escapeHtml } from '../gitops/markdown.js'
import { type StatusPoster, statusPoster } from '../gitops/statuses.js'
import { readPreviousManifest } from '../manifest/previous.js'
import { checkImage, requireSkopeo, runnerDockerConfig } from '../registry/check.js'
import { checkedTargets } from '../registry/pod-facts.js'
import { chooseImages, durationText, MAX_INTERVAL_MS, pause, type WaitedImage, type WaitTarget, waitForImages } from '../registry/wait.js'
import { createApi } from './github.js'
import type { Outputs } from './outputs.js'
import * as core from './runner.js'
import { loadScripts } from './scripts.js'
import type { Settings } from './settings.js'
import { waitSummaryHtml } from './summary.js'

/**
 * The manifest of the checked-out commit, from the workspace's git (not the file, which an earlier
 * step may have rewritten): in a deploy job, check out the commit job's `commit-sha`. Read up to the
 * manifest limit: git is stopped past it.
 */
export function committedManifest(root: string, file: string, limits: Pick<Limits, 'manifestBytes'> = LIMITS): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const git = spawn('git', ['show', `HEAD:./${file}`], { cwd: root, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } })
    const chunks: Buffer[] = []
    let size = 0
    let over = false
    let stderr = ''
    git.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limits.manifestBytes) {
        over = true
        git.kill('SIGKILL')
      } else chunks.push(chunk)
    })
    git.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString('utf8')
    })
    git.on('error', (error) => reject(unreadable(file, error.message)))
    git.on('close', (code) => {
      if (over)
        reject(
          new LimitError(
            `the manifest '${inert(file)}' at the checked-out commit has more than the ${showBytes(limits.manifestBytes)} bytes a manifest may have: expected at most that`,
          ),
        )
      else if (code === 0) resolve(Buffer.concat(chunks))
      else reject(unreadable(file, stderr.trim() || `git exited with ${code}`))
    })
  })
}

function unreadable(file: string, why: string): InputError {
  return new InputError(
    `mode: wait reads '${inert(file)}' from the checked-out commit, and git could not (${inert(why)}). Check out the repository (actions/checkout) at the commit job's commit-sha output first.`,
  )
}

/** What the wait waits for, told in the log. */
async function targetsOf(settings: Settings): Promise<WaitTarget[]> {
  if (settings.waitImages.length === 0 && !/^[0-9a-f]{40}$/.test(settings.commitSha))
    throw new InputError(`GITHUB_SHA is '${settings.commitSha}': mode: wait looks for the images built for this commit, and needs its id.`)
  const manifest = await readPreviousManifest(await committedManifest(settings.root, settings.output))
  if (manifest.problem) throw new Error(`'${settings.output}' at the checked-out commit cannot be read: ${manifest.problem}`)
  const chosen = chooseImages(manifest.images.values(), settings.waitImages, settings.commitSha)
  const targets = await checkedTargets(chosen, () => manifest.text, settings.registry)
  if (targets.length === 0 && settings.waitImages.length === 0)
    core.notice(
      `No Pod of '${settings.output}' at the checked-out commit pins ${settings.commitSha.slice(0, 7)}: nothing to wait for. A deploy job checks out the commit job's commit-sha output, where the manifest of this commit is.`,
    )
  for (const t of targets)
    core.info(`waiting for ${t.name}: ${inert(t.reference)}${t.forceNonce ? ` (forced: its build labelled ${t.forceNonce})` : ''}`)
  return targets
}

/**
 * Logs each image whose answer or its reason changed (the reason is the registry's text: inert),
 * rewrites the summary, and turns a newly present image's status to success.
 */
function reporter(statuses: StatusPoster | undefined) {
  const seen = new Map<string, string>()
  return async (images: readonly WaitedImage[]) => {
    for (const image of images) {
      const told = `${image.status} ${image.detail ?? ''}`
      if (seen.get(image.name) === told) continue
      seen.set(image.name, told)
      const why = image.status === 'present' ? (image.digest ? ` (${image.digest})` : '') : image.detail ? `: ${inert(image.detail)}` : ''
      core.info(`${image.name}: ${inert(image.reference)} ${image.status}${why}`)
      if (image.status === 'present') await statuses?.post(image.name, 'success', `in the registry: ${image.reference}`)
    }
    const waiting = images.filter((image) => image.status !== 'present').length
    core.replaceSummary(waitSummaryHtml(images, `waiting for ${waiting} of ${images.length} image(s)`))
  }
}

/** Checks at once: skopeo is a process each, and a runner has 2 to 4 cores. */
const PARALLEL_CHECKS = 8

/** The least time a look gets (the one at the deadline too): the wait ends at most this much after `wait-timeout`. */
const MIN_LOOK_MS = 5000

/** mode: wait: waits until the images are in the registry, asking as the Pods' check does. */
export async function runWait(settings: Settings): Promise<Outputs> {
  requireSkopeo(process.env)
  const targets = await targetsOf(settings)
  const names = targets.map((target) => target.name)
  const statuses = settings.statuses ? statusPoster(await createApi(settings), settings.commitSha, names, core) : undefined
  const credentials = runnerDockerConfig(process.env)
  const check = { script: loadScripts().check, insecureRegistries: settings.insecureRegistries, dockerConfig: credentials.folder }
  let waited: Awaited<ReturnType<typeof waitForImages>>
  try {
    waited = await waitForImages(
      targets,
      (target, budgetMs) => checkImage(target, check, budgetMs),
      {
        timeoutMs: settings.waitTimeoutMs,
        intervalMs: settings.waitIntervalMs,
        maxIntervalMs: MAX_INTERVAL_MS,
        parallel: PARALLEL_CHECKS,
        minLookMs: MIN_LOOK_MS,
      },
      { now: () => Date.now(), sleep: (ms) => pause(ms) },
      reporter(statuses),
    )
  } finally {
    credentials.cleanup()
  }
  const { result, images } = waited
  const late = images.filter((image) => image.status !== 'present')
  const line =
    result === 'ready'
      ? `${images.length} image(s) in the registry`
      : `timed out after ${waitText(settings)}: ${late.length} of ${images.length} image(s) not in the registry (${late.map((i) => `<code>${escapeHtml(i.name)}</code>`).join(', ')})`
  core.replaceSummary(waitSummaryHtml(images, line))
  if (result === 'timed-out') {
    const message = `${late.length} image(s) not in the registry after ${waitText(settings)}: ${late.map((i) => `${i.name} (${i.status})`).join(', ')}`
    if (settings.failOnTimeout) core.setFailed(message)
    else core.warning(message)
  }
  // After the summary: statuses are feedback, and never fail the run (the poster does not throw).
  for (const image of late) await statuses?.post(image.name, 'failure', `not in the registry after ${waitText(settings)} (${image.status})`)
  statuses?.finish()
  return { result, built: JSON.stringify(images) }
}

function waitText(settings: Settings): string {
  return durationText(settings.waitTimeoutMs)
}
