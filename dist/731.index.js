export const id = 731;
export const ids = [731];
export const modules = {

/***/ 1731:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createOctokitApi: () => (/* binding */ createOctokitApi)
/* harmony export */ });
/* unused harmony export STATUS_SPACING_MS */
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1758);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6856);
/* harmony import */ var bottleneck_light_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3251);
/* harmony import */ var bottleneck_light_js__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(bottleneck_light_js__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _common_inert_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3437);
/* harmony import */ var _api_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8943);






/** Tries of one request in all, the first included. */
const TRIES = 4;
/** A rate limit that asks for a longer wait (seconds) is reported as an error instead. */
const MAX_WAIT_S = 60;
/**
 * Every 4xx is an answer, not a fault: plugin-retry retries only 5xx and network errors (which
 * Octokit reports as 500), after 1, 4 and 9 s. Rate limits (403, 429) are plugin-throttling's.
 */
const ANSWERS = Array.from({ length: 100 }, (_, i) => 400 + i);
/**
 * plugin-throttling spaces writes 1 s apart (3 s for those that notify) for bulk writers; a run
 * makes two or three writes, one after the other, and waits only when GitHub asks it to. Commit
 * statuses are the exception, paced on their own (STATUS_SPACING_MS).
 */
const UNPACED = new (bottleneck_light_js__WEBPACK_IMPORTED_MODULE_1___default().Group)();
/**
 * Commit statuses come in a burst, one per image: they go one at a time, at least this far apart
 * (GitHub's guidance for requests that create content), so that the burst does not meet GitHub's
 * secondary rate limit. 50 statuses take about 50 s.
 */
const STATUS_SPACING_MS = 1000;
const named = (options) => `GitHub API ${options.method} ${options.url}`;
/**
 * Tells `onRetry` about each fault plugin-retry is going to try again. plugin-retry has no such
 * callback: this hook is registered before it, so it sees every try and the count it keeps.
 */
function tellFaults(onRetry) {
    return (octokit) => {
        octokit.hook.wrap('request', async (request, options) => {
            try {
                return await request(options);
            }
            catch (error) {
                const tried = (options.request.retryCount ?? 0) + 1;
                if ((0,_api_js__WEBPACK_IMPORTED_MODULE_2__/* .isRequestError */ .eK)(error) && error.status >= 500 && tried < TRIES) {
                    const why = `${error.status} ${(0,_common_inert_js__WEBPACK_IMPORTED_MODULE_3__/* .inert */ .tJ)(error.message.split('\n')[0] ?? '')}`;
                    onRetry(`${named(options)} failed (${why}); try ${tried + 1} of ${TRIES}`);
                }
                throw error;
            }
        });
    };
}
/** The rate-limit handler: waits up to MAX_WAIT_S, for TRIES in all, and says so. */
function waitForLimit(onRetry) {
    return (waitS, options, _octokit, retryCount) => {
        if (waitS > MAX_WAIT_S || retryCount + 1 >= TRIES)
            return false;
        onRetry(`${named(options)} is rate-limited; try ${retryCount + 2} of ${TRIES} in ${waitS} s`);
        return true;
    };
}
/**
 * The GitHubApi on Octokit, configured once: base URL from GITHUB_API_URL, the given token, and
 * Octokit's retry and throttling plugins around every request.
 */
