import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import Bottleneck from 'bottleneck/light.js'
import { inert } from '../common/inert.js'
import {
  COMPARE_FILE_LIMIT,
  type Comment,
  type Comparison,
  type CreatedCommit,
  explainApiError,
  type GitHubApi,
  isRequestError,
  type RepoRef,
} from './api.js'

type Octokit = ReturnType<typeof getOctokit>
type Plugin = Parameters<typeof getOctokit>[2]
type Route = { method: string; url: string }

export interface ApiOptions {
  /** Told about each retry (for the log). */
  readonly onRetry?: (message: string) => void
  /** The fetch every request goes through (Node's own by default). */
  readonly fetch?: typeof globalThis.fetch
}

/** Tries of one request in all, the first included. */
const TRIES = 4
/** A rate limit that asks for a longer wait (seconds) is reported as an error instead. */
const MAX_WAIT_S = 60
/**
 * Every 4xx is an answer, not a fault: plugin-retry retries only 5xx and network errors (which
 * Octokit reports as 500), after 1, 4 and 9 s. Rate limits (403, 429) are plugin-throttling's.
 */
const ANSWERS = Array.from({ length: 100 }, (_, i) => 400 + i)

/**
 * plugin-throttling spaces writes 1 s apart (3 s for those that notify) for bulk writers; a run
 * makes two or three writes, one after the other, and waits only when GitHub asks it to. Commit
 * statuses are the exception, paced on their own (STATUS_SPACING_MS).
 */
const UNPACED = new Bottleneck.Group()

/**
 * Commit statuses come in a burst, one per image: they go one at a time, at least this far apart
 * (GitHub's guidance for requests that create content), so that the burst does not meet GitHub's
 * secondary rate limit. 50 statuses take about 50 s.
 */
export const STATUS_SPACING_MS = 1000

const named = (options: Route) => `GitHub API ${options.method} ${options.url}`

/**
 * Tells `onRetry` about each fault plugin-retry is going to try again. plugin-retry has no such
 * callback: this hook is registered before it, so it sees every try and the count it keeps.
 */
function tellFaults(onRetry: (message: string) => void): Plugin {
  return (octokit) => {
    octokit.hook.wrap('request', async (request, options) => {
      try {
        return await request(options)
      } catch (error) {
        const tried = ((options.request as { retryCount?: number }).retryCount ?? 0) + 1
        if (isRequestError(error) && error.status >= 500 && tried < TRIES) {
          const why = `${error.status} ${inert(error.message.split('\n')[0] ?? '')}`
          onRetry(`${named(options)} failed (${why}); try ${tried + 1} of ${TRIES}`)
        }
        throw error
      }
    })
  }
}

/** The rate-limit handler: waits up to MAX_WAIT_S, for TRIES in all, and says so. */
function waitForLimit(onRetry: (message: string) => void) {
  return (waitS: number, options: Route, _octokit: unknown, retryCount: number): boolean => {
    if (waitS > MAX_WAIT_S || retryCount + 1 >= TRIES) return false
    onRetry(`${named(options)} is rate-limited; try ${retryCount + 2} of ${TRIES} in ${waitS} s`)
    return true
  }
}

/**
 * The GitHubApi on Octokit, configured once: base URL from GITHUB_API_URL, the given token, and
 * Octokit's retry and throttling plugins around every request.
 */
export function createOctokitApi(token: string, baseUrl: string, repo: RepoRef, options: ApiOptions = {}): GitHubApi {
  const onRetry = options.onRetry ?? (() => undefined)
  const onLimit = waitForLimit(onRetry)
  const octokit: Octokit = getOctokit(
    token,
    {
      baseUrl,
      ...(options.fetch === undefined ? {} : { request: { fetch: options.fetch } }),
      retry: { doNotRetry: ANSWERS, retries: TRIES - 1 },
      throttle: { onRateLimit: onLimit, onSecondaryRateLimit: onLimit, write: UNPACED, notifications: UNPACED },
    },
    tellFaults(onRetry),
    retry,
    throttling,
  )
  const repository = `${repo.owner}/${repo.repo}`
  const call = async <T>(doing: string, fn: () => Promise<T>, branch?: string): Promise<T> => {
    try {
      return await fn()
    } catch (error) {
      throw explainApiError(error, doing, branch === undefined ? { repository } : { repository, branch })
    }
  }
  const context: Context = { octokit, repo, repository, call }
  return { ...branchMethods(context), ...readMethods(context), ...commentMethods(context), ...statusMethods(context) }
}

/** What the methods share: the client, the repository, and `call`, which explains a failed request. */
interface Context {
  readonly octokit: Octokit
  readonly repo: RepoRef
  readonly repository: string
  readonly call: <T>(doing: string, fn: () => Promise<T>, branch?: string) => Promise<T>
}

