import { inert } from '../inert.js'
import { type Logger, type RenderOutcome, renderScan, type Scan } from '../render.js'
import type { Settings } from '../settings.js'
import type { BranchWriter } from './branch-writer.js'

export type CommitResult =
  | {
      readonly result: 'committed'
      readonly sha: string
      readonly verified?: boolean
      readonly outcome: RenderOutcome
      readonly onto: string
    }
  | { readonly result: 'unchanged'; readonly outcome: RenderOutcome; readonly onto: string }
  | { readonly result: 'superseded'; readonly head: string; readonly reason: string }

export interface CommitRequest {
  readonly branch: string
  /** The commit whose Dockerfiles were rendered (GITHUB_SHA). */
  readonly rendered: string
  /** The manifest's path from the top of the repository. */
  readonly manifestPath: string
  /** The commit message for a render (it lists what changed against the head). */
  message(outcome: RenderOutcome): string
  /** Renders against the manifest found on the branch head (the source of carried-over Pods). */
  render(previous: string | undefined, source: string): Promise<RenderOutcome>
}

export const MAX_COMMIT_ATTEMPTS = 5

/**
 * Puts the render of `rendered` on `branch`, keeping two invariants whatever other runs do:
 *
 * - the manifest on the branch is the render of the branch's own Dockerfiles: a run commits only onto
 *   a head whose files equal the rendered commit's but for the manifest (the rendered commit itself, or
 *   manifest commits of other runs on top of it). When the head has other changes, the run stands down
 *   as superseded: the run of the push that made them renders them.
 * - a Pod name never changes its document between two versions: unchanged Pods are carried over from
 *   the manifest at the head the commit goes onto, not from the checkout.
 *
 * The branch moves only by fast-forward; when it moved in between, the loop looks again.
 */
export async function commitManifest(writer: BranchWriter, request: CommitRequest, log: Logger): Promise<CommitResult> {
  for (let attempt = 1; attempt <= MAX_COMMIT_ATTEMPTS; attempt++) {
    const state = await writer.state(request.branch, request.rendered)
    if (state === undefined) {
      throw new Error(`the branch '${request.branch}' does not exist; set the 'branch' input to the branch the manifest belongs on`)
    }
    const others = state.changedFiles.filter((file) => file !== request.manifestPath)
    if (state.diverged || others.length > 0) {
      const reason = state.diverged
        ? `'${request.branch}' is at ${short(state.head)}, which does not contain the rendered commit ${short(request.rendered)}`
        : `'${request.branch}' moved on to ${short(state.head)}, which changes ${others.length} other file(s) (${others.slice(0, 5).join(', ')}${others.length > 5 ? ', …' : ''})`
      log.info(`Superseded: ${inert(reason)}. The run for that commit renders its own manifest; this run commits nothing.`)
      return { result: 'superseded', head: state.head, reason }
    }
    const previous = await writer.readFile(state.head, request.manifestPath)
    const outcome = await request.render(previous, `'${request.manifestPath}' at ${short(state.head)}`)
    if (outcome.manifest === previous) {
      log.info(`'${request.manifestPath}' on '${request.branch}' (${short(state.head)}) is already up to date: no commit.`)
      return { result: 'unchanged', outcome, onto: state.head }
    }
    const commit = await writer.commit(state.head, request.manifestPath, outcome.manifest, request.message(outcome))
    const published = await writer.publish(request.branch, state.head, commit.sha)
    if (published === 'ok') {
      log.info(`Committed ${short(commit.sha)} onto '${request.branch}' (${short(state.head)}) through ${writer.describe}.`)
      return {
        result: 'committed',
        sha: commit.sha,
        ...(commit.verified === undefined ? {} : { verified: commit.verified }),
        outcome,
        onto: state.head,
      }
    }
    log.info(`'${request.branch}' moved while committing (attempt ${attempt} of ${MAX_COMMIT_ATTEMPTS}); looking again.`)
  }
  throw new Error(`the branch '${request.branch}' kept moving: gave up after ${MAX_COMMIT_ATTEMPTS} attempts to commit the manifest`)
}

function short(sha: string): string {
  return sha.slice(0, 7)
}

/** The commit message with `{manifest}` and `{sha}` filled in, and the images that changed listed. */
export function commitMessage(template: string, manifestPath: string, rendered: string, outcome: RenderOutcome): string {
  const subject = template.replaceAll('{manifest}', manifestPath).replaceAll('{sha}', short(rendered))
  const lines = outcome.images
    .filter((i) => i.status !== 'unchanged' || i.forced)
    .map((i) => `- ${i.name}: ${i.image} (${i.status}${i.forced ? ', forced' : ''})`)
  for (const gone of outcome.removed) lines.push(`- ${gone.name}: removed`)
  return lines.length > 0 ? `${subject}\n\n${lines.join('\n')}\n` : `${subject}\n`
}

/** The commit request of a run: its settings, its scan of the checkout, its log. */
export function commitRequestFor(settings: Settings, scan: Scan, log: Logger): CommitRequest {
  return {
    branch: settings.branch,
    rendered: settings.commitSha,
    manifestPath: settings.manifestRepoPath,
    message: (outcome) => commitMessage(settings.commitMessage, settings.manifestRepoPath, settings.commitSha, outcome),
    render: (previous, source) => renderScan(settings, scan, previous, source, log),
  }
}