function createOctokitApi(token, baseUrl, repo, options = {}) {
    const onRetry = options.onRetry ?? (() => undefined);
    const onLimit = waitForLimit(onRetry);
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, {
        baseUrl,
        ...(options.fetch === undefined ? {} : { request: { fetch: options.fetch } }),
        retry: { doNotRetry: ANSWERS, retries: TRIES - 1 },
        throttle: { onRateLimit: onLimit, onSecondaryRateLimit: onLimit, write: UNPACED, notifications: UNPACED },
    }, tellFaults(onRetry), _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_5__/* .throttling */ .A);
    const repository = `${repo.owner}/${repo.repo}`;
    const call = async (doing, fn, branch) => {
        try {
            return await fn();
        }
        catch (error) {
            throw (0,_api_js__WEBPACK_IMPORTED_MODULE_2__/* .explainApiError */ .cU)(error, doing, branch === undefined ? { repository } : { repository, branch });
        }
    };
    const context = { octokit, repo, repository, call };
    return { ...branchMethods(context), ...readMethods(context), ...commentMethods(context), ...statusMethods(context) };
}
/** Reading and moving the branch, and the commit of the manifest. */
function branchMethods({ octokit, repo, repository, call }) {
    const { git } = octokit.rest;
    return {
        async branchHead(branch) {
            try {
                return (await git.getRef({ ...repo, ref: `heads/${branch}` })).data.object.sha;
            }
            catch (error) {
                if ((0,_api_js__WEBPACK_IMPORTED_MODULE_2__/* .isRequestError */ .eK)(error) && error.status === 404)
                    return undefined;
                throw (0,_api_js__WEBPACK_IMPORTED_MODULE_2__/* .explainApiError */ .cU)(error, `reading the branch '${branch}'`, { repository, branch });
            }
        },
        createCommit(parent, path, content, message) {
            return call(`creating the commit of ${path}`, async () => {
                const base = await git.getCommit({ ...repo, commit_sha: parent });
                const tree = await git.createTree({
                    ...repo,
                    base_tree: base.data.tree.sha,
                    tree: [{ path, mode: '100644', type: 'blob', content }],
                });
                const { data: commit } = await git.createCommit({ ...repo, message, tree: tree.data.sha, parents: [parent] });
                return { sha: commit.sha, verified: commit.verification?.verified === true };
            });
        },
        async fastForward(branch, sha) {
            try {
                await git.updateRef({ ...repo, ref: `heads/${branch}`, sha, force: false });
                return 'ok';
            }
            catch (error) {
                if ((0,_api_js__WEBPACK_IMPORTED_MODULE_2__/* .isRequestError */ .eK)(error) && error.status === 422 && /not a fast forward/i.test(error.message))
                    return 'moved';
                throw (0,_api_js__WEBPACK_IMPORTED_MODULE_2__/* .explainApiError */ .cU)(error, `moving the branch '${branch}'`, { repository, branch });
            }
        },
    };
}
/** Reading what changed and a file at a ref. */
function readMethods({ octokit, repo, repository, call }) {
    const { git, repos } = octokit.rest;
    return {
        compare(base, head) {
            return call(`comparing ${base.slice(0, 7)}...${head.slice(0, 7)}`, async () => {
                // The files come with the first page of commits only, and GitHub cuts them at COMPARE_FILE_LIMIT.
                const { data } = await repos.compareCommitsWithBasehead({ ...repo, basehead: `${base}...${head}`, per_page: 100 });
                // A rename changes two paths: the old one may be a Dockerfile, the new one not.
                const files = (data.files ?? []).flatMap((f) => f.previous_filename === undefined ? [f.filename] : [f.filename, f.previous_filename]);
                const truncated = data.files === undefined || data.files.length >= _api_js__WEBPACK_IMPORTED_MODULE_2__/* .COMPARE_FILE_LIMIT */ .$s;
                return { status: data.status, files, truncated };
            });
        },
        async readFile(ref, path) {
            try {
                const { data: file } = await repos.getContent({ ...repo, path, ref });
                if (Array.isArray(file) || file.type !== 'file')
                    return undefined;
                if (file.encoding === 'base64' && typeof file.content === 'string')
                    return Buffer.from(file.content, 'base64').toString('utf8');
                // Files over 1 MB come without content: fetch the blob.
                const blob = await git.getBlob({ ...repo, file_sha: file.sha });
                return Buffer.from(blob.data.content, 'base64').toString('utf8');
            }
            catch (error) {
                if ((0,_api_js__WEBPACK_IMPORTED_MODULE_2__/* .isRequestError */ .eK)(error) && error.status === 404)
                    return undefined;
                throw (0,_api_js__WEBPACK_IMPORTED_MODULE_2__/* .explainApiError */ .cU)(error, `reading ${path} at ${ref}`, { repository });
            }
        },
    };
}
/** The pull request's comments, and who the token acts as. */
function commentMethods({ octokit, repo, call, }) {
    const { issues } = octokit.rest;
    return {
        listComments(issue) {
            return call(`listing the comments of #${issue}`, async () => {
                const all = await octokit.paginate(issues.listComments, { ...repo, issue_number: issue, per_page: 100 });
                return all.map((c) => ({ id: c.id, body: c.body ?? '', author: c.user?.login ?? '' }));
            });
        },
        createComment(issue, body) {
            return call(`commenting on #${issue}`, async () => {
                await issues.createComment({ ...repo, issue_number: issue, body });
            });
        },
        updateComment(id, body) {
            return call(`updating comment ${id}`, async () => {
                await issues.updateComment({ ...repo, comment_id: id, body });
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
/** Commit statuses, paced (a rate limit's retries included: the next status waits for them). */
function statusMethods({ octokit, repo, call }) {
    const paced = new (bottleneck_light_js__WEBPACK_IMPORTED_MODULE_1___default())({ maxConcurrent: 1, minTime: STATUS_SPACING_MS });
    return {
        createCommitStatus(sha, status) {
            return call(`posting the commit status ${status.context} on ${sha.slice(0, 7)}`, async () => {
                await paced.schedule(() => octokit.rest.repos.createCommitStatus({ ...repo, sha, ...status }));
            });
        },
    };
}


/***/ })

};
