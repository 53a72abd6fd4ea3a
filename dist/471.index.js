export const id = 471;
export const ids = [471];
export const modules = {

/***/ 5471:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createOctokitApi: () => (/* binding */ createOctokitApi)
});

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 22 modules
var github = __webpack_require__(2413);
// EXTERNAL MODULE: ./src/github/api.ts
var api = __webpack_require__(8943);
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
        const status = (0,api/* isRequestError */.eK)(error) ? `${error.status} ` : '';
        const what = `${requestOptions.method} ${String(requestOptions.url)}`;
        options.onRetry?.(`GitHub API ${what} failed (${status}${error.message.split('\n')[0]}); try ${attempt + 1} of ${policy.attempts} in ${Math.round(waitMs / 100) / 10} s`);
    }));
    const repository = `${repo.owner}/${repo.repo}`;
    const call = async (doing, fn, branch) => {
        try {
            return await fn();
        }
        catch (error) {
            throw (0,api/* explainApiError */.cU)(error, doing, branch === undefined ? { repository } : { repository, branch });
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
                if ((0,api/* isRequestError */.eK)(error) && error.status === 404)
                    return undefined;
                throw (0,api/* explainApiError */.cU)(error, `reading the branch '${branch}'`, { repository, branch });
            }
        },
        compare(base, head) {
            return call(`comparing ${base.slice(0, 7)}...${head.slice(0, 7)}`, async () => {
                // The files come with the first page of commits only, and GitHub cuts them at COMPARE_FILE_LIMIT.
                const result = await data('GET /repos/{owner}/{repo}/compare/{basehead}', { basehead: `${base}...${head}`, per_page: 100 });
                const listed = Array.isArray(result.files) ? result.files : undefined;
                // A rename changes two paths: the old one may be a Dockerfile, the new one not.
                const files = (listed ?? []).flatMap((f) => typeof f.previous_filename === 'string' ? [String(f.filename), f.previous_filename] : [String(f.filename)]);
                const truncated = listed === undefined || listed.length >= api/* COMPARE_FILE_LIMIT */.$s;
                return { status: result.status, files, truncated };
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
                if ((0,api/* isRequestError */.eK)(error) && error.status === 404)
                    return undefined;
                throw (0,api/* explainApiError */.cU)(error, `reading ${path} at ${ref}`, { repository });
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
                if ((0,api/* isRequestError */.eK)(error) && error.status === 422 && /not a fast forward/i.test(error.message))
                    return 'moved';
                throw (0,api/* explainApiError */.cU)(error, `moving the branch '${branch}'`, { repository, branch });
            }
        },
        listComments(issue) {
            return call(`listing the comments of #${issue}`, async () => {
                const all = await octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
                    ...repo,
                    issue_number: issue,
                    per_page: 100,
                });
                return all.map((c) => ({
                    id: Number(c.id),
                    body: String(c.body ?? ''),
                    author: String(c.user?.login ?? ''),
                }));
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
        tokenLogin() {
            // GraphQL's viewer answers for every kind of token; REST's GET /user refuses an app's installation
            // token (the workflow's among them), and GET /app takes only the app's own JWT.
            return call('asking GitHub which account the token acts as', async () => {
                const answer = await octokit.graphql('query { viewer { login } }');
                return answer.viewer.login;
            });
        },
    };
}


/***/ })

};
