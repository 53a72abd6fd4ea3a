export const id = 881;
export const ids = [881];
export const modules = {

/***/ 2881:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createOctokitApi: () => (/* binding */ createOctokitApi)
});

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 22 modules
var github = __webpack_require__(2413);
;// CONCATENATED MODULE: ./src/github/api.ts
/**
 * The narrow slice of the GitHub REST API the action uses, behind an interface so the commit and
 * comment logic does not know about Octokit. Errors that users can fix are explained here, once.
 */
function isRequestError(error) {
    return error instanceof Error && typeof error.status === 'number';
}
/** Raised for answers the user can act on; `main` prints the message as is. */
class GitHubApiError extends Error {
    status;
    name = 'GitHubApiError';
    constructor(message, status, options) {
        super(message, options);
        this.status = status;
    }
}
/** Turns an API error into a message that says what to do. Anything unexpected is rethrown as is. */
function explainApiError(error, doing, context) {
    if (!isRequestError(error))
        return error instanceof Error ? error : new Error(String(error));
    // Octokit appends ' - <documentation_url>' to GitHub's message.
    const message = (error.message.split('\n')[0] ?? error.message).replace(/ - https?:\/\/\S+$/, '');
    switch (error.status) {
        case 401:
            return new GitHubApiError(`${doing}: GitHub rejected the token (401 ${message}). Check the 'token' input.`, 401, { cause: error });
        case 403:
            if (/rate limit/i.test(message))
                break;
            return new GitHubApiError(`${doing}: the token may not do this in ${context.repository} (403 ${message}). A commit needs 'permissions: contents: write' in the workflow, a pull-request comment 'pull-requests: write'; runs for pull requests from forks only get a read-only token.`, 403, { cause: error });
        case 404:
            return new GitHubApiError(`${doing}: not found in ${context.repository} (404). Check the repository, the branch and the token's access.`, 404, {
                cause: error,
            });
        case 409:
        case 422:
            if (/rule violations|ruleset|protected branch/i.test(error.message)) {
                return new GitHubApiError(`${doing}: a ruleset or branch protection on '${context.branch ?? ''}' refused the update (${error.status} ${message}). The workflow's github-actions[bot] cannot bypass rulesets: pass a GitHub App token that is allowed to bypass them in 'token', or push with a deploy key that may (commit-method: git).`, error.status, { cause: error });
            }
            break;
    }
    return new GitHubApiError(`${doing}: GitHub answered ${error.status} ${message}`, error.status, { cause: error });
}

;// CONCATENATED MODULE: ./src/github/retry.ts
/**
 * Which GitHub API failures are worth another try, and after how long. 5xx answers and network
 * errors back off exponentially; 429 and secondary rate limits wait for `retry-after` (or the
 * rate-limit reset). Everything else (401, 403, 404, 422) is an answer, not a fault: no retry.
 */
const DEFAULT_RETRY = { attempts: 4, baseMs: 1000, maxWaitMs: 60_000 };
/** Milliseconds to wait before try `attempt + 1`, or undefined when the error is not worth a retry. */
function retryDelay(error, attempt, policy, now = Date.now()) {
    if (attempt >= policy.attempts)
        return undefined;
    const e = (error ?? {});
    const status = typeof e.status === 'number' ? e.status : undefined;
    const headers = e.response?.headers ?? {};
    const message = typeof e.message === 'string' ? e.message : '';
    const backoff = policy.baseMs * 2 ** (attempt - 1);
    const rateLimited = status === 429 || (status === 403 && (/rate limit/i.test(message) || String(headers['x-ratelimit-remaining']) === '0'));
    let wait;
    if (rateLimited) {
        const retryAfter = Number(headers['retry-after']);
        const reset = Number(headers['x-ratelimit-reset']);
        if (Number.isFinite(retryAfter) && retryAfter >= 0)
            wait = retryAfter * 1000;
        else if (Number.isFinite(reset) && reset > 0)
            wait = Math.max(0, reset * 1000 - now);
        else
            wait = Math.max(backoff, 60_000);
    }
    else if (status === undefined || status >= 500) {
        wait = backoff;
    }
    return wait !== undefined && wait <= policy.maxWaitMs ? wait : undefined;
}
/** Runs `fn`, trying again after the waits `retryDelay` allows. */
async function withRetries(fn, policy, onRetry = () => undefined) {
    for (let attempt = 1;; attempt++) {
        try {
            return await fn();
        }
        catch (error) {
            const wait = retryDelay(error, attempt, policy);
            if (wait === undefined)
                throw error;
            onRetry(error, wait, attempt);
            await new Promise((resolve) => setTimeout(resolve, wait));
        }
    }
}

