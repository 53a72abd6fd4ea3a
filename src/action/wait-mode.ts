import { InputError } from '../common/errors.js'
import { inert } from '../common/inert.js'
import { escapeHtml } from '../gitops/markdown.js'
import { type StatusPoster, statusPoster } from '../gitops/statuses.js'
import { readPreviousManifest } from '../manifest/previous.js'
import { checkImage, runnerDockerConfig } from '../registry/check.js'
import {
  durationText,
  MAX_INTERVAL_MS,
  type Probe,
  selectTargets,
  type WaitedImage,
  type WaitTarget,
  waitForImages,
} from '../registry/wait.js'
import { createApi } from './github.js'
import type { Outputs } from './outputs.js'
import * as core from './runner.js'
import { loadScripts } from './scripts.js'
import type { Settings } from './settings.js'
import { waitSummaryHtml } from './summary.js'

/**
 * The manifest of the checked-out commit, from the workspace's git (not the file, which an earlier
 * step may have rewritten): in a deploy job, check out the commit job's `commit-sha`.
 */
async function committedManifest(settings: Settings): Promise<string> {
  const { execFile } = await import('node:child_process')
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['show', `HEAD:./${settings.output}`],
      { cwd: settings.root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } },
      (error, stdout, stderr) => {
        if (!error) resolve(stdout)
        else
          reject(
            new InputError(
              `mode: wait reads '${settings.output}' from the checked-out commit, and git could not (${inert(stderr.trim() || error.message)}). Check out the repository (actions/checkout) at the commit job's commit-sha output first.`,
            ),
          )
      },
    )
  })
}

/** What the wait waits for, told in the log. */
async function targetsOf(settings: Settings): Promise<WaitTarget[]> {
  if (settings.waitImages.length === 0 && !/^[0-9a-f]{40}$/.test(settings.commitSha))
    throw new InputError(`GITHUB_SHA is '${settings.commitSha}': mode: wait looks for the images built for this commit, and needs its id.`)
  const manifest = await readPreviousManifest(await committedManifest(settings))
  if (manifest.problem) throw new Error(`'${settings.output}' at the checked-out commit cannot be read: ${manifest.problem}`)
  const targets = selectTargets(manifest.images.values(), settings.waitImages, settings.commitSha)
  if (targets.length === 0 && settings.waitImages.length === 0)
    core.notice(
      `No Pod of '${settings.output}' at the checked-out commit pins ${settings.commitSha.slice(0, 7)}: nothing to wait for. A deploy job checks out the commit job's commit-sha output, where the manifest of this commit is.`,
    )
  for (const t of targets) core.info(`waiting for ${t.name}: ${t.reference}`)
  return targets
}

/** Logs each answer that changed, rewrites the summary, and turns a newly present image's status to success. */
function reporter(statuses: StatusPoster | undefined) {
  const seen = new Map<string, string>()
  return async (images: readonly WaitedImage[]) => {
    for (const image of images) {
      if (seen.get(image.name) === image.status) continue
      seen.set(image.name, image.status)
      const digest = image.digest ? ` (${image.digest})` : ''
      core.info(`${image.name}: ${image.reference} ${image.status}${digest}`)
      if (image.status === 'present') await statuses?.post(image.name, 'success', `in the registry: ${image.reference}`)
    }
    const waiting = images.filter((image) => image.status !== 'present').length
    core.replaceSummary(waitSummaryHtml(images, `waiting for ${waiting} of ${images.length} image(s)`))
  }
}

/** mode: wait: waits until the images are in the registry, asking as the Pods' check does. */
export async function runWait(settings: Settings): Promise<Outputs> {
  const targets = await targetsOf(settings)
  const names = targets.map((target) => target.name)
  const statuses = settings.statuses ? statusPoster(await createApi(settings), settings.commitSha, names, core) : undefined
  const credentials = runnerDockerConfig(process.env)
  let waited: Awaited<ReturnType<typeof waitForImages>>
  try {
    waited = await waitForImages(
      targets,
      loggedCheck(settings, credentials.folder),
      { timeoutMs: settings.waitTimeoutMs, intervalMs: settings.waitIntervalMs, maxIntervalMs: MAX_INTERVAL_MS },
      { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) },
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

/** The Pods' check, with the reason of an answer other than present logged when it changes. */
function loggedCheck(settings: Settings, dockerConfig: string): (target: WaitTarget) => Promise<Probe> {
  const options = { script: loadScripts().check, insecureRegistries: settings.insecureRegistries, dockerConfig, attempts: 2 }
  const told = new Map<string, string>()
  return async (target) => {
    const probe = await checkImage(target, options)
    if (probe.status !== 'present' && probe.detail && told.get(target.name) !== probe.detail) {
      told.set(target.name, probe.detail)
      core.info(`${target.name}: ${probe.detail}`)
    }
    return probe
  }
}
