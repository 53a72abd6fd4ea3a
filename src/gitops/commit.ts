import { inert } from '../common/inert.js'
import type { Logger } from '../common/log.js'
import { COMPARE_FILE_LIMIT } from '../github/api.js'
import { type RenderOutcome, statusText } from '../manifest/outcome.js'
import { type RenderCode, type RenderSettings, renderScan } from '../manifest/render.js'
import type { Scan, ScanSettings } from '../scan/scan.js'
import type { BranchState, BranchWriter } from './branch-writer.js'
import { readsPredicate, renderReadsOf } from './render-inputs.js'

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
  /** Does a change to this path (from the top of the repository) change what the render reads? */
  reads(file: string): boolean
}

export const MAX_COMMIT_ATTEMPTS = 5

/**
 * Puts the render of `rendered` on `branch`, keeping two invariants whatever other runs do:
 *
 * - the manifest on the branch is the render of the branch's own Dockerfiles: a run commits only onto
 *   a head whose changes since the rendered commit touch nothing the render reads (the rendered commit
 *   itself, manifest commits of other runs on top of it, or commits of other files: documentation, say).
 *   When a later commit changes what the render reads, the run stands down as superseded: the run of
 *   that commit renders it. A later commit that starts no run (`[skip ci]`, a `paths` filter, a push
 *   with the workflow's token) and changes nothing the render reads must not leave the branch stale.
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
    const reason = supersededBecause(state, request, log)
    if (reason !== undefined) {
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

/**
 * Why the run must leave the branch to the run of a later commit, or undefined when its render may go
 * onto the head: the head descends from the rendered commit, and what changed since touches nothing
 * the render reads. A list of changed files that may be cut short counts as touching it.
 */
function supersededBecause(state: BranchState, request: CommitRequest, log: Logger): string | undefined {
  const { branch, rendered } = request
  if (state.diverged) return `'${branch}' is at ${short(state.head)}, which does not contain the rendered commit ${short(rendered)}`
  const others = state.changedFiles.filter((file) => file !== request.manifestPath)
  if (state.truncated) {
    return `'${branch}' moved on to ${short(state.head)}, and the list of files changed since ${short(rendered)} reaches the GitHub API's limit of ${COMPARE_FILE_LIMIT}: files the render reads may be among those it leaves out`
  }
  if (others.length === 0) return undefined
  const read = others.filter((file) => request.reads(file))
  if (read.length > 0) {
    return `'${branch}' moved on to ${short(state.head)}, which changes ${read.length} file(s) the render reads (${listed(read)})`
  }
  log.info(
    `'${branch}' moved on to ${short(state.head)}: its commits after ${short(rendered)} change ${others.length} file(s) (${listed(others)}), none of which the render reads. The render of ${short(rendered)} goes on top.`,
  )
  return undefined
}

/** Up to five paths for the log, each quoted, in JSON's form when it holds characters a log line must not. */
function listed(files: readonly string[]): string {
  const shown = files.slice(0, 5).map((file) => (/^[\x20-\x7e]*$/.test(file) ? `'${file}'` : JSON.stringify(file)))
  return `${shown.join(', ')}${files.length > 5 ? `, and ${files.length - 5} more` : ''}`
}

function short(sha: string): string {
  return sha.slice(0, 7)
}

/** The commit message with `{manifest}` and `{sha}` filled in, and the images that changed listed. */
export function commitMessage(template: string, manifestPath: string, rendered: string, outcome: RenderOutcome): string {
  const subject = template.replaceAll('{manifest}', manifestPath).replaceAll('{sha}', short(rendered))
  const lines = outcome.images
    .filter((i) => i.status !== 'unchanged' || i.forced)
    // Names and references only: a path (repository text) could start lines of its own, such as trailers.
    .map((i) => `- ${i.name}: ${i.image} (${statusText(i)})`)
  for (const gone of outcome.removed) lines.push(`- ${gone.name}: removed`)
  return lines.length > 0 ? `${subject}\n\n${lines.join('\n')}\n` : `${subject}\n`
}

/** The commit request of a run: its settings, its scan of the checkout, the code that renders, its log. */
/** What a commit takes of the settings, besides what it renders with. */
export interface CommitSettings extends RenderSettings, ScanSettings {
  readonly branch: string
  /** The commit message's subject. */
  readonly commitMessage: string
  /** The manifest's path in the repository (POSIX). */
  readonly manifestRepoPath: string
}

export function commitRequestFor(settings: CommitSettings, scan: Scan, code: RenderCode, log: Logger): CommitRequest {
  let reads: ((file: string) => boolean) | undefined
  return {
    branch: settings.branch,
    rendered: settings.commitSha,
    manifestPath: settings.manifestRepoPath,
    message: (outcome) => commitMessage(settings.commitMessage, settings.manifestRepoPath, settings.commitSha, outcome),
    render: (previous, source) => renderScan(settings, scan, previous, source, log, code),
    reads: (file) => {
      // Built on first use: most runs find the branch where they left it and never ask.
      reads ??= readsPredicate(renderReadsOf(settings, scan))
      return reads(file)
    },
  }
}