;// CONCATENATED MODULE: ./src/github/octokit-api.ts



/**
 * The GitHubApi on Octokit, configured once: base URL from GITHUB_API_URL, the given token, and
 * retries for faults and rate limits (src/github/retry.ts) around every request.
 */
function createOctokitApi(token, baseUrl, repo, options = {}) {
    const octokit = (0,github/* getOctokit */.Q)(token, { baseUrl });
    const policy = options.retry ?? DEFAULT_RETRY;
    octokit.hook.wrap('request', (request, requestOptions) => withRetries(async () => request(requestOptions), policy, (error, waitMs, attempt) => {
        const status = isRequestError(error) ? `${error.status} ` : '';
        const what = `${requestOptions.method} ${String(requestOptions.url)}`;
        options.onRetry?.(`GitHub API ${what} failed (${status}${error.message.split('\n')[0]}); try ${attempt + 1} of ${policy.attempts} in ${Math.round(waitMs / 100) / 10} s`);
    }));
    const repository = `${repo.owner}/${repo.repo}`;
    const call = async (doing, fn, branch) => {
        try {
            return await fn();
        }
        catch (error) {
            throw explainApiError(error, doing, branch === undefined ? { repository } : { repository, branch });
        }
    };
    const data = async (route, params) => (await octokit.request(route, { ...repo, ...params })).data;
    return {
        async branchHead(branch) {
            try {
                const ref = await data('GET /repos/{owner}/{repo}/git/ref/{ref}', { ref: `heads/${branch}` });
                return String(ref.object.sha);
            }
            catch (error) {
                if (isRequestError(error) && error.status === 404)
                    return undefined;
                throw explainApiError(error, `reading the branch '${branch}'`, { repository, branch });
            }
        },
        compare(base, head) {
            return call(`comparing ${base.slice(0, 7)}...${head.slice(0, 7)}`, async () => {
                const result = await data('GET /repos/{owner}/{repo}/compare/{basehead}', { basehead: `${base}...${head}`, per_page: 100 });
                const files = (result.files ?? []).map((f) => String(f.filename));
                return { status: result.status, files };
            });
        },
        async readFile(ref, path) {
            try {
                const file = await data('GET /repos/{owner}/{repo}/contents/{path}', { path, ref });
                if (file.type !== 'file')
                    return undefined;
                if (file.encoding === 'base64' && typeof file.content === 'string')
                    return Buffer.from(file.content, 'base64').toString('utf8');
                // Files over 1 MB come without content: fetch the blob.
                const blob = await data('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', { file_sha: file.sha });
                return Buffer.from(String(blob.content), 'base64').toString('utf8');
            }
            catch (error) {
                if (isRequestError(error) && error.status === 404)
                    return undefined;
                throw explainApiError(error, `reading ${path} at ${ref}`, { repository });
            }
        },
        createCommit(parent, path, content, message) {
            return call(`creating the commit of ${path}`, async () => {
                const base = await data('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', { commit_sha: parent });
                const tree = await data('POST /repos/{owner}/{repo}/git/trees', {
                    base_tree: base.tree.sha,
                    tree: [{ path, mode: '100644', type: 'blob', content }],
                });
                const commit = await data('POST /repos/{owner}/{repo}/git/commits', { message, tree: tree.sha, parents: [parent] });
                return { sha: String(commit.sha), verified: commit.verification?.verified === true };
            });
        },
        async fastForward(branch, sha) {
            try {
                await data('PATCH /repos/{owner}/{repo}/git/refs/{ref}', { ref: `heads/${branch}`, sha, force: false });
                return 'ok';
            }
            catch (error) {
                if (isRequestError(error) && error.status === 422 && /not a fast forward/i.test(error.message))
                    return 'moved';
                throw explainApiError(error, `moving the branch '${branch}'`, { repository, branch });
            }
        },
        listComments(issue) {
            return call(`listing the comments of #${issue}`, async () => {
                const all = await octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
                    ...repo,
                    issue_number: issue,
                    per_page: 100,
                });
                return all.map((c) => ({ id: Number(c.id), body: String(c.body ?? '') }));
            });
        },
        createComment(issue, body) {
            return call(`commenting on #${issue}`, async () => {
                await data('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { issue_number: issue, body });
            });
        },
        updateComment(id, body) {
            return call(`updating comment ${id}`, async () => {
                await data('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { comment_id: id, body });
            });
        },
    };
}


/***/ })

};