/** Reading and moving the branch, and the commit of the manifest. */
function branchMethods({ octokit, repo, repository, call }: Context): Pick<GitHubApi, 'branchHead' | 'createCommit' | 'fastForward'> {
  const { git } = octokit.rest
  return {
    async branchHead(branch) {
      try {
        return (await git.getRef({ ...repo, ref: `heads/${branch}` })).data.object.sha
      } catch (error) {
        if (isRequestError(error) && error.status === 404) return undefined
        throw explainApiError(error, `reading the branch '${branch}'`, { repository, branch })
      }
    },

    createCommit(parent, path, content, message): Promise<CreatedCommit> {
      return call(`creating the commit of ${path}`, async () => {
        const base = await git.getCommit({ ...repo, commit_sha: parent })
        const tree = await git.createTree({
          ...repo,
          base_tree: base.data.tree.sha,
          tree: [{ path, mode: '100644', type: 'blob', content }],
        })
        const { data: commit } = await git.createCommit({ ...repo, message, tree: tree.data.sha, parents: [parent] })
        return { sha: commit.sha, verified: commit.verification?.verified === true }
      })
    },

    async fastForward(branch, sha) {
      try {
        await git.updateRef({ ...repo, ref: `heads/${branch}`, sha, force: false })
        return 'ok'
      } catch (error) {
        if (isRequestError(error) && error.status === 422 && /not a fast forward/i.test(error.message)) return 'moved'
        throw explainApiError(error, `moving the branch '${branch}'`, { repository, branch })
      }
    },
  }
}

/** Reading what changed and a file at a ref. */
function readMethods({ octokit, repo, repository, call }: Context): Pick<GitHubApi, 'compare' | 'readFile'> {
  const { git, repos } = octokit.rest
  return {
    compare(base, head): Promise<Comparison> {
      return call(`comparing ${base.slice(0, 7)}...${head.slice(0, 7)}`, async () => {
        // The files come with the first page of commits only, and GitHub cuts them at COMPARE_FILE_LIMIT.
        const { data } = await repos.compareCommitsWithBasehead({ ...repo, basehead: `${base}...${head}`, per_page: 100 })
        // A rename changes two paths: the old one may be a Dockerfile, the new one not.
        const files = (data.files ?? []).flatMap((f) =>
          f.previous_filename === undefined ? [f.filename] : [f.filename, f.previous_filename],
        )
        const truncated = data.files === undefined || data.files.length >= COMPARE_FILE_LIMIT
        return { status: data.status, files, truncated }
      })
    },

    async readFile(ref, path) {
      try {
        const { data: file } = await repos.getContent({ ...repo, path, ref })
        if (Array.isArray(file) || file.type !== 'file') return undefined
        if (file.encoding === 'base64' && typeof file.content === 'string') return Buffer.from(file.content, 'base64').toString('utf8')
        // Files over 1 MB come without content: fetch the blob.
        const blob = await git.getBlob({ ...repo, file_sha: file.sha })
        return Buffer.from(blob.data.content, 'base64').toString('utf8')
      } catch (error) {
        if (isRequestError(error) && error.status === 404) return undefined
        throw explainApiError(error, `reading ${path} at ${ref}`, { repository })
      }
    },
  }
}

/** The pull request's comments, and who the token acts as. */
function commentMethods({
  octokit,
  repo,
  call,
}: Context): Pick<GitHubApi, 'listComments' | 'createComment' | 'updateComment' | 'tokenLogin'> {
  const { issues } = octokit.rest
  return {
    listComments(issue): Promise<Comment[]> {
      return call(`listing the comments of #${issue}`, async () => {
        const all = await octokit.paginate(issues.listComments, { ...repo, issue_number: issue, per_page: 100 })
        return all.map((c) => ({ id: c.id, body: c.body ?? '', author: c.user?.login ?? '' }))
      })
    },

    createComment(issue, body) {
      return call(`commenting on #${issue}`, async () => {
        await issues.createComment({ ...repo, issue_number: issue, body })
      })
    },

    updateComment(id, body) {
      return call(`updating comment ${id}`, async () => {
        await issues.updateComment({ ...repo, comment_id: id, body })
      })
    },

    tokenLogin() {
      // GraphQL's viewer answers for every kind of token; REST's GET /user refuses an app's installation
      // token (the workflow's among them), and GET /app takes only the app's own JWT.
      return call('asking GitHub which account the token acts as', async () => {
        const answer = await octokit.graphql<{ viewer: { login: string } }>('query { viewer { login } }')
        return answer.viewer.login
      })
    },
  }
}

/** Commit statuses, paced (a rate limit's retries included: the next status waits for them). */
function statusMethods({ octokit, repo, call }: Context): Pick<GitHubApi, 'createCommitStatus'> {
  const paced = new Bottleneck({ maxConcurrent: 1, minTime: STATUS_SPACING_MS })
  return {
    createCommitStatus(sha, status) {
      return call(`posting the commit status ${status.context} on ${sha.slice(0, 7)}`, async () => {
        await paced.schedule(() => octokit.rest.repos.createCommitStatus({ ...repo, sha, ...status }))
      })
    },
  }
}
