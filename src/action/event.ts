import { readFileSync } from 'node:fs'

/** The event that started the run, as the runner describes it in GITHUB_EVENT_NAME and GITHUB_EVENT_PATH. */
export interface RunEvent {
  readonly name: string
  readonly defaultBranch?: string
  readonly pullRequest?: PullRequestInfo
}

export interface PullRequestInfo {
  readonly number: number
  readonly baseRef: string
  readonly headSha: string
  /** `owner/name` of the repository the pull request comes from. */
  readonly headRepository: string
  /** The pull request comes from another repository, so its token cannot write here. */
  readonly fromFork: boolean
}

type Json = Record<string, unknown>
const obj = (v: unknown): Json => (v !== null && typeof v === 'object' ? (v as Json) : {})
const str = (v: unknown): string => (typeof v === 'string' ? v : '')

/** Reads the event payload; a run without one (a local preview) gets just the name. */
export function readEvent(vars: NodeJS.ProcessEnv = process.env): RunEvent {
  const name = vars.GITHUB_EVENT_NAME ?? ''
  const file = vars.GITHUB_EVENT_PATH
  if (!file) return { name }
  let payload: Json
  try {
    payload = obj(JSON.parse(readFileSync(file, 'utf8')))
  } catch (error) {
    throw new Error(`cannot read the event payload GITHUB_EVENT_PATH='${file}'`, { cause: error })
  }
  const repository = obj(payload.repository)
  const pr = obj(payload.pull_request)
  const event: { name: string; defaultBranch?: string; pullRequest?: PullRequestInfo } = { name }
  if (str(repository.default_branch)) event.defaultBranch = str(repository.default_branch)
  if (typeof pr.number === 'number') {
    const headRepository = str(obj(obj(pr.head).repo).full_name)
    event.pullRequest = {
      number: pr.number,
      baseRef: str(obj(pr.base).ref),
      headSha: str(obj(pr.head).sha),
      headRepository,
      fromFork: headRepository !== '' && headRepository !== str(repository.full_name),
    }
  }
  return event
}
