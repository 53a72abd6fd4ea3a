/**
 * The narrow slice of the GitHub REST API the action uses, behind an interface so the commit and
 * comment logic does not know about Octokit. Errors that users can fix are explained here, once.
 */

export interface RepoRef {
  readonly owner: string
  readonly repo: string
}

export interface Comparison {
  /** How `head` relates to `base`. */
  readonly status: 'identical' | 'ahead' | 'behind' | 'diverged'
  /** Paths that differ between their merge base and `head`; a renamed file under both its names. */
  readonly files: readonly string[]
  /**
   * The list may be cut short: GitHub lists at most COMPARE_FILE_LIMIT files of a comparison, and
   * says nothing about the others.
   */
  readonly truncated: boolean
}

/** GitHub's compare API lists at most this many changed files (and the first page of a paginated one only). */
export const COMPARE_FILE_LIMIT = 300

export interface CreatedCommit {
  readonly sha: string
  /** GitHub's signature check (`verification.verified`). */
  readonly verified: boolean
}

export interface Comment {
  readonly id: number
  readonly body: string
  /** The login of the comment's author (`github-actions[bot]` for the workflow's token). */
  readonly author: string
}

/** A commit status's state, as GitHub takes it. */
export type CommitState = 'error' | 'failure' | 'pending' | 'success'

export interface CommitStatus {
  readonly state: CommitState
  /** At most 255 characters. */
  readonly context: string
  /** At most 140 characters. */
  readonly description: string
}

export interface GitHubApi {
  /** The commit a branch points at, or undefined when there is no such branch. */
  branchHead(branch: string): Promise<string | undefined>
  compare(base: string, head: string): Promise<Comparison>
  /** A file's text at a ref, or undefined when it does not exist there. */
  readFile(ref: string, path: string): Promise<string | undefined>
  /** A commit on `parent` that sets one file. Nothing moves yet. */
  createCommit(parent: string, path: string, content: string, message: string): Promise<CreatedCommit>
  /** Moves a branch to `sha` if that is a fast-forward; 'moved' when the branch had moved on. */
  fastForward(branch: string, sha: string): Promise<'ok' | 'moved'>
  listComments(issue: number): Promise<Comment[]>
  createComment(issue: number, body: string): Promise<void>
  updateComment(id: number, body: string): Promise<void>
  /** The login the token acts as: a user's for a personal token, `<app>[bot]` for an app's (the workflow's is `github-actions[bot]`). */
  tokenLogin(): Promise<string>
  /** Sets the status of `context` on a commit (each call adds one; GitHub shows the latest per context). */
  createCommitStatus(sha: string, status: CommitStatus): Promise<void>
}

/** What Octokit throws, as far as we look at it. */
interface RequestErrorLike {
  status: number
  message: string
  response?: { data?: unknown; headers?: Record<string, string | number | undefined> }
}

export function isRequestError(error: unknown): error is RequestErrorLike {
  return error instanceof Error && typeof (error as Partial<RequestErrorLike>).status === 'number'
}

/**
 * A refusal for a rate limit, told apart from a missing permission (both can be 403): a 429, or a 403
 * that says so in its message or headers. `retryAfter` is GitHub's `retry-after` (seconds), when sent.
 * Looks through a GitHubApiError at the request error it explains.
 */
export function rateLimitOf(error: unknown): { readonly retryAfter?: string } | undefined {
  const request = error instanceof GitHubApiError && isRequestError(error.cause) ? error.cause : error
  if (!isRequestError(request) || (request.status !== 403 && request.status !== 429)) return undefined
  const headers = request.response?.headers ?? {}
  const retryAfter = headers['retry-after'] === undefined ? undefined : String(headers['retry-after'])
  const limited =
    request.status === 429 || /rate limit/i.test(request.message) || headers['x-ratelimit-remaining'] === '0' || retryAfter !== undefined
  if (!limited) return undefined
  return retryAfter !== undefined && /^[0-9]{1,9}$/.test(retryAfter) ? { retryAfter } : {}
}

/** Raised for answers the user can act on; `main` prints the message as is. */
export class GitHubApiError extends Error {
  override name = 'GitHubApiError'
  constructor(
    message: string,
    readonly status: number,
    options?: ErrorOptions,
  ) {
    super(message, options)
  }
}

/** Turns an API error into a message that says what to do. Anything unexpected is rethrown as is. */
export function explainApiError(error: unknown, doing: string, context: { repository: string; branch?: string }): Error {
  if (!isRequestError(error)) return error instanceof Error ? error : new Error(String(error))
  // Octokit appends ' - <documentation_url>' to GitHub's message.
  const message = (error.message.split('\n')[0] ?? error.message).replace(/ - https?:\/\/\S+$/, '')
  switch (error.status) {
    case 401:
      return new GitHubApiError(`${doing}: GitHub rejected the token (401 ${message}). Check the 'token' input.`, 401, { cause: error })
    case 403:
      if (/rate limit/i.test(message)) break
      return new GitHubApiError(
        `${doing}: the token may not do this in ${context.repository} (403 ${message}). A commit needs 'permissions: contents: write' in the workflow, a pull-request comment 'pull-requests: write'; runs for pull requests from forks only get a read-only token.`,
        403,
        { cause: error },
      )
    case 404:
      return new GitHubApiError(
        `${doing}: not found in ${context.repository} (404). Check the repository, the branch and the token's access.`,
        404,
        {
          cause: error,
        },
      )
    case 409:
    case 422:
      if (/rule violations|ruleset|protected branch/i.test(error.message)) {
        return new GitHubApiError(
          `${doing}: a ruleset or branch protection on '${context.branch ?? ''}' refused the update (${error.status} ${message}). The workflow's github-actions[bot] cannot bypass rulesets: pass a GitHub App token that is allowed to bypass them in 'token', or push with a deploy key that may (commit-method: git).`,
          error.status,
          { cause: error },
        )
      }
      break
  }
  return new GitHubApiError(`${doing}: GitHub answered ${error.status} ${message}`, error.status, { cause: error })
}
