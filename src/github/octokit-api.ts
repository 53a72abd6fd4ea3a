import { getOctokit } from '@actions/github'
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
import { DEFAULT_RETRY, type RetryPolicy, withRetries } from './retry.js'

type Octokit = ReturnType<typeof getOctokit>
type Json = Record<string, unknown>

export interface ApiOptions {
  readonly retry?: RetryPolicy
  /** Told about each retry (for the log). */
  readonly onRetry?: (message: string) => void
}

/**
 * The GitHubApi on Octokit, configured once: base URL from GITHUB_API_URL, the given token, and
 * retries for faults and rate limits (src/github/retry.ts) around every request.
 */
export function createOctokitApi(token: string, baseUrl: string, repo: RepoRef, options: ApiOptions = {}): GitHubApi {
  const octokit: Octokit = getOctokit(token, { baseUrl })
  const policy = options.retry ?? DEFAULT_RETRY
  octokit.hook.wrap('request', (request, requestOptions) =>
    withRetries(
      async () => request(requestOptions),
      policy,
      (error, waitMs, attempt) => {
        const status = isRequestError(error) ? `${error.status} ` : ''
        const what = `${requestOptions.method} ${String(requestOptions.url)}`
        options.onRetry?.(
          `GitHub API ${what} failed (${status}${(error as Error).message.split('\n')[0]}); try ${attempt + 1} of ${policy.attempts} in ${Math.round(waitMs / 100) / 10} s`,
        )
      },
    ),
  )
  const repository = `${repo.owner}/${repo.repo}`
  const call = async <T>(doing: string, fn: () => Promise<T>, branch?: string): Promise<T> => {
    try {
      return await fn()
    } catch (error) {
      throw explainApiError(error, doing, branch === undefined ? { repository } : { repository, branch })
    }
  }
  const data = async (route: string, params: Json): Promise<Json> => (await octokit.request(route, { ...repo, ...params })).data as Json

  return {
    async branchHead(branch) {
      try {
        const ref = await data('GET /repos/{owner}/{repo}/git/ref/{ref}', { ref: `heads/${branch}` })
        return String((ref.object as Json).sha)
      } catch (error) {
        if (isRequestError(error) && error.status === 404) return undefined
        throw explainApiError(error, `reading the branch '${branch}'`, { repository, branch })
      }
    },

    compare(base, head): Promise<Comparison> {
      return call(`comparing ${base.slice(0, 7)}...${head.slice(0, 7)}`, async () => {
        // The files come with the first page of commits only, and GitHub cuts them at COMPARE_FILE_LIMIT.
        const result = await data('GET /repos/{owner}/{repo}/compare/{basehead}', { basehead: `${base}...${head}`, per_page: 100 })
        const listed = Array.isArray(result.files) ? (result.files as Json[]) : undefined
        // A rename changes two paths: the old one may be a Dockerfile, the new one not.
        const files = (listed ?? []).flatMap((f) =>
          typeof f.previous_filename === 'string' ? [String(f.filename), f.previous_filename] : [String(f.filename)],
        )
        const truncated = listed === undefined || listed.length >= COMPARE_FILE_LIMIT
        return { status: result.status as Comparison['status'], files, truncated }
      })
    },

    async readFile(ref, path) {
      try {
        const file = await data('GET /repos/{owner}/{repo}/contents/{path}', { path, ref })
        if (file.type !== 'file') return undefined
        if (file.encoding === 'base64' && typeof file.content === 'string') return Buffer.from(file.content, 'base64').toString('utf8')
        // Files over 1 MB come without content: fetch the blob.
        const blob = await data('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', { file_sha: file.sha })
        return Buffer.from(String(blob.content), 'base64').toString('utf8')
      } catch (error) {
        if (isRequestError(error) && error.status === 404) return undefined
        throw explainApiError(error, `reading ${path} at ${ref}`, { repository })
      }
    },

    createCommit(parent, path, content, message): Promise<CreatedCommit> {
      return call(`creating the commit of ${path}`, async () => {
        const base = await data('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', { commit_sha: parent })
        const tree = await data('POST /repos/{owner}/{repo}/git/trees', {
          base_tree: (base.tree as Json).sha,
          tree: [{ path, mode: '100644', type: 'blob', content }],
        })
        const commit = await data('POST /repos/{owner}/{repo}/git/commits', { message, tree: tree.sha, parents: [parent] })
        return { sha: String(commit.sha), verified: (commit.verification as Json | undefined)?.verified === true }
      })
    },

    async fastForward(branch, sha) {
      try {
        await data('PATCH /repos/{owner}/{repo}/git/refs/{ref}', { ref: `heads/${branch}`, sha, force: false })
        return 'ok'
      } catch (error) {
        if (isRequestError(error) && error.status === 422 && /not a fast forward/i.test(error.message)) return 'moved'
        throw explainApiError(error, `moving the branch '${branch}'`, { repository, branch })
      }
    },

    listComments(issue): Promise<Comment[]> {
      return call(`listing the comments of #${issue}`, async () => {
        const all = await octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
          ...repo,
          issue_number: issue,
          per_page: 100,
        })
        return (all as Json[]).map((c) => ({
          id: Number(c.id),
          body: String(c.body ?? ''),
          author: String((c.user as Json | null)?.login ?? ''),
        }))
      })
    },

    createComment(issue, body) {
      return call(`commenting on #${issue}`, async () => {
        await data('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { issue_number: issue, body })
      })
    },

    updateComment(id, body) {
      return call(`updating comment ${id}`, async () => {
        await data('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { comment_id: id, body })
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
