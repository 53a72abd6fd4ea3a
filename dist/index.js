import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 3437:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Fd: () => (/* binding */ hasControlCharacter),
/* harmony export */   RK: () => (/* binding */ visible),
/* harmony export */   tJ: () => (/* binding */ inert)
/* harmony export */ });
/**
 * Text from the repository (paths, config values, Dockerfile lines) on its way to the log, the job
 * summary and the pull-request comment. A pull request's author picks every such text. How the runner
 * finds workflow commands in the log is told at `inertLines` (src/runner.ts), which is the log's last
 * line of defence; `inert` makes the text itself harmless, and readable.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what is escaped
const ESCAPED = /[%\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the same set, tested without the global flag's state
const HAS_ESCAPED = /[%\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: names with control characters are refused
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** Does the text hold a control character (C0, DEL, C1 such as NEL) or a Unicode line or paragraph separator? */
function hasControlCharacter(text) {
    return CONTROL.test(text);
}
/**
 * The text with `%`, the control characters and U+2028/U+2029 percent-encoded, as the runner escapes
 * command data (`%25`, `%0D`, `%0A`; `%C2%85` for NEL): one line, and every character still there to see.
 */
function visible(text) {
    // Most texts have nothing to escape: a test is cheaper than a replace with a callback.
    return HAS_ESCAPED.test(text) ? text.replace(ESCAPED, (c) => encodeURIComponent(c)) : text;
}
/** A `:` at the start, after white space as the runner trims it (see runner.ts). */
const LEADING_COLON = /^([\s\u0085]*):/;
/**
 * A repository text as it may appear in a log line, whatever stands before or after it there:
 * `visible` (so one line), a `:` it starts with as `%3A` (so no `::` at the start of a line), and a
 * `[` that starts it or follows `#` as `%5B` (so no `##[`).
 */
function inert(text) {
    let out = visible(text);
    // Only a text that starts at or below `:` (U+003A) or beyond ASCII can start with white space or `:`:
    // most paths start with a letter and skip the pattern.
    const first = out.charCodeAt(0);
    if ((first <= 0x3a || first > 0x7f) && LEADING_COLON.test(out))
        out = out.replace(LEADING_COLON, '$1%3A');
    return out.includes('[') ? out.replace(/(^|#)\[/g, '$1%5B') : out;
}


/***/ }),

/***/ 8943:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $s: () => (/* binding */ COMPARE_FILE_LIMIT),
/* harmony export */   OS: () => (/* binding */ GitHubApiError),
/* harmony export */   cU: () => (/* binding */ explainApiError),
/* harmony export */   eK: () => (/* binding */ isRequestError),
/* harmony export */   tX: () => (/* binding */ rateLimitOf)
/* harmony export */ });
/**
 * The narrow slice of the GitHub REST API the action uses, behind an interface so the commit and
 * comment logic does not know about Octokit. Errors that users can fix are explained here, once.
 */
/** GitHub's compare API lists at most this many changed files (and the first page of a paginated one only). */
const COMPARE_FILE_LIMIT = 300;
function isRequestError(error) {
    return error instanceof Error && typeof error.status === 'number';
}
/**
 * A refusal for a rate limit, told apart from a missing permission (both can be 403): a 429, or a 403
 * that says so in its message or headers. `retryAfter` is GitHub's `retry-after` (seconds), when sent.
 * Looks through a GitHubApiError at the request error it explains.
 */
function rateLimitOf(error) {
    const request = error instanceof GitHubApiError && isRequestError(error.cause) ? error.cause : error;
    if (!isRequestError(request) || (request.status !== 403 && request.status !== 429))
        return undefined;
    const headers = request.response?.headers ?? {};
    const retryAfter = headers['retry-after'] === undefined ? undefined : String(headers['retry-after']);
    const limited = request.status === 429 || /rate limit/i.test(request.message) || headers['x-ratelimit-remaining'] === '0' || retryAfter !== undefined;
    if (!limited)
        return undefined;
    return retryAfter !== undefined && /^[0-9]{1,9}$/.test(retryAfter) ? { retryAfter } : {};
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


/***/ }),

/***/ 6654:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = __nccwpck_require__.p + "f10bcf9cea7358dfe955.sh";

/***/ }),

/***/ 8002:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = __nccwpck_require__.p + "99f1068548dd54383811.sh";

/***/ }),

/***/ 9518:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = __nccwpck_require__.p + "39f99dfa9a8b205368ff.sh";

/***/ }),

/***/ 5211:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = __nccwpck_require__.p + "b2c50d456ada2ee7a0ee.sh";

/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/publicPath */
/******/ (() => {
/******/ 	var scriptUrl;
/******/ 	if (typeof import.meta.url === "string") scriptUrl = import.meta.url
/******/ 	// When supporting browsers where an automatic publicPath is not supported you must specify an output.publicPath manually via configuration
/******/ 	// or pass an empty string ("") and set the __webpack_public_path__ variable from your code to use your own logic.
/******/ 	if (!scriptUrl) throw new Error("Automatic publicPath is not supported in this browser");
/******/ 	scriptUrl = scriptUrl.replace(/#.*$/, "").replace(/\?.*$/, "").replace(/\/[^\/]+$/, "/");
/******/ 	__nccwpck_require__.p = scriptUrl;
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	__nccwpck_require__.b = new URL("./", import.meta.url);
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// NAMESPACE OBJECT: ./src/action/runner.ts
var runner_namespaceObject = {};
__nccwpck_require__.r(runner_namespaceObject);
__nccwpck_require__.d(runner_namespaceObject, {
  appendSummary: () => (appendSummary),
  debug: () => (debug),
  error: () => (error),
  getInput: () => (getInput),
  getMultilineInput: () => (getMultilineInput),
  group: () => (group),
  inertLines: () => (inertLines),
  info: () => (info),
  issueCommand: () => (issueCommand),
  notice: () => (notice),
  redirectLog: () => (redirectLog),
  replaceSummary: () => (replaceSummary),
  setFailed: () => (setFailed),
  setOutput: () => (setOutput),
  setSecret: () => (setSecret),
  warning: () => (warning)
});

;// CONCATENATED MODULE: ./src/common/errors.ts
/** An error's message followed by the messages of its causes: `cannot read 'x': EACCES: ...`. */
function describeError(error) {
    const parts = [];
    let current = error;
    for (let depth = 0; current !== undefined && depth < 5; depth++) {
        if (current instanceof Error) {
            parts.push(current.message);
            current = current.cause;
        }
        else {
            parts.push(String(current));
            break;
        }
    }
    return parts.join(': ');
}
/** Raised for a bad input; `main` reports its message as is, as an annotation on `location` when known. */
class InputError extends Error {
    name = 'InputError';
    /** The file (workspace-relative) and place the error is about, for the annotation. */
    location;
    constructor(message, options = {}) {
        super(message);
        if (options.location)
            this.location = options.location;
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: ./src/common/fs-atomic.ts



/**
 * Writes a file so that readers see either the old or the new content, never a part: the bytes go
 * to a temporary file in the same folder, are flushed, and the temporary file is renamed over the
 * target.
 */
async function writeFileAtomic(file, content) {
    // Synchronous calls: the action does one thing at a time, and node:fs/promises costs start-up time.
    (0,external_node_fs_namespaceObject.mkdirSync)(external_node_path_default().dirname(file), { recursive: true });
    const temp = external_node_path_default().join(external_node_path_default().dirname(file), `.${external_node_path_default().basename(file)}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`);
    const fd = (0,external_node_fs_namespaceObject.openSync)(temp, 'wx', 0o644);
    let open = true;
    try {
        (0,external_node_fs_namespaceObject.writeFileSync)(fd, content);
        (0,external_node_fs_namespaceObject.fsyncSync)(fd);
        (0,external_node_fs_namespaceObject.closeSync)(fd);
        open = false;
        (0,external_node_fs_namespaceObject.renameSync)(temp, file);
    }
    catch (error) {
        if (open) {
            try {
                (0,external_node_fs_namespaceObject.closeSync)(fd);
            }
            catch {
                // Already failing: the first error is the one to report.
            }
        }
        try {
            (0,external_node_fs_namespaceObject.unlinkSync)(temp);
        }
        catch {
            // Gone already, or never made.
        }
        throw error;
    }
    await removeStaleTemporaries(file);
}
/**
 * A run killed between writing and renaming leaves its temporary file behind: the next run removes
 * it, whether or not it has anything to write.
 */
async function removeStaleTemporaries(file) {
    const prefix = `.${external_node_path_default().basename(file)}.`;
    let names;
    try {
        names = (0,external_node_fs_namespaceObject.readdirSync)(external_node_path_default().dirname(file));
    }
    catch {
        return;
    }
    for (const name of names) {
        if (!name.startsWith(prefix) || !name.endsWith('.tmp'))
            continue;
        try {
            (0,external_node_fs_namespaceObject.unlinkSync)(external_node_path_default().join(external_node_path_default().dirname(file), name));
        }
        catch {
            // Removed meanwhile: nothing to do.
        }
    }
}
/**
 * Makes sure `file` lies inside `root` once symlinks are resolved: its deepest existing folder must
 * resolve inside `root`, and the file itself must not be a symlink. Returns a reason, or undefined.
 */
async function explainPathEscape(root, file) {
    const realRoot = (0,external_node_fs_namespaceObject.realpathSync)(root);
    const info = (() => {
        try {
            return (0,external_node_fs_namespaceObject.lstatSync)(file);
        }
        catch {
            // Missing, or a parent is not a folder: the write reports that with its own error.
            return undefined;
        }
    })();
    if (info?.isSymbolicLink())
        return 'it is a symlink';
    if (info && !info.isFile())
        return 'it exists and is not a regular file';
    let dir = external_node_path_default().dirname(file);
    for (;;) {
        const resolved = realpathOrUndefined(dir);
        if (resolved !== undefined) {
            const rel = external_node_path_default().relative(realRoot, resolved);
            return rel.startsWith('..') || external_node_path_default().isAbsolute(rel) ? `its folder resolves to '${resolved}', outside the repository` : undefined;
        }
        // A link to a missing folder: the write would create the folder where the link leads.
        if (isSymlink(dir))
            return `its folder '${external_node_path_default().relative(root, dir)}' is a symlink that leads nowhere`;
        const parent = external_node_path_default().dirname(dir);
        if (parent === dir)
            return undefined;
        dir = parent;
    }
}
function isSymlink(file) {
    try {
        return (0,external_node_fs_namespaceObject.lstatSync)(file).isSymbolicLink();
    }
    catch {
        return false;
    }
}
/** The path with symlinks resolved, or undefined when it does not resolve (missing, a loop, no access). */
function realpathOrUndefined(file) {
    try {
        return (0,external_node_fs_namespaceObject.realpathSync)(file);
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/common/inert.ts
var common_inert = __nccwpck_require__(3437);
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/gitops/branch-writer.ts



function apiBranchWriter(api) {
    return {
        describe: 'the GitHub API',
        async state(branch, rendered) {
            const head = await api.branchHead(branch);
            if (head === undefined)
                return undefined;
            if (head === rendered)
                return { head, changedFiles: [], diverged: false };
            const comparison = await api.compare(rendered, head);
            return {
                head,
                changedFiles: comparison.files,
                truncated: comparison.truncated,
                diverged: comparison.status !== 'ahead' && comparison.status !== 'identical',
            };
        },
        readFile: (commit, file) => api.readFile(commit, file),
        commit: (parent, file, content, message) => api.createCommit(parent, file, content, message),
        publish: (branch, _from, sha) => api.fastForward(branch, sha),
    };
}
const BOT_IDENTITY = {
    GIT_AUTHOR_NAME: 'github-actions[bot]',
    GIT_AUTHOR_EMAIL: '41898282+github-actions[bot]@users.noreply.github.com',
    GIT_COMMITTER_NAME: 'github-actions[bot]',
    GIT_COMMITTER_EMAIL: '41898282+github-actions[bot]@users.noreply.github.com',
};
/**
 * Commits with git's plumbing in the checkout (its object store and remote, never its working tree or
 * index) and pushes without force, so a push that is not a fast-forward is refused by the remote.
 */
function gitBranchWriter(repoDir, remote = 'origin') {
    const git = async (args, env = {}, input) => {
        // Loaded on first use: child_process costs every other run several milliseconds of start-up.
        const { execFile } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 1421, 23));
        return new Promise((resolve, reject) => {
            const child = execFile('git', args, { cwd: repoDir, env: { ...process.env, ...env, GIT_TERMINAL_PROMPT: '0' }, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
                if (error)
                    reject(Object.assign(new Error(`git ${args[0]} failed: ${stderr.trim() || error.message}`), { stderr }));
                else
                    resolve(stdout);
            });
            if (input !== undefined)
                child.stdin?.end(input);
        });
    };
    const trackingRef = (branch) => `refs/kaniko-gitops/${branch}`;
    return {
        describe: `git push to ${remote}`,
        async state(branch, rendered) {
            try {
                await git(['fetch', '--quiet', '--no-tags', remote, `+refs/heads/${branch}:${trackingRef(branch)}`]);
            }
            catch (error) {
                if (/couldn't find remote ref|not found/i.test(String(error.stderr)))
                    return undefined;
                throw error;
            }
            const head = (await git(['rev-parse', trackingRef(branch)])).trim();
            // Tree to tree: works in shallow clones, where history may be missing. NUL-separated: git quotes
            // a path with unusual characters otherwise, and a quoted path matches no pattern.
            const changedFiles = head === rendered ? [] : (await git(['diff', '--name-only', '-z', '--no-renames', rendered, head])).split('\0').filter(Boolean);
            const diverged = head !== rendered &&
                !(await git(['merge-base', '--is-ancestor', rendered, head]).then(() => true, () => false));
            return { head, changedFiles, diverged };
        },
        async readFile(commit, file) {
            try {
                return await git(['show', `${commit}:${file}`]);
            }
            catch {
                return undefined;
            }
        },
        async commit(parent, file, content, message) {
            const blob = (await git(['hash-object', '-w', '--stdin'], {}, content)).trim();
            const dir = (0,external_node_fs_namespaceObject.mkdtempSync)(external_node_path_default().join((0,external_node_os_namespaceObject.tmpdir)(), 'kaniko-gitops-index-'));
            try {
                const index = { GIT_INDEX_FILE: external_node_path_default().join(dir, 'index') };
                await git(['read-tree', parent], index);
                await git(['update-index', '--add', '--cacheinfo', `100644,${blob},${file}`], index);
                const tree = (await git(['write-tree'], index)).trim();
                const sha = (await git(['commit-tree', tree, '-p', parent, '-F', '-'], BOT_IDENTITY, message)).trim();
                return { sha };
            }
            finally {
                (0,external_node_fs_namespaceObject.rmSync)(dir, { recursive: true, force: true });
            }
        },
        async publish(branch, _from, sha) {
            try {
                await git(['push', '--quiet', '--porcelain', remote, `${sha}:refs/heads/${branch}`]);
                return 'ok';
            }
            catch (error) {
                const stderr = String(error.stderr ?? '');
                if (/non-fast-forward|fetch first|\[rejected\]|stale info/i.test(stderr))
                    return 'moved';
                throw error;
            }
        },
    };
}

// EXTERNAL MODULE: ./src/github/api.ts
var api = __nccwpck_require__(8943);
;// CONCATENATED MODULE: ./src/manifest/outcome.ts
/**
 * An image's status as the log, the summary, the CLI and the commit message show it: `changed`,
 * `renamed from api, forced`; `withPath` adds the Dockerfile a renamed image moved from.
 */
function statusText(image, withPath = false) {
    let status = image.status;
    if (image.status === 'renamed') {
        status = `renamed from ${image.previousName ?? ''}`;
        if (withPath && image.previousDockerfile !== undefined)
            status += ` (${image.previousDockerfile})`;
    }
    return image.forced ? `${status}, forced` : status;
}

;// CONCATENATED MODULE: ./src/common/limits.ts
/**
 * How much of each thing a run reads, at most. In `diff` mode a pull request chooses the files, and
 * each dimension it could grow (files, sizes, depth, rules) has a bound, so that a run fails with a
 * clear error instead of holding the job until the runner's timeout. docs/security.md § Limits lists
 * them with their reasons and their costs, measured on 2 cores.
 */
const LIMITS = {
    /** Bytes of one Dockerfile. */
    dockerfileBytes: 1024 * 1024,
    /** Bytes of all the Dockerfiles together: their text is kept for the plan. */
    dockerfilesBytes: 64 * 1024 * 1024,
    /** Characters that substituting global ARGs makes in one Dockerfile (values and image references). */
    substitutedChars: 1024 * 1024,
    /** Dockerfiles that the patterns match. */
    dockerfiles: 5000,
    /** Entries (files, folders, links) the search for Dockerfiles lists. */
    searchedEntries: 1_000_000,
    /** Folders below `path`, in the search and in a walked build context. */
    depth: 256,
    /** Bytes of a `.dockerignore` file. */
    ignoreFileBytes: 64 * 1024,
    /** Rules of a `.dockerignore` file. */
    ignoreRules: 1000,
    /** Files of the build contexts, all contexts together (a file in two contexts counts twice). */
    contextFiles: 5_000_000,
    /**
     * Steps of matching paths against ignore rules, all contexts together: a character of a path
     * against a rule is one (at most two per character: the path, then its folders), against a rule
     * of more than 32 states two per 32; a character past ASCII one more per halving of the binary
     * search it takes (see dockerignore.ts), whatever the characters, so that the bound is one of time.
     */
    ignoreSteps: 5_000_000_000,
    /** Bytes of the list of the commit's files (`git ls-tree`), about 100 a file: 2.5 million files. */
    commitListBytes: 256 * 1024 * 1024,
    /** Bytes of the files of the contexts read from the working tree (each file once). */
    contextBytes: 16 * 1024 ** 3,
    /** Bytes of the config file. */
    configBytes: 2 * 1024 * 1024,
    /** Levels of mappings and lists inside one another in the config (and in `image-config`): a config has about six. */
    configDepth: 64,
    /** Entries of one mapping or list of the config: a config has a few hundred in all. */
    configEntries: 10_000,
    /** Bytes of the manifest, read or written. */
    manifestBytes: 64 * 1024 * 1024,
    /** Bytes of `.gitmodules`. */
    gitmodulesBytes: 1024 * 1024,
};
/** `5,000`: a count as a message shows it. */
function count(n) {
    return n.toLocaleString('en-US');
}
/** A run that goes past one of the LIMITS. */
class LimitError extends Error {
}

;// CONCATENATED MODULE: ./src/common/repo-file.ts



/** Files up to this size are read whole into one shared buffer (larger ones are streamed by their readers). */
const READ_WHOLE_BYTES = 1024 * 1024;
let shared;
// O_NOFOLLOW: a final symlink fails the open (ELOOP) instead of being followed, and is resolved on
// purpose below. O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer; fstat
// then refuses it. Regular files read the same with it.
const OPEN_FLAGS = external_node_fs_namespaceObject.constants.O_RDONLY | (external_node_fs_namespaceObject.constants.O_NOFOLLOW ?? 0) | (external_node_fs_namespaceObject.constants.O_NONBLOCK ?? 0);
/** `1048576 (1 MiB)`: a limit as a message shows it. */
function showBytes(bytes) {
    const units = [
        [1024 ** 3, 'GiB'],
        [1024 ** 2, 'MiB'],
        [1024, 'KiB'],
    ];
    const unit = units.find(([size]) => bytes >= size && bytes % size === 0);
    return unit ? `${bytes} (${bytes / unit[0]} ${unit[1]})` : String(bytes);
}
function kindOf(info) {
    if (info.isDirectory())
        return 'a folder';
    if (info.isFIFO())
        return 'a FIFO';
    if (info.isSocket())
        return 'a socket';
    if (info.isCharacterDevice())
        return 'a character device';
    if (info.isBlockDevice())
        return 'a block device';
    return 'not a regular file';
}
/** Is `real` (a resolved path) `realRoot` or below it? */
function isInside(realRoot, real) {
    const rel = external_node_path_default().relative(realRoot, real);
    return rel !== '..' && !rel.startsWith(`..${(external_node_path_default()).sep}`) && !external_node_path_default().isAbsolute(rel);
}
/**
 * Opens `file` (below `root`; `name` is its repository-relative path, for errors) as a regular file
 * of at most `kind.limit` bytes: one open and one fstat, as a plain read would. A symlink is followed
 * only when it resolves inside `root`. The folders on the way are not checked here: the callers
 * build paths from folders a walk found (which never follows a symlinked folder), or check them
 * first (the config file, the manifest). Returns undefined when there is no such file (a symlink
 * that leads nowhere included), and throws an error naming the file otherwise.
 */
function openRepoFile(file, name, kind, root) {
    let fd;
    try {
        fd = (0,external_node_fs_namespaceObject.openSync)(file, OPEN_FLAGS);
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT')
            return undefined;
        if (code !== 'ELOOP')
            throw new Error(`cannot read ${kind.the} '${name}'`, { cause: error });
        const real = resolveInside(file, name, kind, root);
        if (real === undefined)
            return undefined;
        try {
            fd = (0,external_node_fs_namespaceObject.openSync)(real, OPEN_FLAGS);
        }
        catch (again) {
            throw new Error(`cannot read ${kind.the} '${name}'`, { cause: again });
        }
    }
    try {
        const info = (0,external_node_fs_namespaceObject.fstatSync)(fd);
        if (!info.isFile())
            throw new Error(`cannot read ${kind.the} '${name}': it is ${kindOf(info)}, not a regular file`);
        if (info.size > kind.limit)
            throw tooLarge(kind, name, info.size);
        return { fd, info };
    }
    catch (error) {
        (0,external_node_fs_namespaceObject.closeSync)(fd);
        throw error;
    }
}
/** Where the symlink `file` leads, when that is inside `root`; undefined when it leads nowhere. */
function resolveInside(file, name, kind, root) {
    let real;
    try {
        real = external_node_fs_namespaceObject.realpathSync.native(file);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw new Error(`cannot read ${kind.the} '${name}': it is a symlink that cannot be resolved`, { cause: error });
    }
    if (!isInside(external_node_fs_namespaceObject.realpathSync.native(root), real)) {
        throw new Error(`cannot read ${kind.the} '${name}': it is a symlink that leads out of the repository, and nothing outside it is read`);
    }
    return real;
}
function tooLarge(kind, name, size) {
    return new LimitError(`${kind.the} '${name}' has ${size} bytes, more than the ${showBytes(kind.limit)} ${kind.a} may have`);
}
/**
 * Reads an open file that fstat says has `size` bytes into a buffer shared by every caller, valid
 * until the next call: one read for a small file, without a second fstat or a read of 0 bytes. A
 * file that grew meanwhile comes back longer than `size` (up to one byte past READ_WHOLE_BYTES).
 */
function readOpenFile(fd, size) {
    shared ??= Buffer.allocUnsafe(READ_WHOLE_BYTES + 1);
    return readInto(fd, size, shared);
}
function readInto(fd, size, buffer) {
    let length = 0;
    for (let n = -1; n !== 0 && length < size && length < buffer.length; length += n) {
        n = (0,external_node_fs_namespaceObject.readSync)(fd, buffer, length, buffer.length - length, null);
    }
    return buffer.subarray(0, length);
}
/**
 * Reads a whole file of the repository (see openRepoFile) into a buffer of its own, or returns
 * undefined when there is none. Reads at most the size fstat gave (within the limit) and one byte
 * more, to tell a file that changed meanwhile.
 */
function readRepoFile(file, name, kind, root) {
    const opened = openRepoFile(file, name, kind, root);
    if (opened === undefined)
        return undefined;
    try {
        const size = opened.info.size;
        const own = size >= READ_WHOLE_BYTES;
        const data = own ? readInto(opened.fd, size, Buffer.allocUnsafe(size + 1)) : readOpenFile(opened.fd, size);
        if (data.length !== size)
            throw new Error(`cannot read ${kind.the} '${name}': it changed while it was read`);
        return own ? data : Buffer.from(data);
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(opened.fd);
    }
}

;// CONCATENATED MODULE: ./src/common/sha256.ts

/** sha256 in hex; the one-shot crypto.hash (Node 21.7+) is faster than a Hash object for small inputs. */
function sha256Hex(data) {
    return typeof external_node_crypto_.hash === 'function' ? external_node_crypto_.hash('sha256', data, 'hex') : external_node_crypto_.createHash('sha256').update(data).digest('hex');
}

;// CONCATENATED MODULE: ./src/common/names.ts

// Kubernetes' name rules, and the image names made to fit them.
/** Longest image name; leaves room for the Pod name's `-<10 hex>` suffix within 63 characters. */
const MAX_IMAGE_NAME_LENGTH = 52;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
function isDns1123Label(value) {
    return value.length <= 63 && DNS1123_LABEL.test(value);
}
/**
 * Turns any text into DNS-1123 label characters: lower case, accents dropped, every other run of
 * characters outside [a-z0-9] folded into one '-', no '-' at either end. May return ''.
 */
function normalizeName(raw) {
    // Only text beyond ASCII has accents to drop (most paths are ASCII, and normalize() is not free).
    const ascii = !/[^\p{ASCII}]/u.test(raw);
    return (ascii ? raw : raw.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''))
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '');
}
function shortHash(text, length) {
    return sha256Hex(text).slice(0, length);
}
/** Cuts a name to `max` characters, keeping it unique with a hash of the whole name. */
function limitName(name, max = MAX_IMAGE_NAME_LENGTH) {
    if (name.length <= max)
        return name;
    const suffix = shortHash(name, 6);
    const head = name.slice(0, max - suffix.length - 1).replace(/-+$/, '');
    return `${head}-${suffix}`;
}

;// CONCATENATED MODULE: ./src/scan/dockerfile.ts
/**
 * What the action needs from a Dockerfile: the images it names (FROM, COPY --from, RUN --mount
 * from=), with the global ARGs (those before the first FROM) substituted the way the builder does,
 * so that `FROM $BASE_IMAGE` with `ARG BASE_IMAGE=$REGISTRY/$OWNER/base-notebook` resolves to the
 * image it names.
 *
 * Lines are read as BuildKit's parser (which kaniko uses) reads them: parser directives (`# escape=`),
 * continuation lines (comment and empty lines inside one are dropped), comments, and heredocs, whose
 * bodies are skipped. Only the few instructions that can name an image are split into words.
 */

/**
 * `$NAME`, `${NAME}`, `${NAME:-default}` and `${NAME:+alternative}`, with `vars`; unknown names become ''.
 * What the values add is taken from `budget`: ARGs that each repeat the one before twice double at
 * every line, and a few dozen lines would fill the memory.
 */
function substitute(text, vars, budget = { left: LIMITS.substitutedChars }) {
    const expand = (braced, op, word, bare) => {
        const value = vars.get((braced ?? bare));
        const result = op === '-' ? (value ? value : word) : op === '+' ? (value ? word : '') : (value ?? '');
        // Counted before the parts are joined: the long text is never made.
        budget.left -= result.length;
        if (budget.left < 0) {
            throw new LimitError(`its global ARGs, substituted into each other and into image references, come to more than ${count(LIMITS.substitutedChars)} characters: expected at most that`);
        }
        return result;
    };
    // `${NAME:-` looks for its `}` up to the end of the text: past the last `}` none can match, and
    // each would look to the end (quadratic time on a long line). There only `$NAME` is looked for.
    const end = text.lastIndexOf('}') + 1;
    return (text.slice(0, end).replace(SUBSTITUTION, (_m, braced, op, word, bare) => expand(braced, op, word, bare)) +
        text.slice(end).replace(BARE_SUBSTITUTION, (_m, bare) => expand(undefined, undefined, undefined, bare)));
}
const SUBSTITUTION = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;
const BARE_SUBSTITUTION = /\$([A-Za-z_][A-Za-z0-9_]*)/g;
const UNQUOTE = (value) => value.replace(/^(['"])(.*)\1$/, '$2');
const SINGLE_ARG = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))$/;
/**
 * BuildKit's parser directive, `# name=value` among the first lines (only syntax, escape and check
 * are directives): its regular expression, `^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$`, as a
 * JavaScript one would answer, in linear time (the lazy value made that one quadratic in the length
 * of a line of white space). Returns the name and the value, or undefined.
 */
function parseDirective(line) {
    const head = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=/.exec(line);
    if (!head)
        return undefined;
    const rest = line.slice(head[0].length);
    const value = rest.trim();
    // `.` takes no line terminator; the white space around the value may hold some.
    const TERMINATOR = /[\n\r\u2028\u2029]/;
    if (value !== '')
        return TERMINATOR.test(value) ? undefined : [head[1], value];
    // Only white space: the expression gives the value its last character that is no terminator.
    const last = [...rest].reverse().find((c) => !TERMINATOR.test(c));
    return last === undefined ? undefined : [head[1], last];
}
const KEYWORD = /^(arg|from|copy|run|add|onbuild)[\t\v\f\r ]/i;
const HEREDOC = /^(\d*)<<(-?)\s*([^<]*)$/;
/** The line without its trailing CR (Go's `TrimRight(line, "\r\n")` on a line split at LF). */
function trimNewline(line) {
    return line.endsWith('\r') ? line.replace(/\r+$/, '') : line;
}
/**
 * BuildKit's continuation rule: the escape character ends the line (trailing blanks allowed),
 * unless it is itself escaped. Returns the line without it, or undefined when it does not continue.
 */
function continued(line, escapeChar) {
    let end = line.length;
    while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t'))
        end--;
    if (end === 0 || line[end - 1] !== escapeChar || (end >= 2 && line[end - 2] === escapeChar))
        return undefined;
    return line.slice(0, end - 1);
}
/** The words of a shell line, quotes kept, as BuildKit's lexer splits it to find heredocs. */
const SHELL_WORD = /(?:[^\s'"\\]+|\\[\s\S]?|'[^']*'?|"(?:[^"\\]|\\[\s\S])*"?)+/g;
/** A heredoc word's name without its quotes and escapes (`"EOF"`, `'EOF'`, `E\OF` -> `EOF`). */
function heredocName(word) {
    return word.replace(/'([^']*)'?|"((?:[^"\\]|\\[\s\S])*)"?|\\([\s\S]?)/g, (_m, single, double, escaped) => single !== undefined ? single : double !== undefined ? double.replace(/\\(["\\$`])/g, '$1') : (escaped ?? ''));
}
/**
 * The heredocs an instruction opens (`<<EOF`, `<<-EOF`, `<<"EOF"`, several on one line), in order;
 * as in BuildKit, only RUN, COPY and ADD (also after ONBUILD) in shell form take them.
 */
function heredocs(keyword, rest, escapeChar) {
    let inner = keyword;
    let args = rest;
    if (keyword === 'ONBUILD') {
        const space = rest.search(/\s/);
        inner = (space === -1 ? rest : rest.slice(0, space)).toUpperCase();
        args = space === -1 ? '' : rest.slice(space + 1);
    }
    if (inner !== 'RUN' && inner !== 'COPY' && inner !== 'ADD')
        return [];
    const command = splitFlags(args, escapeChar).rest;
    if (command.startsWith('[') && isJsonArray(command))
        return [];
    const found = [];
    for (const [word] of rest.matchAll(SHELL_WORD)) {
        const match = HEREDOC.exec(word);
        const name = match?.[3] ? heredocName(match[3]) : '';
        if (match && name !== '')
            found.push({ name, chomp: match[2] === '-' });
    }
    return found;
}
function isJsonArray(text) {
    try {
        return Array.isArray(JSON.parse(text));
    }
    catch {
        return false;
    }
}
/**
 * Calls `take` with each instruction of a Dockerfile (keyword in upper case, the rest, its first
 * line, the escape character), the way BuildKit's parser splits them.
 */
function forEachInstruction(text, take) {
    const lines = text.split('\n');
    let escapeChar = '\\';
    let directives = true;
    for (let i = 0; i < lines.length; i++) {
        const first = trimNewline(i === 0 ? lines[0].replace(/^\uFEFF/, '') : lines[i]).trimStart();
        if (directives) {
            // Directives come first: the first line that is not one (a blank line too) ends them.
            const directive = parseDirective(first);
            const name = directive?.[0].toLowerCase();
            directives = name === 'escape' || name === 'syntax' || name === 'check';
            if (name === 'escape' && (directive?.[1] === '`' || directive?.[1] === '\\'))
                escapeChar = directive[1];
        }
        if (first === '' || first[0] === '#')
            continue;
        const start = i + 1;
        let more = continued(first, escapeChar);
        let line = more ?? first;
        while (more !== undefined && ++i < lines.length) {
            const next = trimNewline(lines[i]);
            const lead = next.trimStart();
            // Comment and empty lines inside a continued instruction are dropped, not joined.
            if (lead === '' || lead[0] === '#')
                continue;
            more = continued(next, escapeChar);
            line += more ?? next;
        }
        // Only these instructions name images or open heredocs: the others are not split into words.
        const keyword = KEYWORD.exec(line)?.[1]?.toUpperCase();
        if (keyword === undefined)
            continue;
        const rest = line.slice(keyword.length).trim();
        if (rest.includes('<<')) {
            for (const doc of heredocs(keyword, rest, escapeChar))
                i = skipHeredoc(lines, i, doc);
        }
        take(keyword, rest, start, escapeChar);
    }
}
/** The index of a heredoc's terminator line (its body is not Dockerfile text), or the last line when it has none. */
function skipHeredoc(lines, from, doc) {
    let i = from + 1;
    for (; i < lines.length; i++) {
        const candidate = trimNewline(lines[i]);
        if ((doc.chomp ? candidate.replace(/^\t+/, '') : candidate) === doc.name)
            return i;
    }
    return i;
}
/**
 * BuildKit's builder flags: the leading `--name=value` words (quotes and escapes resolved), and the
 * rest of the line.
 */
function splitFlags(args, escapeChar) {
    const flags = [];
    let pos = 0;
    for (;;) {
        while (pos < args.length && isBlank(args.charCodeAt(pos)))
            pos++;
        if (!args.startsWith('--', pos))
            return { flags, rest: args.slice(pos) };
        let word = '';
        let quote = '';
        for (; pos < args.length; pos++) {
            let ch = args[pos];
            if (quote === '' && isBlank(args.charCodeAt(pos)))
                break;
            if (quote === '' && (ch === '"' || ch === "'"))
                quote = ch;
            else if (quote !== '' && ch === quote)
                quote = '';
            else {
                if (ch === escapeChar && pos + 1 < args.length)
                    ch = args[++pos];
                else if (ch === escapeChar)
                    continue;
                word += ch;
            }
        }
        if (word === '--')
            return { flags, rest: args.slice(pos).trimStart() };
        flags.push(word);
    }
}
/** Space, tab, CR, LF, VT, FF: the white space between builder flags. */
function isBlank(code) {
    return code === 32 || (code >= 9 && code <= 13);
}
/** The value of `--name=` among builder flags (the last one given). */
function flagValue(flags, name) {
    let value;
    for (const flag of flags)
        if (flag.startsWith(`--${name}=`))
            value = flag.slice(name.length + 3);
    return value;
}
/** The `from` of a `--mount` spec (CSV `key=value` fields) whose type reads from an image: bind (the default) or cache. */
function mountFrom(spec) {
    let type = 'bind';
    let from;
    for (const raw of spec.match(/"(?:[^"]|"")*"|[^,]+/g) ?? []) {
        const field = raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw;
        const eq = field.indexOf('=');
        const key = field.slice(0, eq).toLowerCase();
        if (key === 'type')
            type = field.slice(eq + 1).toLowerCase();
        else if (key === 'from')
            from = field.slice(eq + 1);
    }
    return type === 'bind' || type === 'cache' ? from : undefined;
}
/**
 * The images a Dockerfile names, global ARGs substituted: each FROM (also those of earlier stages,
 * whose `stage` names the stage they start), each `COPY --from=` and each `RUN --mount=...,from=`
 * (these may name a stage too; the caller tells them apart). `buildArgs` are the `--build-arg`
 * values the build gets: as in the builder, they replace the default of a global ARG the Dockerfile
 * declares.
 */
function parseImageReferences(text, buildArgs = {}, file) {
    const globals = new Map();
    const found = [];
    const budget = { left: LIMITS.substitutedChars };
    let fromSeen = false;
    const add = (instruction, raw, line, stage) => {
        const arg = SINGLE_ARG.exec(raw);
        found.push({
            instruction,
            raw,
            image: substitute(raw, globals, budget),
            ...(arg ? { arg: (arg[1] ?? arg[2]) } : {}),
            ...(stage ? { stage } : {}),
            line,
        });
    };
    forEachInstruction(text, (keyword, rest, line, escapeChar) => {
        try {
            fromSeen = readInstruction(keyword, rest, line, escapeChar, fromSeen);
        }
        catch (error) {
            if (error instanceof LimitError)
                throw new LimitError(`the Dockerfile${file === undefined ? '' : ` '${file}'`}, line ${line}: ${error.message}`);
            throw error;
        }
    });
    return found;
    /** Takes what one instruction names; returns whether a FROM has been seen. */
    function readInstruction(keyword, rest, line, escapeChar, fromSeen) {
        if (keyword === 'ARG' && !fromSeen) {
            for (const decl of rest.split(/\s+/))
                declareGlobal(globals, decl, buildArgs, budget);
        }
        else if (keyword === 'FROM') {
            fromSeen = true;
            const words = splitFlags(rest, escapeChar).rest.split(/\s+/);
            const stage = words.length >= 3 && words[1]?.toUpperCase() === 'AS' ? words[2]?.toLowerCase() : undefined;
            add('FROM', words[0] ?? '', line, stage);
        }
        else if (keyword === 'COPY' && rest.includes('--from')) {
            const from = flagValue(splitFlags(rest, escapeChar).flags, 'from');
            if (from)
                add('COPY --from', from, line);
        }
        else if (keyword === 'RUN' && rest.includes('--mount')) {
            for (const flag of splitFlags(rest, escapeChar).flags) {
                const from = flag.startsWith('--mount=') ? mountFrom(flag.slice(8)) : undefined;
                if (from)
                    add('RUN --mount', from, line);
            }
        }
        return fromSeen;
    }
}
/** One `NAME[=default]` of a global ARG, as the builder sets it: a build arg wins over the default. */
function declareGlobal(globals, decl, buildArgs, budget) {
    const eq = decl.indexOf('=');
    const name = eq === -1 ? decl : decl.slice(0, eq);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
        return;
    const given = Object.hasOwn(buildArgs, name) ? buildArgs[name] : undefined;
    globals.set(name, given !== undefined ? given : eq === -1 ? (globals.get(name) ?? '') : substitute(UNQUOTE(decl.slice(eq + 1)), globals, budget));
}
/** The FROM lines of a Dockerfile, global ARGs substituted (see parseImageReferences). */
function parseFromLines(text, buildArgs = {}, file) {
    return parseImageReferences(text, buildArgs, file).filter((r) => r.instruction === 'FROM');
}

;// CONCATENATED MODULE: ./src/common/reference.ts
/**
 * Validation of container image references, after the grammar of distribution/reference:
 * `host[:port]/path-component/...[:tag][@sha256:digest]`.
 */
const DOMAIN_COMPONENT = '(?:[a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-f:]+\\])(?::[0-9]{1,5})?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const TAG = '[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}';
const DIGEST = 'sha256:[a-f0-9]{64}';
const REGISTRY_PREFIX = new RegExp(`^(${DOMAIN})((?:/${PATH_COMPONENT})*)$`);
const IMAGE_REFERENCE = new RegExp(`^(${DOMAIN}/)?(${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)(?::(${TAG}))?(?:@(${DIGEST}))?$`);
/** Does the first component name a registry host (as opposed to a Docker Hub namespace)? */
function isHost(component) {
    return component.includes('.') || component.includes(':') || component === 'localhost' || component.startsWith('[');
}
/** Explains what is wrong with a registry prefix such as `docker.io/acme`, or returns undefined. */
function explainRegistryPrefix(value) {
    if (value === '')
        return 'it is empty';
    if (/\s/.test(value))
        return 'it contains white space';
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value))
        return 'it has a URL scheme; leave out the scheme, as in docker.io/acme';
    if (value.endsWith('/'))
        return 'it ends with a slash';
    if (value.includes('//'))
        return "it contains '//'";
    if (value !== value.toLowerCase())
        return 'it contains upper-case letters; image references are lower case';
    const first = value.split('/')[0] ?? '';
    if (!isHost(first))
        return `'${first}' is not a registry host; start with one, as in docker.io/${value}`;
    const hostProblem = explainRegistryHost(first);
    if (hostProblem)
        return hostProblem;
    if (!REGISTRY_PREFIX.test(value)) {
        return 'it is not a registry host followed by path components of [a-z0-9] separated by ., _, __ or -';
    }
    if (value.length > 200)
        return 'it is longer than 200 characters, leaving no room for image names';
    if (value === first && NAMESPACED_REGISTRIES.test(first)) {
        return `it has no namespace, and ${first} keeps every image under one (a user, organisation or project); add it, as in ${first}/acme`;
    }
    return undefined;
}
const HOST_AND_PORT = new RegExp(`^(${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-f:]+\\])(?::([0-9]+))?$`);
/**
 * Public registries that take no image at the top level: Docker Hub reads `docker.io/api` as the
 * official image `library/api`, and the others need an owner, project or group first.
 */
const NAMESPACED_REGISTRIES = /^(?:docker\.io|index\.docker\.io|registry-1\.docker\.io|registry\.hub\.docker\.com|ghcr\.io|quay\.io|(?:[a-z]+\.)?gcr\.io|[a-z0-9-]+-docker\.pkg\.dev|registry\.gitlab\.com)$/;
/**
 * Explains what is wrong with a registry host (`registry.kaniko.svc:5000`, `localhost`, `[::1]:5000`),
 * or returns undefined. One rule for the `registry` prefix and the `insecure-registry` hosts.
 */
function explainRegistryHost(host) {
    const match = HOST_AND_PORT.exec(host);
    if (!match || !isHost(host))
        return `'${host}' is not a registry host (a name, an IPv4 address or an [IPv6] address, and an optional :port)`;
    const address = match[1];
    if (address.startsWith('[') && !isIpv6(address.slice(1, -1)))
        return `'${address}' is not an IPv6 address`;
    const port = match[2];
    if (port !== undefined && !(Number(port) >= 1 && Number(port) <= 65535)) {
        return `'${host}' has the port ${port}, and a port is 1 to 65535`;
    }
    return undefined;
}
/** An IPv6 address in hexadecimal groups, with at most one `::` (no embedded IPv4, no zone). */
function isIpv6(text) {
    const halves = text.split('::');
    if (halves.length > 2)
        return false;
    const groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
    if (!groups.every((group) => /^[0-9a-f]{1,4}$/i.test(group)))
        return false;
    return halves.length === 2 ? groups.length <= 7 : groups.length === 8;
}
/**
 * Explains what is wrong with a pinned image reference (`repo:tag` or `repo@sha256:...`), or returns
 * undefined. `latest` and references without tag or digest are refused: a build Pod must run the same
 * tool every time.
 */
function explainPinnedImage(value) {
    if (value === '')
        return 'it is empty';
    const match = IMAGE_REFERENCE.exec(value);
    if (!match)
        return 'it is not an image reference of the form registry/name:tag or registry/name@sha256:<digest>';
    const tag = match[3];
    const digest = match[4];
    if (tag === undefined && digest === undefined)
        return 'it has neither a tag nor a digest; pin a version';
    if (tag === 'latest' && digest === undefined)
        return "its tag is 'latest'; pin a version";
    return undefined;
}
/** The host part of an image reference or registry prefix (`docker.io/acme` -> `docker.io`). */
function registryHost(reference) {
    return reference.split('/')[0] ?? reference;
}
const DOCKER_HUB = 'docker.io';
/** Other names of Docker Hub's registry: the legacy index, and the host its API is served from. */
const DOCKER_HUB_ALIASES = new Set(['index.docker.io', 'registry-1.docker.io']);
/** Whether a registry host is one of Docker Hub's names. */
function isDockerHubHost(host) {
    const lower = host.toLowerCase();
    return lower === DOCKER_HUB || DOCKER_HUB_ALIASES.has(lower);
}
const REPOSITORY_PATH = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
const HOST = new RegExp(`^${DOMAIN}$`);
/**
 * The repository an image reference names, spelled the way the registry resolves it (as
 * distribution/reference normalises names): tag and digest dropped, Docker Hub's shorthand made
 * explicit and its other host names folded in. `ubuntu:24.04` -> `docker.io/library/ubuntu`,
 * `acme/base` -> `docker.io/acme/base`, `index.docker.io/acme/base@sha256:…` -> `docker.io/acme/base`,
 * `ghcr.io/acme/base:1` -> `ghcr.io/acme/base`. Undefined for a text that is not a reference (an
 * ARG that was not set, a path in upper case).
 */
function canonicalRepository(reference) {
    const at = reference.indexOf('@');
    const named = at === -1 ? reference : reference.slice(0, at);
    const slash = named.indexOf('/');
    const first = slash === -1 ? '' : named.slice(0, slash);
    // As distribution/reference: a first component with '.' or ':', `localhost`, or upper case is a host.
    const hasHost = first !== '' && (isHost(first) || first !== first.toLowerCase());
    const host = hasHost ? first.toLowerCase() : DOCKER_HUB;
    let path = hasHost ? named.slice(slash + 1) : named;
    const colon = path.lastIndexOf(':');
    if (colon !== -1)
        path = path.slice(0, colon);
    if ((hasHost && !HOST.test(host)) || !REPOSITORY_PATH.test(path))
        return undefined;
    if (host === DOCKER_HUB || DOCKER_HUB_ALIASES.has(host))
        return `${DOCKER_HUB}/${path.includes('/') ? path : `library/${path}`}`;
    return `${host}/${path}`;
}
/**
 * A reference with a tag and no digest (`host/team/api:tag`) as the check asks for it: its repository
 * and its tag. Undefined for anything else, so that what reaches the check's environment is a reference.
 */
function splitTaggedReference(value) {
    const match = IMAGE_REFERENCE.exec(value);
    if (!match || match[3] === undefined || match[4] !== undefined)
        return undefined;
    return { repository: value.slice(0, value.length - match[3].length - 1), tag: match[3] };
}

;// CONCATENATED MODULE: ./src/plan/graph.ts




/**
 * Finds the images built on images of the same repository (a FROM, COPY --from or RUN --mount from=
 * that names `<registry>/<name>` of another Dockerfile here, in any spelling the registry resolves to
 * the same repository), so that a parent's change rebuilds every descendant and children build after
 * their parents. Any other image, under the registry or not, is built elsewhere: no edge. A cycle is
 * an error that names the files.
 */
function resolveImageGraph(nodes, registry) {
    const byRepository = new Map(nodes.map((n) => [canonicalRepository(`${registry}/${n.name}`), n]));
    // The registry's namespace as its repositories are spelled: `docker.io` -> `docker.io/library/`.
    const namespace = canonicalRepository(`${registry}/x`).slice(0, -1);
    const parents = new Map();
    const warnings = [];
    const nearImage = nearImageFinder(nodes);
    for (const node of nodes) {
        const edges = [];
        const stages = new Set();
        for (const ref of node.references) {
            const lower = ref.image.toLowerCase();
            // A FROM of an earlier stage, or a COPY --from / mount of one (by name or index), is no image.
            const ofStage = stages.has(lower) || (ref.instruction !== 'FROM' && /^\d+$/.test(ref.image));
            const repository = ofStage ? undefined : canonicalRepository(ref.image);
            const parent = repository === undefined ? undefined : byRepository.get(repository);
            // An image built on its own earlier push (a cache pattern) takes what the registry has: no edge.
            if (parent === node) {
                // Neither a parent nor an image built elsewhere.
            }
            else if (parent) {
                edges.push({ parent: parent.path, ...(ref.arg ? { arg: ref.arg } : {}) });
                if (!ref.arg)
                    warnings.push(fixedReferenceWarning(node, ref, parent, registry));
            }
            else if (repository?.startsWith(namespace)) {
                const wanted = repository.slice(namespace.length);
                const near = nearImage(wanted, node);
                if (near)
                    warnings.push(nearNameWarning(node, ref, repository, wanted, near, registry));
            }
            if (ref.stage)
                stages.add(ref.stage);
        }
        parents.set(node.path, edges);
    }
    const effective = new Map();
    const depth = new Map();
    const byPath = new Map(nodes.map((n) => [n.path, n]));
    const visiting = [];
    const visit = (path) => {
        if (effective.has(path))
            return;
        const cycleAt = visiting.indexOf(path);
        if (cycleAt !== -1) {
            throw new InputError(`The Dockerfiles build on each other in a cycle: ${[...visiting.slice(cycleAt), path].join(' -> ')}.`);
        }
        visiting.push(path);
        const edges = parents.get(path) ?? [];
        for (const edge of edges)
            visit(edge.parent);
        visiting.pop();
        const node = byPath.get(path);
        if (edges.length === 0) {
            effective.set(path, node.own);
            depth.set(path, 0);
            return;
        }
        const parentHashes = [...new Set(edges.map((e) => effective.get(e.parent)))].sort();
        effective.set(path, sha256Hex(`kaniko-gitops parents v1\n${node.own}\n${parentHashes.join('\n')}\n`));
        depth.set(path, 1 + Math.max(...edges.map((e) => depth.get(e.parent))));
    };
    for (const node of [...nodes].sort((a, b) => (a.path < b.path ? -1 : 1)))
        visit(node.path);
    return { effective, depth, parents, warnings };
}
/** How a reference is written in the Dockerfile, for messages: `FROM x`, `COPY --from=x`, `RUN --mount from=x`. */
function written(ref) {
    return ref.instruction === 'FROM'
        ? `FROM ${ref.raw}`
        : ref.instruction === 'COPY --from'
            ? `COPY --from=${ref.raw}`
            : `RUN --mount from=${ref.raw}`;
}
function fixedReferenceWarning(node, ref, parent, registry) {
    const repository = `${registry}/${parent.name}`;
    const fix = ref.instruction === 'FROM'
        ? `Write ARG BASE_IMAGE=${repository} and FROM $BASE_IMAGE, and the build gets its content tag.`
        : `Write ARG BASE_IMAGE=${repository}, a stage FROM $BASE_IMAGE AS base-image, and ${ref.instruction === 'COPY --from' ? 'COPY --from=base-image' : 'from=base-image'}, and the build gets its content tag (builders do not expand ARGs in from).`;
    return `'${node.path}' line ${ref.line}: ${written(ref)} names ${repository}, which this repository builds, with a fixed reference: the build takes that one, not the image just built from ${parent.path}. ${fix}`;
}
function nearNameWarning(node, ref, repository, wanted, near, registry) {
    // The per-image `name` setting could give the in-repo image the name written, when it is a valid one.
    const rename = isDns1123Label(wanted) && wanted.length <= MAX_IMAGE_NAME_LENGTH
        ? `, or name that image ${wanted} with the per-image setting \`name\` (images › ${near.path} › name: ${wanted})`
        : '';
    return `'${node.path}' line ${ref.line}: ${written(ref)} names ${repository}, which no Dockerfile of this repository builds: it is taken as an image built elsewhere (no parent, no pinned tag, no wave). If it means the image of ${near.path} (${registry}/${near.name}), write that name${rename}.`;
}
/**
 * Finds the in-repo image a name under the registry most likely means: one whose Dockerfile's folder
 * has that name (its image got another: a configured `name`, or a longer one that tells apart two
 * folders of the same name), else one whose name is a typo away (at most 2 edits, and at most one per
 * 4 characters); the image that names it is left out. Runs only for references under the registry
 * that match no image, and once per name: a thousand Dockerfiles on one shared base built elsewhere
 * cost one search.
 */
function nearImageFinder(nodes) {
    const found = new Map();
    const search = (name) => {
        const byFolder = nodes.filter((node) => {
            const parts = node.path.split('/');
            return parts.length > 1 && normalizeName(parts[parts.length - 2]) === name;
        });
        const byName = nodes
            .map((node) => ({ node, distance: editDistance(name, node.name, 2) }))
            .filter((x) => x.distance <= 2 && x.distance * 4 <= Math.max(name.length, x.node.name.length))
            .sort((x, y) => x.distance - y.distance)
            .map((x) => x.node);
        return [...byFolder, ...byName];
    };
    return (name, self) => {
        let candidates = found.get(name);
        if (!candidates) {
            candidates = search(name);
            found.set(name, candidates);
        }
        return candidates.find((node) => node !== self);
    };
}
/** Levenshtein distance, or `limit + 1` once it is known to exceed `limit`. */
function editDistance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit)
        return limit + 1;
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        let rowMin = i;
        for (let j = 1; j <= b.length; j++) {
            const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
            current.push(value);
            rowMin = Math.min(rowMin, value);
        }
        if (rowMin > limit)
            return limit + 1;
        previous = current;
    }
    return Math.min(previous[b.length], limit + 1);
}

;// CONCATENATED MODULE: ./src/plan/naming.ts

/**
 * The variant part a Dockerfile's file name adds to its image name:
 * `Dockerfile` -> '', `Dockerfile.dev` -> 'dev', `worker.Dockerfile` -> 'worker'.
 */
function fileVariant(fileName) {
    const lower = fileName.toLowerCase();
    if (lower === 'dockerfile' || lower === 'containerfile')
        return '';
    for (const base of ['dockerfile', 'containerfile']) {
        if (lower.startsWith(`${base}.`))
            return fileName.slice(base.length + 1);
        if (lower.endsWith(`.${base}`))
            return fileName.slice(0, -(base.length + 1));
    }
    return fileName;
}
/**
 * A part of a path (a folder, a file variant) as it enters an image name: normalised, or, when
 * nothing of it is left (`сервис`, `服务`, `__`), `img-` and a hash of its text, so that it still
 * names that folder rather than falling back to the repository's name.
 */
function readablePart(part) {
    return normalizeName(part) || `img-${shortHash(part, 6)}`;
}
function pathParts(path) {
    const folders = path.split('/');
    const file = folders.pop() ?? path;
    return { path, folders, variant: fileVariant(file) };
}
/** The name of a path from its last `depth` folders (the root name for a file at the top) and its variant. */
function nameAtDepth(parts, depth, root) {
    const folders = parts.folders.length === 0 ? [root] : parts.folders.slice(-depth).map(readablePart);
    return limitName(parts.variant === '' ? folders.join('-') : `${folders.join('-')}-${readablePart(parts.variant)}`);
}
/** `name` cut to leave room for `-<hash of the path>`, with that hash. */
function nameWithPathHash(name, path, length = 6) {
    return `${name.slice(0, MAX_IMAGE_NAME_LENGTH - length - 1).replace(/-+$/, '')}-${shortHash(path, length)}`;
}
/**
 * Assigns every Dockerfile path an image name that is a valid DNS-1123 label of at most
 * MAX_IMAGE_NAME_LENGTH characters, unique, and a function of the set of paths alone. A name starts
 * from the Dockerfile's folder and its file variant (`services/api/Dockerfile.dev` -> `api-dev`);
 * names that collide take in parent folders one at a time (`images/a/cuda/Dockerfile`,
 * `images/b/cuda/Dockerfile` -> `a-cuda`, `b-cuda`); names that still collide get a hash of their path.
 * These are the names of new images: an image keeps the name the previous manifest gives it (see plan.ts).
 *
 * @param rootName name for a Dockerfile at the repository root (usually the repository's name)
 */
function assignImageNames(paths, rootName) {
    const root = normalizeName(rootName) || 'image';
    const entries = [...new Set(paths)].sort().map((path) => ({ parts: pathParts(path), path, depth: 1, name: '' }));
    for (const e of entries)
        e.name = nameAtDepth(e.parts, e.depth, root);
    for (;;) {
        const groups = groupBy(entries, (e) => e.name);
        let extended = false;
        for (const group of groups.values()) {
            if (group.length < 2)
                continue;
            for (const e of group) {
                if (e.depth < e.parts.folders.length) {
                    e.depth++;
                    e.name = nameAtDepth(e.parts, e.depth, root);
                    extended = true;
                }
            }
        }
        if (!extended)
            break;
    }
    for (const group of groupBy(entries, (e) => e.name).values()) {
        if (group.length < 2)
            continue;
        for (const e of group)
            e.name = nameWithPathHash(e.name, e.path);
    }
    const result = new Map();
    const seen = new Map();
    for (const e of entries) {
        const other = seen.get(e.name);
        if (other !== undefined) {
            throw new Error(`image name '${e.name}' is derived from both '${other}' and '${e.path}'; rename one of them`);
        }
        seen.set(e.name, e.path);
        result.set(e.path, e.name);
    }
    return result;
}
/**
 * The first name for `path` that is not `taken`: its folder (and variant) with more and more parent
 * folders, then with a hash of its path, longer while that is taken too. For a new Dockerfile whose
 * own name another image already has.
 */
function distinctImageName(path, rootName, taken) {
    const root = normalizeName(rootName) || 'image';
    const parts = pathParts(path);
    for (let depth = 1; depth <= Math.max(1, parts.folders.length); depth++) {
        const name = nameAtDepth(parts, depth, root);
        if (!taken(name))
            return name;
    }
    const full = nameAtDepth(parts, parts.folders.length, root);
    for (let length = 6; length <= 16; length += 2) {
        const name = nameWithPathHash(full, path, length);
        if (!taken(name))
            return name;
    }
    throw new Error(`every name derived from '${path}' is taken by another image (such as '${full}'); give it a name in the config`);
}
function groupBy(items, key) {
    const groups = new Map();
    for (const item of items) {
        const k = key(item);
        const group = groups.get(k);
        if (group)
            group.push(item);
        else
            groups.set(k, [item]);
    }
    return groups;
}

;// CONCATENATED MODULE: ./src/plan/plan.ts





const TAG_LENGTH = 16;
/**
 * Names, tags and statuses for every Dockerfile. An image whose hash is unchanged keeps the commit
 * recorded in the previous manifest, so its Pod renders byte-identical (Pods are immutable); a forced
 * one is pinned to the commit being rendered.
 */
function planImages(files, options, previous, skipped = []) {
    const names = assignNames(files, skipped, options.repositoryName, previous);
    checkForcedNames(options.forceImages, new Set(names.values()));
    const graph = resolveImageGraph(graphNodes(files, names), options.registry);
    const present = new Set(files.map((f) => f.path));
    const context = {
        options,
        previous,
        names,
        graph,
        parents: parentNames(graph, names),
        forced: new Set(options.forceImages),
        moved: movedImages(files, previous, present, new Set(skipped)),
        renamed: new Map(),
    };
    const images = files.map((file) => planImage(file, context)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const movedAway = new Set([...context.renamed.values()].map((was) => was.dockerfile));
    const removed = [...previous.values()]
        .filter((p) => !present.has(p.dockerfile) && !movedAway.has(p.dockerfile))
        .sort((a, b) => (a.name < b.name ? -1 : 1));
    const warnings = [...graph.warnings, ...platformWarnings(images, context.parents)];
    return { images, removed, renamed: context.renamed, warnings, parents: context.parents };
}
function graphNodes(files, names) {
    return files.map((f) => ({
        path: f.path,
        name: names.get(f.path),
        own: f.effective,
        references: parseImageReferences(f.text, f.settings?.buildArgs, f.path),
    }));
}
/** By image name, the sorted names of its in-repo parents; images without one are left out. */
function parentNames(graph, names) {
    const parents = new Map();
    for (const [path, edges] of graph.parents) {
        if (edges.length > 0)
            parents.set(names.get(path), [...new Set(edges.map((e) => names.get(e.parent)))].sort());
    }
    return parents;
}
/**
 * The in-repo parents of each image (see Plan.parents) of Dockerfiles already named (by path): for a
 * render that takes the previous manifest as it is, and plans nothing. Its warnings were given by the
 * render that wrote it.
 */
function imageParents(files, names, registry) {
    return parentNames(resolveImageGraph(graphNodes(files, names), registry), names);
}
/**
 * A multi-arch image built on a multi-arch image of the repository needs each of its platforms in
 * the parent's index: kaniko would fail that platform's build (it pulls the parent for that platform).
 */
function platformWarnings(images, parents) {
    const platformsOf = new Map(images.map((image) => [image.name, image.platforms]));
    const warnings = [];
    for (const image of images) {
        if (image.platforms === undefined)
            continue;
        for (const parent of parents.get(image.name) ?? []) {
            const theirs = platformsOf.get(parent);
            const missing = theirs === undefined ? [] : image.platforms.filter((p) => !theirs.includes(p));
            if (missing.length > 0) {
                warnings.push(`${image.name} is built for ${missing.join(', ')}, which its parent ${parent} is not built for (${theirs?.join(', ')}): those builds will fail; add them to ${parent}'s platforms.`);
            }
        }
    }
    return warnings;
}
/** `force-images` names images of this repository. */
function checkForcedNames(forceImages, known) {
    const unknown = forceImages.filter((name) => !known.has(name));
    if (unknown.length === 0)
        return;
    throw new InputError(`Input 'force-images' has the value '${forceImages.join(',')}': ${unknown.map((n) => `'${n}'`).join(', ')} ${unknown.length === 1 ? 'is not an image' : 'are not images'} of this repository; expected some of: ${[...known].sort().join(', ')}.`);
}
function planImage(file, { options, previous, names, graph, parents, forced, moved, renamed }) {
    const name = names.get(file.path);
    const effective = graph.effective.get(file.path);
    const edges = graph.parents.get(file.path) ?? [];
    const before = previous.get(file.path);
    const was = keptName(before) !== undefined ? before : moved.get(file.path);
    const status = statusOf(before, was, name, effective);
    if (status === 'renamed')
        renamed.set(file.path, was);
    const isForced = options.forceBuild || forced.has(name);
    const tag = effective.slice(0, TAG_LENGTH);
    const tagOf = (path) => graph.effective.get(path).slice(0, TAG_LENGTH);
    const parentNames = parents.get(name) ?? [];
    const repository = `${options.registry}/${name}`;
    const contextDir = file.settings?.contextDir ?? folderOf(file.path);
    return {
        name,
        dockerfile: file.path,
        sha256: file.sha256,
        effective,
        covers: parentNames.length > 0 ? `${file.covers}; parents: ${parentNames.join(', ')}` : file.covers,
        tag,
        repository,
        image: `${repository}:${tag}`,
        contextDir,
        dockerfileInContext: contextDir === '' ? file.path : file.path.slice(contextDir.length + 1),
        // A forced build builds the commit being rendered: with `hash: dockerfile` the pinned commit can
        // predate every source change since the Dockerfile last changed.
        commit: !isForced && status === 'unchanged' && before?.commit ? before.commit : options.commitSha,
        forced: isForced,
        status,
        wave: graph.depth.get(file.path),
        parents: parentNames.length === 0 ? [] : parentImages(edges, names, () => true, options.registry, tagOf),
        // A forced child builds on its forced parents' new images: it waits for those, not for the tag alone.
        forcedParents: isForced && parentNames.length > 0
            ? parentImages(edges, names, (parent) => options.forceBuild || forced.has(parent), options.registry, tagOf)
            : [],
        buildArgs: edges.length === 0 && file.settings === undefined ? [] : pinnedBuildArgs(file, edges, names, options.registry, tagOf),
        target: file.settings?.target ?? '',
        platform: file.settings?.platform ?? '',
        ...(file.settings?.platforms ? { platforms: file.settings.platforms } : {}),
        extraTags: file.settings?.extraTags ?? [],
        ...(file.settings?.resources ? { resources: file.settings.resources } : {}),
        nodeSelector: file.settings?.nodeSelector ?? {},
        tolerations: file.settings?.tolerations ?? [],
    };
}
/** `<registry>/<parent>:<content tag>` of each in-repo parent whose name is `taken`, sorted, without repeats. */
function parentImages(edges, names, taken, registry, tagOf) {
    const kept = edges.filter((e) => taken(names.get(e.parent)));
    return [...new Set(kept.map((e) => `${registry}/${names.get(e.parent)}:${tagOf(e.parent)}`))].sort();
}
/** `renamed` when the image was (`was`) named otherwise; else new, changed or unchanged against the previous image at its path. */
function statusOf(before, was, name, effective) {
    if (was !== undefined && was.name !== name)
        return 'renamed';
    return !before ? 'new' : before.effective === effective ? 'unchanged' : 'changed';
}
/** The repository-relative folder of a file ('' for the top). */
function folderOf(file) {
    const slash = file.lastIndexOf('/');
    return slash === -1 ? '' : file.slice(0, slash);
}
/** `NAME=value` build args, sorted: the configured ones, and each ARG a reference takes to an in-repo parent, pinned to its tag. */
function pinnedBuildArgs(file, edges, names, registry, tagOf) {
    const pinned = new Map(edges.filter((e) => e.arg).map((e) => [e.arg, `${registry}/${names.get(e.parent)}:${tagOf(e.parent)}`]));
    const buildArgs = new Map([...Object.entries(file.settings?.buildArgs ?? {}), ...pinned]);
    return [...buildArgs].map(([key, value]) => `${key}=${value}`).sort();
}
/** The name the previous manifest gives an image, if it is one this action could have written (a hand edit may not be). */
function keptName(before) {
    return before !== undefined && before.name.length <= MAX_IMAGE_NAME_LENGTH && isDns1123Label(before.name) && agrees(before)
        ? before.name
        : undefined;
}
/**
 * Does the image's name agree with the rest of its Pod: the Pod's name and the image it pushes are
 * made from it, so an edit of the name label alone (the digest does not guard a file edited by hand)
 * cannot hand one image the name, and the registry repository, of another.
 */
function agrees(before) {
    if (!before.pod.startsWith(`${before.name}-`))
        return false;
    if (before.image === '')
        return true;
    const repository = before.image.slice(0, before.image.lastIndexOf(':'));
    return repository.endsWith(`/${before.name}`);
}
/**
 * Image names, stable from run to run: an image keeps the name the previous manifest gives it,
 * whatever Dockerfiles come and go, and a configured name replaces it. A new image takes the name
 * derived from the paths of every Dockerfile found (`skipped` ones too), or, when another image has
 * that name already, a distinct one (see distinctImageName). A configured name that another image
 * has is an error that says where it was set, unless the configured image had that name already.
 */
function assignNames(files, skipped, repositoryName, previous) {
    const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const configured = new Map(files.flatMap((f) => (f.settings?.name ? [[f.path, f.settings.name]] : [])));
    const names = new Map();
    const owner = new Map();
    const claim = (path, name) => {
        names.set(path, name);
        owner.set(name, path);
    };
    // A configured name the image did not have before must not be taken from another image.
    const newlyConfigured = (path) => path !== undefined && configured.has(path) && keptName(previous.get(path)) !== configured.get(path)?.value;
    // Names the images had first: a conflict is then reported on the image that newly takes the name.
    const claims = [...configured].sort(([a], [b]) => Number(newlyConfigured(a)) - Number(newlyConfigured(b)) || (a < b ? -1 : 1));
    for (const [path, name] of claims) {
        const other = owner.get(name.value);
        if (other !== undefined)
            throw nameTaken(path, name, other, 'configured');
        claim(path, name.value);
    }
    // A name two images of the manifest claim (an edited file) is kept by neither: each is named anew.
    const claimed = new Map();
    for (const before of previous.values())
        claimed.set(before.name, (claimed.get(before.name) ?? 0) + 1);
    for (const { path } of sorted) {
        const kept = configured.has(path) ? undefined : keptName(previous.get(path));
        if (kept === undefined || (claimed.get(kept) ?? 0) > 1)
            continue;
        const other = owner.get(kept);
        if (newlyConfigured(other))
            throw nameTaken(other, configured.get(other), path, 'kept');
        // Else taken by an image configured with it before (two images of an edited manifest): this one is named anew.
        if (other === undefined)
            claim(path, kept);
    }
    // Most runs keep every name: the paths are named only when a Dockerfile needs a name.
    let derived;
    const crowded = [];
    for (const { path } of sorted) {
        if (names.has(path))
            continue;
        derived ??= assignImageNames([...files.map((f) => f.path), ...skipped], repositoryName);
        const natural = derived.get(path);
        const other = owner.get(natural);
        if (newlyConfigured(other))
            throw nameTaken(other, configured.get(other), path, 'derived');
        if (other === undefined)
            claim(path, natural);
        else
            crowded.push(path);
    }
    const taken = (name) => owner.has(name);
    for (const path of crowded)
        claim(path, distinctImageName(path, repositoryName, taken));
    return names;
}
/**
 * The error for the configured `name` of `path` that `other` has: as its configured name, as its
 * name in the manifest, or as its derived name.
 */
function nameTaken(path, name, other, how) {
    const whose = how === 'kept' ? `the name ${other}'s image has in the manifest` : `also the name of ${other}'s image`;
    const hint = how === 'configured'
        ? ''
        : how === 'kept'
            ? ` (names in the manifest are kept: to hand this one over, give ${other} another name in the config too)`
            : ` (or give ${other} another name)`;
    return new InputError(`${name.at}: the image name '${name.value}' of ${path} is ${whose}: expected a name no other image has${hint}.`);
}
/**
 * Dockerfiles that moved: a new path whose bytes (sha256) are those of exactly one Dockerfile of the
 * previous manifest that is gone (neither found nor skipped), and of no other new path. The image at
 * the new path is named like any new one; when that name differs, it is reported as renamed rather
 * than as one image added and another removed. Matching only decides that report, never a name.
 */
function movedImages(files, previous, present, skipped) {
    const moved = new Map();
    // null: more than one has those bytes, so which moved where is a guess.
    const gone = new Map();
    for (const before of previous.values()) {
        if (present.has(before.dockerfile) || skipped.has(before.dockerfile) || keptName(before) === undefined)
            continue;
        gone.set(before.sha256, gone.has(before.sha256) ? null : before);
    }
    if (gone.size === 0)
        return moved;
    const added = new Map();
    for (const file of files)
        if (!previous.has(file.path))
            added.set(file.sha256, added.has(file.sha256) ? null : file.path);
    for (const [sha256, path] of added) {
        const before = gone.get(sha256);
        if (path !== null && before)
            moved.set(path, before);
    }
    return moved;
}

;// CONCATENATED MODULE: ./src/common/platforms.ts

/**
 * The platforms a multi-arch image may be built for (`os/arch[/variant]`), as the OCI image index
 * names them and kaniko's `--custom-platform` takes them. A known set: each value reaches a tag, a
 * Pod name and a node selector, so nothing else does.
 */
const KNOWN_PLATFORMS = [
    'linux/amd64',
    'linux/arm64',
    'linux/arm64/v8',
    'linux/arm/v7',
    'linux/arm/v6',
    'linux/386',
    'linux/ppc64le',
    'linux/s390x',
    'linux/riscv64',
];
function isKnownPlatform(value) {
    return KNOWN_PLATFORMS.includes(value);
}
/** The platform without a variant that means the same (linux/arm64/v8 is linux/arm64): two in one list are one platform twice. */
function samePlatform(platform) {
    return platform === 'linux/arm64/v8' ? 'linux/arm64' : platform;
}
/** `<tag>-<os>-<arch>[-<variant>]`: the tag a platform's build pushes, beside the index's `<tag>`. */
function platformTag(tag, platform) {
    return `${tag}-${platform.replaceAll('/', '-')}`;
}
/** What a platform's Pod name adds to the image name: `<arch><variant>` (`arm64`, `armv7`). */
function platformPodSuffix(platform) {
    return platform.split('/').slice(1).join('');
}
/**
 * The name of a platform's Pod before its hash: `<image>-<arch><variant>`, shortened as image names
 * are (MAX_IMAGE_NAME_LENGTH), so that with `-<10 hex>` it stays within 63 characters.
 */
function platformPodPrefix(name, platform) {
    return limitName(`${name}-${platformPodSuffix(platform)}`);
}
/**
 * The well-known node labels of the platform: Kubernetes labels every node with its os and arch
 * (`kubernetes.io/os`, `kubernetes.io/arch`), but with no variant: arm/v6 and arm/v7 nodes need a
 * nodeSelector of the user's own.
 */
function platformNodeSelector(platform) {
    const [os = '', arch = ''] = platform.split('/');
    return { 'kubernetes.io/arch': arch, 'kubernetes.io/os': os };
}

;// CONCATENATED MODULE: ./src/manifest/annotations.ts
/** Annotation and label keys the action writes and reads back. */
const ANNOTATION = {
    dockerfile: 'kaniko-gitops/dockerfile',
    dockerfileSha256: 'kaniko-gitops/dockerfile-sha256',
    effectiveSha256: 'kaniko-gitops/effective-sha256',
    hashCovers: 'kaniko-gitops/hash-covers',
    image: 'kaniko-gitops/image',
    /** On a multi-arch image's platform Pod: the platform it builds (its index Pod has none). */
    platform: 'kaniko-gitops/platform',
    commit: 'kaniko-gitops/commit',
    forced: 'kaniko-gitops/forced',
    renderKey: 'kaniko-gitops/render-key',
};
/** The image label a forced build carries, with the run's force nonce: a forced child waits for it on its forced parents. */
const FORCE_IMAGE_LABEL = 'dev.kaniko-gitops.forced';
const LABEL = {
    name: 'app.kubernetes.io/name',
    component: 'app.kubernetes.io/component',
    partOf: 'app.kubernetes.io/part-of',
    managedBy: 'app.kubernetes.io/managed-by',
};
const MANAGED_BY = 'kaniko-gitops';

;// CONCATENATED MODULE: ./src/manifest/emit.ts
/**
 * Deterministic YAML for the JSON-shaped objects the action builds (maps, lists, strings, numbers,
 * booleans): keys in the order the objects were built, block style, two-space indent, lists under
 * their key, no line folding. Strings are written plain only when no YAML reader could take them for
 * anything else; every other string is written JSON-quoted (JSON strings are valid YAML double-quoted
 * scalars), with all non-ASCII escaped. Multi-line strings that end in one newline become literal
 * blocks. Written for speed: the `yaml` package's general stringifier takes 2.5 times as long for
 * 1,000 Pods (see docs/decisions/yaml-emitter.md).
 */
/** The characters a plain scalar may hold: no space, quote, '#', flow indicator, or ':' before a space. */
const PLAIN = /^[A-Za-z0-9./][A-Za-z0-9._/@%+=-]*(?::[A-Za-z0-9._/@%+=-]+)*$/;
/**
 * The words YAML 1.1 or 1.2 reads as booleans, nulls or special floats, in any case, and an exponent
 * alone (`E1` is a float to the yaml package's YAML 1.1 schema).
 */
const emit_KEYWORD = /^(?:y|n|yes|no|on|off|true|false|null|\.inf|\.nan|e[-+0-9._]*)$/i;
/** A letter no number or date holds: they hold b, e, o, t, x, z, and after an x the digits a to f. */
const WORD_LETTER = /[ac-df-np-su-wy]/i;
/** How a number, date or time may start, signs aside (PLAIN keeps those out). */
const NUMBER_START = /^[0-9.]/;
/** A date and whatever follows it, kept quoted in case a reader is lax about where a timestamp ends. */
const DATE_START = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}/;
/**
 * Plain only when no YAML 1.1 or 1.2 reader (nor go-yaml, which drops every '_' and reads Go's base
 * prefixes in any case) could take it for anything but this string. Numbers, dates and times start
 * with a sign, a digit or a dot. A string that starts with a sign is always quoted; one that starts
 * with a digit or a dot stays plain only when it has no x, holds a word letter (a hex digest almost
 * always does, and so does `.dockerconfigjson`) and does not start with a date. Any other starts with
 * a letter or '/', and only the keywords are not strings.
 */
function isPlain(value) {
    if (!PLAIN.test(value) || emit_KEYWORD.test(value) || DATE_START.test(value))
        return false;
    if (!NUMBER_START.test(value))
        return true;
    return !value.includes('x') && !value.includes('X') && WORD_LETTER.test(value);
}
function emitScalar(value) {
    if (value === null)
        return 'null';
    if (typeof value === 'boolean')
        return value ? 'true' : 'false';
    if (typeof value === 'number') {
        if (!Number.isFinite(value))
            throw new Error(`cannot write the number ${value} as YAML`);
        return String(value);
    }
    let written = scalars.get(value);
    if (written === undefined) {
        written = isPlain(value) ? value : quote(value);
        if (scalars.size < 100_000)
            scalars.set(value, written);
    }
    return written;
}
/** Keys and most values repeat from Pod to Pod: remembering how each was written halves the work. */
const scalars = new Map();
/** JSON-quoted, with every character outside printable ASCII escaped. */
function quote(value) {
    let out = '"';
    for (const ch of value) {
        const code = ch.codePointAt(0);
        if (ch === '"')
            out += '\\"';
        else if (ch === '\\')
            out += '\\\\';
        else if (ch === '\n')
            out += '\\n';
        else if (ch === '\t')
            out += '\\t';
        else if (code >= 0x20 && code < 0x7f)
            out += ch;
        else if (code <= 0xffff)
            out += `\\u${code.toString(16).padStart(4, '0')}`;
        else
            out += `\\U${code.toString(16).padStart(8, '0')}`;
    }
    return `${out}"`;
}
/** A literal block keeps the text as is: one trailing newline, no CR, no leading space on line one. */
function isLiteralBlock(value) {
    return (value.includes('\n') &&
        value.endsWith('\n') &&
        !value.endsWith('\n\n') &&
        !/^[ \t\n]/.test(value) &&
        // Printable ASCII, tabs and newlines only: anything else is written escaped.
        /^[\x20-\x7e\t\n]*$/.test(value));
}
function isEmpty(value) {
    return Array.isArray(value) ? value.length === 0 : typeof value === 'object' && value !== null && Object.keys(value).length === 0;
}
function emitValue(value, indent, out, key) {
    if (Array.isArray(value)) {
        if (value.length === 0)
            out.push(`${key} []\n`);
        else {
            out.push(`${key}\n`);
            emitSeq(value, `${indent}  `, out);
        }
    }
    else if (value !== null && typeof value === 'object') {
        if (isEmpty(value))
            out.push(`${key} {}\n`);
        else {
            out.push(`${key}\n`);
            emitMap(value, `${indent}  `, out);
        }
    }
    else if (typeof value === 'string' && isLiteralBlock(value)) {
        out.push(`${key} |\n`);
        const inner = `${indent}  `;
        for (const line of value.slice(0, -1).split('\n'))
            out.push(line === '' ? '\n' : `${inner}${line}\n`);
    }
    else {
        out.push(`${key} ${emitScalar(value)}\n`);
    }
}
function emitMap(map, indent, out, firstPrefix) {
    let first = true;
    for (const [k, v] of Object.entries(map)) {
        if (v === undefined)
            continue;
        const lead = first && firstPrefix !== undefined ? firstPrefix : indent;
        emitValue(v, indent, out, `${lead}${emitScalar(k)}:`);
        first = false;
    }
}
function emitSeq(items, indent, out) {
    for (const item of items) {
        if (item !== null && typeof item === 'object' && !Array.isArray(item) && !isEmpty(item)) {
            emitMap(item, `${indent}  `, out, `${indent}- `);
        }
        else if (Array.isArray(item) && item.length > 0) {
            out.push(`${indent}-\n`);
            emitSeq(item, `${indent}  `, out);
        }
        else if (typeof item === 'string' && isLiteralBlock(item)) {
            out.push(`${indent}- ${quote(item)}\n`);
        }
        else {
            out.push(`${indent}- ${Array.isArray(item) ? '[]' : item !== null && typeof item === 'object' ? '{}' : emitScalar(item)}\n`);
        }
    }
}
/** One YAML document (without the `---` line) for a JSON-shaped object. */
function emitYaml(value) {
    if (isEmpty(value))
        return '{}\n';
    const out = [];
    emitMap(value, '', out);
    return out.join('');
}

;// CONCATENATED MODULE: ./src/manifest/pod.ts







/** Where the containers find the registry credentials (kaniko's own DOCKER_CONFIG). */
const DOCKER_CONFIG_DIR = '/kaniko/.docker';
/** Shared between kaniko-init and image-builder: the init container's decision. */
const STATE_DIR = '/kaniko-gitops';
/** Where the scripts ConfigMap is mounted in both containers. */
const SCRIPTS_DIR = '/kaniko-gitops-scripts';
const CHECK_SCRIPT = 'check-image.sh';
const BUILD_SCRIPT = 'build.sh';
const SETUP_SCRIPT = 'setup.sh';
const INDEX_SCRIPT = 'index.sh';
/** The index Pod's buildah storage, HOME and TMPDIR. */
const INDEX_STORAGE_DIR = '/kaniko-gitops-index';
/** The credential helpers kaniko-setup copies from the executor image for the check (its image has none). */
const HELPERS_DIR = '/kaniko-gitops-helpers';
/** The registry secret, in kaniko-setup only, when it merges the helpers into the secret's config.json. */
const SECRET_DIR = '/kaniko-gitops-secret';
/** The Pod label Azure workload identity's webhook looks for (the acr-env helper needs its variables). */
const AZURE_IDENTITY_LABEL = 'azure.workload.identity/use';
/** Mount point of the node's repository for `context: local` (not /workspace: kaniko resolves relative Dockerfile paths there first). */
const LOCAL_CONTEXT_DIR = '/context';
const NAME_HASH_LENGTH = 10;
const POD_SETTING_KEYS = [
    'namespace',
    'registrySecret',
    'serviceAccount',
    'credentialHelpers',
    'executorImage',
    'checkImage',
    'insecureRegistries',
    'forceNonce',
    'context',
    'contextPrefix',
    'gitUrl',
    'gitRef',
    'gitSecret',
    'localPath',
    'repositoryName',
    'cache',
    'cacheRepo',
    'cacheTtl',
    'snapshotMode',
    'compressedCaching',
    'extraArgs',
    'ordering',
    'parentTimeout',
    'indexImage',
];
/**
 * Settings that shape only the Pods of images with in-repo parents, or only the index Pods of
 * multi-arch images: they enter only those Pods' keys.
 */
const PARENT_SETTING_KEYS = new Set(['ordering', 'parentTimeout', 'indexImage']);
const everySettingKeyed = true;
void everySettingKeyed;
/**
 * A hash of everything `buildPod` reads, and of the code that shapes a Pod (podCodeFingerprint). Two
 * Pods with the same key are the same document, so a run can reuse the text of the previous manifest
 * instead of writing the Pod again.
 */
function renderKey(image, settings, scriptsConfigMap) {
    const { status: _status, parents, forcedParents, target, platform, platforms, extraTags, resources, nodeSelector, tolerations, ...inputs } = image;
    // The text of JSON.stringify([fingerprint, inputs, shaping, scriptsConfigMap, configured?]),
    // with the settings part written once per run instead of once per image.
    // Only a Pod of the git context names its commit: a local one must not change with each new commit.
    const shaping = settings.context === 'git' ? inputs : { ...inputs, commit: '' };
    let key = `["${podCodeFingerprint()}",${JSON.stringify(shaping)},${shapingJson(settings, image.forced)},${JSON.stringify(scriptsConfigMap)}`;
    // The per-image config enters the key only when it sets something, so that Pods without a config
    // keep the keys (and the names) they had before the config existed.
    const setsAny = target !== '' ||
        platform !== '' ||
        extraTags.length > 0 ||
        resources !== undefined ||
        Object.keys(nodeSelector).length > 0 ||
        tolerations.length > 0;
    if (setsAny) {
        key += `,${JSON.stringify({ target, platform, extraTags, resources, nodeSelector, tolerations })}`;
    }
    // Likewise the parents (and which of them are forced), and the settings of how a child waits for
    // them: an image without parents keeps its key whatever the ordering.
    if (parents.length > 0)
        key += `,${JSON.stringify([parents, forcedParents, settings.ordering, settings.parentTimeout])}`;
    // A multi-arch image's Pods (its platforms' and its index's), and only they, take the code and
    // settings that shape them: every other Pod keeps its key.
    if (platforms) {
        const index = platform === '' ? [settings.indexImage, settings.parentTimeout] : [];
        key += `,${JSON.stringify([multiArchFingerprint(), platforms, ...index])}`;
    }
    return sha256Hex(`${key}]`).slice(0, 32);
}
const shapingCache = new WeakMap();
/** The JSON of the settings that shape every Pod (the force nonce only for a forced one), once per settings object. */
function shapingJson(settings, forced) {
    let cached = shapingCache.get(settings);
    if (!cached) {
        const json = (withNonce) => JSON.stringify(POD_SETTING_KEYS.filter((key) => !PARENT_SETTING_KEYS.has(key)).map((key) => key === 'forceNonce' && !withNonce ? '' : settings[key]));
        cached = { plain: json(false), forced: json(true) };
        shapingCache.set(settings, cached);
    }
    return forced ? cached.forced : cached.plain;
}
/** How every document starts, up to its name: apiVersion, its kind, then metadata with the name first. */
const HEADS = ['Pod', 'ConfigMap'].map((kind) => [kind, `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: `]);
const NAME_LINE = '\nmetadata:\n  name: ';
/**
 * Writes an object whose `metadata.name` is '' once, and names it `<prefix>-<10 hex of that text>`:
 * one name, one text. The name is spliced into the text rather than written again. The hash is of
 * what follows the name line: the lines before it are the same in every document of a kind, and what
 * follows is one run of bytes in the file, so a reader checks a name with one hash (see nameOfText).
 */
function nameDocument(object, prefix) {
    const unnamed = emitYaml(object);
    const slot = '\nmetadata:\n  name: ""\n';
    const at = unnamed.indexOf(slot);
    const head = unnamed.slice(0, at + NAME_LINE.length);
    if (at === -1 || !HEADS.some(([, known]) => known === head)) {
        throw new Error('nameDocument: the object must start with apiVersion v1, kind Pod or ConfigMap, and an empty metadata.name');
    }
    // A `---` line would end the document in the file (emitYaml indents and quotes, so it writes none):
    // the manifest is its documents joined, and read back by splitting at those lines.
    if (unnamed.includes('\n---\n'))
        throw new Error('nameDocument: the text has a `---` line');
    const name = `${prefix}-${sha256Hex(unnamed.slice(at + slot.length)).slice(0, NAME_HASH_LENGTH)}`;
    object.metadata.name = name;
    return { name, text: `${head}${emitScalar(name)}\n${unnamed.slice(at + slot.length)}` };
}
/**
 * The name `nameDocument` gave `text` (one document's bytes, as the manifest holds them); undefined
 * when the text is not what it named: another start, a name that is not `<prefix>-<10 hex of the text
 * after the name line>`, or one not written as the emitter writes it. A hand edit that keeps the name
 * is found here, at the cost of one hash of the document. `start` is the text's beginning, through
 * its name line, as latin1 (a reader that has it already saves decoding it again).
 */
function nameOfText(text, start = text.toString('latin1', 0, 256)) {
    const slot = start.indexOf(NAME_LINE);
    const valueAt = slot + NAME_LINE.length;
    const lineEnd = slot === -1 ? -1 : start.indexOf('\n', valueAt);
    if (lineEnd === -1)
        return undefined;
    const head = start.slice(0, valueAt);
    const kind = HEADS.find(([, known]) => known === head)?.[0];
    const raw = start.slice(valueAt, lineEnd);
    // The emitter quotes a name YAML could take for a number or a date (`2024-01-0123456789`).
    const name = raw.startsWith('"') ? unquote(raw) : raw;
    const dash = name.length - NAME_HASH_LENGTH - 1;
    if (kind === undefined || dash < 1 || name.charCodeAt(dash) !== 45 || emitScalar(name) !== raw)
        return undefined;
    const hash = sha256Hex(text.subarray(lineEnd + 1));
    return hash.slice(0, NAME_HASH_LENGTH) === name.slice(dash + 1) ? { kind, name, prefix: name.slice(0, dash) } : undefined;
}
function unquote(raw) {
    try {
        const value = JSON.parse(raw);
        return typeof value === 'string' ? value : '';
    }
    catch {
        return '';
    }
}
/**
 * One ConfigMap carries the containers' scripts for every Pod (instead of a copy in each). It is
 * immutable and `nameDocument` names it after a hash of its text, so a Pod always runs the scripts it
 * was rendered with, and a new script version is a new ConfigMap (and, through the name, new Pods).
 */
function buildScriptsConfigMap(scripts, namespace) {
    const data = { [BUILD_SCRIPT]: scripts.build, [CHECK_SCRIPT]: scripts.check };
    if (scripts.index !== undefined)
        data[INDEX_SCRIPT] = scripts.index;
    data[SETUP_SCRIPT] = scripts.setup;
    return {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: {
            name: '',
            namespace,
            labels: { [LABEL.component]: 'image-build', [LABEL.managedBy]: MANAGED_BY },
        },
        immutable: true,
        data,
    };
}
/**
 * Builds the kaniko build Pod for one image, unnamed: `nameDocument` names it after a hash of its
 * text, so a name always stands for one exact document: any change (new content, forced rebuild,
 * another executor image) yields a new Pod, which ArgoCD creates, instead of an in-place update
 * Kubernetes refuses.
 */
function buildPod(image, settings, scriptsConfigMap) {
    return podObject(image, settings, scriptsConfigMap, renderKey(image, settings, scriptsConfigMap));
}
/**
 * What a multi-arch image's platform Pod builds: the image for one platform, under the platform's tag
 * (`<tag>-<os>-<arch>[-<variant>]`), on nodes of that platform (kaniko does not emulate). The extra
 * tags name the index: its Pod pushes them. `platforms` stays: it tells the platform Pod's code.
 */
function platformBuild(image, platform) {
    const tag = platformTag(image.tag, platform);
    const selector = { ...image.nodeSelector, ...platformNodeSelector(platform) };
    const nodeSelector = Object.fromEntries(Object.entries(selector).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return { ...image, platform, tag, image: `${image.repository}:${tag}`, extraTags: [], nodeSelector };
}
/** The Pod's name before its hash: the image name, and a platform Pod's `-<arch><variant>`. */
function podPrefix(image) {
    return image.platforms !== undefined && image.platform !== '' ? platformPodPrefix(image.name, image.platform) : image.name;
}
/** A multi-arch image's index Pod (its platform Pods have `platform` set). */
function isIndexPod(image) {
    return image.platforms !== undefined && image.platform === '';
}
/** The Pod with its render key given: podCodeFingerprint renders it without one (the key depends on it). */
function podObject(image, settings, scriptsConfigMap, key) {
    const index = isIndexPod(image);
    const { mounts, volumes } = podVolumes(settings, scriptsConfigMap, index);
    const env = imageEnv(image, settings);
    const helpers = Object.values(settings.credentialHelpers);
    const labels = {
        [LABEL.name]: image.name,
        [LABEL.component]: 'image-build',
        [LABEL.partOf]: limitName(settings.repositoryName, 63),
        [LABEL.managedBy]: MANAGED_BY,
    };
    if (helpers.includes('acr-env'))
        labels[AZURE_IDENTITY_LABEL] = 'true';
    const setup = helpers.length > 0 ? [verbatim(setupContainer(settings))] : [];
    const pod = {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
            name: '',
            namespace: settings.namespace,
            labels,
            annotations: podAnnotations(image, settings, key),
        },
        spec: {
            restartPolicy: 'Never',
            // A cloud identity (IRSA, Pod Identity, workload identity) needs the account's token in the Pod.
            ...(settings.serviceAccount === '' ? {} : { serviceAccountName: settings.serviceAccount }),
            automountServiceAccountToken: settings.serviceAccount !== '',
            enableServiceLinks: false,
            initContainers: [...setup, verbatim(initContainer(image, settings, [...env, ...waitEnv(image, settings)], mounts))],
            containers: [verbatim(index ? indexContainer(image, settings, env, mounts) : builderContainer(image, settings, env, mounts))],
            volumes,
        },
    };
    if (pod.spec && Object.keys(image.nodeSelector).length > 0)
        pod.spec.nodeSelector = { ...image.nodeSelector };
    if (pod.spec && image.tolerations.length > 0)
        pod.spec.tolerations = image.tolerations.map((t) => ({ ...t }));
    return pod;
}
/**
 * The container as the kubelet must start it: the kubelet expands `$(NAME)` in command, args and env
 * values with the container's variables (GIT_PASSWORD among them) and reduces `$$` to `$`. Every `$`
 * is written as `$$`, so the kubelet hands back the text as it was rendered: a folder or build arg
 * of the repository cannot take a variable's value, nor lose a `$`.
 */
function verbatim(container) {
    const text = (value) => (value.includes('$') ? value.replaceAll('$', () => '$$') : value);
    const { command, args, env } = container;
    if (command)
        container.command = command.map(text);
    if (args)
        container.args = args.map(text);
    if (env)
        container.env = env.map((e) => (e.value?.includes('$') ? { ...e, value: text(e.value) } : e));
    return container;
}
/**
 * The volumes both containers mount (registry credentials, state, scripts), and the local context's.
 * The credentials are the secret's config.json, or with credential helpers the one kaniko-setup
 * writes (the secret then mounts in kaniko-setup alone), or none.
 */
function podVolumes(settings, scriptsConfigMap, index) {
    const helpers = Object.keys(settings.credentialHelpers).length > 0;
    const mounts = [];
    const volumes = [];
    if (helpers || settings.registrySecret !== '') {
        mounts.push({ name: 'docker-config', mountPath: DOCKER_CONFIG_DIR, readOnly: true });
        // Memory, as a secret volume is: the merged file holds the secret's credentials.
        volumes.push(helpers ? { name: 'docker-config', emptyDir: { medium: 'Memory', sizeLimit: '2Mi' } } : secretVolume('docker-config', settings));
    }
    mounts.push({ name: 'state', mountPath: STATE_DIR }, { name: 'scripts', mountPath: SCRIPTS_DIR, readOnly: true });
    volumes.push({ name: 'state', emptyDir: { medium: 'Memory', sizeLimit: '1Mi' } }, { name: 'scripts', configMap: { name: scriptsConfigMap } });
    if (helpers) {
        // On disk: each helper takes 10 to 20 MB.
        volumes.push({ name: 'credential-helpers', emptyDir: { sizeLimit: '256Mi' } });
        if (settings.registrySecret !== '')
            volumes.push(secretVolume('registry-secret', settings));
    }
    // On disk: buildah's storage holds the manifests of the index alone, no layers.
    if (index)
        volumes.push({ name: 'index-storage', emptyDir: { sizeLimit: '64Mi' } });
    else if (settings.context === 'local')
        volumes.push({ name: 'context', hostPath: { path: settings.localPath, type: 'Directory' } });
    return { mounts, volumes };
}
/**
 * Optional: a missing secret, or one without `.dockerconfigjson`, mounts an empty folder instead of
 * holding the Pod in ContainerCreating; the scripts then warn and ask anonymously, and a push that
 * needs credentials fails visibly.
 */
function secretVolume(name, settings) {
    return {
        name,
        secret: { secretName: settings.registrySecret, items: [{ key: '.dockerconfigjson', path: 'config.json' }], optional: true },
    };
}
/** kaniko's arguments: where the context is, what to build, where to push, the cache. */
function kanikoArgs(image, settings) {
    const subPath = joinPosix(settings.contextPrefix, image.contextDir);
    const args = [];
    if (settings.context === 'git') {
        args.push(`--context=${settings.gitUrl}#${settings.gitRef}#${image.commit}`);
        if (subPath !== '')
            args.push(`--context-sub-path=${subPath}`);
        args.push(`--dockerfile=${image.dockerfileInContext}`);
    }
    else {
        const dir = joinPosix(LOCAL_CONTEXT_DIR, subPath);
        args.push(`--context=dir://${dir}`, `--dockerfile=${joinPosix(dir, image.dockerfileInContext)}`);
    }
    if (image.target !== '')
        args.push(`--target=${image.target}`);
    if (image.platform !== '')
        args.push(`--custom-platform=${image.platform}`);
    args.push(`--destination=${image.image}`);
    // Extra tags (e.g. latest) are pushed with the content tag; the registry check looks at the content tag.
    for (const tag of image.extraTags)
        args.push(`--destination=${image.repository}:${tag}`);
    args.push('--digest-file=/dev/termination-log');
    // A FROM that goes through an ARG builds on the parent's content tag, not on whatever `latest` is.
    for (const buildArg of image.buildArgs)
        args.push(`--build-arg=${buildArg}`);
    for (const host of settings.insecureRegistries)
        args.push(`--insecure-registry=${host}`, `--skip-tls-verify-registry=${host}`);
    if (settings.context === 'git')
        args.push(`--label=org.opencontainers.image.revision=${image.commit}`);
    // Tells this run's forced build from an older one under the same tag: forced children wait for it.
    if (image.forced)
        args.push(`--label=${FORCE_IMAGE_LABEL}=${settings.forceNonce}`);
    args.push(`--cache=${settings.cache}`);
    if (settings.cache && settings.cacheRepo !== '')
        args.push(`--cache-repo=${settings.cacheRepo}`);
    if (settings.cache && settings.cacheTtl !== '')
        args.push(`--cache-ttl=${settings.cacheTtl}`);
    args.push(`--snapshot-mode=${settings.snapshotMode}`, `--compressed-caching=${settings.compressedCaching}`, ...settings.extraArgs);
    return args;
}
/** What both containers' scripts read: the image, whether to force, where the credentials are. */
function imageEnv(image, settings) {
    return [
        { name: 'DOCKER_FILENAME', value: image.dockerfile },
        { name: 'DOCKER_IMAGENAME', value: image.repository },
        { name: 'DOCKER_IMAGETAG', value: image.tag },
        { name: 'FORCE_BUILD', value: image.forced ? 'Y' : 'N' },
        { name: 'REGISTRY_INSECURE', value: String(settings.insecureRegistries.includes(registryHost(image.repository))) },
        { name: 'DOCKER_CONFIG', value: DOCKER_CONFIG_DIR },
        { name: 'STATE_DIR', value: STATE_DIR },
    ];
}
/** What the check waits for: an index Pod, for its platforms' images (whatever the ordering); another, for its parents'. */
function waitEnv(image, settings) {
    if (!isIndexPod(image))
        return parentEnv(image, settings);
    const platforms = platformImages(image);
    // A forced index waits for this run's platform builds, not for older images under their tags.
    return waitFor(platforms, image.forced ? platforms : '', settings);
}
/** The references of a multi-arch image's platform images, blank-separated. */
function platformImages(image) {
    return (image.platforms ?? []).map((platform) => `${image.repository}:${platformTag(image.tag, platform)}`).join(' ');
}
/**
 * With `registry` ordering, what the check waits for before its own question: the in-repo parents'
 * content-tagged images (references of the registry's validated form: no blanks, no shell syntax),
 * and of a forced image's forced parents, their build of this run (the force nonce in their label).
 */
function parentEnv(image, settings) {
    if (settings.ordering !== 'registry' || image.parents.length === 0)
        return [];
    return waitFor(image.parents.join(' '), image.forcedParents.join(' '), settings);
}
/** The check's variables to wait for `images` first, of which `forced` must be this run's builds. */
function waitFor(images, forced, settings) {
    const env = [
        { name: 'PARENT_IMAGES', value: images },
        { name: 'PARENT_TIMEOUT_SECONDS', value: String(settings.parentTimeout) },
    ];
    if (forced !== '')
        env.push({ name: 'FORCED_PARENT_IMAGES', value: forced }, { name: 'FORCE_NONCE', value: settings.forceNonce });
    return env;
}
/** The small containers' user and rights: an unprivileged user that writes only to its volumes. */
function restricted() {
    return {
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
        readOnlyRootFilesystem: true,
        runAsNonRoot: true,
        runAsUser: 65532,
    };
}
/** The registry check: is `image:tag` there already? With credential helpers, as the push asks. */
function initContainer(image, settings, env, mounts) {
    const names = helperNames(settings);
    const checkEnv = [
        ...env,
        { name: 'HOME', value: STATE_DIR },
        { name: 'TMPDIR', value: STATE_DIR },
        { name: 'REGISTRY_CREDENTIALS', value: registryCredentials(settings) },
    ];
    let checkMounts = mounts;
    if (names !== '') {
        const helper = settings.credentialHelpers[registryHost(image.repository)];
        checkEnv.push({ name: 'CREDENTIAL_HELPERS_DIR', value: HELPERS_DIR }, { name: 'CREDENTIAL_HELPER_NAMES', value: names });
        if (helper !== undefined)
            checkEnv.push({ name: 'CREDENTIAL_HELPER', value: helper });
        checkMounts = [...mounts, { name: 'credential-helpers', mountPath: HELPERS_DIR, readOnly: true }];
    }
    return {
        name: 'kaniko-init',
        image: settings.checkImage,
        command: ['/bin/sh', `${SCRIPTS_DIR}/${CHECK_SCRIPT}`],
        env: checkEnv,
        resources: { requests: { cpu: '10m', memory: '32Mi' }, limits: { memory: '128Mi' } },
        securityContext: restricted(),
        terminationMessagePolicy: 'FallbackToLogsOnError',
        volumeMounts: checkMounts,
    };
}
/** Where the check's config.json comes from: none (asks anonymously), the secret, or kaniko-setup. */
function registryCredentials(settings) {
    if (Object.keys(settings.credentialHelpers).length > 0)
        return 'helpers';
    return settings.registrySecret === '' ? 'none' : 'secret';
}
/** The configured helper names, each once, separated by spaces ('' for none). */
function helperNames(settings) {
    return [...new Set(Object.values(settings.credentialHelpers))].sort().join(' ');
}
/**
 * Runs first when credential helpers are configured, from the executor image (which ships them):
 * copies the helpers for the check, and writes the config.json the check and kaniko read, with the
 * helpers' map (JSON of validated hosts and names) merged into the secret's config.json when there is one.
 */
function setupContainer(settings) {
    const env = [
        { name: 'CREDENTIAL_HELPERS', value: JSON.stringify(settings.credentialHelpers) },
        { name: 'CREDENTIAL_HELPER_NAMES', value: helperNames(settings) },
        { name: 'HELPERS_DIR', value: HELPERS_DIR },
        { name: 'DOCKER_CONFIG', value: DOCKER_CONFIG_DIR },
    ];
    const mounts = [
        { name: 'docker-config', mountPath: DOCKER_CONFIG_DIR },
        { name: 'credential-helpers', mountPath: HELPERS_DIR },
        { name: 'scripts', mountPath: SCRIPTS_DIR, readOnly: true },
    ];
    if (settings.registrySecret !== '') {
        env.push({ name: 'REGISTRY_SECRET_CONFIG', value: `${SECRET_DIR}/config.json` });
        mounts.push({ name: 'registry-secret', mountPath: SECRET_DIR, readOnly: true });
    }
    return {
        name: 'kaniko-setup',
        image: settings.executorImage,
        command: ['/busybox/sh', `${SCRIPTS_DIR}/${SETUP_SCRIPT}`],
        env,
        resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { memory: '64Mi' } },
        securityContext: restricted(),
        terminationMessagePolicy: 'FallbackToLogsOnError',
        volumeMounts: mounts,
    };
}
/** kaniko: builds and pushes, unless the check found the image. */
function builderContainer(image, settings, env, mounts) {
    const builderEnv = [...env];
    if (settings.gitSecret !== '' && settings.context === 'git') {
        for (const key of ['GIT_USERNAME', 'GIT_PASSWORD']) {
            builderEnv.push({ name: key, valueFrom: { secretKeyRef: { name: settings.gitSecret, key } } });
        }
    }
    return {
        name: 'image-builder',
        image: settings.executorImage,
        command: ['/busybox/sh', `${SCRIPTS_DIR}/${BUILD_SCRIPT}`],
        args: kanikoArgs(image, settings),
        env: builderEnv,
        resources: image.resources ? { ...image.resources } : { requests: { cpu: '500m', memory: '1Gi' }, limits: { memory: '4Gi' } },
        // kaniko unpacks base images as root inside its container; it needs no privileges beyond that.
        securityContext: { privileged: false },
        terminationMessagePolicy: 'FallbackToLogsOnError',
        volumeMounts: settings.context === 'local' ? [...mounts, { name: 'context', mountPath: LOCAL_CONTEXT_DIR, readOnly: true }] : mounts,
    };
}
/**
 * buildah: assembles the OCI index of the platform images and pushes it under the content tag (last,
 * after the extra tags), unless the check found it. As root without privileges: unprivileged buildah
 * would enter a user namespace, which a Pod's default seccomp profile refuses; root reads the
 * config.json kaniko-setup wrote for its own user. Storage, HOME and TMPDIR are an emptyDir.
 */
function indexContainer(image, settings, env, mounts) {
    const indexEnv = [
        ...env,
        { name: 'PLATFORM_IMAGES', value: platformImages(image) },
        { name: 'EXTRA_TAGS', value: image.extraTags.join(' ') },
        { name: 'INDEX_STORAGE', value: INDEX_STORAGE_DIR },
    ];
    if (registryCredentials(settings) !== 'none')
        indexEnv.push({ name: 'REGISTRY_AUTH_FILE', value: `${DOCKER_CONFIG_DIR}/config.json` });
    const indexMounts = [...mounts, { name: 'index-storage', mountPath: INDEX_STORAGE_DIR }];
    if (helperNames(settings) !== '') {
        indexEnv.push({ name: 'CREDENTIAL_HELPERS_DIR', value: HELPERS_DIR });
        indexMounts.push({ name: 'credential-helpers', mountPath: HELPERS_DIR, readOnly: true });
    }
    return {
        name: 'index-builder',
        image: settings.indexImage,
        command: ['/bin/sh', `${SCRIPTS_DIR}/${INDEX_SCRIPT}`],
        env: indexEnv,
        resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '256Mi' } },
        securityContext: { allowPrivilegeEscalation: false, privileged: false, runAsNonRoot: false, runAsUser: 0 },
        terminationMessagePolicy: 'FallbackToLogsOnError',
        volumeMounts: indexMounts,
    };
}
/** What the next run, ArgoCD and a reader of the manifest learn about the build from the Pod. */
function podAnnotations(image, settings, key) {
    const annotations = {
        [ANNOTATION.dockerfile]: image.dockerfile,
        [ANNOTATION.dockerfileSha256]: image.sha256,
        [ANNOTATION.effectiveSha256]: image.effective,
        [ANNOTATION.hashCovers]: image.covers,
        [ANNOTATION.image]: image.image,
    };
    if (image.platforms !== undefined && image.platform !== '')
        annotations[ANNOTATION.platform] = image.platform;
    if (settings.context === 'git')
        annotations[ANNOTATION.commit] = image.commit;
    if (image.forced)
        annotations[ANNOTATION.forced] = settings.forceNonce;
    // ArgoCD starts a wave when the earlier ones are Healthy: a child builds after its parents Succeeded.
    if (settings.ordering === 'sync-waves' && image.wave > 0)
        annotations['argocd.argoproj.io/sync-wave'] = String(image.wave);
    annotations[ANNOTATION.renderKey] = key;
    checkAnnotationsSize(image.dockerfile, annotations);
    return annotations;
}
/**
 * A Pod with every optional part set (git context, registry ordering, a secret merged with
 * credential helpers), its opposite (local context, nothing set but the secret), credential helpers
 * without a secret, neither, and the first under sync-wave ordering.
 */
const SAMPLE_IMAGE = {
    name: 'sample',
    // Characters the emitter must quote or escape, and references the kubelet would expand (verbatim),
    // in a path and a build arg, so that a change in how either is written shows.
    dockerfile: 'apps/sample: "x" #1/$(GIT_PASSWORD)$$/\u00fc/Dockerfile',
    sha256: '0'.repeat(64),
    effective: '1'.repeat(64),
    covers: 'context apps: 2 file(s) of the commit; parents: base',
    tag: '1'.repeat(16),
    repository: 'registry.sample:5000/team/sample',
    image: `registry.sample:5000/team/sample:${'1'.repeat(16)}`,
    contextDir: 'apps',
    dockerfileInContext: 'sample: "x" #1/$(GIT_PASSWORD)$$/\u00fc/Dockerfile',
    commit: '2'.repeat(40),
    forced: true,
    status: 'unchanged',
    wave: 1,
    parents: [`registry.sample:5000/team/base:${'3'.repeat(16)}`, `registry.sample:5000/team/tools:${'4'.repeat(16)}`],
    forcedParents: [`registry.sample:5000/team/base:${'3'.repeat(16)}`],
    buildArgs: [`BASE=registry.sample:5000/team/base:${'3'.repeat(16)}`, 'V=1.10$(GIT_PASSWORD)'],
    target: 'runtime',
    platform: 'linux/arm64',
    extraTags: ['latest'],
    resources: { requests: { cpu: '1' }, limits: { memory: '2Gi' } },
    // A value YAML 1.1 would read as a number (sexagesimal) unless quoted.
    nodeSelector: { 'kubernetes.io/arch': 'arm64', 'example.com/rack': '1_2:3' },
    tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'builds', effect: 'NoSchedule' }],
};
const SAMPLE_SETTINGS = {
    namespace: 'sample',
    registrySecret: 'sample-registry',
    serviceAccount: 'sample-builder',
    // The image's host has a helper; acr-env adds Azure's label.
    credentialHelpers: { 'registry.sample:5000': 'ecr-login', 'sample.azurecr.io': 'acr-env' },
    executorImage: 'ghcr.io/sample/kaniko:v1-debug',
    checkImage: 'quay.io/sample/skopeo:v1',
    insecureRegistries: ['registry.sample:5000'],
    forceNonce: '1-1',
    context: 'git',
    contextPrefix: 'sub',
    gitUrl: 'git://github.com/sample/sample.git',
    gitRef: 'refs/heads/main',
    gitSecret: 'sample-git',
    localPath: '/srv/sample',
    repositoryName: 'sample-'.repeat(10),
    cache: true,
    cacheRepo: 'registry.sample:5000/cache',
    cacheTtl: '1h',
    snapshotMode: 'redo',
    compressedCaching: false,
    extraArgs: ['--push-retry=3'],
    ordering: 'registry',
    parentTimeout: 10800,
    indexImage: 'quay.io/sample/buildah:v1',
};
let fingerprint;
/**
 * A hash of the Pods this code renders for two fixed samples that between them take every branch of
 * podObject, named and written as in a manifest. It enters every render key, so that a change to the
 * code that shapes a Pod (podObject, the emitter, naming) renders every Pod anew instead of reusing the
 * text an older version wrote; a change elsewhere keeps the keys. Computed once per process.
 */
function podCodeFingerprint() {
    if (fingerprint === undefined) {
        const { resources: _resources, ...plain } = SAMPLE_IMAGE;
        const local = {
            ...plain,
            contextDir: '',
            dockerfileInContext: plain.dockerfile,
            forced: false,
            wave: 0,
            parents: [],
            forcedParents: [],
            buildArgs: [],
            target: '',
            platform: '',
            extraTags: [],
            nodeSelector: {},
            tolerations: [],
        };
        const localSettings = {
            ...SAMPLE_SETTINGS,
            context: 'local',
            contextPrefix: '',
            insecureRegistries: [],
            cache: false,
            serviceAccount: '',
            credentialHelpers: {},
        };
        const helpersOnly = { ...localSettings, registrySecret: '', credentialHelpers: { 'other.sample': 'gcr' } };
        const texts = [
            nameDocument(podObject(SAMPLE_IMAGE, SAMPLE_SETTINGS, 'sample-scripts', 'sample-key'), SAMPLE_IMAGE.name).text,
            nameDocument(podObject(local, localSettings, 'sample-scripts', 'sample-key'), local.name).text,
            nameDocument(podObject(local, helpersOnly, 'sample-scripts', 'sample-key'), local.name).text,
            // No credentials at all: no secret, no helpers.
            nameDocument(podObject(local, { ...localSettings, registrySecret: '' }, 'sample-scripts', 'sample-key'), local.name).text,
            // The other ordering: the sync wave instead of the wait.
            nameDocument(podObject(SAMPLE_IMAGE, { ...SAMPLE_SETTINGS, ordering: 'sync-waves' }, 'sample-scripts', 'sample-key'), SAMPLE_IMAGE.name).text,
        ];
        fingerprint = sha256Hex(texts.join('---\n'));
    }
    return fingerprint;
}
let multiArch;
/**
 * Like podCodeFingerprint, for the Pods of a multi-arch image (a platform's and the index's, with
 * and without credential helpers and a secret, forced and not): it enters only their keys.
 */
function multiArchFingerprint() {
    if (multiArch === undefined) {
        const image = { ...SAMPLE_IMAGE, platform: '', platforms: ['linux/amd64', 'linux/arm/v7'] };
        const plain = { ...image, forced: false, extraTags: [], parents: [], forcedParents: [] };
        const bare = { ...SAMPLE_SETTINGS, credentialHelpers: {}, registrySecret: '', insecureRegistries: [], context: 'local' };
        const texts = [
            nameDocument(podObject(image, SAMPLE_SETTINGS, 'sample-scripts', 'sample-key'), podPrefix(image)).text,
            nameDocument(podObject(plain, bare, 'sample-scripts', 'sample-key'), podPrefix(plain)).text,
            nameDocument(podObject(platformBuild(image, 'linux/arm/v7'), SAMPLE_SETTINGS, 'sample-scripts', 'sample-key'), 'sample-armv7').text,
            nameDocument(podObject(platformBuild(plain, 'linux/amd64'), bare, 'sample-scripts', 'sample-key'), 'sample-amd64').text,
        ];
        multiArch = sha256Hex(texts.join('---\n'));
    }
    return multiArch;
}
/** What Kubernetes allows for all of an object's annotations, keys and values together, in bytes. */
const MAX_ANNOTATIONS_BYTES = 256 * 1024;
/**
 * The API server refuses a Pod whose annotations take more than 256 KiB: the paths and the lists of
 * build args and parents in them could, in a repository built to. Refused here, before anything is written.
 */
function checkAnnotationsSize(dockerfile, annotations) {
    let chars = 0;
    for (const [key, value] of Object.entries(annotations))
        chars += key.length + value.length;
    // A character takes 1 to 3 bytes in UTF-8: most Pods need no count of bytes.
    if (chars * 3 <= MAX_ANNOTATIONS_BYTES)
        return;
    const sizes = Object.entries(annotations).map(([key, value]) => [key, Buffer.byteLength(key) + Buffer.byteLength(value)]);
    const total = sizes.reduce((sum, [, size]) => sum + size, 0);
    if (total <= MAX_ANNOTATIONS_BYTES)
        return;
    const [largest, size] = sizes.reduce((a, b) => (b[1] > a[1] ? b : a));
    throw new InputError(`The Pod of ${dockerfile} has annotations of ${total} bytes in all (${largest}: ${size}): expected at most ${MAX_ANNOTATIONS_BYTES} (256 KiB), the most Kubernetes takes (shorter paths, fewer build args or parents).`);
}
function joinPosix(...parts) {
    return parts.filter((p) => p !== '').join('/');
}

// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __nccwpck_require__(4573);
;// CONCATENATED MODULE: ./src/manifest/yaml.ts

const MANIFEST_HEADER = [
    '# Generated by kaniko-gitops from the Dockerfiles of this repository. Do not edit:',
    '# the next run overwrites it. One kaniko build Pod per image; ArgoCD syncs this folder.',
].join('\n');
/** The line after the header: a digest of the documents, so a run can tell its own text from a hand edit. */
const DIGEST_PREFIX = '# digest: sha256:';
/**
 * The optional line after the digest: the key of everything the documents were rendered from (see
 * runKey in manifest/render.ts). A run with the same key renders the same documents, and need not render them.
 */
const INPUTS_PREFIX = '# inputs: sha256:';
/**
 * Are `documents` the verified documents of the file read before? Reused Pods are the very strings
 * read from the file, so most comparisons are of references.
 */
function sameDocuments(documents, previous) {
    const before = previous.verified?.documents;
    return before !== undefined && before.length === documents.length && documents.every((d, i) => d.text === before[i]);
}
/**
 * The manifest file: the header, the digest of the documents, the key of the inputs (when given),
 * then each document after a `---` line, in the order given. The same documents always give the same
 * bytes (see emitYaml and nameDocument), and different documents different bytes: no document has a
 * `---` line of its own.
 */
function serializeManifest(documents, inputs) {
    const body = documents.map((d) => `---\n${d.text}`).join('');
    return `${MANIFEST_HEADER}\n${DIGEST_PREFIX}${sha256Hex(body)}\n${inputs === undefined ? '' : `${INPUTS_PREFIX}${inputs}\n`}${body}`;
}

;// CONCATENATED MODULE: ./src/manifest/previous.ts






function record(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
}
function previous_text(value) {
    return typeof value === 'string' ? value : '';
}
const OWN = Buffer.from(`${MANIFEST_HEADER}\n${DIGEST_PREFIX}`);
const INPUTS = Buffer.from(INPUTS_PREFIX);
/**
 * Reads what an earlier run wrote: for each build Pod, its Dockerfile, hash, pinned commit and name.
 * A file this action wrote (it starts with MANIFEST_HEADER) is read line by line, taking only those
 * annotations: parsing a thousand documents into YAML trees cost more than the rest of a run. Any
 * other file goes through the YAML parser; one that is not valid YAML is reported through `problem`
 * and otherwise ignored: the manifest is generated, and rendering it anew only re-pins commits.
 *
 * An own file is read as bytes: the digest is checked on them, only each Pod's metadata becomes a
 * string (see scanOwnManifest), and the text of the file and of each document is decoded when asked
 * for. A run that takes the file as it is never turns megabytes into a string (which also cost a
 * full garbage collection).
 */
async function readPreviousManifest(content) {
    if (content === undefined)
        return { text: '', images: new Map() };
    const bytes = typeof content === 'string' ? Buffer.from(content) : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
    let whole = typeof content === 'string' ? content : undefined;
    const textOf = () => {
        whole ??= bytes.toString('utf8');
        return whole;
    };
    if (bytes.length < OWN.length || bytes.compare(OWN, 0, OWN.length, 0, OWN.length) !== 0)
        return parseManifest(textOf());
    const digestEnd = bytes.indexOf(10, OWN.length);
    const digest = bytes.toString('latin1', OWN.length, digestEnd === -1 ? OWN.length : digestEnd);
    // The inputs line, when there is one, is outside the digest: the digest is of the documents alone.
    const hasInputs = digestEnd !== -1 &&
        digestEnd + 1 + INPUTS.length <= bytes.length &&
        bytes.compare(INPUTS, 0, INPUTS.length, digestEnd + 1, digestEnd + 1 + INPUTS.length) === 0;
    const inputsEnd = hasInputs ? bytes.indexOf(10, digestEnd + 1) : digestEnd;
    const inputs = hasInputs
        ? bytes.toString('latin1', digestEnd + 1 + INPUTS.length, inputsEnd === -1 ? bytes.length : inputsEnd)
        : undefined;
    const bodyStart = digestEnd === -1 || inputsEnd === -1 ? bytes.length : inputsEnd + 1;
    const body = bytes.subarray(bodyStart);
    // The action writes UTF-8, and every document after a `---` line: then the documents joined again are the body.
    const intact = body.length >= 4 && body.toString('latin1', 0, 4) === '---\n' && (0,external_node_buffer_.isUtf8)(body) && digest === sha256Hex(body);
    const scanned = scanOwnManifest(body, intact);
    // A field written as a block scalar (a path that ends in a newline) is beyond the line reader.
    if (scanned === undefined)
        return parseManifest(textOf());
    const known = inputs !== undefined && /^[0-9a-f]{64}$/.test(inputs) ? { inputs } : {};
    return {
        get text() {
            return textOf();
        },
        images: scanned.images,
        platformPods: scanned.platformPods,
        ...(intact && scanned.names !== undefined
            ? {
                verified: {
                    get documents() {
                        return scanned.documents();
                    },
                    names: scanned.names,
                    ...known,
                },
            }
            : {}),
    };
}
/** The fields read from each Pod, as the emitter writes them: each on one line of the metadata. */
const FIELDS = [
    ['name', '\n  name: '],
    [LABEL.name, `\n    ${LABEL.name}: `],
    [ANNOTATION.dockerfile, `\n    ${ANNOTATION.dockerfile}: `],
    [ANNOTATION.dockerfileSha256, `\n    ${ANNOTATION.dockerfileSha256}: `],
    [ANNOTATION.effectiveSha256, `\n    ${ANNOTATION.effectiveSha256}: `],
    [ANNOTATION.image, `\n    ${ANNOTATION.image}: `],
    [ANNOTATION.platform, `\n    ${ANNOTATION.platform}: `],
    [ANNOTATION.commit, `\n    ${ANNOTATION.commit}: `],
    [ANNOTATION.renderKey, `\n    ${ANNOTATION.renderKey}: `],
];
/** A scalar as emitYaml writes it: plain, or JSON-quoted. */
function scalar(text) {
    if (!text.startsWith('"'))
        return text;
    try {
        const value = JSON.parse(text.replace(/\\U([0-9a-fA-F]{8})/g, (_m, hex) => String.fromCodePoint(Number.parseInt(hex, 16))));
        return typeof value === 'string' ? value : '';
    }
    catch {
        return '';
    }
}
const POD_START = 'apiVersion: v1\nkind: Pod\nmetadata:';
const SEPARATOR = Buffer.from('\n---\n');
const SPEC = Buffer.from('\nspec:\n');
/**
 * `body` is everything after the header lines. Documents are found with Buffer.indexOf, and only each
 * Pod's metadata (up to `spec:`) becomes a string, as latin1 so that its offsets are the bytes':
 * three calls into the runtime per Pod, string searches within, and no string of megabytes. A value
 * beyond ASCII is decoded again from its bytes as UTF-8. With `intact`, each document is checked
 * against its name (a hand edit under a digest made again keeps a name its text no longer gives), a
 * Pod that passes keeps its text for reuse, `names` lists the names when every document passed, and
 * `documents` gives every document's text in file order; texts are decoded on first use, once.
 */
function scanOwnManifest(body, intact) {
    const images = new Map();
    const platformPods = new Map();
    let names = intact ? [] : undefined;
    const ranges = [];
    const decoded = [];
    const documentText = (i) => {
        let doc = decoded[i];
        if (doc === undefined) {
            doc = body.toString('utf8', ranges[2 * i], ranges[2 * i + 1]);
            decoded[i] = doc;
        }
        return doc;
    };
    let at = body.length >= 4 && body.toString('latin1', 0, 4) === '---\n' ? 4 : 0;
    while (at < body.length) {
        const next = body.indexOf(SEPARATOR, at);
        const end = next === -1 ? body.length : next + 1;
        const index = ranges.length / 2;
        ranges.push(at, end);
        const specAt = body.indexOf(SPEC, at);
        const meta = body.toString('latin1', at, specAt === -1 || specAt > end ? end : specAt);
        const named = intact ? nameOfText(body.subarray(at, end), meta) : undefined;
        if (named === undefined)
            names = undefined;
        else
            names?.push(`${named.kind}/${named.name}`);
        if (meta.startsWith(POD_START)) {
            const ascii = !NOT_ASCII.test(meta);
            const fields = {};
            // The fields are looked for in the order the emitter writes them, each from where the last
            // one ended: one pass over the metadata. A field not found there (an edited file) is looked
            // for from the start.
            let from = 0;
            for (let f = 0; f < FIELDS.length; f++) {
                const [key, marker] = FIELDS[f];
                let found = meta.indexOf(marker, from);
                if (found === -1 && from > 0)
                    found = meta.indexOf(marker);
                if (found === -1)
                    continue;
                const valueAt = found + marker.length;
                const newline = meta.indexOf('\n', valueAt);
                const lineEnd = newline === -1 ? meta.length : newline;
                from = lineEnd;
                let raw = meta.slice(valueAt, lineEnd);
                if (!ascii && NOT_ASCII.test(raw))
                    raw = body.toString('utf8', at + valueAt, at + lineEnd);
                // A field written as a block scalar (a path that ends in a newline) is beyond this reader.
                if (raw.startsWith('|') || raw.startsWith('>'))
                    return undefined;
                fields[key] = scalar(raw);
            }
            // A Pod is named after its image: the label, which its text (and so its name's hash) holds.
            const own = named?.kind === 'Pod' && named.prefix === prefixOf(fields[LABEL.name] ?? '', fields[ANNOTATION.platform] ?? '');
            if (!own)
                names = undefined;
            addImage({ images, platformPods }, fields.name ?? '', fields[LABEL.name] ?? '', fields, own ? () => documentText(index) : undefined);
        }
        if (next === -1)
            break;
        at = next + SEPARATOR.length;
    }
    return {
        images,
        platformPods,
        documents: () => Array.from({ length: ranges.length / 2 }, (_, i) => documentText(i)),
        ...(names !== undefined ? { names } : {}),
    };
}
const NOT_ASCII = /[^\p{ASCII}]/u;
/** A platform Pod's key in PreviousManifest.platformPods. */
function platformKey(dockerfile, platform) {
    return `${dockerfile}\n${platform}`;
}
/** The name prefix of the Pod of image `name` (a platform Pod's: with its platform's suffix). */
function prefixOf(name, platform) {
    return platform === '' ? name : platformPodPrefix(name, platform);
}
function addImage({ images, platformPods }, pod, name, annotations, doc) {
    const dockerfile = previous_text(annotations[ANNOTATION.dockerfile]);
    const sha256 = previous_text(annotations[ANNOTATION.dockerfileSha256]);
    const commit = previous_text(annotations[ANNOTATION.commit]);
    if (dockerfile === '' || !/^[0-9a-f]{64}$/.test(sha256))
        return;
    const effective = previous_text(annotations[ANNOTATION.effectiveSha256]);
    const image = {
        name,
        dockerfile,
        sha256,
        effective: /^[0-9a-f]{64}$/.test(effective) ? effective : sha256,
        commit: /^[0-9a-f]{40}$/.test(commit) ? commit : '',
        pod,
        image: previous_text(annotations[ANNOTATION.image]),
    };
    const key = previous_text(annotations[ANNOTATION.renderKey]);
    const platform = previous_text(annotations[ANNOTATION.platform]);
    if (platform !== '' && !isKnownPlatform(platform))
        return // The Pod's text is decoded when a render reuses it, not before.
        ;
    (platform === '' ? images : platformPods).set(platform === '' ? dockerfile : platformKey(dockerfile, platform), doc !== undefined && key !== ''
        ? {
            ...image,
            renderKey: key,
            get text() {
                return doc();
            },
        }
        : image);
}
async function parseManifest(content) {
    // Loaded only for files this action did not write: the yaml package costs start-up time.
    const { parseAllDocuments } = await __nccwpck_require__.e(/* import() */ 815).then(__nccwpck_require__.t.bind(__nccwpck_require__, 8815, 19));
    const images = new Map();
    const platformPods = new Map();
    for (const doc of parseAllDocuments(content)) {
        if (doc.errors.length > 0) {
            return { text: content, images: new Map(), problem: `it is not valid YAML (${doc.errors[0]?.message.split('\n')[0]})` };
        }
        const object = record(doc.toJS());
        if (object.kind !== 'Pod')
            continue;
        const metadata = record(object.metadata);
        addImage({ images, platformPods }, previous_text(metadata.name), previous_text(record(metadata.labels)[LABEL.name]), record(metadata.annotations));
    }
    return { text: content, images, platformPods };
}

;// CONCATENATED MODULE: ./src/manifest/render.ts









const RUN_KEY_SETTINGS = [...POD_SETTING_KEYS, 'registry', 'forceBuild', 'forceImages'];
const everyRenderSettingKeyed = true;
void everyRenderSettingKeyed;
/**
 * The key of everything a render reads but the previous manifest and the commit: the settings, the
 * scanned Dockerfiles (paths, hashes, what their tags cover, per-image settings), the skipped ones,
 * the scripts (through the ConfigMap's content name) and the running code; when forcing, the commit
 * too, which the forced Pods are pinned to. A manifest rendered from
 * the same key, unedited, is what a render would write again: every image keeps its hash, so every
 * Pod keeps its pinned commit and its text (a render is idempotent, which test/manifest/run-key.test.ts checks).
 */
function runKey(settings, scan, scriptsConfigMap, codeIdentity) {
    // The force nonce changes with every run, and shapes only the Pods of forced images.
    const forcing = settings.forceBuild || settings.forceImages.length > 0;
    const values = RUN_KEY_SETTINGS.map((key) => (key === 'forceNonce' && !forcing ? '' : settings[key]));
    // The Dockerfile's text is left out: its sha256 stands for it.
    const files = scan.files.map(({ text: _text, ...file }) => file);
    // A forced image is pinned to the commit being rendered: a forced run never takes an older one's Pods.
    const commit = forcing ? [settings.commitSha] : [];
    return sha256Hex(JSON.stringify(['kaniko-gitops run v1', codeIdentity, scriptsConfigMap, values, files, scan.skipped, ...commit]));
}
/**
 * Plans and renders the scanned Dockerfiles against a previous manifest (`previousText`, from
 * `source`), which supplies the pinned commits of unchanged images. Pure but for the log.
 *
 * Steady state: when the previous manifest is this action's own, unedited, and records the same run
 * key, it is the result as it is, and nothing is planned or rendered.
 */
async function renderScan(settings, scan, previousText, source, log, code) {
    const configMap = nameDocument(buildScriptsConfigMap(scriptsOf(code.scripts, scan), settings.namespace), 'kaniko-gitops-scripts');
    const key = runKey(settings, scan, configMap.name, code.identity);
    const previous = await readPreviousManifest(previousText);
    if (previous.problem) {
        log.warning(`The existing manifest ${source} is ignored: ${previous.problem}. It is rendered anew from the Dockerfiles.`);
    }
    if (previous.verified?.inputs === key && holdsEveryImage(previous, scan, configMap.name)) {
        return sameInputs(settings, scan, previous, key, log);
    }
    const plan = await log.group('Plan', async () => planAndLog(settings, scan, previous, log));
    return log.group('Render', async () => {
        const { pods, reused } = renderPods(plan, settings, previous, configMap.name);
        const documents = [configMap, ...pods.flat()];
        // The same documents: the file stays as it is, its inputs line too (a render of other code, or
        // with warnings, differs only there, and a file that changes only there is not worth a commit).
        const same = sameDocuments(documents, previous);
        // The key is recorded only for a render without warnings: a run that skips rendering skips them too.
        const written = same ? undefined : serializeManifest(documents, plan.warnings.length === 0 ? key : undefined);
        if (written !== undefined)
            checkManifestSize(written, documents.length - 1);
        // Other documents than the verified ones are another file (see serializeManifest): no need to decode
        // the old one to compare. A file that was not verified is compared as text.
        const changed = !same && (previous.verified !== undefined || written !== previous.text);
        log.info(`${documents.length - 1} Pod(s) (${reused} unchanged, taken as they were)${written === undefined ? '' : `, ${written.length} bytes`}, ${changed ? 'changed' : 'unchanged'}`);
        return {
            get manifest() {
                return written ?? previous.text;
            },
            changed,
            images: plan.images.map((image, i) => reportOf(image, pods[i]?.[0]?.name ?? '', plan)),
            removed: plan.removed,
            skipped: scan.skipped,
            reused,
            sameInputs: false,
            parents: plan.parents,
        };
    });
}
/** Plans the images, and logs the plan: a line per image, and per image removed. */
function planAndLog(settings, scan, previous, log) {
    const skipped = new Set(scan.skipped);
    const planned = planImages(scan.files, settings, previous.images, scan.skipped);
    for (const warning of planned.warnings)
        log.warning(warning);
    log.info([
        ...planned.images.map((image) => planLine({ ...image, ...renamedFrom(planned.renamed.get(image.dockerfile), image.dockerfile) })),
        ...planned.removed.map((gone) => `${(0,common_inert/* inert */.tJ)(gone.name)}: removed (${skipped.has(gone.dockerfile) ? 'skipped by the config' : `${(0,common_inert/* inert */.tJ)(gone.dockerfile)} is gone`})`),
    ].join('\n'));
    return planned;
}
/**
 * The Pods of each planned image: one, or a multi-arch image's index Pod and then a Pod per platform;
 * each the previous manifest's text when its inputs did not change, else a new one.
 */
function renderPods(plan, settings, previous, configMap) {
    let reused = 0;
    const render = (image, before) => {
        if (before?.text !== undefined && before.renderKey === renderKey(image, settings, configMap)) {
            reused++;
            return { name: before.pod, text: before.text };
        }
        return nameDocument(buildPod(image, settings, configMap), podPrefix(image));
    };
    const pods = plan.images.map((image) => [
        render(image, previous.images.get(image.dockerfile)),
        ...(image.platforms ?? []).map((platform) => render(platformBuild(image, platform), previous.platformPods?.get(platformKey(image.dockerfile, platform)))),
    ]);
    return { pods, reused };
}
/** The scripts of the ConfigMap: the index Pod's only when an image is multi-arch, so that no other manifest changes. */
function scriptsOf(scripts, scan) {
    if (scan.files.some((file) => file.settings?.platforms !== undefined))
        return scripts;
    const { index: _index, ...rest } = scripts;
    return rest;
}
/** The next run reads the manifest back, within the same limit (a UTF-16 unit is at most 3 bytes of UTF-8). */
function checkManifestSize(written, pods) {
    if (written.length * 3 <= LIMITS.manifestBytes || Buffer.byteLength(written) <= LIMITS.manifestBytes)
        return;
    throw new LimitError(`the manifest would have ${Buffer.byteLength(written)} bytes, more than the ${showBytes(LIMITS.manifestBytes)} a manifest may have (${pods} Pods): expected fewer images, or smaller per-image settings`);
}
function reportOf(image, pod, plan) {
    return {
        name: image.name,
        dockerfile: image.dockerfile,
        sha256: image.sha256,
        image: image.image,
        tag: image.tag,
        pod,
        forced: image.forced,
        status: image.status,
        ...(image.platforms ? { platforms: image.platforms } : {}),
        ...renamedFrom(plan.renamed.get(image.dockerfile), image.dockerfile),
    };
}
/**
 * Does the verified file hold the documents a render of `scan` writes, in their order: the scripts'
 * ConfigMap, then one Pod per Dockerfile, by image name? Each document was checked against its name;
 * this finds one dropped, added or moved by hand under a digest made again.
 */
function holdsEveryImage(previous, scan, configMap) {
    const names = previous.verified?.names ?? [];
    const platforms = scan.files.reduce((sum, file) => sum + (file.settings?.platforms?.length ?? 0), 0);
    const pods = scan.files.length + platforms;
    if (names.length !== pods + 1 || names[0] !== `ConfigMap/${configMap}` || previous.images.size !== scan.files.length)
        return false;
    let i = 1;
    let last = '';
    for (const image of previous.images.values()) {
        if (names[i++] !== `Pod/${image.pod}` || image.name <= last)
            return false;
        last = image.name;
        // Its platform Pods follow the index Pod, in the order of its platforms.
        for (const platform of (platforms > 0 ? platformLists(scan) : undefined)?.get(image.dockerfile) ?? []) {
            if (names[i++] !== `Pod/${previous.platformPods?.get(platformKey(image.dockerfile, platform))?.pod}`)
                return false;
        }
    }
    return scan.files.every((file) => previous.images.has(file.path));
}
/** The report fields of a renamed image (`was`: what it was in the previous manifest); none for another. */
function renamedFrom(was, dockerfile) {
    if (was === undefined)
        return {};
    return was.dockerfile === dockerfile ? { previousName: was.name } : { previousName: was.name, previousDockerfile: was.dockerfile };
}
function planLine(image) {
    // Names and references of the previous manifest are text from a file, like any path.
    return `${(0,common_inert/* inert */.tJ)(image.name)}: ${(0,common_inert/* inert */.tJ)(image.image)} (${(0,common_inert/* inert */.tJ)(statusText(image, true))})`;
}
const platformListsCache = new WeakMap();
/** The platforms of each multi-arch image of the scan, by Dockerfile path (once per scan). */
function platformLists(scan) {
    let lists = platformListsCache.get(scan);
    if (lists === undefined) {
        lists = new Map(scan.files.flatMap((file) => (file.settings?.platforms ? [[file.path, file.settings.platforms]] : [])));
        platformListsCache.set(scan, lists);
    }
    return lists;
}
/** The report field of a multi-arch image's platforms, from its scanned settings. */
function platformsOf(scan, dockerfile) {
    const platforms = platformLists(scan).get(dockerfile);
    return platforms ? { platforms } : {};
}
/** The outcome of a render whose inputs are those of the previous manifest: that manifest, every image unchanged. */
async function sameInputs(settings, scan, previous, key, log) {
    const forced = new Set(settings.forceImages);
    let parents;
    const images = [...previous.images.values()]
        .map((before) => ({
        name: before.name,
        dockerfile: before.dockerfile,
        sha256: before.sha256,
        image: before.image,
        tag: before.image.slice(before.image.lastIndexOf(':') + 1),
        pod: before.pod,
        forced: settings.forceBuild || forced.has(before.name),
        status: 'unchanged',
        ...platformsOf(scan, before.dockerfile),
    }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    await log.group('Plan', async () => {
        log.info([...images.map(planLine), `The manifest was rendered from these same inputs (sha256:${key}): nothing to plan.`].join('\n'));
    });
    await log.group('Render', async () => {
        log.info(`${images.length} Pod(s) (${images.length} unchanged, taken as they were), unchanged`);
    });
    return {
        // Decoded only if asked for: render mode writes nothing, and never does.
        get manifest() {
            return previous.text;
        },
        changed: false,
        images,
        removed: [],
        skipped: scan.skipped,
        reused: images.length,
        sameInputs: true,
        // Worked out only when a report draws the graph: this path exists to skip planning.
        get parents() {
            parents ??= imageParents(scan.files, new Map(images.map((image) => [image.dockerfile, image.name])), settings.registry);
            return parents;
        },
    };
}

;// CONCATENATED MODULE: ./src/scan/glob.ts
/**
 * The `dockerfiles` patterns, matched against repository-relative POSIX paths in time linear in the
 * path: in `diff` mode the file names are a pull request's, and a matcher that backtracks (a regular
 * expression per pattern, as picomatch builds) takes seconds for a pattern with eight `*`s on a name
 * of 60 characters, and its time grows as the eighth power of the length (docs/decisions/patterns.md).
 *
 * Supported: `*` (any run of characters within one path segment, a leading dot included), `**` (a
 * whole segment: any number of folders), `?` (one character), `[abc]`, `[a-z]`, `[!a-z]` (one
 * character of the set, or not of it; never `/`), `{a,b}` (alternatives, nested too) and a leading
 * `!` to exclude. Case counts, and every other character is itself (`\`, `(`, `+` and `@` too). A
 * pattern without a slash matches the file name in any folder (as in .gitignore), so `Dockerfile`
 * finds `services/api/Dockerfile`; one with a slash, leading (`/Dockerfile`, `./Dockerfile`) or
 * inside, matches from the root only; a trailing slash (`images/`) means every file below.
 */
/** Alternatives one pattern's braces may make: each is matched on its own. */
const MAX_ALTERNATIVES = 1000;
function compilePatterns(patterns) {
    // Patterns without a slash are tested against the file name alone: the walk asks for every file.
    const include = [];
    const exclude = [];
    for (const raw of patterns) {
        const pattern = raw.trim();
        if (pattern === '' || pattern.startsWith('#'))
            continue;
        if (pattern.startsWith('!'))
            exclude.push(compileGlob(pattern.slice(1)));
        else
            include.push(compileGlob(pattern));
    }
    // Plain loops: the walk asks once per file, and a closure per call cost more than the tests.
    const any = (globs, dir, name) => {
        for (const g of globs) {
            if (g.onName ? g.test(name) : g.couldBe(name) && g.test(dir ? `${dir}/${name}` : name))
                return true;
        }
        return false;
    };
    const matchesIn = (dir, name) => any(include, dir, name) && !any(exclude, dir, name);
    // The usual case, one pattern on the file name alone (`Dockerfile`), is one test per file.
    const only = include.length === 1 && exclude.length === 0 && include[0]?.onName ? include[0] : undefined;
    return {
        matches: (path) => {
            const slash = path.lastIndexOf('/');
            return matchesIn(slash === -1 ? '' : path.slice(0, slash), path.slice(slash + 1));
        },
        matchesIn: only ? (_dir, name) => only.test(name) : matchesIn,
    };
}
const ANY_CHAR = -1;
const ANY_RUN = -2;
/** Compiles one pattern (without its `!`); throws an Error naming the pattern when it cannot be compiled. */
function compileGlob(glob) {
    let pattern = glob.trim();
    // As in .gitignore, a leading slash anchors the pattern at the root (`/Dockerfile` is the root's only).
    let anchored = false;
    if (pattern.startsWith('./')) {
        pattern = pattern.slice(2);
        anchored = true;
    }
    if (pattern.startsWith('/')) {
        pattern = pattern.slice(1);
        anchored = true;
    }
    if (pattern.endsWith('/'))
        pattern = `${pattern}**`;
    if (pattern === '')
        throw new Error(`glob pattern '${glob}' is empty`);
    const items = read(pattern, glob);
    // Without a slash, `**` can only be the whole pattern: it matches every path.
    anchored ||= pattern.includes('/') || items.includes('**');
    const alternatives = expand(items, glob);
    if (!anchored) {
        const test = anyName(alternatives.map((steps) => nameTest(steps)));
        return { onName: true, test, couldBe: test };
    }
    const paths = alternatives.map(segmentsOf);
    const lasts = paths.map((segments) => segments[segments.length - 1]);
    return {
        onName: false,
        test: (path) => paths.some((segments) => matchPath(segments, path)),
        couldBe: (name) => lasts.some((last) => last === '**' || last(name, 0, name.length)),
    };
}
/** Reads the text of a pattern into steps, `**`, slashes and braces. */
function read(pattern, original) {
    const items = [];
    let braceDepth = 0;
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern.charAt(i);
        if (c === '*' && pattern[i + 1] === '*') {
            const atSegmentStart = i === 0 || pattern[i - 1] === '/';
            const atSegmentEnd = i + 2 === pattern.length || pattern[i + 2] === '/';
            if (!atSegmentStart || !atSegmentEnd) {
                throw new Error(`glob pattern '${original}': '**' must be a whole path segment, as in 'a/**/b'`);
            }
            items.push('**');
            i += 1;
        }
        else if (c === '*')
            items.push(ANY_RUN);
        else if (c === '?')
            items.push(ANY_CHAR);
        else if (c === '[')
            i = characterClass(pattern, i, original, items);
        else if (c === '{') {
            braceDepth++;
            items.push('{');
        }
        else if ((c === '}' || c === ',') && braceDepth > 0) {
            if (c === '}')
                braceDepth--;
            items.push(c);
        }
        else if (c === '/')
            items.push('/');
        else
            items.push(pattern.charCodeAt(i));
    }
    if (braceDepth !== 0)
        throw new Error(`glob pattern '${original}': '{' has no closing '}'`);
    return items;
}
/**
 * Reads `[...]` at `start` (the first `]` after at least one character closes it, so `[]a]` is `]`
 * or `a`) into one step; returns the index of its `]`.
 */
function characterClass(pattern, start, original, items) {
    const end = pattern.indexOf(']', start + 2);
    if (end === -1)
        throw new Error(`glob pattern '${original}': '[' has no closing ']'`);
    let set = pattern.slice(start + 1, end);
    const negated = set.startsWith('!') || set.startsWith('^');
    if (negated)
        set = set.slice(1);
    let re;
    try {
        re = new RegExp(`^[${negated ? '^' : ''}${set.replace(/[\\\]]/g, '\\$&')}]$`);
    }
    catch (error) {
        throw new Error(`glob pattern '${original}': the character class '${pattern.slice(start, end + 1)}' is not valid`, { cause: error });
    }
    // ASCII from a table, made once: the walk asks every file name.
    const ascii = Uint8Array.from({ length: 128 }, (_, code) => (re.test(String.fromCharCode(code)) ? 1 : 0));
    items.push((code) => (code < 128 ? ascii[code] === 1 : re.test(String.fromCharCode(code))));
    return end;
}
/** The brace-free item lists a pattern's braces stand for, at most MAX_ALTERNATIVES. */
function expand(items, original) {
    let at = 0;
    // A sequence up to the `,` or `}` that ends it, braces expanded.
    const sequence = () => {
        let result = [[]];
        while (at < items.length && items[at] !== ',' && items[at] !== '}') {
            const item = items[at++];
            if (item !== '{') {
                for (const alternative of result)
                    alternative.push(item);
                continue;
            }
            const group = [];
            do
                group.push(...sequence());
            while (items[at++] === ',');
            if (result.length * group.length > MAX_ALTERNATIVES) {
                throw new Error(`glob pattern '${original}': its braces make more than ${MAX_ALTERNATIVES} alternatives; write them as patterns of their own lines`);
            }
            result = result.flatMap((head) => group.map((tail) => [...head, ...tail]));
        }
        return result;
    };
    return sequence();
}
/** The segments of a brace-free anchored pattern. A `**` at the end is one segment or more: `a/**` is every file below `a`, not `a`. */
function segmentsOf(items) {
    const segments = [];
    let current = [];
    for (const item of [...items, '/']) {
        if (item !== '/')
            current.push(item);
        else {
            // `**` is always a whole segment (see read).
            segments.push(current[0] === '**' ? '**' : segmentTest(current));
            current = [];
        }
    }
    if (segments[segments.length - 1] === '**')
        segments.splice(-1, 1, segmentTest([ANY_RUN]), '**');
    return segments;
}
function partsOf(steps) {
    const runs = [];
    let current = [];
    for (const step of [...steps, ANY_RUN]) {
        if (step !== ANY_RUN)
            current.push(step);
        else {
            const plain = current.every((s) => typeof s === 'number' && s >= 0);
            runs.push({ steps: current, text: plain ? current.map((code) => String.fromCharCode(code)).join('') : undefined });
            current = [];
        }
    }
    const least = runs.reduce((sum, run) => sum + run.steps.length, 0);
    const head = runs[0];
    return runs.length === 1
        ? { head, middle: [], tail: undefined, least }
        : { head, middle: runs.slice(1, -1), tail: runs[runs.length - 1], least };
}
/** The plain name a segment is, or the plain suffix of a `*suffix` one: string compares, no steps. */
function plainOf({ head, middle, tail }) {
    if (tail === undefined)
        return head.text === undefined ? {} : { literal: head.text };
    return head.steps.length === 0 && middle.length === 0 && tail.text !== undefined ? { suffix: tail.text } : {};
}
function segmentTest(steps) {
    const parts = partsOf(steps);
    const { literal, suffix } = plainOf(parts);
    if (literal !== undefined)
        return (text, start, end) => end - start === literal.length && text.startsWith(literal, start);
    if (suffix !== undefined)
        return (text, start, end) => end - start >= suffix.length && text.startsWith(suffix, end - suffix.length);
    return (text, start, end) => matchSegment(parts, text, start, end);
}
function nameTest(steps) {
    const parts = partsOf(steps);
    const { literal, suffix } = plainOf(parts);
    if (literal !== undefined)
        return { test: (name) => name === literal, literal };
    if (suffix !== undefined)
        return { test: (name) => name.endsWith(suffix) };
    return { test: (name) => matchSegment(parts, name, 0, name.length) };
}
/** One test of a file name for a pattern's alternatives; plain names (`{Dockerfile,Containerfile}`) are looked up. */
function anyName(tests) {
    if (tests.length === 1)
        return tests[0].test;
    if (tests.every((t) => t.literal !== undefined)) {
        const names = new Set(tests.map((t) => t.literal));
        return (name) => names.has(name);
    }
    return (name) => tests.some((t) => t.test(name));
}
function passes(step, code) {
    return typeof step === 'number' ? step === code || step === ANY_CHAR : step(code);
}
/** Does `run` match `text` at `at` (the caller has checked there is room)? */
function fits(run, text, at) {
    if (run.text !== undefined)
        return text.startsWith(run.text, at);
    for (let i = 0; i < run.steps.length; i++)
        if (!passes(run.steps[i], text.charCodeAt(at + i)))
            return false;
    return true;
}
/** The first place from `from` where `run` fits before `limit`, or -1. */
function find(run, text, from, limit) {
    const last = limit - run.steps.length;
    // indexOf may look past `limit`, so only where the segment ends the text (a file name): the work stays linear.
    if (run.text !== undefined && limit === text.length) {
        const at = text.indexOf(run.text, from);
        return at <= last ? at : -1;
    }
    for (let at = from; at <= last; at++)
        if (fits(run, text, at))
            return at;
    return -1;
}
/**
 * Does `text` from `start` to `end` (one segment) match? The head and the tail have fixed places;
 * between them each run is taken where it first fits: the `*`s around it can take whatever a later
 * place would leave, so this finds a match when there is one, in O(length × steps).
 */
function matchSegment(parts, text, start, end) {
    const { head, middle, tail } = parts;
    if (tail === undefined)
        return end - start === head.steps.length && fits(head, text, start);
    if (end - start < parts.least || !fits(head, text, start) || !fits(tail, text, end - tail.steps.length))
        return false;
    let at = start + head.steps.length;
    const limit = end - tail.steps.length;
    for (const run of middle) {
        const found = find(run, text, at, limit);
        if (found === -1)
            return false;
        at = found + run.steps.length;
    }
    return true;
}
/**
 * Does the whole `path` match `segments`? The same greedy walk one level up: each segment of the
 * pattern takes one segment of the path, and going back to the last `**` lets it take one more.
 */
function matchPath(segments, path) {
    let s = 0;
    // The start of the path's current segment; past the end (length + 1) when every segment is taken.
    let at = 0;
    let backSegment = -1;
    let backAt = -1;
    while (s < segments.length || at <= path.length) {
        const segment = segments[s];
        const end = at <= path.length ? segmentEnd(path, at) : -1;
        if (segment === '**') {
            backSegment = s++;
            backAt = end === -1 ? -1 : end + 1;
            continue;
        }
        if (segment !== undefined && end !== -1 && segment(path, at, end)) {
            s++;
            at = end + 1;
            continue;
        }
        if (backAt === -1)
            return false;
        s = backSegment;
        at = backAt;
    }
    return true;
}
function segmentEnd(path, start) {
    const slash = path.indexOf('/', start);
    return slash === -1 ? path.length : slash;
}

;// CONCATENATED MODULE: ./src/scan/walk.ts

/** `name` in the folder `rel` ('' for the top), as a path from the top. */
function childPath(rel, name) {
    return rel ? `${rel}/${name}` : name;
}
/**
 * Walks the folders below `top`, depth first, entering a folder only when `calls.enter` says so and
 * a `.git` folder never (it is git's store, not the tree). Symlinks are handed over, never followed;
 * FIFOs, sockets and devices are passed over. Synchronous on purpose: nothing else runs meanwhile,
 * and readdirSync walked a 64,000-file tree in 45-60 ms where async iteration with opendir took 310 ms.
 */
function walkTree(top, calls, start) {
    const folder = (dir, rel, depth, parent) => {
        if (depth > start.maxDepth)
            throw calls.tooDeep(rel);
        let entries;
        try {
            entries = (0,external_node_fs_namespaceObject.readdirSync)(dir, { withFileTypes: true });
        }
        catch (error) {
            calls.unlistable(rel, error);
            return;
        }
        const within = calls.listed(dir, rel, entries, parent);
        for (const entry of entries) {
            const name = entry.name;
            if (entry.isDirectory()) {
                if (name !== '.git' && calls.enter(rel, name, within))
                    folder(`${dir}/${name}`, childPath(rel, name), depth + 1, within);
            }
            else if (entry.isFile())
                calls.file(dir, rel, name, within);
            else if (entry.isSymbolicLink())
                calls.symlink(dir, rel, name, within);
        }
    };
    folder(top, '', start.depth, start.state);
}

;// CONCATENATED MODULE: ./src/scan/discover.ts







/** Folders never searched, whatever the patterns say. */
const PRUNED_FOLDERS = new Set(['.git', 'node_modules']);
/**
 * Names that a pattern such as `Dockerfile.*` or `**` matches but that are never Dockerfiles: ignore
 * files (`Dockerfile.dockerignore`), documents, editor, merge and patch leftovers, and temporary
 * files (a write killed before its rename leaves `.manifest.yaml.<hex>.tmp`).
 */
const NOT_A_DOCKERFILE = /(?:\.(?:dockerignore|md|txt|orig|bak|rej|tmp|sw[a-p])|~)$/i;
const GITMODULES = { the: 'the file', a: 'a .gitmodules file', limit: LIMITS.gitmodulesBytes };
/** Why a listing failure is skipped rather than fatal: the runner may not read the folder (another user's data volume). */
const UNLISTABLE = new Set(['EACCES', 'EPERM']);
/**
 * Walks `root`, never entering PRUNED_FOLDERS nor following symlinked folders, and returns the files
 * that match `patterns`. A matching symlink is kept only when it resolves to a file inside `root`.
 * Files inside another git repository below `root` (a submodule, which kaniko's git context does
 * not clone) and folders the runner cannot list are skipped with a warning.
 */
async function discoverDockerfiles(root, patterns, options = {}) {
    const limits = options.limits ?? LIMITS;
    const walk = new Walk(compilePatterns(patterns), options.generated ?? new Set(), limits);
    let realRoot;
    try {
        realRoot = (0,external_node_fs_namespaceObject.realpathSync)(root);
    }
    catch (error) {
        throw new Error(`cannot read the repository folder '${root}'`, { cause: error });
    }
    walkTree(root, walk, { depth: 0, maxDepth: limits.depth, state: '' });
    const { found, warnings, notes } = walk;
    // Symlinks count: each is resolved to be checked.
    if (found.length + walk.symlinks.length > limits.dockerfiles) {
        throw new LimitError(`${count(found.length + walk.symlinks.length)} files match the 'dockerfiles' patterns, more than the ${count(limits.dockerfiles)} Dockerfiles a run may have: expected at most ${count(limits.dockerfiles)}; narrow 'dockerfiles' or 'path'`);
    }
    for (const relPath of walk.symlinks) {
        const problem = await checkSymlink(external_node_path_default().join(root, ...relPath.split('/')), realRoot);
        if (problem)
            warnings.push(`skipped '${(0,common_inert/* inert */.tJ)(relPath)}': ${problem}`);
        else
            found.push(relPath);
    }
    for (const [submodule, files] of walk.inSubmodules) {
        warnings.push(`skipped ${files.length} Dockerfile(s) in '${(0,common_inert/* inert */.tJ)(submodule)}', a git submodule (or another repository inside this one): kaniko's git context does not clone submodules, so they cannot be built from here: ${files.sort().map(common_inert/* inert */.tJ).join(', ')}`);
    }
    found.sort();
    warnings.sort();
    return { paths: found, warnings, notes };
}
/**
 * What the search decides on its walk of the tree. The state of a folder is the submodule it is in
 * ('' for none).
 */
class Walk {
    matcher;
    generated;
    limits;
    found = [];
    warnings = [];
    notes = [];
    /** Matching symlinks, checked after the walk. */
    symlinks = [];
    /** Matching files inside submodules, by submodule folder. */
    inSubmodules = new Map();
    submodulePaths = new Set();
    entries = 0;
    constructor(matcher, generated, limits) {
        this.matcher = matcher;
        this.generated = generated;
        this.limits = limits;
    }
    tooDeep(rel) {
        return new LimitError(`the folder '${rel}' is more than ${this.limits.depth} folders below 'path': expected at most ${this.limits.depth} (the search for Dockerfiles does not go deeper)`);
    }
    /** The root must be listed; a folder below it that the runner may not list is skipped with a warning. */
    unlistable(rel, error) {
        const code = error.code ?? '';
        if (rel !== '' && UNLISTABLE.has(code)) {
            this.warnings.push(`skipped the folder '${(0,common_inert/* inert */.tJ)(rel)}': it cannot be listed (${code}), so a Dockerfile in it would not be found`);
            return;
        }
        throw new Error(`cannot list the folder '${rel || '.'}'`, { cause: error });
    }
    /** Counts the entries against the limit, and tells whether the folder is a submodule. */
    listed(dir, rel, entries, outer) {
        this.entries += entries.length;
        if (this.entries > this.limits.searchedEntries) {
            throw new LimitError(`the search for Dockerfiles listed more than ${count(this.limits.searchedEntries)} files and folders (up to '${rel || '.'}'), more than a run may list: expected fewer; narrow 'path' (node_modules and .git are never searched)`);
        }
        if (rel === '')
            this.submodulePaths = readGitmodules(dir, entries);
        // A `.git` below the root is another repository (a submodule): kaniko's git context does not clone it.
        const inner = rel !== '' && outer === '' && (this.submodulePaths.has(rel) || entries.some((entry) => entry.name === '.git'));
        return inner ? rel : outer;
    }
    enter(rel, name) {
        return !PRUNED_FOLDERS.has(name) && !this.badName(name, rel);
    }
    file(_dir, rel, name, submodule) {
        if (this.matcher.matchesIn(rel, name) && !this.badName(name, rel))
            this.keep(childPath(rel, name), name, submodule);
    }
    /** A matching symlink is checked after the walk; in a submodule, or named as no Dockerfile, it is only noted. */
    symlink(_dir, rel, name, submodule) {
        if (!this.matcher.matchesIn(rel, name) || this.badName(name, rel))
            return;
        if (submodule !== '' || NOT_A_DOCKERFILE.test(name))
            this.keep(childPath(rel, name), name, submodule);
        else
            this.symlinks.push(childPath(rel, name));
    }
    /** A matching file: a Dockerfile, unless its name or place says otherwise. */
    keep(relPath, name, submodule) {
        if (NOT_A_DOCKERFILE.test(name))
            this.notes.push(`left out '${(0,common_inert/* inert */.tJ)(relPath)}': its name says it is not a Dockerfile`);
        else if (this.generated.has(relPath))
            this.notes.push(`left out '${(0,common_inert/* inert */.tJ)(relPath)}': it is the manifest this action writes`);
        else if (submodule === '')
            this.found.push(relPath);
        else {
            const files = this.inSubmodules.get(submodule);
            if (files)
                files.push(relPath);
            else
                this.inSubmodules.set(submodule, [relPath]);
        }
    }
    /**
     * A name that is not UTF-8 comes back with U+FFFD in it and cannot be opened by that name. A name
     * with a control character (a newline, for one) is no image's, and would break the lines of the
     * log, the summary and the comment. Only the folders entered and the files that match are asked.
     */
    badName(name, rel) {
        const problem = name.includes('\uFFFD')
            ? 'its name is not valid UTF-8'
            : (0,common_inert/* hasControlCharacter */.Fd)(name)
                ? 'its name has a control character or a line separator'
                : undefined;
        if (problem === undefined)
            return false;
        this.warnings.push(`skipped '${(0,common_inert/* inert */.tJ)(childPath(rel, name))}': ${problem}`);
        return true;
    }
}
/**
 * The folders `.gitmodules` at the root declares as submodules: one that is not checked out has no
 * `.git` to tell it by. Read only when the root has the file.
 */
function readGitmodules(root, entries) {
    if (!entries.some((entry) => entry.name === '.gitmodules' && entry.isFile()))
        return new Set();
    let text;
    try {
        text = readRepoFile(`${root}/.gitmodules`, '.gitmodules', GITMODULES, root)?.toString('utf8') ?? '';
    }
    catch (error) {
        if (error instanceof LimitError)
            throw error;
        // Unreadable: the `.git` of each checked-out submodule still tells it.
        return new Set();
    }
    const paths = new Set();
    for (const match of text.matchAll(/^\s*path\s*=\s*(.*?)\s*$/gm)) {
        const value = (match[1] ?? '').replace(/^"(.*)"$/, '$1').replace(/\/+$/, '');
        if (value !== '')
            paths.add(value);
    }
    return paths;
}
async function checkSymlink(file, realRoot) {
    let target;
    try {
        target = (0,external_node_fs_namespaceObject.realpathSync)(file);
    }
    catch {
        return 'it is a broken symlink (or a symlink loop)';
    }
    const rel = external_node_path_default().relative(realRoot, target);
    if (rel.startsWith('..') || external_node_path_default().isAbsolute(rel))
        return 'it is a symlink to a file outside the repository, which is never read';
    const info = (0,external_node_fs_namespaceObject.statSync)(target);
    return info.isFile() ? undefined : 'it is a symlink to something that is not a file';
}

;// CONCATENATED MODULE: ./src/gitops/render-inputs.ts




/**
 * The workflows hold the action's inputs (and its version), which shape every Pod: a later commit
 * that changes them is rendered by its own run, never by an older run with the old inputs.
 */
const WORKFLOWS = '.github/workflows/';
/** Does a change to this repository path (from the top of the repository) change what a render reads? */
function readsPredicate(reads) {
    const matcher = compilePatterns(reads.dockerfiles);
    const contexts = new Set(reads.contextDirs);
    const linked = new Set(reads.linked);
    const prefix = reads.prefix === '' ? '' : `${reads.prefix}/`;
    return (repoPath) => {
        if (repoPath.startsWith(WORKFLOWS) || linked.has(repoPath))
            return true;
        // Discovery leaves out the folders `.gitmodules` names as submodules.
        if (repoPath === '.gitmodules' || repoPath.endsWith('/.gitmodules'))
            return true;
        if (!repoPath.startsWith(prefix))
            return false;
        const file = repoPath.slice(prefix.length);
        if (file === reads.config)
            return true;
        // Discovery never enters these folders: a Dockerfile in one is never an image.
        const folders = file.split('/').slice(0, -1);
        if (!folders.some((folder) => PRUNED_FOLDERS.has(folder)) && matcher.matches(file))
            return true;
        if (!reads.hashContexts)
            return false;
        if (file.endsWith('.dockerignore') || contexts.has(''))
            return true;
        for (let slash = file.indexOf('/'); slash !== -1; slash = file.indexOf('/', slash + 1)) {
            if (contexts.has(file.slice(0, slash)))
                return true;
        }
        return false;
    };
}
/**
 * What the render of `scan` reads. Resolves symlinks among the files read (a few system calls per
 * image): only a commit run whose branch moved on with other files asks.
 */
function renderReadsOf(settings, scan) {
    const hashContexts = settings.hash === 'context';
    const contextDirs = hashContexts ? scan.files.map((f) => f.settings?.contextDir ?? render_inputs_folderOf(f.path)) : [];
    const read = scan.files.map((f) => f.path);
    if (settings.config !== '')
        read.push(settings.config);
    if (hashContexts) {
        // The ignore files the context hash looks for (see ContextHasher.hash).
        scan.files.forEach((f, i) => {
            const dir = contextDirs[i] ?? '';
            read.push(`${f.path}.dockerignore`, dir === '' ? '.dockerignore' : `${dir}/.dockerignore`);
        });
    }
    return {
        prefix: settings.contextPrefix,
        dockerfiles: settings.dockerfiles,
        hashContexts,
        config: settings.config,
        contextDirs: [...new Set(contextDirs)],
        linked: linkTargets(settings.root, settings.contextPrefix, read),
    };
}
function render_inputs_folderOf(file) {
    const slash = file.lastIndexOf('/');
    return slash === -1 ? '' : file.slice(0, slash);
}
/** The real places, from the top of the repository, of the files among `files` (relative to `root`) that a symlink leads to. */
function linkTargets(root, prefix, files) {
    let realRoot;
    try {
        realRoot = external_node_fs_namespaceObject.realpathSync.native(root);
    }
    catch {
        return [];
    }
    const targets = [];
    for (const file of files) {
        let real;
        try {
            real = external_node_fs_namespaceObject.realpathSync.native(external_node_path_default().join(root, ...file.split('/')));
        }
        catch {
            continue; // absent (an ignore file that is not there): nothing read
        }
        const rel = external_node_path_default().relative(realRoot, real).split((external_node_path_default()).sep).join('/');
        if (rel === file || external_node_path_default().isAbsolute(rel))
            continue;
        // A link out of the repository leads to nothing a commit changes.
        const fromTop = external_node_path_default().posix.join(prefix, rel);
        if (fromTop !== '..' && !fromTop.startsWith('../'))
            targets.push(fromTop);
    }
    return targets;
}

;// CONCATENATED MODULE: ./src/gitops/commit.ts





const MAX_COMMIT_ATTEMPTS = 5;
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
async function commitManifest(writer, request, log) {
    for (let attempt = 1; attempt <= MAX_COMMIT_ATTEMPTS; attempt++) {
        const state = await writer.state(request.branch, request.rendered);
        if (state === undefined) {
            throw new Error(`the branch '${request.branch}' does not exist; set the 'branch' input to the branch the manifest belongs on`);
        }
        const reason = supersededBecause(state, request, log);
        if (reason !== undefined) {
            log.info(`Superseded: ${(0,common_inert/* inert */.tJ)(reason)}. The run for that commit renders its own manifest; this run commits nothing.`);
            return { result: 'superseded', head: state.head, reason };
        }
        const previous = await writer.readFile(state.head, request.manifestPath);
        const outcome = await request.render(previous, `'${request.manifestPath}' at ${commit_short(state.head)}`);
        if (outcome.manifest === previous) {
            log.info(`'${request.manifestPath}' on '${request.branch}' (${commit_short(state.head)}) is already up to date: no commit.`);
            return { result: 'unchanged', outcome, onto: state.head };
        }
        const commit = await writer.commit(state.head, request.manifestPath, outcome.manifest, request.message(outcome));
        const published = await writer.publish(request.branch, state.head, commit.sha);
        if (published === 'ok') {
            log.info(`Committed ${commit_short(commit.sha)} onto '${request.branch}' (${commit_short(state.head)}) through ${writer.describe}.`);
            return {
                result: 'committed',
                sha: commit.sha,
                ...(commit.verified === undefined ? {} : { verified: commit.verified }),
                outcome,
                onto: state.head,
            };
        }
        log.info(`'${request.branch}' moved while committing (attempt ${attempt} of ${MAX_COMMIT_ATTEMPTS}); looking again.`);
    }
    throw new Error(`the branch '${request.branch}' kept moving: gave up after ${MAX_COMMIT_ATTEMPTS} attempts to commit the manifest`);
}
/**
 * Why the run must leave the branch to the run of a later commit, or undefined when its render may go
 * onto the head: the head descends from the rendered commit, and what changed since touches nothing
 * the render reads. A list of changed files that may be cut short counts as touching it.
 */
function supersededBecause(state, request, log) {
    const { branch, rendered } = request;
    if (state.diverged)
        return `'${branch}' is at ${commit_short(state.head)}, which does not contain the rendered commit ${commit_short(rendered)}`;
    const others = state.changedFiles.filter((file) => file !== request.manifestPath);
    if (state.truncated) {
        return `'${branch}' moved on to ${commit_short(state.head)}, and the list of files changed since ${commit_short(rendered)} reaches the GitHub API's limit of ${api/* COMPARE_FILE_LIMIT */.$s}: files the render reads may be among those it leaves out`;
    }
    if (others.length === 0)
        return undefined;
    const read = others.filter((file) => request.reads(file));
    if (read.length > 0) {
        return `'${branch}' moved on to ${commit_short(state.head)}, which changes ${read.length} file(s) the render reads (${listed(read)})`;
    }
    log.info(`'${branch}' moved on to ${commit_short(state.head)}: its commits after ${commit_short(rendered)} change ${others.length} file(s) (${listed(others)}), none of which the render reads. The render of ${commit_short(rendered)} goes on top.`);
    return undefined;
}
/** Up to five paths for the log, each quoted, in JSON's form when it holds characters a log line must not. */
function listed(files) {
    const shown = files.slice(0, 5).map((file) => (/^[\x20-\x7e]*$/.test(file) ? `'${file}'` : JSON.stringify(file)));
    return `${shown.join(', ')}${files.length > 5 ? `, and ${files.length - 5} more` : ''}`;
}
function commit_short(sha) {
    return sha.slice(0, 7);
}
/** The commit message with `{manifest}` and `{sha}` filled in, and the images that changed listed. */
function commitMessage(template, manifestPath, rendered, outcome) {
    const subject = template.replaceAll('{manifest}', manifestPath).replaceAll('{sha}', commit_short(rendered));
    const lines = outcome.images
        .filter((i) => i.status !== 'unchanged' || i.forced)
        // Names and references only: a path (repository text) could start lines of its own, such as trailers.
        .map((i) => `- ${i.name}: ${i.image} (${statusText(i)})`);
    for (const gone of outcome.removed)
        lines.push(`- ${gone.name}: removed`);
    return lines.length > 0 ? `${subject}\n\n${lines.join('\n')}\n` : `${subject}\n`;
}
function commitRequestFor(settings, scan, code, log) {
    let reads;
    return {
        branch: settings.branch,
        rendered: settings.commitSha,
        manifestPath: settings.manifestRepoPath,
        message: (outcome) => commitMessage(settings.commitMessage, settings.manifestRepoPath, settings.commitSha, outcome),
        render: (previous, source) => renderScan(settings, scan, previous, source, log, code),
        reads: (file) => {
            // Built on first use: most runs find the branch where they left it and never ask.
            reads ??= readsPredicate(renderReadsOf(settings, scan));
            return reads(file);
        },
    };
}

;// CONCATENATED MODULE: ./src/gitops/markdown.ts
/**
 * Repository text in the Markdown of the pull-request comment and the job summary, escaped for where
 * it stands. The comment is posted by the token's identity (github-actions[bot] by default): a name
 * that ended a table row or made a heading or a link would put the pull request author's words in
 * its mouth. Every text is `visible` first (one line; `%` and control characters percent-encoded).
 */

/** Markdown's and GFM's punctuation: links, images, emphasis, HTML, entities, code, table pipes, autolinks (`:`, `@`, `.`). */
const PUNCTUATION = /[!"#$&'()*+,.:;<=>?@[\\\]^_`{|}~]/g;
/**
 * Plain text: every punctuation character that Markdown could read as syntax as a character
 * reference, and so are the spaces at either end, which a table cell would trim.
 */
function markdownText(text) {
    return (0,common_inert/* visible */.RK)(text)
        .replace(PUNCTUATION, (c) => `&#${c.charCodeAt(0)};`)
        .replace(/^ +| +$/g, (spaces) => '&#32;'.repeat(spaces.length));
}
/**
 * A code span (nothing in it is Markdown, and references are not decoded there, so nothing else is
 * escaped): its fence is longer than any run of backticks in the text, with a space inside when the
 * text starts or ends with a backtick or a space that the span would strip.
 */
function codeSpan(text) {
    const shown = (0,common_inert/* visible */.RK)(text);
    if (shown === '')
        return '';
    const fence = '`'.repeat(Math.max(0, ...(shown.match(/`+/g) ?? []).map((run) => run.length)) + 1);
    const pad = /^[` ]|[` ]$/.test(shown) && shown.trim() !== '' ? ' ' : '';
    return `${fence}${pad}${shown}${pad}${fence}`;
}
/** A code span in a table cell: GFM splits cells at every `|` not escaped with `\`, inside code spans too, and takes the `\` away. */
function tableCode(text) {
    return codeSpan(text.replace(/\|/g, '\\|'));
}
const HTML_SPECIAL = /[&<>"']/;
/**
 * HTML text for the job summary, which GitHub reads as Markdown: a newline in a name could end the
 * HTML block (at a blank line) and turn the rest into Markdown, so the text is `visible` first.
 */
function escapeHtml(text) {
    const shown = (0,common_inert/* visible */.RK)(text);
    // Most cells have nothing to escape: a test is cheaper than a replace with a callback.
    return HTML_SPECIAL.test(shown) ? shown.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`) : shown;
}

;// CONCATENATED MODULE: ./src/gitops/statuses.ts
/**
 * Commit statuses, one per image (`kaniko-gitops/<image>`): pending from the commit job, success or
 * failure from the wait. They are feedback, never the job's outcome: a status that cannot be posted
 * stops the posting, and the run tells how many were not posted, in one warning, and goes on.
 */


/** GitHub's limits: a context of at most 255 characters, a description of at most 140. */
const CONTEXT_LIMIT = 255;
const DESCRIPTION_LIMIT = 140;
/** At most `max` characters (code points, as GitHub counts), with `…` in place of what was cut. */
function truncateText(text, max) {
    const chars = Array.from((0,common_inert/* visible */.RK)(text));
    return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}
function statusContext(image) {
    return truncateText(`kaniko-gitops/${image}`, CONTEXT_LIMIT);
}
/**
 * The most images that get statuses in a run: the client spaces status posts 1 s apart (GitHub's
 * guidance for requests that create content), so this bounds a run's posting to under 2 minutes.
 */
const STATUS_IMAGES = 100;
/**
 * Posts on `sha` for the first STATUS_IMAGES of `images` (in the order given: both modes give them
 * sorted by name, so they choose the same ones); more images get one warning. The first failure
 * stops the posting: a refusal or a rate limit would refuse the next ones too, and 5xx answers have
 * been retried already.
 */
function statusPoster(api, sha, images, log) {
    const chosen = new Set(images.slice(0, STATUS_IMAGES));
    if (images.length > STATUS_IMAGES)
        log.warning(`Commit statuses are posted for at most ${STATUS_IMAGES} images a run: the ${images.length - STATUS_IMAGES} image(s) after '${(0,common_inert/* visible */.RK)(images[STATUS_IMAGES - 1])}' by name get none.`);
    let stopped;
    let tried = 0;
    let notPosted = 0;
    let warned = false;
    return {
        async post(image, state, description) {
            if (!chosen.has(image))
                return;
            tried++;
            if (stopped !== undefined) {
                notPosted++;
                return;
            }
            try {
                await api.createCommitStatus(sha, {
                    state,
                    context: statusContext(image),
                    description: truncateText(description, DESCRIPTION_LIMIT),
                });
            }
            catch (error) {
                notPosted++;
                stopped = whyNotPosted(error);
            }
        },
        finish() {
            if (stopped === undefined || warned)
                return;
            warned = true;
            log.warning(`${notPosted} of ${tried} commit status(es) not posted on ${sha.slice(0, 7)} (the first failure stops the posting): ${stopped}`);
        },
    };
}
/** Why a status was not posted, with what to do about it. */
function whyNotPosted(error) {
    const message = error instanceof Error ? error.message : String(error);
    const limit = (0,api/* rateLimitOf */.tX)(error);
    if (limit !== undefined) {
        const wait = limit.retryAfter === undefined ? '' : ` GitHub asked to wait ${limit.retryAfter} s, longer than the client waits (60 s).`;
        return `${message} This is GitHub's rate limit, not a permission.${wait} Statuses are feedback only: set 'statuses' to false for pushes that build many images.`;
    }
    if (error instanceof api/* GitHubApiError */.OS && (error.status === 403 || error.status === 404))
        return `${message} Give the workflow 'permissions: statuses: write', or set 'statuses' to false.`;
    return message;
}

;// CONCATENATED MODULE: external "node:timers/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");
;// CONCATENATED MODULE: ./src/registry/wait.ts
/**
 * mode: wait, without the runner: which images to wait for, and the polling loop. Asking the registry
 * is the caller's (`check`, see check.ts), and so are the clock and the pauses, so tests drive them.
 */




/** Pauses longer than this are not made by doubling (a longer `wait-interval` is kept as it is). */
const MAX_INTERVAL_MS = 60_000;
/** The longest `wait-timeout` and `wait-interval`: a job on a GitHub-hosted runner runs at most 6 hours. */
const MAX_WAIT_MS = 6 * 3_600_000;
/** The longest timer Node keeps: a longer one fires at once (after 1 ms). */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** Waits `ms`, in timers Node can keep however long it is. */
async function pause(ms, signal) {
    for (let left = ms; left > 0; left -= MAX_TIMER_MS)
        await (0,promises_namespaceObject.setTimeout)(Math.min(left, MAX_TIMER_MS), undefined, signal ? { signal } : {});
}
const UNITS = { s: 1000, m: 60_000, h: 3_600_000 };
/** `90s`, `30m`, `2h` in milliseconds; undefined for anything else (0 included). */
function parseDuration(text) {
    const match = /^([0-9]{1,6})([smh])$/.exec(text);
    if (!match)
        return undefined;
    const ms = Number(match[1]) * UNITS[match[2]];
    return ms > 0 ? ms : undefined;
}
/** A duration as the inputs write it: `2h`, `30m`, `90s`. */
function durationText(ms) {
    if (ms % 3_600_000 === 0)
        return `${ms / 3_600_000}h`;
    if (ms % 60_000 === 0)
        return `${ms / 60_000}m`;
    return `${Math.round(ms / 1000)}s`;
}
/**
 * The images to wait for, from the manifest's Pods: those named in `names`, or else those whose Pod
 * pins `commit` (a Pod keeps the commit of its last build, so these are what that commit built or
 * forced), by name. Their references are checked against their Pods after (see pod-facts.ts).
 */
function chooseImages(images, names, commit) {
    const all = [...images].filter((image) => image.image !== '');
    const badName = all.find((image) => !isDns1123Label(image.name));
    if (badName)
        throw new Error(`The manifest has a Pod whose image name is not a DNS-1123 label: '${(0,common_inert/* visible */.RK)(badName.name)}'.`);
    const known = new Set(all.map((image) => image.name));
    const unknown = names.filter((name) => !known.has(name));
    if (unknown.length > 0) {
        throw new InputError(`Input 'wait-images' has the value '${names.join(',')}': ${unknown.map((n) => `'${n}'`).join(', ')} not in the manifest; expected some of: ${[...known].sort().join(', ')}.`);
    }
    const chosen = names.length > 0 ? all.filter((image) => names.includes(image.name)) : all.filter((image) => image.commit === commit);
    return chosen.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
/** The pause before each look after the first: `intervalMs`, doubling up to the larger of it and `maxIntervalMs`. */
function nextPause(previous, options) {
    if (previous === undefined)
        return options.intervalMs;
    return Math.min(previous * 2, Math.max(options.maxIntervalMs, options.intervalMs));
}
/** Runs `work` on each item, `limit` at a time. */
async function eachLimited(items, limit, work) {
    let next = 0;
    const worker = async () => {
        while (next < items.length)
            await work(items[next++]);
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
/**
 * One look at every image not yet present, `parallel` at a time, each check given the time left until
 * `end`; a check there is no second left for is not made (the last answer stands). True when an answer changed.
 */
async function look(images, targets, check, times, clock) {
    let changed = false;
    const waiting = [...images.keys()].filter((i) => images[i]?.status !== 'present');
    await eachLimited(waiting, times.parallel, async (i) => {
        const budget = times.end - clock.now();
        const image = images[i];
        if (budget < 1000)
            return;
        const probe = await check(targets[i], budget);
        const next = { name: image.name, reference: image.reference, status: probe.status };
        if (probe.status === 'present') {
            const seconds = Math.round((clock.now() - times.start) / 1000);
            images[i] = { ...next, ...(probe.digest ? { digest: probe.digest } : {}), seconds };
        }
        else
            images[i] = probe.detail ? { ...next, detail: probe.detail } : next;
        if (probe.status !== image.status || probe.detail !== image.detail)
            changed = true;
    });
    return changed;
}
/**
 * Asks for every image not yet present, pauses, and asks again, until all are present or the time is
 * up (the last look is made at the deadline, or ends within a second of it, and is given at least
 * `minLookMs`). `onChange` hears each
 * round that changed an answer or its reason.
 */
async function waitForImages(targets, check, options, clock, onChange = () => undefined) {
    const start = clock.now();
    const deadline = start + options.timeoutMs;
    const images = targets.map((t) => ({ name: t.name, reference: t.reference, status: 'missing' }));
    let wait;
    let first = true;
    for (;;) {
        const end = Math.max(deadline, clock.now() + options.minLookMs);
        const changed = await look(images, targets, check, { start, end, parallel: options.parallel }, clock);
        if (changed || first)
            await onChange([...images]);
        first = false;
        if (images.every((image) => image.status === 'present'))
            return { result: 'ready', images };
        const left = deadline - clock.now();
        // A look that ended within a second of the deadline was the last: another would only overrun it.
        if (left < 1000)
            return { result: 'timed-out', images };
        wait = nextPause(wait, options);
        await clock.sleep(Math.min(wait, left));
    }
}

;// CONCATENATED MODULE: ./src/config/parse.ts





/**
 * Per-image settings for what cannot be inferred from the Dockerfiles: read from the config file
 * (input `config`) or, for a single-image repository, from the `image-config` input. Parsing is
 * strict: an unknown key or a bad value is an error that names the file, line and column. Then the
 * entries are matched to the Dockerfiles found and checked against them (context folder, target
 * stage), still with the place each setting was written. Pure: the caller reads the file.
 */
const OPTION_KEYS = [
    'name',
    'context',
    'buildArgs',
    'target',
    'extraTags',
    'platform',
    'platforms',
    'resources',
    'nodeSelector',
    'tolerations',
    'skip',
];
/** What `defaults` may set: the settings that make sense for every image. */
const DEFAULT_KEYS = [
    'buildArgs',
    'extraTags',
    'platform',
    'platforms',
    'resources',
    'nodeSelector',
    'tolerations',
];
const TOP_KEYS = ['defaults', 'images'];
/** Where a value sits in the config, and how to say so. */
function locate(source, at) {
    return source.kind === 'file' ? `${source.name}:${at.line}:${at.column}` : `Input '${source.name}' (line ${at.line}, column ${at.column})`;
}
/** An error about a value of the config, located. */
function configError(source, at, message) {
    return new InputError(`${locate(source, at)}: ${message}`, {
        ...(source.annotationPath ? { location: { ...at, file: source.annotationPath } } : {}),
    });
}
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const parse_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
/** A content tag, or a platform build's (`<content tag>-<os>-<arch>[-<variant>]`): the checks would take it for their own. */
const CONTENT_TAG = /^[0-9a-f]{16}(-|$)/;
const STAGE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/;
const QUANTITY = /^[+]?(\d+(\.\d*)?|\.\d+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?\d+)?$/;
const QUANTITY_PARTS = /^[+]?(\d*)(?:\.(\d*))?(?:([KMGTPE])i|([numkMGTPE])|[eE]([+-]?\d+))?$/;
const DECIMAL_SI = { n: -9, u: -6, m: -3, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SI = { K: 10n, M: 20n, G: 30n, T: 40n, P: 50n, E: 60n };
const MAX_BINARY = 2n ** 63n - 1n;
/**
 * The value Kubernetes parses a quantity (one QUANTITY matched) to: exact, with what is finer than
 * nano rounded up to 1n, and a binary-suffixed one capped at 2^63-1 (`8Ei`), as resource.Quantity does.
 */
function quantityAmount(text) {
    const [, whole = '', fraction = '', binary, decimal, power] = QUANTITY_PARTS.exec(text) ?? [];
    let digits = BigInt(`${whole}${fraction}` || '0');
    let exponent = -fraction.length + (decimal ? (DECIMAL_SI[decimal] ?? 0) : power ? Number(power) : 0);
    if (binary) {
        digits *= 2n ** (BINARY_SI[binary] ?? 0n);
        if (digits > MAX_BINARY * 10n ** BigInt(-exponent))
            return { digits: MAX_BINARY, exponent: 0 };
    }
    if (exponent < -9 && digits > 0n) {
        const shift = -9 - exponent;
        const scale = shift < String(digits).length ? 10n ** BigInt(shift) : undefined;
        digits = scale === undefined ? 1n : (digits + scale - 1n) / scale;
        exponent = -9;
    }
    return { digits, exponent };
}
/** Compares two quantities by value (`1Gi` and `1073741824` are equal): negative, 0 or positive. */
function compareQuantities(a, b) {
    const x = quantityAmount(a);
    const y = quantityAmount(b);
    if (x.digits === 0n || y.digits === 0n)
        return x.digits === y.digits ? 0 : x.digits === 0n ? -1 : 1;
    // Orders of magnitude first: an exponent such as 1e400 is never raised to a power of ten.
    const magnitude = String(x.digits).length + x.exponent - (String(y.digits).length + y.exponent);
    if (magnitude !== 0)
        return magnitude;
    const low = Math.min(x.exponent, y.exponent);
    const left = x.digits * 10n ** BigInt(x.exponent - low);
    const right = y.digits * 10n ** BigInt(y.exponent - low);
    return left === right ? 0 : left < right ? -1 : 1;
}
/** Is the quantity a whole number (`2`, `2000m`, `1k`)? */
function isWholeQuantity(text) {
    const { digits, exponent } = quantityAmount(text);
    return exponent >= 0 || digits % 10n ** BigInt(-exponent) === 0n;
}
const QUALIFIED_NAME = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const CONTAINER_RESOURCE = 'cpu, memory, ephemeral-storage, hugepages-<size>, or an extended resource such as nvidia.com/gpu';
/**
 * A resource a container may request: one of Kubernetes' own (cpu, memory, ephemeral-storage,
 * hugepages-<size>), or a name with a domain (an extended resource such as nvidia.com/gpu).
 */
function isContainerResourceName(value) {
    if (!isQualifiedName(value))
        return false;
    if (value.includes('/'))
        return !value.startsWith('requests.');
    if (value.startsWith('hugepages-'))
        return QUANTITY.test(value.slice('hugepages-'.length));
    return value === 'cpu' || value === 'memory' || value === 'ephemeral-storage';
}
/** A resource with a domain outside kubernetes.io (nvidia.com/gpu): counted in whole units, never overcommitted. */
function isExtendedResource(name) {
    const slash = name.indexOf('/');
    const domain = slash === -1 ? '' : name.slice(0, slash);
    return domain !== '' && domain !== 'kubernetes.io' && !domain.endsWith('.kubernetes.io') && !name.startsWith('requests.');
}
/** A Kubernetes label key or resource name: `[prefix/]name`, the prefix a DNS subdomain. */
function isQualifiedName(value) {
    const slash = value.lastIndexOf('/');
    const name = slash === -1 ? value : value.slice(slash + 1);
    const prefix = slash === -1 ? '' : value.slice(0, slash);
    return QUALIFIED_NAME.test(name) && (slash === -1 || (prefix.length <= 253 && DNS_SUBDOMAIN.test(prefix)));
}
/** Parses the config file's text. `source` names it in errors. */
async function parseConfigFile(text, source) {
    const parsed = await parseYaml(text, source);
    const reader = new Reader(source, parsed.lineCounter, parsed.kinds);
    const root = parsed.contents;
    const empty = { dockerfile: '', options: {}, at: { line: 1, column: 1 }, positions: new Map() };
    if (root === null)
        return { source, defaults: empty, images: new Map() };
    const top = reader.map(root, 'the top level', 'a mapping with the keys defaults and images');
    let defaults = empty;
    const images = new Map();
    for (const pair of top) {
        const key = reader.key(pair, TOP_KEYS, '');
        if (key === 'defaults')
            defaults = reader.entry('', pair.value, 'defaults', DEFAULT_KEYS, pair.key);
        else {
            for (const image of reader.map(pair.value, 'images', 'a mapping from Dockerfile paths to their settings', pair.key)) {
                const raw = reader.string(image.key, 'a Dockerfile path in images', 'a repository-relative path');
                const dockerfile = normalizePath(raw);
                const at = reader.at(image.key);
                if (dockerfile === undefined || dockerfile === '') {
                    throw configError(source, at, `images has the key '${raw}': expected a Dockerfile path relative to the repository`);
                }
                if (images.has(dockerfile)) {
                    throw configError(source, at, `images has '${raw}' twice (as '${dockerfile}'): expected one entry per Dockerfile`);
                }
                images.set(dockerfile, reader.entry(dockerfile, image.value, `images › ${dockerfile}`, OPTION_KEYS, image.key));
            }
        }
    }
    return { source, defaults, images };
}
/** Parses the `image-config` input: the settings of the repository's only image. */
async function parseInlineConfig(text, source) {
    const parsed = await parseYaml(text, source);
    if (parsed.contents === null)
        return undefined;
    return new Reader(source, parsed.lineCounter, parsed.kinds).entry('', parsed.contents, 'the image', OPTION_KEYS);
}
async function parseYaml(text, source) {
    // Loaded only when there is a config: the yaml package costs start-up time.
    const yaml = await __nccwpck_require__.e(/* import() */ 815).then(__nccwpck_require__.t.bind(__nccwpck_require__, 8815, 19));
    const lineCounter = new yaml.LineCounter();
    const doc = firstDocument(yaml, text, lineCounter, source);
    const problem = doc.errors[0];
    if (problem) {
        const { line, col } = lineCounter.linePos(problem.pos[0]);
        throw configError(source, { line, column: col }, `expected valid YAML, but ${problem.message.replace(/\s+/g, ' ').trim()}`);
    }
    const contents = doc.contents;
    return {
        contents: contents && yaml.isScalar(contents) && contents.value === null ? null : contents,
        lineCounter,
        kinds: { isAlias: yaml.isAlias, isMap: yaml.isMap, isSeq: yaml.isSeq, isScalar: yaml.isScalar },
    };
}
/** The first problem met reading a document: reading stops there. */
class FirstError {
    offset;
    message;
    constructor(offset, message) {
        this.offset = offset;
        this.message = message;
    }
}
/**
 * The first document of the text, as the yaml package's parseDocument reads it, with changes that
 * keep the time linear in the text and the memory small, whatever it holds:
 * - the parser's stack is checked after each token, so that mappings and lists nested too deep or
 *   with too many entries fail before they are built (the parser's memory and the composer's
 *   recursion grow with them);
 * - the package's own check of duplicate keys is off (it compares each key with every key before
 *   it); Reader.map checks them;
 * - reading stops at the first error, and at a second document, where the package makes an error
 *   object (with its stack) for each of a flood of bad tokens: 2 MiB of commas took 28 s and 2 GB.
 */
function firstDocument(yaml, text, lineCounter, source) {
    const parser = new yaml.Parser(lineCounter.addNewLine);
    const composer = new yaml.Composer({ prettyErrors: false, uniqueKeys: false, strict: true });
    let first;
    const fail = (offset, message) => {
        first ??= new FirstError(offset, message);
        throw first;
    };
    // Thrown again on each later call: the package catches what a tag's resolver throws, and reports it.
    const onError = (at, _code, message, warning) => {
        if (!warning)
            fail(typeof at === 'number' ? at : 'offset' in at ? at.offset : (at[0] ?? 0), `expected valid YAML, but ${message.replace(/\s+/g, ' ').trim()}`);
    };
    Object.assign(composer, { onError });
    const stream = checkedTokens(yaml, parser, text, lineCounter, fail);
    let doc;
    try {
        for (const next of composer.compose(stream.tokens, true, text.length))
            doc ??= next;
    }
    catch (error) {
        if (first === undefined)
            throw error;
    }
    if (first !== undefined) {
        const { line, col } = lineCounter.linePos(first.offset);
        throw configError(source, { line, column: col }, first.message);
    }
    // compose() ends with a document, an empty one for an empty text.
    const parsed = doc;
    const second = stream.secondDocument();
    if (second !== undefined) {
        const message = 'Source contains multiple documents; please use YAML.parseAllDocuments()';
        parsed.errors.push(new yaml.YAMLParseError([second, second + 1], 'MULTIPLE_DOCS', message));
    }
    return parsed;
}
/**
 * The parser's tokens of `text`, up to its first error token or the start of a second document
 * (where it is kept), its stack checked after each lexeme (see shapeProblem).
 */
function checkedTokens(yaml, parser, text, lineCounter, fail) {
    let second;
    let documents = 0;
    let failed = false;
    // The tokens of the first document, and what the stream holds before and after it.
    const pass = function* (from) {
        for (const token of from) {
            if (token.type === 'document' && documents++ > 0)
                second ??= token.offset;
            if (second !== undefined)
                return;
            yield token;
            failed ||= token.type === 'error';
        }
    };
    const tokens = function* () {
        lineCounter.addNewLine(0);
        for (const lexeme of new yaml.Lexer().lex(text)) {
            yield* pass(parser.next(lexeme));
            if (failed || second !== undefined)
                return;
            const problem = shapeProblem(parser.stack);
            if (problem)
                fail(problem.offset, problem.message);
        }
        yield* pass(parser.end());
    };
    return { tokens: tokens(), secondDocument: () => second };
}
/**
 * What is wrong with the collections being parsed (the parser's stack, the innermost last), if
 * anything, and where: the entry past the limit, or the collection one level too deep.
 */
function shapeProblem(stack) {
    const top = stack[stack.length - 1];
    if (top !== undefined && 'items' in top && top.items.length > LIMITS.configEntries) {
        // Once the entry has a key or a value, to point at it (an entry of neither, one entry later).
        const entry = top.items[top.items.length - 1];
        const at = entry.key ?? entry.value ?? (top.items.length > LIMITS.configEntries + 1 ? (entry.start[0] ?? top) : undefined);
        if (at) {
            const most = count(LIMITS.configEntries);
            return { offset: at.offset, message: `a mapping or list has more than ${most} entries: expected at most ${most}` };
        }
    }
    // The stack holds the document and a scalar being read besides the collections.
    if (stack.length <= LIMITS.configDepth)
        return undefined;
    const collections = stack.filter((t) => t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection');
    const innermost = collections[LIMITS.configDepth];
    if (innermost === undefined)
        return undefined;
    return {
        offset: innermost.offset,
        message: `mappings and lists nest more than ${LIMITS.configDepth} deep here: expected at most ${LIMITS.configDepth}`,
    };
}
/** Repository-relative POSIX path, or undefined when it leaves the repository or is absolute. */
function normalizePath(raw) {
    const value = raw.trim().replace(/\\/g, '/');
    if (value === '' || value.startsWith('/') || /^[A-Za-z]:\//.test(value))
        return undefined;
    const normalized = external_node_path_namespaceObject.posix.normalize(value).replace(/\/+$/, '');
    if (normalized === '..' || normalized.startsWith('../'))
        return undefined;
    return normalized === '.' ? '' : normalized;
}
/** Walks the parsed document, checking types and values, and keeps positions for later errors. */
class Reader {
    source;
    lines;
    kinds;
    constructor(source, lines, kinds) {
        this.source = source;
        this.lines = lines;
        this.kinds = kinds;
    }
    at(node) {
        const offset = node?.range?.[0] ?? 0;
        const { line, col } = this.lines.linePos(offset);
        return { line, column: col };
    }
    fail(node, message) {
        throw configError(this.source, this.at(node), message);
    }
    /** How a value reads in an error: its text, or its kind. */
    show(node) {
        if (node === null || node === undefined || !this.kinds.isScalar(node))
            return 'nothing';
        if (node.value === null)
            return 'null';
        const text = String(node.source ?? node.value);
        return `'${text.length > 80 ? `${text.slice(0, 77)}...` : text}'`;
    }
    /** A mapping; `owner` (its key) is where an error points when there is no value to point at. */
    map(node, what, expected, owner) {
        const n = node;
        if (!this.kinds.isMap(n))
            return this.fail(this.isEmpty(n) && owner ? owner : n, `${what} has ${this.describe(n)}: expected ${expected}`);
        const items = n.items;
        // Keys compared as the yaml package compares them (the same scalar value), in one pass.
        const keys = new Set();
        for (const { key } of items) {
            const value = this.kinds.isScalar(key) ? key.value : key;
            if (keys.has(value))
                this.fail(key, 'expected valid YAML, but a key appears twice in one mapping');
            keys.add(value);
        }
        return items;
    }
    seq(node, what, expected) {
        const n = node;
        if (!this.kinds.isSeq(n))
            return this.fail(n, `${what} has ${this.describe(n)}: expected ${expected}`);
        return n.items;
    }
    describe(node) {
        if (this.kinds.isAlias(node))
            return `the alias *${node.source}, and aliases are not supported (write the value out, or use defaults)`;
        if (this.kinds.isMap(node))
            return 'a mapping';
        if (this.kinds.isSeq(node))
            return 'a list';
        if (node === null || node === undefined || (this.kinds.isScalar(node) && node.value === null))
            return 'no value';
        return `the value ${this.show(node)}`;
    }
    isEmpty(node) {
        return node === null || node === undefined || (this.kinds.isScalar(node) && node.value === null);
    }
    scalar(node) {
        return this.kinds.isScalar(node) ? node.value : undefined;
    }
    /** A scalar that YAML reads as a string; numbers and booleans must be quoted, so `1.10` stays `1.10`. */
    string(node, what, expected) {
        const value = this.scalar(node);
        if (typeof value === 'string')
            return value;
        if (typeof value === 'number' || typeof value === 'boolean') {
            this.fail(node, `${what} has the value ${this.show(node)}, which YAML reads as a ${typeof value}: expected ${expected} (quote it)`);
        }
        return this.fail(node, `${what} has ${this.describe(node)}: expected ${expected}`);
    }
    boolean(node, what) {
        const value = this.scalar(node);
        if (typeof value === 'boolean')
            return value;
        return this.fail(node, `${what} has ${this.describe(node)}: expected true or false`);
    }
    /** A string matching `pattern`. */
    matching(node, what, pattern, expected) {
        const value = this.string(node, what, expected);
        const ok = typeof pattern === 'function' ? pattern(value) : pattern.test(value);
        if (!ok)
            this.fail(node, `${what} has the value ${this.show(node)}: expected ${expected}`);
        return value;
    }
    key(pair, allowed, where) {
        const key = this.string(pair.key, where ? `a key of ${where}` : 'a top-level key', `one of ${allowed.join(', ')}`);
        if (where === 'defaults' && !allowed.includes(key) && OPTION_KEYS.includes(key)) {
            this.fail(pair.key, `defaults has the key '${key}', which applies to one image only: expected it under images › <Dockerfile>`);
        }
        if (!allowed.includes(key)) {
            const near = allowed.find((k) => k.toLowerCase() === key.toLowerCase().replace(/[-_]/g, ''));
            this.fail(pair.key, `${where ? `${where} has` : 'the top level has'} the unknown key '${key}': expected ${near ? `'${near}'` : `one of ${allowed.join(', ')}`}`);
        }
        return key;
    }
    /** One image's settings (or the defaults), keys limited to `allowed`. */
    entry(dockerfile, node, where, allowed, owner) {
        const items = this.map(node, where, `a mapping of image settings (${allowed.join(', ')})`, owner);
        const positions = new Map();
        const options = {};
        for (const pair of items) {
            const key = this.key(pair, allowed, where);
            positions.set(key, this.at(pair.value ?? pair.key));
            options[key] = this.option(key, pair.value, `${where} › ${key}`);
        }
        return { dockerfile, options: options, at: this.at(node), positions };
    }
    /** The value of one setting, checked. */
    option(key, value, what) {
        const read = {
            name: () => this.matching(value, what, (v) => isDns1123Label(v) && v.length <= MAX_IMAGE_NAME_LENGTH, `an image name of lower-case letters, digits and -, at most ${MAX_IMAGE_NAME_LENGTH} characters`),
            context: () => this.context(value, what),
            buildArgs: () => this.buildArgs(value, what),
            target: () => this.matching(value, what, STAGE, 'the name of a stage (FROM ... AS <name>)'),
            extraTags: () => this.extraTags(value, what),
            platform: () => this.matching(value, what, PLATFORM, 'a platform such as linux/amd64 or linux/arm64/v8'),
            platforms: () => this.platforms(value, what),
            resources: () => this.resources(value, what),
            nodeSelector: () => this.nodeSelector(value, what),
            tolerations: () => this.seq(value, what, 'a list of tolerations').map((item) => this.toleration(item, `an item of ${what}`)),
            skip: () => this.boolean(value, what),
        };
        return read[key]();
    }
    context(value, what) {
        const raw = this.string(value, what, 'a folder relative to the repository');
        const context = normalizePath(raw === '.' ? './' : raw);
        if (context === undefined)
            this.fail(value, `${what} has the value ${this.show(value)}: expected a folder inside the repository`);
        return context;
    }
    buildArgs(value, what) {
        const args = {};
        for (const arg of this.map(value, what, 'a mapping of build argument names to values')) {
            const name = this.matching(arg.key, `a key of ${what}`, IDENTIFIER, 'a build argument name such as GO_VERSION');
            args[name] = this.string(arg.value, `${what} › ${name}`, 'a string');
        }
        return sortedRecord(args);
    }
    extraTags(value, what) {
        const seen = new Set();
        for (const item of this.seq(value, what, 'a list of tags such as [latest]')) {
            const tag = this.matching(item, `an item of ${what}`, parse_TAG, 'a tag: letters, digits, _, . and -, at most 128, not starting with . or -');
            if (CONTENT_TAG.test(tag))
                this.fail(item, `an item of ${what} has the value '${tag}': expected a tag that cannot be taken for a content tag (16 hex digits, alone or followed by -)`);
            if (seen.has(tag))
                this.fail(item, `${what} has '${tag}' twice: expected each tag once`);
            seen.add(tag);
        }
        return [...seen];
    }
    platforms(value, what) {
        const seen = new Map();
        const items = this.seq(value, what, `a list of platforms such as [linux/amd64, linux/arm64]`);
        if (items.length === 0)
            this.fail(value, `${what} is empty: expected at least one platform such as linux/amd64`);
        for (const item of items) {
            const platform = this.matching(item, `an item of ${what}`, isKnownPlatform, `one of ${KNOWN_PLATFORMS.join(', ')}`);
            const other = seen.get(samePlatform(platform));
            if (other !== undefined) {
                this.fail(item, `${what} has '${platform}'${other === platform ? ' twice' : ` and '${other}', the same platform`}: expected each platform once`);
            }
            seen.set(samePlatform(platform), platform);
        }
        return [...seen.values()];
    }
    nodeSelector(value, what) {
        const selector = {};
        for (const label of this.map(value, what, 'a mapping of node label keys to values')) {
            const name = this.matching(label.key, `a key of ${what}`, isQualifiedName, 'a label key such as kubernetes.io/arch');
            selector[name] = this.matching(label.value, `${what} › ${name}`, (v) => v.length <= 63 && LABEL_VALUE.test(v), 'a label value: at most 63 letters, digits, -, _ and ., starting and ending with a letter or digit');
        }
        return sortedRecord(selector);
    }
    resources(node, what) {
        const out = {};
        const nodes = { requests: new Map(), limits: new Map() };
        for (const pair of this.map(node, what, 'a mapping with requests and/or limits')) {
            const kind = this.key(pair, ['requests', 'limits'], what);
            const list = {};
            for (const item of this.map(pair.value, `${what} › ${kind}`, 'a mapping of resource names (cpu, memory, ...) to quantities')) {
                const name = this.matching(item.key, `a key of ${what} › ${kind}`, isContainerResourceName, CONTAINER_RESOURCE);
                const raw = item.value;
                const value = this.scalar(raw);
                // A bare number is a quantity too (cpu: 2); its source text keeps what was written (0.50).
                const quantity = typeof value === 'number' && this.kinds.isScalar(raw) ? String(raw.source ?? value) : value;
                if (typeof quantity !== 'string' || !QUANTITY.test(quantity)) {
                    this.fail(raw, `${what} › ${kind} › ${name} has ${this.describe(raw)}: expected a Kubernetes quantity such as 500m, 2 or 4Gi`);
                }
                // Kubernetes counts extended resources (nvidia.com/gpu) in whole units.
                if (isExtendedResource(name) && !isWholeQuantity(quantity)) {
                    this.fail(raw, `${what} › ${kind} › ${name} has the value '${quantity}': expected a whole number (an extended resource)`);
                }
                list[name] = quantity;
                nodes[kind].set(name, raw);
            }
            out[kind] = sortedRecord(list);
        }
        this.checkRequests(out, nodes, node, what);
        return out;
    }
    /**
     * What the API server checks of a container's resources beyond each value: no request above its
     * limit; extended resources and huge pages, which are never overcommitted, with a limit equal to the
     * request; huge pages only with cpu or memory.
     */
    checkRequests(resources, nodes, node, what) {
        const limits = resources.limits ?? {};
        for (const [name, request] of Object.entries(resources.requests ?? {})) {
            const at = nodes.requests.get(name) ?? node;
            const limit = limits[name];
            const exact = name.startsWith('hugepages-') || isExtendedResource(name);
            const problem = limit === undefined
                ? exact && `expected a limit of ${name} too, the same as the request (Kubernetes never overcommits it)`
                : exact
                    ? compareQuantities(request, limit) !== 0 && `expected the same value as its limit, ${limit} (Kubernetes never overcommits it)`
                    : compareQuantities(request, limit) > 0 && `expected at most its limit, ${limit}`;
            if (problem)
                this.fail(at, `${what} › requests › ${name} has the value '${request}': ${problem}`);
        }
        const names = [...Object.keys(resources.requests ?? {}), ...Object.keys(limits)];
        if (names.some((n) => n.startsWith('hugepages-')) && !names.some((n) => n === 'cpu' || n === 'memory')) {
            this.fail(node, `${what} has huge pages and neither cpu nor memory: expected a cpu or memory request or limit with them`);
        }
    }
    toleration(node, what) {
        const keys = ['key', 'operator', 'value', 'effect', 'tolerationSeconds'];
        const out = {};
        for (const pair of this.map(node, what, `a mapping with ${keys.join(', ')}`)) {
            const key = this.key(pair, keys, what);
            const value = pair.value;
            if (key === 'key')
                out.key = this.matching(value, `${what} › key`, isQualifiedName, 'a taint key such as dedicated');
            else if (key === 'operator')
                out.operator = this.matching(value, `${what} › operator`, /^(Exists|Equal)$/, 'Exists or Equal');
            else if (key === 'value')
                out.value = this.matching(value, `${what} › value`, (v) => v.length <= 63 && LABEL_VALUE.test(v), 'a taint value: at most 63 letters, digits, -, _ and ., starting and ending with a letter or digit (quote numbers)');
            else if (key === 'effect')
                out.effect = this.matching(value, `${what} › effect`, /^(NoSchedule|PreferNoSchedule|NoExecute)$/, 'NoSchedule, PreferNoSchedule or NoExecute');
            else {
                const seconds = this.scalar(value);
                if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0) {
                    this.fail(value, `${what} › tolerationSeconds has ${this.describe(value)}: expected a whole number of seconds`);
                }
                out.tolerationSeconds = seconds;
            }
        }
        if (out.operator === 'Exists' && out.value !== undefined)
            this.fail(node, `${what} has operator Exists and a value: expected no value with Exists`);
        if (out.tolerationSeconds !== undefined && out.effect !== 'NoExecute') {
            this.fail(node, `${what} has tolerationSeconds: expected it only with effect NoExecute`);
        }
        if (out.key === undefined && out.operator !== 'Exists')
            this.fail(node, `${what} has no key: expected a key, or operator Exists to tolerate every taint`);
        // Fixed key order: the Pod's text must not depend on how the file ordered them.
        return {
            ...(out.key !== undefined ? { key: out.key } : {}),
            ...(out.operator !== undefined ? { operator: out.operator } : {}),
            ...(out.value !== undefined ? { value: out.value } : {}),
            ...(out.effect !== undefined ? { effect: out.effect } : {}),
            ...(out.tolerationSeconds !== undefined ? { tolerationSeconds: out.tolerationSeconds } : {}),
        };
    }
}
function sortedRecord(record) {
    return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

;// CONCATENATED MODULE: ./src/config/read.ts






const CONFIG_FILE = { the: 'the config file', a: 'a config file', limit: LIMITS.configBytes };
/** Reads and parses the config file or the `image-config` input; undefined when neither is set. */
async function readConfig(settings) {
    if (settings.imageConfig !== '') {
        const source = { kind: 'input', name: 'image-config', annotationPath: '' };
        const entry = await parseInlineConfig(settings.imageConfig, source);
        if (!entry)
            return undefined;
        return { source, defaults: { ...entry, options: {} }, images: new Map([['', entry]]) };
    }
    if (settings.config === '')
        return undefined;
    const file = external_node_path_default().join(settings.root, ...settings.config.split('/'));
    const outside = await explainPathEscape(settings.root, file);
    if (outside)
        throw new InputError(`Input 'config' has the value '${settings.config}': expected a file inside the repository, but ${outside}.`);
    // Checked above to lie inside the repository, and not to be a symlink.
    const text = readRepoFile(file, settings.config, CONFIG_FILE, settings.root)?.toString('utf8');
    if (text === undefined) {
        throw new InputError(`Input 'config' has the value '${settings.config}': expected a file in the repository, but there is none at that path.`);
    }
    const annotationPath = settings.contextPrefix ? `${settings.contextPrefix}/${settings.config}` : settings.config;
    return parseConfigFile(text, { kind: 'file', name: settings.config, annotationPath });
}

;// CONCATENATED MODULE: ./src/config/resolve.ts



// The config's entries matched to the Dockerfiles found, and each image's settings resolved.
/** The defaults with the image's own settings over them: a key the image sets replaces the default's value. */
function mergeOptions(defaults, own) {
    // `platform` and `platforms` say one thing: an image's own either replaces the default's other.
    const { platform, platforms, ...rest } = defaults;
    const ownPlatform = own.platform !== undefined || own.platforms !== undefined;
    return { ...rest, ...(ownPlatform ? {} : { platform, platforms }), ...own };
}
/**
 * Matches config entries to the Dockerfiles found: every entry must name one (a typo would otherwise
 * pass silently), and the inline input applies only to a repository with a single Dockerfile.
 */
function matchConfig(config, paths) {
    if (config.source.kind === 'input') {
        const entry = config.images.get('');
        if (paths.length !== 1) {
            throw new InputError(`Input 'image-config' sets the settings of a repository's only image, but ${paths.length} Dockerfiles matched (${paths.slice(0, 5).join(', ')}${paths.length > 5 ? ', ...' : ''}): expected one, or the settings in a config file (input 'config') keyed by Dockerfile path.`);
        }
        return new Map([[paths[0], entry]]);
    }
    const found = new Set(paths);
    for (const [dockerfile, entry] of config.images) {
        if (!found.has(dockerfile)) {
            throw configError(config.source, entry.at, `images has an entry for '${dockerfile}', but the 'dockerfiles' patterns matched no such file: expected one of ${paths.slice(0, 10).join(', ')}${paths.length > 10 ? ', ...' : ''}`);
        }
    }
    const entries = new Map();
    for (const file of paths) {
        const own = config.images.get(file);
        if (own)
            entries.set(file, { ...own, options: mergeOptions(config.defaults.options, own.options) });
        else if (config.defaults.positions.size > 0)
            entries.set(file, { ...config.defaults, dockerfile: file });
    }
    return entries;
}
/** An entry's settings for the plan; the context folder must hold the Dockerfile (kaniko reads it from the context). */
function resolveSettings(config, entry, file, folder) {
    const { options, positions } = entry;
    const at = (key) => positions.get(key) ?? entry.at;
    let contextDir = folder;
    if (options.context !== undefined) {
        contextDir = options.context;
        const inside = contextDir === '' || file.startsWith(`${contextDir}/`);
        if (!inside) {
            throw configError(config.source, at('context'), `images › ${file} › context has the value '${contextDir || '.'}': expected a folder that holds the Dockerfile (${folder || '.'} or one above it)`);
        }
    }
    if (options.platform !== undefined && options.platforms !== undefined) {
        throw configError(config.source, at('platforms'), `images › ${file} sets both platform (${options.platform}) and platforms (${options.platforms.join(', ')}): expected one of them (a list of one platform builds that platform alone)`);
    }
    const settings = {
        ...(options.name !== undefined ? { name: { value: options.name, at: locate(config.source, at('name')) } } : {}),
        contextDir,
        buildArgs: options.buildArgs ?? {},
        target: options.target ?? '',
        platform: options.platform ?? '',
        extraTags: options.extraTags ?? [],
        ...(options.resources ? { resources: options.resources } : {}),
        nodeSelector: options.nodeSelector ?? {},
        tolerations: options.tolerations ?? [],
    };
    return options.platforms ? withPlatforms(settings, options.platforms) : settings;
}
/**
 * The settings of an image built for `platforms` (from the config or the `platforms` input): one
 * platform is the `platform` setting with the platform's node labels over the nodeSelector (the
 * same tag and Pod as `platform` with that nodeSelector); two or more make a multi-arch image.
 */
function withPlatforms(settings, platforms) {
    if (platforms.length === 0)
        return settings;
    if (platforms.length > 1)
        return { ...settings, platform: '', platforms };
    const platform = platforms[0];
    return { ...settings, platform, nodeSelector: sortedSelector({ ...settings.nodeSelector, ...platformNodeSelector(platform) }) };
}
function sortedSelector(selector) {
    return Object.fromEntries(Object.entries(selector).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
/** A target must be a stage of the Dockerfile, or kaniko fails in the cluster long after the render. */
function checkTarget(config, entry, file, target, froms) {
    const stages = froms.map((f) => f.stage).filter((s) => s !== undefined);
    if (!stages.includes(target.toLowerCase())) {
        throw configError(config.source, entry.positions.get('target') ?? entry.at, `images › ${file} › target has the value '${target}': expected a stage of ${file}${stages.length > 0 ? ` (${stages.join(', ')})` : ', which names no stage (FROM ... AS <name>)'}`);
    }
}
/** The configured settings that change what is built, for the tag; undefined when there are none. */
function buildInputs(configured, folder) {
    const args = Object.entries(configured.buildArgs);
    const context = configured.contextDir === folder ? undefined : configured.contextDir;
    const { platforms } = configured;
    if (args.length === 0 && configured.target === '' && configured.platform === '' && context === undefined && !platforms)
        return undefined;
    const parts = [
        ...(context !== undefined ? [`context ${context || '.'}`] : []),
        ...(configured.target ? [`target ${configured.target}`] : []),
        ...(configured.platform ? [`platform ${configured.platform}`] : []),
        ...(platforms ? [`platforms ${platforms.join(', ')}`] : []),
        ...(args.length > 0 ? [`build args ${args.map(([k]) => k).join(', ')}`] : []),
    ];
    // The platform list enters the key only when there is one: every other image keeps its tag.
    const key = [context ?? null, args, configured.target, configured.platform, ...(platforms ? [platforms] : [])];
    return { key, covers: parts.join(', ') };
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __nccwpck_require__(1421);
;// CONCATENATED MODULE: ./src/scan/git-tree.ts





/** Git's object id of a blob, as raw bytes in a latin1 string (the form the entries hold). */
function blobId(format, data) {
    return (0,external_node_crypto_.createHash)(format).update(`blob ${data.length}\u0000`).update(data).digest('binary');
}
/**
 * Runs git in the repository that holds `place.cwd`. The search for it stops at the workspace: a
 * repository around it (a home folder kept in git, on a self-hosted runner) is not the checkout,
 * and neither is one that GIT_DIR names. git must not fetch (a partial clone) or ask for a password.
 */
function runGit(place, args, maxBuffer) {
    const { GIT_DIR: _dir, GIT_WORK_TREE: _tree, GIT_COMMON_DIR: _common, ...env } = process.env;
    return (0,external_node_child_process_.execFileSync)('git', args, {
        cwd: place.cwd,
        maxBuffer,
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 60_000,
        env: { ...env, GIT_CEILING_DIRECTORIES: place.ceiling, GIT_NO_LAZY_FETCH: '1', GIT_TERMINAL_PROMPT: '0' },
    });
}
/** git's own words about a failure, its first line: for a reason in the log. */
function gitSays(error) {
    const first = error.stderr?.toString('utf8').trim().split('\n')[0];
    return first || error.message;
}
/**
 * Lists the files of `commit` in the repository that holds `folder` (its top at or below
 * `boundary`, which defaults to `folder`), keeping those under `folder`. When they cannot be listed
 * (no git, no checkout, the commit not fetched), says why, with the repository's object format.
 * A listing over `listBytes` fails the run.
 */
function readCommitTree(folder, commit, boundary = folder, listBytes = LIMITS.commitListBytes) {
    const place = { cwd: external_node_path_default().resolve(folder), ceiling: external_node_path_default().dirname(external_node_path_default().resolve(boundary)) };
    let facts;
    try {
        facts = runGit(place, ['rev-parse', '--show-object-format', '--show-prefix', '--verify', '--quiet', `${commit}^{commit}`], 64 * 1024)
            .toString('utf8')
            .split('\n');
    }
    catch (error) {
        const failure = error;
        if (failure.code === 'ENOENT')
            return { reason: 'git is not installed', objectFormat: 'sha1' };
        // Exit 1 with --verify --quiet: the repository is there, the commit is not.
        if (failure.status === 1) {
            return { reason: `the commit ${commit} is not in the checkout`, objectFormat: formatOf(failure.stdout?.toString('utf8') ?? '') };
        }
        return { reason: `the workspace is not a git checkout (${gitSays(error)})`, objectFormat: 'sha1' };
    }
    const objectFormat = formatOf(facts[0] ?? '');
    const prefix = facts[1] ?? '';
    let listing;
    try {
        listing = runGit(place, ['ls-tree', '-r', '-z', '--full-tree', facts[2] ?? commit], listBytes);
    }
    catch (error) {
        if (error.code === 'ENOBUFS') {
            throw new LimitError(`the list of the files of the commit (git ls-tree) has more than ${showBytes(listBytes)} bytes: expected fewer files, or hash: dockerfile`);
        }
        return { reason: `git ls-tree cannot list the commit ${commit} (${gitSays(error)})`, objectFormat };
    }
    return { tree: { entries: parseTree(listing, objectFormat, prefix), objectFormat, place } };
}
function formatOf(line) {
    return line.split('\n')[0]?.trim() === 'sha256' ? 'sha256' : 'sha1';
}
/** Hex digits by character code, for ids: -1 for any other. */
const HEX = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++)
    HEX['0123456789abcdef'.charCodeAt(i)] = i;
/**
 * Parses `<mode> SP <type> SP <id> TAB <path> NUL` records, keeping those whose path starts with
 * `prefix` (relative to it). One latin1 string for the whole output: paths and ids are cut from it
 * without a call per entry.
 */
function parseTree(buf, objectFormat, prefix) {
    const text = buf.toString('latin1');
    const ascii = !/[^\0-\x7f]/.test(text);
    const hexLength = objectFormat === 'sha256' ? 64 : 40;
    const codes = new Array(hexLength / 2);
    const entries = [];
    for (let at = 0; at < text.length;) {
        const start = at;
        const nul = text.indexOf('\0', start);
        const space = text.indexOf(' ', start);
        const tab = text.indexOf('\t', start);
        const idAt = tab - hexLength;
        if (nul === -1 || space === -1 || tab === -1 || tab > nul || text.charCodeAt(idAt - 1) !== 32) {
            throw new Error(`git ls-tree printed a record that is not an entry at byte ${start}`);
        }
        at = nul + 1;
        const name = ascii ? text.slice(tab + 1, nul) : buf.toString('utf8', tab + 1, nul);
        if (prefix !== '' && !name.startsWith(prefix))
            continue;
        for (let j = 0; j < codes.length; j++) {
            const high = HEX[text.charCodeAt(idAt + 2 * j)] ?? -1;
            const low = HEX[text.charCodeAt(idAt + 2 * j + 1)] ?? -1;
            if (high < 0 || low < 0)
                throw new Error(`git ls-tree printed an object id that is not ${objectFormat} at byte ${start}`);
            codes[j] = (high << 4) | low;
        }
        entries.push({
            path: prefix === '' ? name : name.slice(prefix.length),
            mode: Number.parseInt(text.slice(start, space), 8),
            oid: String.fromCharCode(...codes),
        });
    }
    return sortByPath(entries);
}
/** Git sorts by bytes; ASCII paths are then already in string order, and others are sorted here. */
function sortByPath(entries) {
    for (let i = 1; i < entries.length; i++) {
        if (entries[i - 1].path > entries[i].path) {
            return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
        }
    }
    return entries;
}
/** The position of the first entry whose path is not below `path` in string order (binary search). */
function lowerBound(entries, path) {
    let lo = 0;
    let hi = entries.length;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (entries[mid].path < path)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
/**
 * The object format of the repository holding `folder` (searched up to `boundary`), SHA-1 when
 * there is none: the working-tree walk computes the same object ids as the commit's.
 */
function gitObjectFormat(folder, boundary = folder) {
    try {
        const place = { cwd: external_node_path_default().resolve(folder), ceiling: external_node_path_default().dirname(external_node_path_default().resolve(boundary)) };
        return formatOf(runGit(place, ['rev-parse', '--show-object-format'], 64 * 1024).toString('utf8'));
    }
    catch {
        return 'sha1';
    }
}

;// CONCATENATED MODULE: ./src/scan/commit-file.ts




/** Symlinks a path of the commit may go through, Linux's own limit. */
const MAX_LINKS = 40;
/** A symlink's target, in the commit: a path, at most as long as the system's. */
const SYMLINK = { the: 'the symlink', a: 'a symlink', limit: 4096 };
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFLNK = 0o120000;
function entryAt(tree, file) {
    const entry = tree.entries[lowerBound(tree.entries, file)];
    return entry?.path === file ? entry : undefined;
}
/**
 * Reads `name` (relative to `root`, the folder the tree was listed for) as the commit has it, the
 * way kaniko's clone will: the tree says whether it is there and what it is, and the content is
 * the commit's object. A symlink in the commit is followed while it stays below `root` (a link that
 * leaves it is an error, as in the working tree); one that leads nowhere means no file, as Docker
 * reads a missing `.dockerignore`. Returns undefined when the commit has no such file.
 */
function readCommitFile(root, tree, name, kind) {
    const todo = name.split('/');
    const done = [];
    let links = 0;
    while (todo.length > 0) {
        const part = todo.shift();
        if (part === '' || part === '.')
            continue;
        if (part === '..') {
            if (done.length === 0)
                throw leadsOut(kind, name);
            done.pop();
            continue;
        }
        done.push(part);
        const entry = entryAt(tree, done.join('/'));
        // A folder (the listing has files only), or nothing.
        if (entry === undefined)
            continue;
        const type = entry.mode & S_IFMT;
        if (type === S_IFLNK) {
            if (++links > MAX_LINKS)
                throw new Error(`cannot read ${kind.the} '${name}': it is a symlink loop in the commit`);
            const target = objectOf(root, tree, entry, SYMLINK).toString('utf8');
            if (target.startsWith('/'))
                throw leadsOut(kind, name);
            done.pop();
            todo.unshift(...target.split('/'));
            continue;
        }
        // A file where the path goes on as a folder: nothing there.
        if (todo.some((p) => p !== '' && p !== '.'))
            return undefined;
        if (type !== S_IFREG)
            throw new Error(`cannot read ${kind.the} '${name}': it is a submodule in the commit, not a regular file`);
        return objectOf(root, tree, entry, kind);
    }
    const folder = done.join('/');
    if (folder !== '' && tree.entries[lowerBound(tree.entries, `${folder}/`)]?.path.startsWith(`${folder}/`)) {
        throw new Error(`cannot read ${kind.the} '${name}': it is a folder in the commit, not a regular file`);
    }
    return undefined;
}
function leadsOut(kind, name) {
    return new Error(`cannot read ${kind.the} '${name}': it is a symlink that leads out of the repository, and nothing outside it is read`);
}
/**
 * The content of an entry's object: the checkout's own file (or link) when its git object id is the
 * entry's, which is the case after a checkout and costs no process; else `git cat-file`.
 */
function objectOf(root, tree, entry, kind) {
    const file = external_node_path_default().join(root, ...entry.path.split('/'));
    try {
        // The reader checks the file itself; its folders must lead nowhere else either (the commit's
        // folder may be a symlink in the working tree).
        if (isInside(external_node_fs_namespaceObject.realpathSync.native(root), external_node_fs_namespaceObject.realpathSync.native(external_node_path_default().dirname(file)))) {
            const data = (entry.mode & S_IFMT) === S_IFLNK ? (0,external_node_fs_namespaceObject.readlinkSync)(file, { encoding: 'buffer' }) : readRepoFile(file, entry.path, kind, root);
            if (data !== undefined && blobId(tree.objectFormat, data) === entry.oid)
                return data;
        }
    }
    catch {
        // Changed, replaced, too large or unreadable in the working tree: the commit's object decides.
    }
    return catFile(tree, entry, kind);
}
/** `git cat-file blob`, reading at most the kind's limit. */
function catFile(tree, entry, kind) {
    const oid = Buffer.from(entry.oid, 'latin1').toString('hex');
    try {
        return runGit(tree.place, ['cat-file', 'blob', oid], kind.limit);
    }
    catch (error) {
        if (error.code === 'ENOBUFS') {
            const size = Number(runGit(tree.place, ['cat-file', '-s', oid], 64).toString().trim());
            throw tooLarge(kind, entry.path, size);
        }
        throw new Error(`cannot read ${kind.the} '${entry.path}' from the commit (git cat-file blob ${oid})`, { cause: error });
    }
}

;// CONCATENATED MODULE: ./src/scan/dockerignore.ts

const SLASH = 47;
/** Code units: one past the largest. */
const dockerignore_UNITS = 0x10000;
const ANY = Int32Array.of(0, dockerignore_UNITS);
const NOT_SLASH = Int32Array.of(0, SLASH, SLASH + 1, dockerignore_UNITS);
const ONLY_SLASH = Int32Array.of(SLASH, SLASH + 1);
/** In a character class, a `-` between two characters (a range), as the library's regular expression reads it. */
const RANGE = -1;
/** Canonicalize of ECMAScript's case-insensitive, non-Unicode matching: what the library's `i` flag compares. */
function fold(code) {
    if (code < 128)
        return code >= 97 && code <= 122 ? code - 32 : code;
    const upper = String.fromCharCode(code).toUpperCase();
    if (upper.length !== 1)
        return code;
    const folded = upper.charCodeAt(0);
    return folded < 128 ? code : folded;
}
let folding;
/** Made once, when a rule first has a character past ASCII: 65,536 case conversions, some 20 ms. */
function wideFolding() {
    if (folding)
        return folding;
    const folded = new Uint16Array(dockerignore_UNITS);
    const groups = new Map();
    for (let c = 0; c < dockerignore_UNITS; c++) {
        folded[c] = fold(c);
        if (c >= 128 && folded[c] !== c)
            groups.set(folded[c], []);
    }
    const members = [];
    for (let c = 128; c < dockerignore_UNITS; c++) {
        const group = groups.get(folded[c]);
        if (group) {
            group.push(c);
            members.push(c);
        }
    }
    folding = { fold: folded, members: Int32Array.from(members), groups };
    return folding;
}
/** The index of the last of the sorted `bounds` at or below `code`, -1 when none is. */
function lastAtOrBelow(bounds, code) {
    let low = 0;
    let high = bounds.length;
    while (low < high) {
        const mid = (low + high) >>> 1;
        if (bounds[mid] <= code)
            low = mid + 1;
        else
            high = mid;
    }
    return low - 1;
}
/** The set of the inclusive ranges `[from, to, from, to, ...]`, in any order. */
function unitsOf(ranges) {
    const pairs = [];
    for (let k = 0; k < ranges.length; k += 2)
        pairs.push([ranges[k], ranges[k + 1] + 1]);
    pairs.sort((x, y) => x[0] - y[0]);
    const bounds = [];
    for (const [from, to] of pairs) {
        const last = bounds.length - 1;
        if (last > 0 && from <= bounds[last])
            bounds[last] = Math.max(bounds[last], to);
        else
            bounds.push(from, to);
    }
    return Int32Array.from(bounds);
}
/** The code units not in `units`. */
function complement(units) {
    const bounds = Array.from(units);
    if (bounds[0] === 0)
        bounds.shift();
    else
        bounds.unshift(0);
    if (bounds[bounds.length - 1] === dockerignore_UNITS)
        bounds.pop();
    else
        bounds.push(dockerignore_UNITS);
    return Int32Array.from(bounds);
}
/**
 * The code units that match the inclusive `ranges` when letters match in either case: those whose
 * fold is the fold of one in the ranges, as the `i` flag compares them.
 */
function caseless(ranges) {
    const all = [...ranges];
    for (let k = 0; k < ranges.length; k += 2) {
        const from = ranges[k];
        const to = ranges[k + 1];
        // ASCII letters: the other case.
        if (from <= 90 && to >= 65)
            all.push(Math.max(from, 65) + 32, Math.min(to, 90) + 32);
        if (from <= 122 && to >= 97)
            all.push(Math.max(from, 97) - 32, Math.min(to, 122) - 32);
        if (to < 128)
            continue;
        const { fold: folded, members, groups } = wideFolding();
        for (let i = lastAtOrBelow(members, from - 1) + 1; i < members.length && members[i] <= to; i++) {
            for (const other of groups.get(folded[members[i]]) ?? [])
                if (other < from || other > to)
                    all.push(other, other);
        }
    }
    return unitsOf(all);
}
/** Go's filepath.Clean, as the library does it: normalised, without a trailing slash. */
function cleanPath(file) {
    return external_node_path_default().posix.normalize(file).replace(/(?<=.)\/$/, '');
}
/**
 * Parses one line as the library does (quirks included: `!a/..` cleans to `.`, a rule that is no
 * longer negative); undefined for a line that is no rule. Throws on a pattern Docker refuses too
 * (an unclosed or invalid character class).
 */
function parseRule(line) {
    if (line.startsWith('#') || line.trim() === '')
        return undefined;
    let pattern = line.trim();
    let negative = false;
    if (pattern.startsWith('!')) {
        negative = true;
        pattern = pattern.slice(1).trim();
    }
    if (pattern.length > 0) {
        pattern = cleanPath(pattern);
        if (pattern.length > 1 && pattern.startsWith('/'))
            pattern = pattern.slice(1);
    }
    if (negative)
        pattern = `!${pattern}`;
    pattern = pattern.trim();
    if (pattern === '')
        return undefined;
    pattern = cleanPath(pattern);
    if (pattern === '!')
        return undefined;
    negative = pattern.startsWith('!');
    return compiled(negative ? pattern.slice(1) : pattern, negative);
}
function compiled(pattern, negative) {
    return { negative, dirs: pattern.split('/'), automaton: compile(pattern) };
}
/** The steps of a pattern: the library's regular expression, step by step. */
function stepsOf(pattern) {
    const advance = [];
    const loop = [];
    const skip1 = [];
    const skip2 = [];
    let state = 0;
    const step = (units) => {
        advance[state] = units;
        state++;
    };
    for (let i = 0; i < pattern.length; i++) {
        const ch = pattern[i];
        if (ch === '*' && pattern[i + 1] === '*') {
            i++;
            if (pattern[i + 1] === '/')
                i++;
            if (i + 1 >= pattern.length) {
                // `**` at the end: anything, slashes included (`.*`).
                skip1[state] = true;
                loop[state + 1] = ANY;
                state++;
            }
            else {
                // `**` before more: nothing, or anything that ends with a slash (`(.*/)?`).
                skip2[state] = true;
                skip1[state] = true;
                loop[state + 1] = ANY;
                advance[state + 1] = ONLY_SLASH;
                state += 2;
            }
        }
        else if (ch === '*') {
            skip1[state] = true;
            loop[state + 1] = NOT_SLASH;
            state++;
        }
        else if (ch === '?')
            step(NOT_SLASH);
        else if (ch === '[')
            i = dockerignore_characterClass(pattern, i, step);
        else {
            if (ch === '\\' && i + 1 < pattern.length)
                i++;
            const code = pattern.charCodeAt(i);
            step(caseless([code, code]));
        }
    }
    return { states: state + 1, advance, loop, skip1, skip2 };
}
/** The automaton of a pattern: its steps as bit masks. */
function compile(pattern) {
    const steps = stepsOf(pattern);
    const words = [];
    for (let first = 0; first < steps.states; first += 32)
        words.push(wordOf(steps, first, Math.min(steps.states, first + 32)));
    return { states: steps.states, words, current: new Int32Array(words.length), next: new Int32Array(words.length) };
}
/** The word of states `first` to `end - 1`. */
function wordOf(steps, first, end) {
    const sets = [];
    let skip1 = 0;
    let skip2 = 0;
    for (let s = first; s < end; s++) {
        const bit = 1 << (s - first);
        const advance = steps.advance[s];
        if (advance)
            sets.push([advance, bit, 0]);
        const loop = steps.loop[s];
        if (loop)
            sets.push([loop, bit, 1]);
        if (steps.skip1[s])
            skip1 |= bit;
        if (steps.skip2[s])
            skip2 |= bit;
    }
    const starts = runStarts(sets.map(([units]) => units));
    const masks = new Int32Array(2 * (128 + starts.length));
    for (const [units, bit, kind] of sets)
        mark(units, bit, kind, starts, masks);
    return { skip1, skip2, masks, starts };
}
/** The first code unit of each run past ASCII on which every one of `sets` answers alike. */
function runStarts(sets) {
    const bounds = [128];
    for (const units of sets)
        for (const b of units)
            if (b > 128 && b < dockerignore_UNITS)
                bounds.push(b);
    const sorted = Int32Array.from(bounds).sort();
    return sorted.filter((b, k) => k === 0 || b !== sorted[k - 1]);
}
/** Sets `bit` in the masks (advance: kind 0, loop: 1) of each ASCII code and each run past ASCII that `units` holds. */
function mark(units, bit, kind, starts, masks) {
    for (let k = 0; k < units.length; k += 2) {
        const from = units[k];
        const to = units[k + 1];
        for (let code = from; code < Math.min(to, 128); code++)
            masks[2 * code + kind] = masks[2 * code + kind] | bit;
        if (to <= 128)
            continue;
        for (let r = lastAtOrBelow(starts, Math.max(from, 128)); r < starts.length && starts[r] < to; r++) {
            masks[2 * (128 + r) + kind] = masks[2 * (128 + r) + kind] | bit;
        }
    }
}
/** Where the masks of a code unit are in a word's `masks`, halved. */
function slot(word, code) {
    if (code < 128)
        return code;
    return word.starts.length === 1 ? 128 : 128 + lastAtOrBelow(word.starts, code);
}
/**
 * Steps a character costs against an automaton: one for a word alone, two a word for more (each
 * word is a pass of a loop, with arrays of states); past ASCII, one more a word per halving of its
 * runs in the binary search.
 */
function automatonCost(a, wide) {
    const each = a.words.length === 1 ? 1 : 2;
    return a.words.reduce((sum, word) => sum + each + (wide ? Math.ceil(Math.log2(word.starts.length)) : 0), 0);
}
/** Adds the states of a word reachable without consuming, until nothing changes (every such move goes forward). */
function closeWord(word, states) {
    for (;;) {
        const more = states | ((states & word.skip1) << 1) | ((states & word.skip2) << 2);
        if (more === states)
            return states;
        states = more;
    }
}
/** The states a word's skips reach in the next word (bits 0 and 1). */
function skipsOut(word, states) {
    return ((states & word.skip1) >>> 31) | ((states & word.skip2) >>> 30);
}
/**
 * Runs the automaton over `text` (O(length × words)); with `fromSegment` 0 or more, reports
 * whether it accepted at any prefix that ends where a folder ends (before a `/`, or at the end) and
 * has at least `fromSegment` folders.
 */
function run(a, text, fromSegment = -1) {
    const { words } = a;
    if (words.length === 1)
        return runWord(words[0], 1 << (a.states - 1), text, fromSegment);
    let current = a.current;
    let next = a.next;
    let skipped = 0;
    for (let w = 0; w < words.length; w++) {
        const word = words[w];
        current[w] = closeWord(word, (w === 0 ? 1 : 0) | skipped);
        skipped = skipsOut(word, current[w]);
    }
    const last = (a.states - 1) >> 5;
    const accept = 1 << ((a.states - 1) & 31);
    let segment = 0;
    if (fromSegment === 0 && current[last] & accept)
        return true;
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (fromSegment >= 0 && code === SLASH && ++segment >= fromSegment && current[last] & accept)
            return true;
        // One pass: a word's moves and skips reach only later words.
        let advanced = 0;
        skipped = 0;
        let any = 0;
        for (let w = 0; w < words.length; w++) {
            const word = words[w];
            const at = 2 * slot(word, code);
            const states = current[w];
            const moved = states & word.masks[at];
            const now = closeWord(word, (moved << 1) | advanced | skipped | (states & word.masks[at + 1]));
            advanced = moved >>> 31;
            skipped = skipsOut(word, now);
            next[w] = now;
            any |= now;
        }
        if (any === 0)
            return false;
        [current, next] = [next, current];
    }
    return (fromSegment < 0 || segment + 1 >= fromSegment) && (current[last] & accept) !== 0;
}
/** run() for an automaton of one word (nearly every rule): no arrays of states. */
function runWord(word, accept, text, fromSegment) {
    const { masks } = word;
    let current = closeWord(word, 1);
    let segment = 0;
    if (fromSegment === 0 && current & accept)
        return true;
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (fromSegment >= 0 && code === SLASH && ++segment >= fromSegment && current & accept)
            return true;
        const at = 2 * slot(word, code);
        const next = ((current & masks[at]) << 1) | (current & masks[at + 1]);
        if (next === 0)
            return false;
        current = closeWord(word, next);
    }
    return (fromSegment < 0 || segment + 1 >= fromSegment) && (current & accept) !== 0;
}
/** Reads `[...]` starting at `start` into one step; returns the index of its `]`. */
function dockerignore_characterClass(pattern, start, step) {
    let i = start + 1;
    const negated = pattern[i] === '^';
    if (negated)
        i++;
    const first = i;
    const atoms = [];
    for (; i < pattern.length; i++) {
        const ch = pattern[i];
        if (ch === ']' && i > first)
            break;
        // As in Go, an escaped character is that character (a regular expression would read `\d` as a digit).
        if (ch === '\\' && i + 1 < pattern.length)
            atoms.push(pattern.charCodeAt(++i));
        else if (ch === '-' && i > first && i + 1 < pattern.length && pattern[i + 1] !== ']')
            atoms.push(RANGE);
        else
            atoms.push(pattern.charCodeAt(i));
    }
    if (i >= pattern.length)
        throw new Error("'[' has no closing ']'");
    const ranges = classRanges(atoms, pattern.slice(start, i + 1));
    step(negated ? complement(caseless(ranges)) : caseless(ranges));
    return i;
}
/**
 * The inclusive ranges of a class's characters, read as a regular expression's class reads them: a
 * `-` between two characters joins them, and one right after a range is a plain `-`.
 */
function classRanges(atoms, text) {
    const ranges = [];
    const plain = (atom) => (atom === RANGE ? 45 : atom);
    for (let k = 0; k < atoms.length; k++) {
        const from = plain(atoms[k]);
        if (atoms[k + 1] === RANGE && k + 2 < atoms.length) {
            const to = plain(atoms[k + 2]);
            if (to < from)
                throw new Error(`the character class '${text}' is not valid`);
            ranges.push(from, to);
            k += 2;
        }
        else
            ranges.push(from, from);
    }
    return ranges;
}
/** The rules of an ignore file's lines; throws with the line's number on a pattern Docker refuses too. */
function parseDockerignore(lines) {
    const rules = [];
    lines.forEach((line, i) => {
        try {
            const rule = parseRule(line);
            if (rule)
                rules.push(rule);
        }
        catch (error) {
            throw new Error(`line ${i + 1}, '${line.trim()}': ${error.message}`, { cause: error.cause });
        }
    });
    const weight = rules.reduce((sum, r) => sum + automatonCost(r.automaton, false), 0);
    const wideWeight = rules.reduce((sum, r) => sum + automatonCost(r.automaton, true), 0);
    const cost = (rel) => {
        let wide = 0;
        for (let i = 0; i < rel.length; i++)
            if (rel.charCodeAt(i) >= 128)
                wide++;
        return 2 * ((rel.length - wide) * weight + wide * wideWeight);
    };
    return { rules: rules.length, weight, wideWeight, cost, ignores: (rel) => ignores(rules, rel) };
}
function ignores(rules, file) {
    const parent = cleanPath(external_node_path_default().posix.dirname(file));
    const parentDepth = parent === '.' ? 0 : parent.split('/').length;
    let matched = false;
    for (const rule of rules) {
        let match = run(rule.automaton, file);
        if (!match && parent !== '.') {
            if (rule.dirs.includes('**')) {
                // The library tries every ancestor with at least this many folders: one run, checked at each folder's end.
                match = run(rule.automaton, parent, rule.dirs.filter((d) => d !== '**').length);
            }
            else if (rule.dirs.length <= parentDepth) {
                match = run(rule.automaton, rule.dirs.length === parentDepth ? parent : dockerignore_prefixOf(parent, rule.dirs.length));
            }
        }
        if (match)
            matched = !rule.negative;
    }
    return matched;
}
/** The first `count` folders of `parent`. */
function dockerignore_prefixOf(parent, count) {
    let end = -1;
    for (let i = 0; i < count; i++)
        end = parent.indexOf('/', end + 1);
    return parent.slice(0, end);
}

;// CONCATENATED MODULE: ./src/scan/context-hash.ts










const IGNORE_FILE = { the: 'the ignore file', a: 'an ignore file', limit: LIMITS.ignoreFileBytes };
/** A file of a context: any size (large ones are streamed), within the run's total. */
const CONTEXT_FILE = { the: 'the file', a: 'a file', limit: Number.MAX_SAFE_INTEGER };
/**
 * One context entry as it enters the hash. Both sources write the same line for the same file: the
 * kind, git's mode (644 or 755, from the owner's executable bit, as git records it) and git's object
 * id of the content or of the link's target.
 */
const line = {
    file: (executable, oid) => `f\u0000${executable ? '755' : '644'}\u0000${oid}`,
    link: (oid) => `l\u0000${oid}`,
    submodule: (oid) => `s\u0000${oid}`,
};
/**
 * Hashes build contexts: every file of the context folder that its `.dockerignore` (or
 * `<Dockerfile>.dockerignore`, which wins) does not exclude, with Docker's own ignore semantics
 * (@balena/dockerignore). Paths, the executable bit and git object ids (of contents, of symlink
 * targets) enter the hash in path order.
 *
 * With the commit's tree (the `git` context), the files are those of the commit, which is what
 * kaniko clones and builds: paths, modes and ids come from `git ls-tree`, and no file is read. Without it, the
 * working tree is walked: symlinks are hashed as links and never followed, `.git` folders are left
 * out, and each file is read once per run however many contexts include it. A clean checkout gives
 * the same hash either way.
 */
class ContextHasher {
    root;
    generated;
    tree;
    limits;
    contents = new Map();
    format;
    /** Parsed ignore files, by their text: contexts often share one. */
    parsed = new Map();
    /** What this run has used of its limits. */
    used = { files: 0, steps: 0, bytes: 0 };
    /**
     * @param root the repository folder that context paths are relative to
     * @param generated repository-relative files this action writes (the manifest): never part of a
     *   context, or every render would change the hash it is made from
     * @param tree the commit's files under `root`, when the contexts are the commit's files
     * @param format the repository's object format, for the ids the working-tree walk computes
     * @param limits the bounds of a run (see limits.ts)
     */
    constructor(root, generated = new Set(), tree, format = tree?.objectFormat ?? 'sha1', limits = LIMITS) {
        this.root = root;
        this.generated = generated;
        this.tree = tree;
        this.limits = limits;
        this.format = format;
    }
    /** Where the files come from, for the log and the annotation. */
    get source() {
        return this.tree ? 'commit' : 'working tree';
    }
    /**
     * A file of the working tree read elsewhere (a Dockerfile, for its own hash): its line is kept, so
     * the walk of its context does not read it again. Nothing to keep with the commit's tree, which reads no file.
     */
    knownFile(file, data, mode) {
        if (this.tree)
            return;
        // The path the walk builds for it (see walk), so that the walk finds it.
        const abs = `${external_node_path_default().join(this.root)}/${file}`;
        if (!this.contents.has(abs))
            this.contents.set(abs, line.file((mode & 0o100) !== 0, blobId(this.format, data)));
    }
    /** Whether the commit holds `file` (repository-relative); undefined without the commit's tree. */
    commits(file) {
        if (!this.tree)
            return undefined;
        return this.tree.entries[lowerBound(this.tree.entries, file)]?.path === file;
    }
    async hash(contextDir, dockerfile) {
        const found = this.ignoreFile(contextDir, dockerfile);
        const rules = found?.text ?? '';
        const ruleLines = rules.split(/\r?\n/);
        const ig = this.parseIgnore(found?.name ?? '', ruleLines);
        const hasRules = ruleLines.some((l) => l.trim() !== '' && !l.trim().startsWith('#'));
        const ignored = (rel) => {
            if (!hasRules)
                return false;
            // Counted before the work, as its bound: the path, then its folders.
            this.used.steps += ig.cost(rel);
            if (this.used.steps > this.limits.ignoreSteps) {
                throw new LimitError(`matching the paths of the build contexts against their ignore rules takes more than ${count(this.limits.ignoreSteps)} steps in all (a character of a path against a rule is one, a character past ASCII up to 17; the context of '${dockerfile}' reached it, with the ${ig.rules} rules of '${found?.name}'): expected fewer; use fewer rules, smaller contexts, or hash: dockerfile`);
            }
            return ig.ignores(rel);
        };
        // Without '!' rules an ignored folder holds nothing that counts: no need to enter it.
        const canReinclude = /^\s*!/m.test(rules);
        const countFiles = (n) => this.countFiles(n, dockerfile);
        const filter = { ignored, canReinclude, generated: this.generated, contextDir, dockerfile, count: countFiles };
        const entries = this.tree ? fromTree(this.tree, filter) : this.walk(filter);
        entries.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
        // One string hashed once: an update call per file cost more than the hashing.
        const lines = [];
        for (const entry of entries)
            lines.push(`${entry.rel}\u0000${typeof entry.line === 'string' ? entry.line : await entry.line}\n`);
        return { sha256: sha256Hex(lines.join('')), files: entries.length, ignoreFile: found?.name ?? '' };
    }
    countFiles(n, dockerfile) {
        this.used.files += n;
        if (this.used.files > this.limits.contextFiles) {
            throw new LimitError(`the build contexts hold more than ${count(this.limits.contextFiles)} files in all (the context of '${dockerfile}' reached it; a file in two contexts counts twice): expected fewer; exclude files in .dockerignore, choose smaller contexts, or use hash: dockerfile`);
        }
    }
    /**
     * The ignore file that applies: `<Dockerfile>.dockerignore`, else the context's `.dockerignore`.
     * With the commit's tree they are the commit's, as kaniko's clone has them; else the working tree's.
     */
    ignoreFile(contextDir, dockerfile) {
        for (const name of [`${dockerfile}.dockerignore`, contextDir ? `${contextDir}/.dockerignore` : '.dockerignore']) {
            const data = this.tree
                ? readCommitFile(this.root, this.tree, name, IGNORE_FILE)
                : readRepoFile(external_node_path_default().join(this.root, ...name.split('/')), name, IGNORE_FILE, this.root);
            if (data !== undefined)
                return { name, text: data.toString('utf8') };
        }
        return undefined;
    }
    parseIgnore(name, lines) {
        const key = lines.join('\n');
        let ig = this.parsed.get(key);
        if (ig !== undefined)
            return ig;
        // Counted before parsing: each rule costs a little memory.
        const rules = lines.filter((l) => !l.startsWith('#') && l.trim() !== '').length;
        if (rules > this.limits.ignoreRules) {
            throw new LimitError(`the ignore file '${name}' has ${count(rules)} rules, more than the ${count(this.limits.ignoreRules)} an ignore file may have`);
        }
        try {
            ig = parseDockerignore(lines);
        }
        catch (error) {
            throw new Error(`the ignore file '${name}' has a rule Docker refuses too: ${error.message}`, {
                cause: error.cause,
            });
        }
        this.parsed.set(key, ig);
        return ig;
    }
    /**
     * The context's files in the working tree. A folder or file that cannot be read fails the run: the
     * tag would not cover it, and so would not change when it does.
     */
    walk(filter) {
        const { contextDir, ignored, canReinclude } = filter;
        const entries = [];
        const unreadable = (kind, rel, error) => {
            const where = external_node_path_default().posix.join(contextDir, rel) || '.';
            // The cause (`EACCES: permission denied, scandir …`) follows this message in the log.
            return new Error(`cannot read the ${kind} '${where}' of the build context of '${filter.dockerfile}' (the tag covers every file of the context: make it readable by the runner, or exclude it in ${contextDir ? `${contextDir}/` : ''}.dockerignore)`, { cause: error });
        };
        const calls = {
            tooDeep: (rel) => new LimitError(`the folder '${external_node_path_default().posix.join(contextDir, rel)}' of the build context of '${filter.dockerfile}' is more than ${this.limits.depth} folders deep: expected at most ${this.limits.depth}; exclude it in .dockerignore`),
            unlistable: (rel, error) => {
                throw unreadable('folder', rel, error);
            },
            listed: (_dir, _rel, items) => {
                filter.count(items.length);
            },
            // Without '!' rules an ignored folder holds nothing that counts: no need to enter it.
            enter: (rel, name) => canReinclude || !ignored(childPath(rel, name)),
            symlink: (dir, rel, name) => {
                const itemRel = childPath(rel, name);
                if (!ignored(itemRel))
                    entries.push({ rel: itemRel, line: line.link(blobId(this.format, (0,external_node_fs_namespaceObject.readlinkSync)(`${dir}/${name}`, { encoding: 'buffer' }))) });
            },
            file: (dir, rel, name) => {
                const itemRel = childPath(rel, name);
                if (this.generated.has(contextDir ? `${contextDir}/${itemRel}` : itemRel) || ignored(itemRel))
                    return;
                try {
                    entries.push({ rel: itemRel, line: this.fileLine(`${dir}/${name}`, external_node_path_default().posix.join(contextDir, itemRel)) });
                }
                catch (error) {
                    if (error instanceof LimitError)
                        throw error;
                    throw unreadable('file', itemRel, error);
                }
            },
        };
        const top = external_node_path_default().join(this.root, ...contextDir.split('/').filter(Boolean));
        walkTree(top, calls, { depth: contextDir === '' ? 0 : contextDir.split('/').length, maxDepth: this.limits.depth, state: undefined });
        return entries;
    }
    /**
     * The line of a regular file of the working tree; each file is read once. Small files are read
     * with one open, fstat, read and close into a shared buffer, without a Promise.
     */
    fileLine(abs, name) {
        let cached = this.contents.get(abs);
        if (cached === undefined) {
            cached = hashFile(abs, name, this.root, this.format, (bytes) => this.countBytes(bytes, name));
            this.contents.set(abs, cached);
        }
        return cached;
    }
    countBytes(bytes, name) {
        this.used.bytes += bytes;
        if (this.used.bytes > this.limits.contextBytes) {
            throw new LimitError(`the files of the build contexts have more than ${showBytes(this.limits.contextBytes)} bytes in all ('${name}' reached it): expected fewer; exclude large files in .dockerignore, or use hash: dockerfile`);
        }
    }
}
/**
 * The context's files in the commit. The same rules as the walk: a file counts unless it is ignored,
 * or (without '!' rules) one of its folders is.
 */
function fromTree(tree, filter) {
    const { contextDir, ignored, canReinclude, generated } = filter;
    const prefix = contextDir === '' ? '' : `${contextDir}/`;
    const entries = [];
    const folderIgnored = new Map();
    const insideIgnoredFolder = (rel) => {
        const slash = rel.lastIndexOf('/');
        if (slash === -1)
            return false;
        const folder = rel.slice(0, slash);
        let known = folderIgnored.get(folder);
        if (known === undefined) {
            known = insideIgnoredFolder(folder) || ignored(folder);
            folderIgnored.set(folder, known);
        }
        return known;
    };
    const all = tree.entries;
    // Paths under one folder are contiguous in sorted order, from `prefix` to below `prefix` with its
    // slash made the next character ('0'): counted before any work.
    const first = lowerBound(all, prefix);
    filter.count((prefix === '' ? all.length : lowerBound(all, `${prefix.slice(0, -1)}0`)) - first);
    for (let i = first; i < all.length; i++) {
        const entry = all[i];
        if (!entry.path.startsWith(prefix))
            break;
        const rel = entry.path.slice(prefix.length);
        if (generated.has(entry.path))
            continue;
        // The folder first: its answer is kept, and a file in an ignored folder costs no rule check.
        if ((!canReinclude && insideIgnoredFolder(rel)) || ignored(rel))
            continue;
        const kind = entry.mode & 0o170000;
        entries.push({
            rel,
            line: kind === 0o120000
                ? line.link(entry.oid)
                : kind === 0o160000
                    ? line.submodule(entry.oid)
                    : line.file((entry.mode & 0o100) !== 0, entry.oid),
        });
    }
    return entries;
}
function hashFile(abs, name, root, format, countBytes) {
    // A file the walk listed as a regular file: opened without following a link, and fstat'd again.
    const opened = openRepoFile(abs, name, CONTEXT_FILE, root);
    if (opened === undefined)
        throw new Error(`the file '${name}' is gone`);
    const { fd, info } = opened;
    let streamed = false;
    try {
        countBytes(info.size);
        const executable = (info.mode & 0o100) !== 0;
        if (info.size <= READ_WHOLE_BYTES) {
            const data = readOpenFile(fd, info.size);
            if (data.length === info.size)
                return line.file(executable, blobId(format, data));
        }
        // Large (or changed while reading): streamed, so memory does not grow with the file. The blob
        // header needs the size first, so the file is read once for its size and once for the id.
        streamed = true;
        return (async () => {
            try {
                let size = 0;
                for await (const chunk of (0,external_node_fs_namespaceObject.createReadStream)('', { fd, autoClose: false, highWaterMark: 1024 * 1024, start: 0 }))
                    size += chunk.length;
                const digest = external_node_crypto_.createHash(format).update(`blob ${size}\u0000`);
                let read = 0;
                for await (const chunk of (0,external_node_fs_namespaceObject.createReadStream)('', { fd, autoClose: false, highWaterMark: 1024 * 1024, start: 0 })) {
                    digest.update(chunk);
                    read += chunk.length;
                }
                if (read !== size)
                    throw new Error(`the file '${abs}' changed while it was hashed`);
                return line.file(executable, digest.digest('binary'));
            }
            finally {
                (0,external_node_fs_namespaceObject.closeSync)(fd);
            }
        })();
    }
    finally {
        if (!streamed)
            (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
}

;// CONCATENATED MODULE: ./src/scan/hash.ts




/** Dockerfiles larger than this are refused: they are almost certainly not Dockerfiles. */
const MAX_DOCKERFILE_BYTES = LIMITS.dockerfileBytes;
const DOCKERFILE = { the: 'the Dockerfile', a: 'a Dockerfile', limit: MAX_DOCKERFILE_BYTES };
/**
 * Reads one Dockerfile, `root`/`file` (at most MAX_DOCKERFILE_BYTES, through the repository's one
 * reader), and returns its sha256 in hex. Synchronous: for a thousand small files, the file-handle
 * promises cost more than the reads.
 */
function hashDockerfile(root, file, 
/** Given the bytes (valid during the call) and the file's mode, for a reader that needs them too. */
onRead) {
    // `file` is the relative path the walk built under `root` with `/`: joined the same way, without normalising.
    const opened = openRepoFile(`${root}/${file}`, file, DOCKERFILE, root);
    // Discovery found it a moment ago: gone now is an error, not a Dockerfile less.
    if (opened === undefined)
        throw new Error(`cannot read the Dockerfile '${file}': it is gone`);
    try {
        const data = readOpenFile(opened.fd, opened.info.size);
        if (data.length > MAX_DOCKERFILE_BYTES) {
            throw new Error(`the Dockerfile '${file}' grew to more than the ${MAX_DOCKERFILE_BYTES} bytes a Dockerfile may have`);
        }
        onRead?.(data, opened.info.mode);
        const text = data.toString('utf8');
        // Asked of the string: Buffer.includes goes through JavaScript, a thousand times over on a large repository.
        if (text.includes('\0'))
            throw new Error(`the Dockerfile '${file}' contains NUL bytes: it is not a text file`);
        return { sha256: sha256Hex(data), text, bytes: data.length };
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(opened.fd);
    }
}

;// CONCATENATED MODULE: ./src/scan/scan.ts















/** Discovers and hashes the Dockerfiles; reads the disk, writes nothing. */
async function scanRepository(settings, log) {
    await checkPlaces(settings);
    const config = await readConfig(settings);
    warnAboutExecutor(settings.executorImage, log);
    const paths = await log.group('Discover Dockerfiles', () => discover(settings, log));
    const entries = config ? matchConfig(config, paths) : new Map();
    const skipped = paths.filter((file) => entries.get(file)?.options.skip === true);
    const configName = config?.source.kind === 'file' ? `'${config.source.name}'` : "input 'image-config'";
    if (skipped.length > 0)
        log.info(`skipped by ${configName}: ${skipped.map(common_inert/* inert */.tJ).join(', ')}`);
    const files = await log.group('Hash', () => hashAll(settings, paths, config, entries, log));
    if (files.length === 0) {
        throw new InputError(`Every Dockerfile that matched is skipped by ${configName} (${skipped.join(', ')}): expected at least one image to build.`);
    }
    return { files, skipped };
}
/** The repository folder lies inside the workspace, and the manifest inside the repository. */
async function checkPlaces(settings) {
    const rootProblem = await explainRoot(settings);
    if (rootProblem)
        throw new InputError(`Input 'path' has the value '${settings.contextPrefix || '.'}': expected a folder inside the workspace, but ${rootProblem}.`);
    const outputEscape = await explainPathEscape(settings.root, settings.outputPath);
    if (outputEscape)
        throw new InputError(`Input 'output' has the value '${settings.output}': expected a file inside the repository, but ${outputEscape}.`);
}
/** The build container runs its wrapper with /busybox/sh, which only kaniko's -debug images carry. */
function warnAboutExecutor(executorImage, log) {
    if (/debug/i.test(executorImage.split('/').at(-1) ?? ''))
        return;
    log.warning(`Input 'executor-image' is '${executorImage}', which does not look like a kaniko -debug image: the build container runs /busybox/sh, which only the -debug images have, and fails to start without it. Ignore this if the image has /busybox/sh.`);
}
/** The Dockerfiles the patterns match; none is an error (an empty manifest would prune every build Pod). */
async function discover(settings, log) {
    const found = await discoverDockerfiles(settings.root, settings.dockerfiles, { generated: new Set([settings.output]) });
    for (const warning of found.warnings)
        log.warning(warning);
    // One write per phase: a line per file cost a system call each on large repositories.
    log.info([...found.notes, ...found.paths.map(common_inert/* inert */.tJ), `${found.paths.length} Dockerfile(s) matched ${settings.dockerfiles.join(', ')}`].join('\n'));
    if (found.paths.length === 0) {
        throw new InputError(`Input 'dockerfiles' has the value '${settings.dockerfiles.join('\\n')}': no file in '${settings.root}' matched (node_modules and .git are never searched); expected patterns such as Dockerfile or services/*/Dockerfile.`);
    }
    return found.paths;
}
/** Hashes every Dockerfile the config does not skip, with its context under `hash: context`. */
async function hashAll(settings, paths, config, entries, log) {
    const hashed = [];
    const contexts = settings.hash === 'context' ? contextHasher(settings, log) : undefined;
    let total = 0;
    for (const file of paths) {
        const entry = entries.get(file);
        if (entry?.options.skip === true)
            continue;
        // Its context's walk (working tree) takes the bytes read here: a Dockerfile is read once.
        const read = hashDockerfile(settings.root, file, contexts ? (data, mode) => contexts.knownFile(file, data, mode) : undefined);
        // The texts are kept for the plan: their sum is bounded as well as each.
        total += read.bytes;
        if (total > LIMITS.dockerfilesBytes) {
            throw new LimitError(`the Dockerfiles have more than ${showBytes(LIMITS.dockerfilesBytes)} bytes in all ('${file}' reached it): expected at most that; leave some out with 'dockerfiles'`);
        }
        const own = entry && config ? configure(config, entry, file, read.text) : undefined;
        const configured = withInputPlatforms(own, entry, file, settings.platforms ?? []);
        hashed.push(await hashOne(file, read, configured, contexts, log));
    }
    log.info(hashed.map((f) => `${f.effective}  ${(0,common_inert/* inert */.tJ)(f.path)} (${(0,common_inert/* inert */.tJ)(f.covers)})`).join('\n'));
    return hashed;
}
/** The settings with the `platforms` input applied, unless the image's config sets its platform(s). */
function withInputPlatforms(own, entry, file, platforms) {
    if (platforms.length === 0 || entry?.options.platform !== undefined || entry?.options.platforms !== undefined)
        return own;
    const bare = {
        contextDir: scan_folderOf(file),
        buildArgs: {},
        target: '',
        platform: '',
        extraTags: [],
        nodeSelector: {},
        tolerations: [],
    };
    return withPlatforms(own ?? bare, platforms);
}
/** An entry's settings, resolved and checked against the Dockerfile's stages. */
function configure(config, entry, file, text) {
    const configured = resolveSettings(config, entry, file, scan_folderOf(file));
    // The plan parses the FROM lines: a run that takes the manifest as it is never does.
    if (configured.target)
        checkTarget(config, entry, file, configured.target, parseFromLines(text, configured.buildArgs, file));
    return configured;
}
/** The hash a Dockerfile's tag is made of: its own, with its context's, with what the config changes about the build. */
async function hashOne(file, read, configured, contexts, log) {
    const dir = configured?.contextDir ?? scan_folderOf(file);
    let effective = read.sha256;
    let covers = 'dockerfile';
    if (contexts) {
        const context = await contexts.hash(dir, file);
        if (contexts.commits(file) === false) {
            log.warning(`${(0,common_inert/* inert */.tJ)(file)} is not committed: kaniko's git context builds the commit, where it is missing, so its build will fail. Commit it, or leave it out with 'dockerfiles'.`);
        }
        effective = sha256Hex(`kaniko-gitops context v2\n${read.sha256}\n${context.sha256}\n`);
        covers = `context ${dir || '.'}: ${context.files} file(s) of the ${contexts.source}${context.ignoreFile ? `, ${context.ignoreFile} applied` : ''}`;
    }
    // What the config changes about the build enters the tag; an image without such settings keeps its hash.
    const build = configured ? buildInputs(configured, scan_folderOf(file)) : undefined;
    if (build) {
        effective = sha256Hex(`kaniko-gitops build v1\n${effective}\n${JSON.stringify(build.key)}\n`);
        covers = `${covers}; config: ${build.covers}`;
    }
    return { path: file, sha256: read.sha256, effective, covers, text: read.text, ...(configured ? { settings: configured } : {}) };
}
function scan_folderOf(file) {
    const slash = file.lastIndexOf('/');
    return slash === -1 ? '' : file.slice(0, slash);
}
/**
 * For the git context, kaniko builds the pinned commit: the contexts are its files, as `git ls-tree`
 * lists them (not the index, where an earlier step may have staged other content). The local context
 * builds the working tree, and so does a run whose commit cannot be listed (no git, no checkout, the
 * commit not fetched), with a note in the log.
 */
function contextHasher(settings, log) {
    const generated = new Set([settings.output]);
    if (settings.context === 'git') {
        const read = readCommitTree(settings.root, settings.commitSha, workspaceOf(settings));
        if ('tree' in read)
            return new ContextHasher(settings.root, generated, read.tree);
        log.info(`Build contexts are hashed from the working tree: the commit's files cannot be listed (${(0,common_inert/* inert */.tJ)(read.reason)}).`);
        return new ContextHasher(settings.root, generated, undefined, read.objectFormat);
    }
    return new ContextHasher(settings.root, generated, undefined, gitObjectFormat(settings.root, workspaceOf(settings)));
}
/** The workspace folder: `root` less the `path` input. */
function workspaceOf(settings) {
    return settings.contextPrefix === '' ? settings.root : external_node_path_default().resolve(settings.root, ...settings.contextPrefix.split('/').map(() => '..'));
}
/** Why `root` is not a folder inside the workspace (symlinks resolved), or undefined. */
async function explainRoot(settings) {
    const workspace = workspaceOf(settings);
    const realRoot = realpathOrUndefined(settings.root);
    const realWorkspace = realpathOrUndefined(workspace) ?? workspace;
    if (realRoot === undefined)
        return 'it does not exist';
    if (!(0,external_node_fs_namespaceObject.statSync)(realRoot).isDirectory())
        return 'it is not a folder';
    const rel = external_node_path_default().relative(realWorkspace, realRoot);
    if (rel.startsWith('..') || external_node_path_default().isAbsolute(rel))
        return `it resolves to '${realRoot}', outside the workspace`;
    return undefined;
}

;// CONCATENATED MODULE: ./src/action/runner.ts
/**
 * The runner's workflow-command protocol: inputs from INPUT_* variables, outputs and the job summary
 * through the files the runner names, masks, annotations and log groups on stdout.
 *
 * This is what @actions/core does, written out because of what it costs: on Node 24, the runtime of
 * `runs.using: node24`, importing @actions/core took 140 ms where an empty bundle started in 55 ms
 * (it loads @actions/http-client and undici at import, for OIDC tokens this action never asks for).
 * That was 60 % of a run on a small repository. `test/action/runner.test.ts` runs both side by side and
 * requires the same stdout and the same files for the same calls. Two differences on purpose: `info`
 * and `debug` defuse a line that the runner would take for a workflow command (see `inertLines`), and
 * annotations show control characters percent-encoded (see `shown`).
 */



/**
 * Writes to the log. On Linux and macOS the text goes to file descriptor 1 directly: the first use of
 * `process.stdout` builds a stream, 4 to 7 ms of a run on a pipe, which is how the runner reads it.
 * Every line of the action goes through here and is written before the call returns, so lines keep
 * their order and none is left unwritten at exit.
 */
function writeStdout(text) {
    if (process.platform === 'win32') {
        process.stdout.write(text);
        return;
    }
    const bytes = Buffer.from(text);
    for (let at = 0; at < bytes.length;) {
        try {
            at += (0,external_node_fs_namespaceObject.writeSync)(1, bytes, at);
        }
        catch (error) {
            // A pipe the reader left non-blocking fills up: wait a moment for it to drain.
            if (error.code !== 'EAGAIN')
                throw error;
            Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
        }
    }
}
let out = writeStdout;
/**
 * How the runner finds workflow commands in the log (actions/runner: ActionCommandManager and
 * ActionCommand): it reads the log line by line, a line ending at LF, CR or CR LF, and takes
 * - `::command::data` from a line that starts with `::` once its leading white space (.NET's, which
 *   counts U+0085, U+00A0 and U+2028 in) is trimmed;
 * - `##[command]data`, the old syntax, from `##[` anywhere in a line.
 * The command names do not matter here: `::stop-commands::TOKEN` makes any word a command.
 */
const COMMAND_LINE = /^[\s\u0085]*::|##\[/m;
const LEADING_COMMAND = /^([\s\u0085]*):(?=:)/;
/**
 * The last line of defence for everything logged as plain text (never a command the action issues
 * itself): each line the runner would take for a command gets its first `:` as `%3A`, and `##[` as
 * `##%5B`. Other lines stay as they are; most messages have none, and are returned after one scan.
 */
function inertLines(message) {
    // A search for a fixed string is several times faster than the pattern on a long diff.
    if ((!message.includes('::') && !message.includes('##[')) || !COMMAND_LINE.test(message))
        return message;
    return message
        .split(/(\r\n|\r|\n)/)
        .map((part, i) => {
        if (i % 2 === 1)
            return part;
        const line = LEADING_COMMAND.test(part) ? part.replace(LEADING_COMMAND, '$1%3A') : part;
        return line.includes('##[') ? line.replaceAll('##[', '##%5B') : line;
    })
        .join('');
}
/** Sends what would go to the log to `sink` instead (undefined: back to the log), for tests. */
function redirectLog(sink) {
    out = sink ?? writeStdout;
}
/** An input as the runner passes it: `INPUT_<NAME>` (spaces to '_', upper case), trimmed. */
function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
/** A multi-line input: one item per non-empty line, each trimmed. */
function getMultilineInput(name) {
    return getInput(name)
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => line.trim());
}
function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
/** Writes `::command key=value,...::message`. */
function issueCommand(command, properties, message) {
    const props = Object.entries(properties)
        .filter(([, value]) => value)
        .map(([key, value]) => `${key}=${escapeProperty(value)}`)
        .join(',');
    out(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}${external_node_os_namespaceObject.EOL}`, command);
}
/** A plain log line (or several): no line of it can be a workflow command, whatever text it holds. */
function info(message) {
    out(`${inertLines(message)}${external_node_os_namespaceObject.EOL}`);
}
/**
 * A `::debug::` line, which GitHub shows only when the run has debug logging on (`ACTIONS_STEP_DEBUG`).
 * Its text is made inert like `info`'s: it may hold names from the repository.
 */
function debug(message) {
    issueCommand('debug', {}, shown(inertLines(message)));
}
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what is escaped
const SHOWN_ESCAPED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/g;
/**
 * An annotation's text with its control characters (but tab, CR and LF, which the protocol carries)
 * percent-encoded, so that a repository text in a message cannot style or rewrite what GitHub and a
 * terminal show (ANSI escapes, OSC 8 links, NEL): the runner unescapes only `%25`, `%0D` and `%0A`.
 */
function shown(message) {
    return message.replace(SHOWN_ESCAPED, (c) => encodeURIComponent(c));
}
function warning(message) {
    issueCommand('warning', {}, shown(message));
}
function notice(message) {
    issueCommand('notice', {}, shown(message));
}
function error(message, properties = {}) {
    issueCommand('error', { file: properties.file, line: properties.startLine?.toString(), col: properties.startColumn?.toString() }, shown(message));
}
/** Masks a value in every later line of the log. */
function setSecret(secret) {
    issueCommand('add-mask', {}, secret);
}
/** Marks the step failed (exit code 1) with an error annotation. */
function setFailed(message, properties = {}) {
    process.exitCode = 1;
    error(message, properties);
}
async function group(name, fn) {
    issueCommand('group', {}, name);
    try {
        return await fn();
    }
    finally {
        issueCommand('endgroup', {}, '');
    }
}
function appendToFile(variable, text) {
    const file = process.env[variable];
    if (!file)
        throw new Error(`Unable to find environment variable for file command ${variable.replace(/^GITHUB_/, '')}`);
    if (!(0,external_node_fs_namespaceObject.existsSync)(file))
        throw new Error(`Missing file at path: ${file}`);
    (0,external_node_fs_namespaceObject.appendFileSync)(file, text, { encoding: 'utf8' });
}
/** Sets a step output through the GITHUB_OUTPUT file, with a random heredoc delimiter. */
function setOutput(name, value) {
    if (!process.env.GITHUB_OUTPUT) {
        out(external_node_os_namespaceObject.EOL);
        issueCommand('set-output', { name }, value);
        return;
    }
    const delimiter = `ghadelimiter_${(0,external_node_crypto_.randomUUID)()}`;
    if (name.includes(delimiter) || value.includes(delimiter))
        throw new Error(`Unexpected input: name or value contains the delimiter "${delimiter}"`);
    appendToFile('GITHUB_OUTPUT', `${name}<<${delimiter}${external_node_os_namespaceObject.EOL}${value}${external_node_os_namespaceObject.EOL}${delimiter}${external_node_os_namespaceObject.EOL}`);
}
/** Replaces the step's job summary (what `core.summary.write({ overwrite: true })` does), when the runner provides one. */
function replaceSummary(text) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file)
        return;
    if (!(0,external_node_fs_namespaceObject.existsSync)(file))
        throw new Error(`Missing file at path: ${file}`);
    (0,external_node_fs_namespaceObject.writeFileSync)(file, text, { encoding: 'utf8' });
}
/** Appends HTML or Markdown to the job summary, when the runner provides one. */
function appendSummary(text) {
    if (process.env.GITHUB_STEP_SUMMARY)
        appendToFile('GITHUB_STEP_SUMMARY', text);
}

;// CONCATENATED MODULE: ./src/action/github.ts

/** The GitHub API for the run's repository, with the run's token. */
async function createApi(settings) {
    if (settings.token === '')
        throw new Error("Input 'token' is empty: commit and diff need a token for the GitHub API (the default is the workflow's own token).");
    // Loaded only here: render mode never pays for Octokit at start-up.
    const { createOctokitApi } = await Promise.all(/* import() */[__nccwpck_require__.e(239), __nccwpck_require__.e(731)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1731));
    return createOctokitApi(settings.token, settings.apiUrl, { owner: settings.owner, repo: settings.repo }, { onRetry: (message) => warning(message) });
}

;// CONCATENATED MODULE: ./src/gitops/image-graph.ts
/**
 * The graph of images built on images of the same repository, for the pull-request comment and the
 * job summary (a Mermaid flowchart, which GitHub draws) and the command line (an indented tree). Only
 * images with an in-repo parent or child are in it: the others are in the table already.
 */

/**
 * The most nodes a drawing shows: a flowchart of more is a tangle at the width of a comment, and the
 * images a merge builds, with what they build on and what builds on them, are what a reader looks for.
 */
const GRAPH_NODES = 50;
/** The most edges a drawing shows: Mermaid refuses a flowchart of more than 500 (its `maxEdges`). */
const GRAPH_EDGES = 200;
/**
 * A label keeps at most this many characters (image names have at most 63; a hand-edited manifest may
 * hold longer ones). A character may take 9 as an entity code (`#1114111;`): GRAPH_NODES labels of this
 * length, GRAPH_EDGES edges and the rest keep the chart under MERMAID_MAX_TEXT.
 */
const LABEL_CHARACTERS = 80;
/** Mermaid draws no chart of more characters than this (its default `maxTextSize`), which GitHub keeps. */
const MERMAID_MAX_TEXT = 50_000;
/** The command line's tree indents at most this many levels; deeper lines say their level as a number. */
const TEXT_INDENT_LEVELS = 20;
/** The kind of an image of a render: what it is against the previous manifest. */
function kindOfReport(image) {
    const kind = image.status === 'new'
        ? 'new'
        : image.status === 'changed'
            ? 'rebuilt'
            : image.status === 'renamed'
                ? 'renamed'
                : image.forced
                    ? 'forced'
                    : 'unchanged';
    return { name: image.name, kind };
}
/** Every `[parent, child]` between the images given (a parent not among them, or the image itself, is no edge). */
function edgesOf(images, parents) {
    const known = new Set(images.map((image) => image.name));
    const edges = [];
    for (const { name } of images) {
        for (const parent of new Set(parents.get(name) ?? []))
            if (parent !== name && known.has(parent))
                edges.push([parent, name]);
    }
    return edges.sort(([a, b], [c, d]) => compare(a, c) || compare(b, d));
}
const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
/**
 * The images to draw, at most `limit`, or undefined when no image has an in-repo parent. Kept first:
 * the images the run builds, then their ancestors and descendants (nearest first), then the others,
 * each connected group together.
 */
function selectGraph(images, parents, limit = GRAPH_NODES) {
    const all = edgesOf(images, parents);
    if (all.length === 0)
        return undefined;
    const up = new Map();
    const down = new Map();
    for (const [parent, child] of all) {
        up.set(child, [...(up.get(child) ?? []), parent]);
        down.set(parent, [...(down.get(parent) ?? []), child]);
    }
    const kinds = new Map(images.map((image) => [image.name, image.kind]));
    const connected = [...new Set(all.flat())].sort(compare);
    const order = new Set(connected.filter((name) => kinds.get(name) !== 'unchanged'));
    for (const name of lineage([...order], up, down))
        order.add(name);
    const neighbours = (name) => [...(up.get(name) ?? []), ...(down.get(name) ?? [])];
    for (const name of connected)
        if (!order.has(name))
            for (const found of breadthFirst([name], neighbours))
                order.add(found);
    const shown = new Set([...order].slice(0, limit));
    const edges = all.filter(([parent, child]) => shown.has(parent) && shown.has(child));
    return {
        nodes: [...shown].sort(compare),
        edges: edges.slice(0, GRAPH_EDGES),
        nodesLeftOut: connected.length - shown.size,
        edgesLeftOut: Math.max(0, edges.length - GRAPH_EDGES),
        kinds,
    };
}
/**
 * The ancestors and the descendants of `start`, nearest first: up by parents alone and down by
 * children alone (a sibling is no relative of a change).
 */
function lineage(start, up, down) {
    const found = new Set(start);
    const walked = new Set();
    const queue = start.flatMap((name) => [['up', name], ['down', name]]);
    for (let i = 0; i < queue.length; i++) {
        const [way, name] = queue[i];
        for (const next of [...((way === 'up' ? up : down).get(name) ?? [])].sort(compare)) {
            if (walked.has(`${way} ${next}`))
                continue;
            walked.add(`${way} ${next}`);
            found.add(next);
            queue.push([way, next]);
        }
    }
    return [...found];
}
/** The names reached from `start` (itself included), nearest first, each once. */
function breadthFirst(start, next) {
    const seen = new Set(start);
    const queue = [...start];
    for (let i = 0; i < queue.length; i++) {
        for (const name of [...next(queue[i])].sort(compare)) {
            if (seen.has(name))
                continue;
            seen.add(name);
            queue.push(name);
        }
    }
    return queue;
}
/** Characters a label keeps as they are: none is Mermaid, Markdown or HTML syntax inside a quoted label. */
const LABEL_SAFE = /^[A-Za-z0-9 ._(),-]$/u;
/**
 * A Mermaid label: a quoted string in which every character outside LABEL_SAFE (and a space at either end) is an entity code
 * (`#35;`), which Mermaid decodes after parsing. So no quote ends the string, no `#…;` of the text is
 * read as an entity, no `%%` starts a directive, no `<` makes HTML, and no backtick or tilde can end
 * the code fence around the chart.
 */
function mermaidLabel(text) {
    let out = '';
    for (const c of text)
        out += LABEL_SAFE.test(c) ? c : `#${c.codePointAt(0)};`;
    // Mermaid trims a label: spaces at either end are kept as codes too.
    return `"${out.replace(/^ +| +$/g, (spaces) => '#32;'.repeat(spaces.length))}"`;
}
const CLASS_DEFS = [
    '  classDef built fill:#fff1b8,stroke:#d48806,stroke-width:2px,color:#222',
    '  classDef unchanged fill:#f6f8fa,stroke:#d0d7de,color:#8c959f',
];
/** The shown text of an image: its name, and what happens to it when it is built. */
function labelText(name, kind) {
    const chars = [...name];
    const shown = chars.length > LABEL_CHARACTERS ? `${chars.slice(0, LABEL_CHARACTERS - 1).join('')}\u2026` : name;
    return kind === undefined || kind === 'unchanged' ? shown : `${shown} (${kind})`;
}
/** The flowchart of a selection, parents above children, inside its code fence: node ids are `n0`, `n1`, …, never names. */
function mermaidChart(selection) {
    const ids = new Map(selection.nodes.map((name, i) => [name, `n${i}`]));
    const lines = ['```mermaid', 'flowchart TD'];
    for (const name of selection.nodes) {
        const kind = selection.kinds.get(name);
        lines.push(`  ${ids.get(name)}[${mermaidLabel(labelText(name, kind))}]:::${kind === 'unchanged' ? 'unchanged' : 'built'}`);
    }
    for (const [parent, child] of selection.edges)
        lines.push(`  ${ids.get(parent)} --> ${ids.get(child)}`);
    lines.push(...CLASS_DEFS, '```');
    return lines.join('\n');
}
/** What a drawing leaves out, as a sentence ('' when nothing). */
function leftOutNote(selection) {
    const parts = [];
    if (selection.nodesLeftOut > 0) {
        parts.push(`${selection.nodesLeftOut} more image(s) with an in-repo parent or child are left out (at most ${GRAPH_NODES} are drawn: first the images built, then their ancestors and descendants)`);
    }
    if (selection.edgesLeftOut > 0)
        parts.push(`${selection.edgesLeftOut} more edge(s) between the images drawn are left out (at most ${GRAPH_EDGES})`);
    return parts.length === 0 ? '' : `${parts.join('; ')}.`;
}
/**
 * The graph as Markdown: a line that says what it shows, the chart, and what it leaves out; '' when
 * no image has an in-repo parent.
 */
function graphMarkdown(images, parents) {
    const selection = selectGraph(images, parents);
    if (!selection)
        return '';
    const note = leftOutNote(selection);
    return [
        '**Images built on images of this repository** (parents above children; highlighted: built by this run):',
        '',
        mermaidChart(selection),
        ...(note ? ['', `_${note}_`] : []),
        '',
    ].join('\n');
}
/**
 * Two spaces a level, up to TEXT_INDENT_LEVELS; deeper, the level as a number (`[level 57] `), so a
 * long chain's text grows with its length, not with its square.
 */
function indentOf(level) {
    const spaces = '  '.repeat(Math.min(level, TEXT_INDENT_LEVELS));
    return level > TEXT_INDENT_LEVELS ? `${spaces}[level ${level}] ` : spaces;
}
/**
 * The graph for a terminal: each image under its first parent (by name), its subtree once, and
 * `(also under: …)` naming its other parents, so that the text grows with the images, not with the
 * paths between them. Names are `inert`. Undefined when no image has an in-repo parent.
 */
function graphText(images, parents) {
    const edges = edgesOf(images, parents);
    if (edges.length === 0)
        return undefined;
    const kinds = new Map(images.map((image) => [image.name, image.kind]));
    const under = new Map();
    const others = new Map();
    for (const [parent, child] of edges) {
        if (!under.has(child))
            under.set(child, [parent]);
        else
            others.set(child, [...(others.get(child) ?? []), parent]);
    }
    const children = new Map();
    for (const [child, [parent]] of under)
        children.set(parent, [...(children.get(parent) ?? []), child]);
    const lines = [];
    const walk = (name, level) => {
        const also = others.get(name);
        const kind = kinds.get(name);
        const status = [kind !== undefined && kind !== 'unchanged' ? kind : '', also ? `also under: ${also.map(inert).join(', ')}` : ''];
        const detail = status.filter((s) => s !== '').join('; ');
        lines.push(`${indentOf(level)}${inert(name)}${detail ? ` (${detail})` : ''}`);
        for (const child of (children.get(name) ?? []).sort(compare))
            walk(child, level + 1);
    };
    const roots = [...new Set(edges.map(([parent]) => parent))].filter((name) => !under.has(name)).sort(compare);
    for (const root of roots)
        walk(root, 0);
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/action/summary.ts



const TABLE_HEADER = ['Image', 'Dockerfile', 'sha256', 'Reference', 'Status'];
/** Rows of the image table shared by the job summary and the CLI. */
function imageRows(outcome) {
    const rows = outcome.images.map((image) => [
        image.name,
        image.dockerfile,
        image.sha256.slice(0, 12),
        // A multi-arch image's reference is its index, of these platforms.
        image.platforms === undefined ? image.image : `${image.image} (${image.platforms.join(', ')})`,
        statusText(image, true),
    ]);
    const skipped = new Set(outcome.skipped ?? []);
    for (const gone of outcome.removed) {
        rows.push([gone.name, gone.dockerfile, gone.sha256.slice(0, 12), '', skipped.has(gone.dockerfile) ? 'removed, skipped' : 'removed']);
        skipped.delete(gone.dockerfile);
    }
    for (const file of skipped)
        rows.push(['', file, '', '', 'skipped']);
    return rows;
}
/** A plain-text table for terminals. */
function formatTextTable(header, rows) {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (cells) => cells
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd();
    return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
/** GitHub refuses a step's job summary over 1 MiB; the table stops well before, with a note. */
const SUMMARY_TABLE_BUDGET = 768 * 1024;
/** Up to this many images the table lists them all; beyond, the ones a run builds, removes or skips. */
const SUMMARY_ALL_ROWS = 100;
/** One table row, every cell escaped. */
function htmlRow(cells, tag) {
    let html = '<tr>';
    for (const cell of cells)
        html += `<${tag}>${escapeHtml(cell)}</${tag}>`;
    return `${html}</tr>`;
}
const WAIT_TABLE_HEADER = ['Image', 'Reference', 'Status', 'Digest', 'Appeared after'];
/** The job summary of mode: wait: one line (already escaped) and a row per image, as the wait stands. */
function waitSummaryHtml(images, line) {
    const rows = [];
    let size = 0;
    for (const image of images) {
        const cells = [image.name, image.reference, image.status, image.digest ?? '', image.seconds === undefined ? '' : `${image.seconds} s`];
        const text = htmlRow(cells, 'td');
        size += Buffer.byteLength(text);
        // The `built` output lists every image; the summary stops within GitHub's 1 MiB.
        if (size > SUMMARY_TABLE_BUDGET)
            break;
        rows.push(text);
    }
    const table = images.length > 0 ? `\n<table>${htmlRow(WAIT_TABLE_HEADER, 'th')}${rows.join('')}</table>` : '';
    const left = images.length - rows.length;
    const note = left > 0
        ? `\n<p>${left} more row(s) left out: a job summary holds at most 1 MiB. The <code>built</code> output lists every image.</p>`
        : '';
    return `<h2>kaniko-gitops</h2>\n<p>${line}</p>${table}${note}\n`;
}
/**
 * The job summary: a heading, one line of HTML (`line`, already escaped), the image table, and the
 * graph of the images built on images of this repository, when there are such (at most GRAPH_NODES
 * images in it: tens of KiB beside the table's SUMMARY_TABLE_BUDGET, within the 1 MiB).
 */
function summaryHtml(outcome, line) {
    const parts = ['<h2>kaniko-gitops</h2>', `<p>${line}${outcome ? `, ${outcome.images.length} image(s)` : ''}</p>`];
    if (outcome) {
        // On a large repository a row per unchanged image would bury the few that build: they are counted.
        const all = outcome.images.length <= SUMMARY_ALL_ROWS;
        const shown = all ? outcome : { ...outcome, images: outcome.images.filter((image) => image.status !== 'unchanged' || image.forced) };
        const unlisted = outcome.images.length - shown.images.length;
        const rows = imageRows(shown);
        const html = [htmlRow(TABLE_HEADER, 'th')];
        let size = 0;
        for (const cells of rows) {
            const text = htmlRow(cells, 'td');
            size += Buffer.byteLength(text);
            if (size > SUMMARY_TABLE_BUDGET)
                break;
            html.push(text);
        }
        const left = rows.length - (html.length - 1);
        if (all || html.length > 1)
            parts.push(`<table>${html.join('')}</table>`);
        if (unlisted > 0) {
            parts.push(`<p>${unlisted} unchanged image(s) not listed: the <code>images</code> output and the log list every image.</p>`);
        }
        if (left > 0)
            parts.push(`<p>${left} more row(s) left out: a job summary holds at most 1 MiB. The <code>images</code> output and the log list every image.</p>`);
        // A blank line ends the HTML block: the chart's fence is Markdown.
        const graph = outcome.parents ? graphMarkdown(outcome.images.map(kindOfReport), outcome.parents) : '';
        if (graph !== '')
            parts.push('', graph);
    }
    return `${parts.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./src/action/outputs.ts


/** The log of a run in the action: @actions/core's protocol. */
const actionsLogger = {
    info: (message) => info(message),
    warning: (message) => warning(message),
    group: (name, fn) => group(name, fn),
};
function imageOutputs(settings, outcome) {
    return { images: JSON.stringify(outcome.images), manifest: settings.output };
}
function writeSummary(outcome, line) {
    appendSummary(summaryHtml(outcome, line));
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __nccwpck_require__(3136);
;// CONCATENATED MODULE: ./src/action/code-id.ts



let cached;
/**
 * sha256 of the file of the running code (the bundle, once built): a manifest rendered by other code
 * is rendered again. Should the file not be readable, a value no other run has: never the same key.
 */
function codeIdentity() {
    if (cached === undefined) {
        try {
            cached = sha256Hex((0,external_node_fs_namespaceObject.readFileSync)((0,external_node_url_.fileURLToPath)(import.meta.url)));
        }
        catch {
            cached = sha256Hex(`unreadable code ${process.pid} ${Date.now()} ${Math.random()}`);
        }
    }
    return cached;
}

;// CONCATENATED MODULE: ./src/action/scripts.ts

let scripts_cached;
/** The scripts from templates/ (ncc copies them next to the bundle). */
function loadScripts() {
    scripts_cached ??= {
        check: (0,external_node_fs_namespaceObject.readFileSync)(new URL(/* asset import */ __nccwpck_require__(8002), __nccwpck_require__.b), 'utf8'),
        build: (0,external_node_fs_namespaceObject.readFileSync)(new URL(/* asset import */ __nccwpck_require__(6654), __nccwpck_require__.b), 'utf8'),
        setup: (0,external_node_fs_namespaceObject.readFileSync)(new URL(/* asset import */ __nccwpck_require__(5211), __nccwpck_require__.b), 'utf8'),
        index: (0,external_node_fs_namespaceObject.readFileSync)(new URL(/* asset import */ __nccwpck_require__(9518), __nccwpck_require__.b), 'utf8'),
    };
    return scripts_cached;
}

;// CONCATENATED MODULE: ./src/action/workspace.ts







const MANIFEST = { the: 'the existing manifest', a: 'a manifest', limit: LIMITS.manifestBytes };
/** The code that renders: its container scripts and its identity, read once from the files beside the bundle. */
function currentCode() {
    return { scripts: loadScripts(), identity: codeIdentity() };
}
/**
 * Reads the manifest in the workspace, if there is one. Synchronous: the promise API reads in 512 KB
 * chunks through the thread pool, which cost 15 ms more for a 4 MB manifest than one read.
 */
async function readWorkspaceManifest(settings) {
    return readWorkspaceManifestBytes(settings)?.toString('utf8');
}
/** The same, as bytes: a render checks the digest on them. */
function readWorkspaceManifestBytes(settings) {
    return readRepoFile(settings.outputPath, settings.output, MANIFEST, settings.root);
}
/** Discovers, hashes, plans and renders against the manifest in the workspace; writes nothing. */
async function renderRepository(settings, log) {
    const scan = await scanRepository(settings, log);
    return renderScan(settings, scan, readWorkspaceManifestBytes(settings), `'${settings.output}'`, log, currentCode());
}
/** Writes the manifest atomically when it changed; an unchanged file is not touched. */
async function writeManifest(settings, outcome, log) {
    if (!outcome.changed) {
        await removeStaleTemporaries(settings.outputPath);
        log.info(`${settings.output} is up to date`);
        return;
    }
    await log.group('Write manifest', async () => {
        await writeFileAtomic(settings.outputPath, outcome.manifest);
        log.info(`wrote ${settings.output}`);
    });
}

;// CONCATENATED MODULE: ./src/action/commit-mode.ts














/** Commit mode: renders against the branch's manifest and commits it when it changed. */
async function runCommit(settings) {
    const scan = await scanRepository(settings, actionsLogger);
    const writer = settings.commitMethod === 'git' ? gitBranchWriter(settings.root) : apiBranchWriter(await createApi(settings));
    const committed = await actionsLogger.group(`Commit to ${settings.branch}`, () => commitManifest(writer, commitRequestFor(settings, scan, currentCode(), actionsLogger), actionsLogger));
    if (committed.result === 'superseded') {
        notice(`Nothing committed: ${(0,common_inert/* inert */.tJ)(committed.reason)}. The run for that commit renders its manifest.`);
        writeSummary(undefined, `superseded: ${escapeHtml(committed.reason)}`);
        return { changed: 'false', manifest: settings.output, result: 'superseded' };
    }
    // The workspace gets what the branch now has, for the steps that follow.
    if ((await readWorkspaceManifest(settings)) !== committed.outcome.manifest)
        await writeFileAtomic(settings.outputPath, committed.outcome.manifest);
    const outputs = {
        ...imageOutputs(settings, committed.outcome),
        result: committed.result,
        changed: String(committed.result === 'committed'),
    };
    let line = `<code>${escapeHtml(settings.manifestRepoPath)}</code> on <code>${escapeHtml(settings.branch)}</code> is up to date`;
    if (committed.result === 'committed') {
        outputs['commit-sha'] = committed.sha;
        if (committed.verified !== undefined) {
            outputs['commit-verified'] = String(committed.verified);
            info(`GitHub reports the commit as ${committed.verified ? 'signed (verified)' : 'not signed'}.`);
        }
        line = `committed <code>${committed.sha.slice(0, 7)}</code> to <code>${escapeHtml(settings.branch)}</code>`;
    }
    writeSummary(committed.outcome, line);
    // Only a new manifest starts builds (and a wait job that settles them): a run that found the branch
    // up to date (a re-run) leaves the statuses as they are, whatever a wait made of them.
    if (settings.statuses && committed.result === 'committed')
        await postPending(settings, committed.outcome);
    return outputs;
}
/**
 * A pending commit status for each image whose Pod pins the rendered commit (what it built, forced or
 * renamed): the wait's own rule (chooseImages), so every status the wait settles was pending first.
 * Statuses are feedback: nothing here fails the run, whose outputs and summary are written already.
 */
async function postPending(settings, outcome) {
    try {
        const manifest = await readPreviousManifest(outcome.manifest);
        const building = chooseImages(manifest.images.values(), [], settings.commitSha);
        if (building.length === 0)
            return;
        const names = building.map((image) => image.name);
        const statuses = statusPoster(await createApi(settings), settings.commitSha, names, runner_namespaceObject);
        info(`posting a pending commit status for ${building.length} image(s) on ${settings.commitSha.slice(0, 7)}`);
        for (const image of building)
            await statuses.post(image.name, 'pending', `build of tag ${image.image.slice(image.image.lastIndexOf(':') + 1)} pending`);
        statuses.finish();
    }
    catch (error) {
        warning(`No pending commit statuses posted: ${describeError(error)}`);
    }
}

;// CONCATENATED MODULE: ./src/gitops/comment.ts
/**
 * Keeps one comment per marker on an issue or pull request: updated in place when it exists (and
 * differs), created otherwise. Only a comment of the token's own account is the action's: anyone can
 * write the marker into a comment, and the action must neither edit it nor show its text as the diff.
 */
async function upsertComment(api, issue, marker, body) {
    const marked = (await api.listComments(issue)).filter((c) => c.body.includes(marker));
    // Asked only when there is a comment to tell apart: the first run of a pull request does not ask.
    const login = marked.length > 0 ? await api.tokenLogin() : undefined;
    const existing = login === undefined ? undefined : marked.find((c) => sameAccount(c, login));
    if (!existing) {
        await api.createComment(issue, body);
        return 'created';
    }
    if (existing.body === body)
        return 'unchanged';
    await api.updateComment(existing.id, body);
    return 'updated';
}
/** GitHub's logins are case-insensitive; an app's carries `[bot]` in REST and GraphQL alike. */
function sameAccount(comment, login) {
    return comment.author.toLowerCase() === login.toLowerCase();
}

;// CONCATENATED MODULE: ./src/gitops/drift.ts
/**
 * Tells a hand edit of the manifest in a pull request from a regenerated one. The file counts as
 * edited by hand when its documents equal neither those of the base branch's manifest nor those of
 * the render, compared as data (the `yaml` package, loaded only here), with what legitimately varies
 * between two renders of the same Dockerfiles left out:
 *
 * - the header comments (`# digest:`, `# inputs:`): the preview command or another version writes others;
 * - the commit a Pod pins (`kaniko-gitops/commit`, the `#<ref>#<commit>` end of `--context`, the
 *   `org.opencontainers.image.revision` label) and the branch it is fetched through: a manifest
 *   regenerated at the head of the pull request, or by the preview on its branch, pins that commit,
 *   where the run renders the merge commit;
 * - what is a hash of the rest, and so follows the commit: the `-<10 hex>` end of a Pod's name and
 *   `kaniko-gitops/render-key`.
 *
 * Everything else counts, exactly: `privileged: true`, a resource, an image, an added or removed Pod.
 */
const COMMIT = '[0-9a-f]{40}(?:[0-9a-f]{24})?';
const CONTEXT_ARG = new RegExp(`^(--context=[^#]*)#[^#]*#${COMMIT}$`);
const REVISION_ARG = new RegExp(`^(--label=org\\.opencontainers\\.image\\.revision=)${COMMIT}$`);
const COMMIT_VALUE = new RegExp(`^${COMMIT}$`);
const NAME_HASH = /-[0-9a-f]{10}$/;
const RENDER_KEY = /^[0-9a-f]{32}$/;
const PINNED = '<pinned commit>';
/**
 * How the manifest of the pull request (`file`) differs from the render, when it equals neither the
 * base branch's manifest nor the render: the first difference, for the message. Undefined: no drift.
 */
async function findDrift(file, base, rendered) {
    if (file === undefined || file === base || file === rendered)
        return undefined;
    const { parseAllDocuments } = await __nccwpck_require__.e(/* import() */ 815).then(__nccwpck_require__.t.bind(__nccwpck_require__, 8815, 19));
    const parse = (texts) => {
        const docs = [];
        try {
            for (const text of texts) {
                for (const doc of parseAllDocuments(text)) {
                    const error = doc.errors[0];
                    // Lines count from the start of that document: the texts are parsed one by one.
                    if (error)
                        return `a document in it is not valid YAML (${firstLine(error.message)}, in that document)`;
                    // Aliases are limited: a file of a pull request is anyone's text.
                    const data = doc.toJS({ maxAliasCount: 100 });
                    if (data !== null && data !== undefined)
                        docs.push(describeDoc(data));
                }
            }
        }
        catch (error) {
            return `it cannot be read as YAML (${firstLine(error.message)})`;
        }
        return docs;
    };
    const mine = pieces(file);
    const render = unmatched(mine, pieces(rendered), parse);
    if (typeof render === 'string')
        return render;
    if (typeof render.theirs === 'string')
        throw new Error(`the render cannot be read back: ${render.theirs}`);
    if (drift_sameDocuments(render.mine, render.theirs))
        return undefined;
    if (base !== undefined) {
        // A base manifest that cannot be read equals no file.
        const before = unmatched(mine, pieces(base), parse);
        if (typeof before !== 'string' && typeof before.theirs !== 'string' && drift_sameDocuments(before.mine, before.theirs))
            return undefined;
    }
    return firstDifference(render.mine, render.theirs);
}
/**
 * The texts between `---` lines. A `---` line always starts a document, so equal texts are equal
 * documents; the header comments are a text of their own, which parses to nothing.
 */
function pieces(text) {
    return text.split(/^---[ \t]*\r?$\n?/m);
}
/**
 * The lines of a Pod as this action writes them that carry the pinned commit or follow from it, each
 * with that part replaced by a NUL (which no line of the action's holds). Two texts equal after this
 * are the same documents but for what `unpinned` leaves out: each line stays where it was, and in a
 * render those lines are exactly the annotations, the name and the arguments `unpinned` neutralises.
 */
const TEXT_PINS = [
    [/^( {2}name: [a-z0-9-]*-)[0-9a-f]{10}$/gm, '$1\0'],
    [new RegExp(`^( {4}kaniko-gitops/commit: )(?:${COMMIT}|"${COMMIT}")$`, 'gm'), '$1\0'],
    [/^( {4}kaniko-gitops\/render-key: )(?:[0-9a-f]{32}|"[0-9a-f]{32}")$/gm, '$1\0'],
    [new RegExp(`^( +- "--context=[^#"\\\\\n]*)#[^#"\\\\\n]*#${COMMIT}"$`, 'gm'), '$1\0"'],
    [new RegExp(`^( +- "--label=org\\.opencontainers\\.image\\.revision=)${COMMIT}"$`, 'gm'), '$1\0"'],
];
/** A document's text with its pinned commit left out (see TEXT_PINS); other documents as they are. */
function pinless(text) {
    if (!text.includes('\nkind: Pod\n'))
        return text;
    let out = text;
    for (const [pattern, replacement] of TEXT_PINS)
        out = out.replace(pattern, replacement);
    return out;
}
/**
 * The documents of `mine` and of `theirs`, parsed, but for those whose text the other has too: a
 * regenerated manifest shares most documents with the render, and parsing megabytes of YAML takes
 * seconds. A string when `mine` cannot be read (and `theirs` a string when it cannot).
 */
function unmatched(mine, theirs, parse) {
    const theirKeys = theirs.map(pinless);
    const left = new Map();
    for (const key of theirKeys)
        left.set(key, (left.get(key) ?? 0) + 1);
    // Takes one of `key` from what is left, if any is.
    const take = (key) => {
        const count = left.get(key) ?? 0;
        if (count > 0)
            left.set(key, count - 1);
        return count > 0;
    };
    const onlyMine = mine.filter((text) => !take(pinless(text)));
    const onlyTheirs = theirs.filter((_text, i) => take(theirKeys[i]));
    const mineDocs = parse(onlyMine);
    if (typeof mineDocs === 'string')
        return mineDocs;
    return { mine: mineDocs, theirs: parse(onlyTheirs) };
}
function drift_sameDocuments(a, b) {
    if (a.length !== b.length)
        return false;
    const sorted = (docs) => docs.map((d) => d.canonical).sort();
    const left = sorted(a);
    const right = sorted(b);
    return left.every((c, i) => c === right[i]);
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function describeDoc(data) {
    const kind = isRecord(data) && typeof data.kind === 'string' ? data.kind : 'document';
    const meta = isRecord(data) && isRecord(data.metadata) ? data.metadata : {};
    const name = typeof meta.name === 'string' ? meta.name : '';
    const comparable = kind === 'Pod' ? unpinned(data) : data;
    const key = `${kind}/${kind === 'Pod' ? name.replace(NAME_HASH, '') : name}`;
    return { label: `${kind} ${name === '' ? '(no name)' : drift_shown(name)}`, key, data: comparable, canonical: canonicalJson(comparable) };
}
/** A copy of a Pod with what follows the pinned commit set to one placeholder (see the module comment). */
function unpinned(pod) {
    const copy = structuredClone(pod);
    const meta = isRecord(copy.metadata) ? copy.metadata : undefined;
    if (meta && typeof meta.name === 'string')
        meta.name = meta.name.replace(NAME_HASH, '-<hash>');
    const annotations = meta && isRecord(meta.annotations) ? meta.annotations : undefined;
    if (annotations) {
        const commit = annotations['kaniko-gitops/commit'];
        if (typeof commit === 'string' && COMMIT_VALUE.test(commit))
            annotations['kaniko-gitops/commit'] = PINNED;
        const key = annotations['kaniko-gitops/render-key'];
        if (typeof key === 'string' && RENDER_KEY.test(key))
            annotations['kaniko-gitops/render-key'] = '<hash>';
    }
    const spec = isRecord(copy.spec) ? copy.spec : {};
    for (const list of [spec.containers, spec.initContainers]) {
        if (!Array.isArray(list))
            continue;
        for (const container of list) {
            if (!isRecord(container) || !Array.isArray(container.args))
                continue;
            container.args = container.args.map((arg) => typeof arg === 'string' ? arg.replace(CONTEXT_ARG, `$1#<branch>#${PINNED}`).replace(REVISION_ARG, `$1${PINNED}`) : arg);
        }
    }
    return copy;
}
/** JSON with the keys of every object in sorted order: equal data, equal text. */
function canonicalJson(value) {
    if (Array.isArray(value))
        return `[${value.map(canonicalJson).join(',')}]`;
    if (isRecord(value)) {
        const keys = Object.keys(value).sort();
        return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
    }
    return JSON.stringify(value) ?? 'null';
}
function firstLine(message) {
    const line = (message.split('\n')[0] ?? '').replace(/:$/, '');
    return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
/** The first document of the file that differs from the render, and how. */
function firstDifference(mine, render) {
    const unpaired = [...render];
    for (const doc of mine) {
        const at = unpaired.findIndex((r) => r.key === doc.key);
        if (at === -1)
            return `${doc.label} is in the file, not in the render`;
        const [other] = unpaired.splice(at, 1);
        if (other.canonical === doc.canonical)
            continue;
        const where = firstPathDifference(doc.data, other.data, '');
        if (where)
            return `${doc.label}: ${where.path || 'the document'} is ${show(where.mine)} in the file, ${show(where.theirs)} in the render${forkHint(where)}`;
    }
    const missing = unpaired[0];
    return missing ? `${missing.label} is in the render, not in the file` : 'the documents differ';
}
/** A preview made in a clone of a fork writes the fork's URL into `--context`: say how to name this repository. */
function forkHint(where) {
    const context = /^--context=git:\/\/[^#]*/;
    const mine = typeof where.mine === 'string' ? context.exec(where.mine)?.[0] : undefined;
    const theirs = typeof where.theirs === 'string' ? context.exec(where.theirs)?.[0] : undefined;
    return mine !== undefined && theirs !== undefined && mine !== theirs
        ? ' (a preview made in a clone whose origin is another repository, a fork, names that one: run it with --repository OWNER/NAME of this repository)'
        : '';
}
function firstPathDifference(mine, theirs, path) {
    if (Array.isArray(mine) && Array.isArray(theirs)) {
        for (let i = 0; i < Math.max(mine.length, theirs.length); i++) {
            const found = firstPathDifference(mine[i], theirs[i], `${path}[${i}]`);
            if (found)
                return found;
        }
        return undefined;
    }
    if (isRecord(mine) && isRecord(theirs)) {
        for (const key of new Set([...Object.keys(mine), ...Object.keys(theirs)])) {
            const next = /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${path}${path === '' ? '' : '.'}${key}` : `${path}[${JSON.stringify(key)}]`;
            const found = firstPathDifference(mine[key], theirs[key], next);
            if (found)
                return found;
        }
        return undefined;
    }
    // An absent value is not null: a key written `key:` is there.
    if (mine === undefined || theirs === undefined)
        return mine === theirs ? undefined : { path, mine, theirs };
    return canonicalJson(mine) === canonicalJson(theirs) ? undefined : { path, mine, theirs };
}
/** A value for the message: `absent`, or its JSON, cut at 80 characters. */
function show(value) {
    if (value === undefined)
        return 'absent';
    const json = canonicalJson(value);
    return json.length > 80 ? `${json.slice(0, 79)}…` : json;
}
/** A name from the file as it is when it is plain printable ASCII, in JSON's form otherwise. */
function drift_shown(name) {
    const cut = name.length > 80 ? `${name.slice(0, 79)}…` : name;
    return /^[\x21-\x7e]*$/.test(cut) ? cut : JSON.stringify(cut);
}
/** What a pull request that edits the generated manifest by hand is told (`drift`: where, from findDrift). */
function driftMessage(manifestPath, baseRef, drift) {
    return `This pull request edits '${manifestPath}' by hand, and the edit does not match the render of its Dockerfiles (${drift}): the file is generated, and the next commit on '${baseRef}' overwrites the edit.`;
}

;// CONCATENATED MODULE: ./src/gitops/text-diff.ts
/**
 * Line diff and unified-diff formatting, for showing reviewers how a manifest changes.
 *
 * One Myers diff over a whole manifest costs O(N·D) in time and memory: when a shared base image
 * changes or a new version of the action re-renders every Pod, every document changes, and 1,000 Pods
 * (137,000 lines, D = 32,000) did not finish. So both texts are cut at their `---` lines into YAML
 * documents, documents are paired by kind and image name (the `app.kubernetes.io/name` label), and
 * each pair gets its own Myers diff; a document without a partner is removed or added whole. The cost
 * is linear in the number of documents, and a removed image and an added one are never mixed line by
 * line. Each pair also has a budget of work in proportion to its size (WORK_PER_LINE): beyond it,
 * the pair is shown as replaced between the lines it shares at its start and end, still a correct diff.
 */
/** Work (diagonals visited plus lines compared) a pair may cost per line, and at the least. */
const WORK_PER_LINE = 64;
const MIN_WORK = 65_536;
const SAME = 0;
const REMOVE = 1;
const ADD = 2;
/** A unified diff (`--- a`, `+++ b`, `@@` hunks with `context` lines around changes); '' when equal. */
function unifiedDiff(before, after, name, context = 3) {
    return boundedDiff(before, after, name, Number.POSITIVE_INFINITY, context).text;
}
/** Like unifiedDiff, but stops after the hunk that reaches `limit` characters; the documents after it are only compared. */
function boundedDiff(before, after, name, limit, context = 3) {
    if (before === after)
        return { text: '', more: 0 };
    const hunks = new Hunks(context, limit);
    const da = documents(before);
    const db = documents(after);
    let more = 0;
    let i = 0;
    let j = 0;
    for (const [pi, pj] of [...pairDocuments(da, db), [da.length, db.length]]) {
        for (; i < pi; i++)
            more += text_diff_show(hunks, () => hunks.changeAll('-', linesOf(before, da[i])));
        for (; j < pj; j++)
            more += text_diff_show(hunks, () => hunks.changeAll('+', linesOf(after, db[j])));
        if (pi === da.length)
            break;
        const a = da[i++];
        const b = db[j++];
        if (before.slice(a.start, a.end) !== after.slice(b.start, b.end))
            more += text_diff_show(hunks, () => diffDocuments(linesOf(before, a), linesOf(after, b), hunks));
        else if (!hunks.full) {
            const lines = linesOf(before, a);
            hunks.same(lines.length, (k) => lines[k]);
        }
    }
    return { text: hunks.text(name), more };
}
/** Emits one document unless the hunks are full: 1 when it is not shown whole, else 0. */
function text_diff_show(hunks, emit) {
    if (hunks.full)
        return 1;
    emit();
    return hunks.full ? 1 : 0;
}
function diffDocuments(a, b, hunks) {
    const runs = diffRuns(a, b);
    let x = 0;
    let y = 0;
    for (let r = 0; r < runs.length; r += 2) {
        const count = runs[r + 1];
        if (runs[r] === SAME) {
            const from = x;
            hunks.same(count, (k) => a[from + k]);
            x += count;
            y += count;
        }
        else if (runs[r] === REMOVE)
            for (const end = x + count; x < end; x++)
                hunks.change('-', a[x]);
        else
            for (const end = y + count; y < end; y++)
                hunks.change('+', b[y]);
    }
}
/** The edits that turn `a` into `b`: Myers' shortest when within budget, else a replacement. */
function diffLines(a, b) {
    const runs = diffRuns(a, b);
    const edits = [];
    let x = 0;
    let y = 0;
    for (let r = 0; r < runs.length; r += 2) {
        for (let k = 0; k < runs[r + 1]; k++) {
            if (runs[r] === ADD)
                edits.push({ kind: '+', line: b[y++] });
            else {
                edits.push({ kind: runs[r] === SAME ? ' ' : '-', line: a[x++] });
                if (runs[r] === SAME)
                    y++;
            }
        }
    }
    return edits;
}
/**
 * The text before the first `---` line, then each document from its `---` line on (character
 * offsets), each keyed by its first `kind:` line and first name label; a key that repeats is
 * numbered, so keys are unique.
 */
function documents(text) {
    const docs = [];
    const seen = new Map();
    let start = 0;
    const close = (end) => {
        const doc = text.slice(start, end);
        const key = `${/^kind:.*$/m.exec(doc)?.[0] ?? ''}\n${/^[ \t]+app\.kubernetes\.io\/name:.*$/m.exec(doc)?.[0].trim() ?? ''}`;
        const count = seen.get(key) ?? 0;
        seen.set(key, count + 1);
        docs.push({ start, end, key: `${key}\n${count}` });
        start = end;
    };
    const endsLine = (at) => at === text.length || text.charCodeAt(at) === 10;
    if (text.startsWith('---') && endsLine(3))
        close(0);
    for (let at = text.indexOf('\n---'); at !== -1; at = text.indexOf('\n---', at + 1))
        if (endsLine(at + 4))
            close(at + 1);
    close(text.length);
    return docs;
}
/**
 * The most pairs of documents with equal keys that keep their order in both texts: the longest
 * increasing run of b-positions, taken in a-order (patience sorting, O(n log n)).
 */
function pairDocuments(da, db) {
    const inB = new Map(db.map((doc, j) => [doc.key, j]));
    const candidates = [];
    da.forEach((doc, i) => {
        const j = inB.get(doc.key);
        if (j !== undefined)
            candidates.push([i, j]);
    });
    // tails[len] = the candidate with the smallest b-position that ends an increasing run of len + 1.
    const tails = [];
    const before = new Int32Array(candidates.length).fill(-1);
    candidates.forEach(([, j], c) => {
        let lo = 0;
        let hi = tails.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (candidates[tails[mid]][1] < j)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo > 0)
            before[c] = tails[lo - 1];
        tails[lo] = c;
    });
    const pairs = [];
    for (let c = tails.at(-1) ?? -1; c !== -1; c = before[c])
        pairs.push(candidates[c]);
    return pairs.reverse();
}
/** The lines of `doc`; the last one may end without a newline, and a final newline starts no line. */
function linesOf(text, doc) {
    if (doc.start === doc.end)
        return [];
    const lines = text.slice(doc.start, doc.end).split('\n');
    if (lines.at(-1) === '')
        lines.pop();
    return lines;
}
/** Runs that turn `a` into `b`: Myers' shortest when within budget, else a replacement. */
function diffRuns(a, b) {
    const n = a.length;
    const m = b.length;
    const found = myers(a, b, Math.max(MIN_WORK, WORK_PER_LINE * (n + m)));
    if (found)
        return found;
    let head = 0;
    while (head < n && head < m && a[head] === b[head])
        head++;
    let tail = 0;
    while (tail < n - head && tail < m - head && a[n - 1 - tail] === b[m - 1 - tail])
        tail++;
    const runs = [];
    addRun(runs, SAME, head);
    addRun(runs, REMOVE, n - head - tail);
    addRun(runs, ADD, m - head - tail);
    addRun(runs, SAME, tail);
    return runs;
}
/** Appends a run, merged with the last one when of the same kind. */
function addRun(runs, kind, count) {
    if (count === 0)
        return;
    if (runs.length > 0 && runs[runs.length - 2] === kind)
        runs[runs.length - 1] = runs.at(-1) + count;
    else
        runs.push(kind, count);
}
/**
 * Myers' O(ND) shortest edit script, or undefined when it would cost more than `budget`. Step d
 * keeps only its d + 1 diagonals (entry i is diagonal 2i - d), so memory is O(D²), not O(D·(N+M)).
 */
function myers(a, b, budget) {
    const n = a.length;
    const m = b.length;
    const trace = [];
    let prev = new Int32Array(0);
    let work = 0;
    for (let d = 0;; d++) {
        const v = new Int32Array(d + 1);
        for (let i = 0; i <= d; i++) {
            const k = 2 * i - d;
            let x = d === 0 ? 0 : fromAbove(prev, i, k, d) ? prev[i] : prev[i - 1] + 1;
            let y = x - k;
            const from = x;
            while (x < n && y < m && a[x] === b[y]) {
                x++;
                y++;
            }
            work += 1 + x - from;
            v[i] = x;
            if (x >= n && y >= m) {
                trace.push(v);
                return backtrack(n, m, trace);
            }
        }
        if (work > budget)
            return undefined;
        trace.push(v);
        prev = v;
    }
}
/**
 * Whether step d reaches diagonal k (entry i) from diagonal k + 1 of step d - 1 (an insertion)
 * rather than from k - 1 (a deletion). In `prev`, diagonal k - 1 is entry i - 1 and k + 1 is entry i.
 */
function fromAbove(prev, i, k, d) {
    return k === -d || (k !== d && prev[i - 1] < prev[i]);
}
/** Walks back through the trace from (n, m) to recover the edit script, then puts it in order. */
function backtrack(n, m, trace) {
    const reversed = [];
    let x = n;
    let y = m;
    for (let d = trace.length - 1; d > 0; d--) {
        const vd = trace[d - 1];
        const k = x - y;
        const i = (k + d) >> 1;
        const above = fromAbove(vd, i, k, d);
        const prevX = vd[above ? i : i - 1];
        const snake = Math.min(x - prevX, y - (prevX - (above ? k + 1 : k - 1)));
        addRun(reversed, SAME, snake);
        x -= snake;
        y -= snake;
        if (x === prevX) {
            addRun(reversed, ADD, 1);
            y--;
        }
        else {
            addRun(reversed, REMOVE, 1);
            x--;
        }
    }
    addRun(reversed, SAME, x);
    const runs = [];
    for (let r = reversed.length - 2; r >= 0; r -= 2)
        runs.push(reversed[r], reversed[r + 1]);
    return runs;
}
/**
 * Builds the hunks from the edits in order, keeping of a run of equal lines only what a hunk can
 * still need: its first 2·context lines and its last `context`. Changes at most 2·context equal
 * lines apart share a hunk, as in GNU diff. Once the hunks reach `limit` characters, the open one is
 * closed and the builder is full: it takes nothing more.
 */
class Hunks {
    context;
    limit;
    full = false;
    size = 0;
    out = [];
    hunk = [];
    open = false;
    startA = 0;
    startB = 0;
    countA = 0;
    countB = 0;
    /** Numbers of the next line of each text. */
    lineA = 1;
    lineB = 1;
    /** Equal lines since the last change: how many, the first 2·context, the last `context` after those. */
    pending = 0;
    head = [];
    tail = [];
    constructor(context, limit) {
        this.context = context;
        this.limit = limit;
    }
    /** `count` equal lines; `line(k)` is the k-th, asked only for those a hunk may show. */
    same(count, line) {
        if (this.full)
            return;
        const toHead = Math.min(count, 2 * this.context - this.head.length);
        for (let k = 0; k < toHead; k++)
            this.head.push(line(k));
        for (let k = Math.max(toHead, count - this.context); k < count; k++)
            this.tail.push(line(k));
        if (this.tail.length > this.context)
            this.tail = this.tail.slice(-this.context);
        this.pending += count;
        this.lineA += count;
        this.lineB += count;
    }
    changeAll(kind, lines) {
        for (const line of lines)
            this.change(kind, line);
    }
    change(kind, line) {
        if (this.full)
            return;
        if (this.open && this.pending <= 2 * this.context)
            this.addContext(this.head);
        else {
            if (this.open)
                this.close();
            const lead = [...this.head, ...this.tail].slice(-this.context);
            this.open = true;
            this.hunk = [];
            this.startA = this.lineA - lead.length;
            this.startB = this.lineB - lead.length;
            this.countA = 0;
            this.countB = 0;
            this.addContext(lead);
        }
        this.pending = 0;
        this.head = [];
        this.tail = [];
        this.hunk.push(`${kind}${line}`);
        this.size += line.length + 2;
        if (kind === '-') {
            this.countA++;
            this.lineA++;
        }
        else {
            this.countB++;
            this.lineB++;
        }
        if (this.size >= this.limit) {
            this.close();
            this.full = true;
        }
    }
    text(name) {
        if (this.open)
            this.close();
        return `${[`--- a/${name}`, `+++ b/${name}`, ...this.out].join('\n')}\n`;
    }
    addContext(lines) {
        for (const line of lines) {
            this.hunk.push(` ${line}`);
            this.size += line.length + 2;
        }
        this.countA += lines.length;
        this.countB += lines.length;
    }
    /** Ends the open hunk with up to `context` of the equal lines that follow it. */
    close() {
        this.addContext(this.head.slice(0, this.context));
        const a = this.countA === 0 ? this.startA - 1 : this.startA;
        const b = this.countB === 0 ? this.startB - 1 : this.startB;
        this.out.push(`@@ -${a},${this.countA} +${b},${this.countB} @@\n${this.hunk.join('\n')}`);
        this.open = false;
    }
}

;// CONCATENATED MODULE: ./src/gitops/report.ts



/**
 * The diff stops at this many characters (at the end of a hunk, or cut in a document that is larger),
 * the most a job summary can show: when every Pod changes, its 1,000 Pods make a 2.5 MB diff that
 * nobody reads, and the table says which images change.
 */
const DIFF_LIMIT = 1_000_000;
/** What merging builds: images of the render compared with the manifest on the base branch. */
function compareWithBase(base, rendered, manifestPath) {
    const rows = rendered.images.map((image) => ({
        name: image.name,
        dockerfile: image.dockerfile,
        change: changeOf(image),
        image: image.image,
        ...(image.platforms === undefined ? {} : { platforms: image.platforms }),
        ...(image.previousName === undefined ? {} : { previousName: image.previousName }),
        ...(image.previousDockerfile === undefined ? {} : { previousDockerfile: image.previousDockerfile }),
    }));
    for (const gone of rendered.removed)
        rows.push({ name: gone.name, dockerfile: gone.dockerfile, change: 'removed', image: '' });
    rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const names = (change) => rows.filter((r) => r.change === change).map((r) => r.name);
    const { text, more } = boundedDiff(base ?? '', rendered.manifest, manifestPath, DIFF_LIMIT);
    return {
        rows,
        summary: {
            added: names('added'),
            rebuilt: names('rebuilt'),
            renamed: rows.filter((r) => r.change === 'renamed').map((r) => ({ name: r.name, previousName: r.previousName ?? '' })),
            forced: names('forced'),
            removed: names('removed'),
            unchanged: names('unchanged').length,
        },
        diff: text,
        moreDocuments: more,
        ...(rendered.parents ? { parents: rendered.parents } : {}),
    };
}
function changeOf(image) {
    if (image.status === 'new')
        return 'added';
    if (image.status === 'changed')
        return 'rebuilt';
    if (image.status === 'renamed')
        return 'renamed';
    return image.forced ? 'forced' : 'unchanged';
}
/** GitHub refuses comment bodies longer than this many characters. */
const COMMENT_LIMIT = 65_536;
/** GitHub refuses a step's job summary over 1 MiB: the diff's summary stays under this, with room to spare. */
const SUMMARY_LIMIT = 1_000_000;
/** The hidden marker that finds the sticky comment again; one per manifest path. */
function commentMarker(manifestPath) {
    return `<!-- kaniko-gitops:diff ${manifestPath.replace(/-->/g, '')} -->`;
}
const CHANGE_LABEL = {
    added: 'added',
    rebuilt: 'rebuilt (content changed)',
    renamed: 'renamed',
    forced: 'forced',
    removed: 'removed',
    unchanged: 'unchanged',
};
/** The change of a row; `compact`: its kind alone (as in the `diff` output), for rows that must be short. */
function changeCell(row, compact = false) {
    if (row.change === 'renamed')
        return `renamed from ${markdownText(row.previousName ?? '')}`;
    return compact ? row.change : CHANGE_LABEL[row.change];
}
/** The reference, and a multi-arch image's platforms (validated `os/arch[/variant]`, escaped all the same). */
function referenceCell(row) {
    return row.platforms === undefined ? tableCode(row.image) : `${tableCode(row.image)} (${row.platforms.map(tableCode).join(', ')})`;
}
function dockerfileCell(row) {
    return row.previousDockerfile === undefined
        ? tableCode(row.dockerfile)
        : `${tableCode(row.dockerfile)} (moved from ${tableCode(row.previousDockerfile)})`;
}
const LIMIT = {
    comment: { bytes: COMMENT_LIMIT, text: `GitHub's ${COMMENT_LIMIT}-character limit for a comment` },
    summary: { bytes: SUMMARY_LIMIT, text: "GitHub's 1 MiB limit for a job summary" },
};
/** Room kept for the notes and the wrapper of the diff, which are written after the parts are measured. */
const NOTES = 1024;
/** The headline names at most this many images; the table has them all. */
const HEADLINE_NAMES = 20;
const bytes = (text) => Buffer.byteLength(text);
/**
 * Markdown for the pull-request comment or the job summary, within GitHub's limit for it (counted in
 * UTF-8 bytes, which are never fewer than characters). The table of images comes first: when its
 * rows do not fit, they become compact (no reference), and when those do not fit either, the rows
 * that fit are listed with a count of the others. The unified diff gets the room that is left and is
 * cut at a line, with a note that says where the rest is.
 */
function renderDiffMarkdown(diff, manifestPath, target = 'comment') {
    const { head, table, graph, room } = layout(diff, manifestPath, target);
    const parts = [head, ...table, ...graph];
    if (diff.diff === '')
        return parts.join('\n');
    // The comment points to the summary for the lines it leaves out, when the summary has them.
    const summary = target === 'comment' ? layout(diff, manifestPath, 'summary') : undefined;
    const holder = summary && cutAt(diff.diff, summary.room - wrapperBytes(diff.diff, manifestPath)) === diff.diff.length
        ? 'The job summary of this run'
        : 'The log of this run';
    const cutNote = `do not fit ${LIMIT[target].text}. ${holder} has ${diff.moreDocuments > 0 ? 'them' : 'the full diff'}.`;
    const stopNote = diff.moreDocuments > 0
        ? `The diff stops at ${DIFF_LIMIT} characters: ${diff.moreDocuments} more document(s) of the manifest differ.`
        : '';
    parts.push(diffDetails(diff.diff, manifestPath, room, cutNote, stopNote));
    return parts.join('\n');
}
/** The head, the table and the image graph of a rendering, and the bytes left for the diff. */
function layout(diff, manifestPath, target) {
    const s = diff.summary;
    const builds = [...s.added, ...s.rebuilt, ...s.renamed.map((r) => r.name), ...s.forced];
    const named = builds.slice(0, HEADLINE_NAMES).map(codeSpan);
    if (builds.length > HEADLINE_NAMES)
        named.push(`and ${builds.length - HEADLINE_NAMES} more`);
    const headline = diff.diff === ''
        ? `Merging leaves ${codeSpan(manifestPath)} as it is: no image is built.`
        : builds.length === 0
            ? `Merging changes ${codeSpan(manifestPath)} but builds no image.`
            : `Merging builds **${builds.length}** image(s): ${named.join(', ')}.`;
    const counts = `${s.added.length} added, ${s.rebuilt.length} rebuilt, ${s.renamed.length} renamed, ${s.forced.length} forced, ${s.removed.length} removed, ${s.unchanged} unchanged.`;
    const head = [commentMarker(manifestPath), '### kaniko-gitops', '', headline, counts, ''].join('\n');
    const rows = diff.rows.filter((r) => r.change !== 'unchanged');
    const room = LIMIT[target].bytes - NOTES - bytes(head);
    // What the comment leaves out, the summary has when its own table is complete (with references when full).
    const inSummary = target === 'comment' ? fitTable(rows, SUMMARY_LIMIT - NOTES - bytes(head), 'summary', {}).mode : 'cut';
    const table = fitTable(rows, room, target, {
        rows: inSummary === 'cut' ? 'the `diff` output of this step names' : 'the job summary of this run lists',
        references: inSummary === 'full' ? 'the job summary of this run has' : 'the `images` output of this step has',
    }).lines;
    const left = room - table.reduce((n, line) => n + bytes(line) + 1, 0);
    const { lines: graph, drawn } = fitGraph(diff, left, target, () => layout(diff, manifestPath, 'summary').drawn);
    return { head, table, graph, drawn, room: left - graph.reduce((n, line) => n + bytes(line) + 1, 0) };
}
const GRAPH_KIND = {
    added: 'new',
    rebuilt: 'rebuilt',
    renamed: 'renamed',
    forced: 'forced',
    unchanged: 'unchanged',
};
/**
 * The image graph within `room` bytes (after the table, which matters more, and before the diff, which
 * is cut to what is left), else a note that it is left out; nothing when no image has an in-repo
 * parent. `inSummary`: does the job summary draw it?
 */
function fitGraph(diff, room, target, inSummary) {
    if (!diff.parents || diff.parents.size === 0)
        return { lines: [], drawn: false };
    const images = [];
    for (const row of diff.rows)
        if (row.change !== 'removed')
            images.push({ name: row.name, kind: GRAPH_KIND[row.change] });
    const graph = graphMarkdown(images, diff.parents);
    if (graph === '')
        return { lines: [], drawn: false };
    if (bytes(graph) + 1 <= room)
        return { lines: [graph], drawn: true };
    const elsewhere = target === 'comment' && inSummary() ? ': the job summary of this run has it' : '';
    const note = `The graph of the images built on images of this repository does not fit ${LIMIT[target].text}${elsewhere}.`;
    return { lines: [note, ''], drawn: false };
}
/**
 * The table within `room` bytes: full rows, else compact rows (no reference), else the compact rows
 * that fit and a count of the others; `elsewhere` says where a reader finds what is left out.
 */
function fitTable(rows, room, target, elsewhere) {
    if (rows.length === 0)
        return { lines: [], mode: 'full' };
    const full = [
        '| Image | Change | Dockerfile | Reference |',
        '| --- | --- | --- | --- |',
        ...rows.map((r) => `| ${markdownText(r.name)} | ${changeCell(r)} | ${dockerfileCell(r)} | ${referenceCell(r)} |`),
    ];
    if (full.reduce((n, line) => n + bytes(line) + 1, 0) <= room)
        return { lines: [...full, ''], mode: 'full' };
    const compact = [
        '| Image | Change | Dockerfile |',
        '| --- | --- | --- |',
        ...rows.map((r) => `| ${markdownText(r.name)} | ${changeCell(r, true)} | ${dockerfileCell(r)} |`),
    ];
    let used = 0;
    let kept = 0;
    while (kept < compact.length && used + bytes(compact[kept]) + 1 <= room)
        used += bytes(compact[kept++]) + 1;
    const left = compact.length - kept;
    const shown = kept > 2 ? [...compact.slice(0, kept), ''] : [];
    if (left === 0)
        return {
            lines: [...shown, `Compact rows, to fit ${LIMIT[target].text}: ${elsewhere.references} each image's reference.`, ''],
            mode: 'compact',
        };
    const note = `**${left} more image(s)** do not fit ${LIMIT[target].text}: ${elsewhere.rows} every image.`;
    return { lines: [...shown, note, ''], mode: 'cut' };
}
/** The collapsed block around the diff, with a fence longer than any run of backticks in it. */
function wrapper(text, manifestPath) {
    // A loop, not Math.max(...runs): a diff with a few hundred thousand runs would overflow the stack.
    let longestTicks = 2;
    for (const run of text.matchAll(/`+/g))
        longestTicks = Math.max(longestTicks, run[0].length);
    const fence = '`'.repeat(longestTicks + 1);
    return {
        open: `<details><summary>Diff of <code>${escapeHtml(manifestPath)}</code></summary>\n\n${fence}diff\n`,
        close: `${fence}\n</details>\n`,
    };
}
function wrapperBytes(text, manifestPath) {
    const { open, close } = wrapper(text, manifestPath);
    return bytes(open) + bytes(close);
}
/**
 * The diff in its block, cut at the last line that fits in `room` bytes; `cutNote` follows
 * "N more line(s)" when it is cut, and `stopNote` says what the diff itself left out.
 */
function diffDetails(text, manifestPath, room, cutNote, stopNote) {
    const { open, close } = wrapper(text, manifestPath);
    const cut = cutAt(text, room - bytes(open) - bytes(close));
    if (cut === text.length)
        return `\n${open}${text}${close}${stopNote ? `\n**${stopNote}**\n` : ''}`;
    let more = 0;
    for (let at = cut; at < text.length; at = text.indexOf('\n', at) + 1 || text.length)
        more++;
    const note = `\n**The diff is cut here: ${more} more line(s)** ${cutNote}${stopNote ? ` ${stopNote}` : ''}\n`;
    return cut === 0 ? note : `\n${open}${text.slice(0, cut)}${close}${note}`;
}
/** The length of a run of whole lines at the start of `text` within `room` UTF-8 bytes. */
function cutAt(text, room) {
    if (bytes(text) <= room)
        return text.length;
    if (room <= 0)
        return 0;
    // A character is at least one byte: `room` characters are at least `room` bytes, and stepping back
    // by the excess in characters drops at least the excess in bytes.
    const cut = text.lastIndexOf('\n', room - 1) + 1;
    const excess = bytes(text.slice(0, cut)) - room;
    if (excess <= 0)
        return cut;
    return cut - excess - 1 >= 0 ? text.lastIndexOf('\n', cut - excess - 1) + 1 : 0;
}

;// CONCATENATED MODULE: ./src/action/mode.ts

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);
/** Turns the `mode` input and the event into what this run does. */
function resolveMode(settings, ref) {
    const { mode, event, branch } = settings;
    if (event.name === 'pull_request_target' && !settings.allowPullRequestTarget) {
        throw new InputError("This run is a 'pull_request_target' event: it has a write token, and the workspace may hold the files of a pull request from anyone. kaniko-gitops does not run on it unless the input 'allow-pull-request-target' is true; use the 'pull_request' event instead, which gives pull requests from forks a read-only token.");
    }
    if (mode === 'render')
        return { mode, reason: 'mode: render' };
    if (mode === 'diff') {
        if (!event.pullRequest) {
            throw new InputError(`Input 'mode' has the value 'diff': ${explainMissingPullRequest(event)}`);
        }
        return { mode, reason: 'mode: diff' };
    }
    if (mode === 'commit')
        return { mode, reason: `mode: commit to '${branch}'` };
    if (mode === 'wait')
        return { mode, reason: 'mode: wait for the images in the registry' };
    const onBranch = ref === `refs/heads/${branch}`;
    if (PULL_REQUEST_EVENTS.has(event.name) && event.pullRequest) {
        return { mode: 'diff', reason: `mode: auto on a '${event.name}' event compares the pull request with '${event.pullRequest.baseRef}'` };
    }
    if (event.name === 'push' || event.name === 'workflow_dispatch') {
        if (onBranch)
            return { mode: 'commit', reason: `mode: auto on a '${event.name}' event to '${branch}' commits the manifest` };
        return { mode: 'render', reason: `mode: auto on a '${event.name}' event for '${ref}', not '${branch}': renders and commits nothing` };
    }
    return { mode: 'render', reason: `mode: auto on a '${event.name || 'unknown'}' event renders the manifest and commits nothing` };
}
/** Why diff mode cannot run without a pull request in the event, and what to do. */
function explainMissingPullRequest(event) {
    const received = event.name ? `a '${event.name}' event` : 'an event the runner did not name (GITHUB_EVENT_NAME is empty)';
    const which = /^pull_request(_target)?$/.test(event.name)
        ? `${received} whose payload (GITHUB_EVENT_PATH) holds no pull request`
        : received;
    return `Diff mode compares a pull request with the manifest on its base branch, and needs the pull request from the payload of a pull_request or pull_request_target event; this run got ${which}. Run the step on pull_request events (mode: auto does so and renders or commits on the others), or set 'mode' to render or commit.`;
}

;// CONCATENATED MODULE: ./src/action/diff-mode.ts











/** Diff mode: renders the pull request against its base branch's manifest, reports the diff and comments. */
async function runDiff(settings) {
    const pr = settings.event.pullRequest;
    if (!pr)
        throw new InputError(explainMissingPullRequest(settings.event));
    const api = await createApi(settings);
    const scan = await scanRepository(settings, actionsLogger);
    const base = await api.readFile(pr.baseRef, settings.manifestRepoPath);
    const outcome = await renderScan(settings, scan, base, `'${settings.manifestRepoPath}' on '${pr.baseRef}'`, actionsLogger, currentCode());
    const diff = compareWithBase(base, outcome, settings.manifestRepoPath);
    // A hand edit: the file's documents are neither the base's nor the render's (see findDrift).
    const drift = await findDrift(await readWorkspaceManifest(settings), base, outcome.manifest);
    const markdown = renderDiffMarkdown(diff, settings.manifestRepoPath, 'summary');
    await actionsLogger.group('Diff', async () => {
        info(diff.diff === '' ? 'The manifest does not change.' : diff.diff);
        if (diff.moreDocuments > 0)
            info(`The diff stops here, at ${DIFF_LIMIT} characters: ${diff.moreDocuments} more document(s) of the manifest differ.`);
        if (drift !== undefined) {
            const message = driftMessage(settings.manifestRepoPath, pr.baseRef, drift);
            if (settings.failOnDrift)
                error(message);
            else
                warning(message);
        }
    });
    appendSummary(`${markdown.replace(/^<!--.*-->\n/, '')}\n`);
    await commentOnPullRequest(settings, api, pr.number, pr.fromFork, diff);
    if (drift !== undefined && settings.failOnDrift) {
        throw new Error(`fail-on-drift: '${settings.manifestRepoPath}' was edited by hand and does not match the render: ${drift} (see the diff)`);
    }
    return {
        ...imageOutputs(settings, outcome),
        changed: String(diff.diff !== ''),
        result: 'diffed',
        diff: JSON.stringify(diff.summary),
    };
}
async function commentOnPullRequest(settings, api, issue, fromFork, diff) {
    if (!settings.comment)
        return;
    if (fromFork) {
        notice('No pull-request comment: this pull request comes from a fork, and its run only gets a read-only token. The job summary has the diff.');
        return;
    }
    const marker = commentMarker(settings.manifestRepoPath);
    try {
        const done = await upsertComment(api, issue, marker, renderDiffMarkdown(diff, settings.manifestRepoPath));
        info(`Pull-request comment ${done}.`);
    }
    catch (error) {
        // The summary already has the diff: a comment we may not write is worth a warning, not a failure.
        warning(`No pull-request comment: ${describeError(error)}`);
    }
}

;// CONCATENATED MODULE: ./src/action/event.ts

const obj = (v) => (v !== null && typeof v === 'object' ? v : {});
const str = (v) => (typeof v === 'string' ? v : '');
/** Reads the event payload; a run without one (a local preview) gets just the name. */
function readEvent(vars = process.env) {
    const name = vars.GITHUB_EVENT_NAME ?? '';
    const file = vars.GITHUB_EVENT_PATH;
    if (!file)
        return { name };
    let payload;
    try {
        payload = obj(JSON.parse((0,external_node_fs_namespaceObject.readFileSync)(file, 'utf8')));
    }
    catch (error) {
        throw new Error(`cannot read the event payload GITHUB_EVENT_PATH='${file}'`, { cause: error });
    }
    const repository = obj(payload.repository);
    const pr = obj(payload.pull_request);
    const event = { name };
    if (str(repository.default_branch))
        event.defaultBranch = str(repository.default_branch);
    if (typeof pr.number === 'number') {
        const headRepository = str(obj(obj(pr.head).repo).full_name);
        event.pullRequest = {
            number: pr.number,
            baseRef: str(obj(pr.base).ref),
            headSha: str(obj(pr.head).sha),
            headRepository,
            fromFork: headRepository !== '' && headRepository !== str(repository.full_name),
        };
    }
    return event;
}

;// CONCATENATED MODULE: ./src/action/render-mode.ts



/** Render mode: renders into the workspace and writes the manifest when it changed. */
async function runRender(settings) {
    const outcome = await renderRepository(settings, actionsLogger);
    await writeManifest(settings, outcome, actionsLogger);
    writeSummary(outcome, `<code>${escapeHtml(settings.output)}</code>: ${outcome.changed ? 'changed' : 'unchanged'}`);
    return { ...imageOutputs(settings, outcome), changed: String(outcome.changed), result: 'rendered' };
}

;// CONCATENATED MODULE: ./src/action/settings.ts








const MODES = ['auto', 'render', 'diff', 'commit', 'wait'];
const CONTEXTS = ['git', 'local'];
const HASH_KINDS = ['context', 'dockerfile'];
const SNAPSHOT_MODES = ['redo', 'full', 'time'];
const COMMIT_METHODS = ['api', 'git'];
const ORDERINGS = ['registry', 'sync-waves'];
/** The longest `parent-timeout`: a day. */
const MAX_PARENT_TIMEOUT_SECONDS = 24 * 3600;
/** @actions/core's `getBooleanInput`: YAML 1.2 core-schema words, in exactly these spellings. */
const BOOLEAN_WORDS = new Map([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
    ['FALSE', false],
]);
function fail(input, value, expected) {
    throw new InputError(`Input '${input}' has the value '${value}': ${expected}.`);
}
/** The inputs through a reader, by the rules @actions/core reads them with. */
class Inputs {
    #read;
    constructor(read) {
        this.#read = read;
    }
    /** Trimmed here too, so that a reader of text as given (the command line's flags) reads like the runner's. */
    text(name) {
        return this.#read(name).trim();
    }
    /** `getMultilineInput`: the non-empty lines, each trimmed (a line of blanks stays, as ''). */
    lines(name) {
        return this.text(name)
            .split('\n')
            .filter((line) => line !== '')
            .map((line) => line.trim());
    }
    /** Items separated by commas or new lines, empty ones dropped. */
    list(name) {
        return this.lines(name)
            .flatMap((line) => line.split(','))
            .map((item) => item.trim())
            .filter((item) => item !== '');
    }
    boolean(name) {
        const value = this.text(name);
        return BOOLEAN_WORDS.get(value) ?? fail(name, value, `expected one of ${[...BOOLEAN_WORDS.keys()].join(', ')}`);
    }
    choice(name, choices) {
        const value = this.text(name);
        if (choices.includes(value))
            return value;
        return fail(name, value, `expected one of ${choices.join(', ')}`);
    }
    required(name) {
        const value = this.text(name);
        if (value === '')
            fail(name, value, 'a value is required');
        return value;
    }
    /** A repository-relative POSIX path that stays inside the repository. */
    relativePath(name) {
        const raw = this.text(name);
        const value = raw.replace(/\\/g, '/');
        if (value === '' || external_node_path_default().posix.isAbsolute(value) || external_node_path_default().win32.isAbsolute(raw)) {
            fail(name, raw, 'expected a path relative to the repository');
        }
        const normalized = external_node_path_default().posix.normalize(value).replace(/\/+$/, '');
        if (normalized === '..' || normalized.startsWith('../'))
            fail(name, raw, 'expected a path inside the repository');
        return normalized === '.' ? '' : normalized;
    }
    /** A YAML file path inside the repository, such as `example`. */
    yamlPath(name, example) {
        const value = this.relativePath(name);
        if (value === '' || !/\.ya?ml$/.test(value))
            fail(name, this.text(name), `expected a YAML file path such as ${example}`);
        return value;
    }
}
function variable(vars, name) {
    return (vars[name] ?? '').trim();
}
/** `https://github.com` + `acme/shop` -> `git://github.com/acme/shop.git` (kaniko's git context). */
function gitContextUrl(serverUrl, repository) {
    const host = serverUrl.replace(/^[a-z]+:\/\//i, '').replace(/\/+$/, '');
    return `git://${host}/${repository}.git`;
}
/** What to do: the mode, the images to force, and the event. */
function runSettings(inputs, vars, event) {
    const runId = variable(vars, 'GITHUB_RUN_ID');
    const attempt = variable(vars, 'GITHUB_RUN_ATTEMPT') || '1';
    // The nonce reaches a label of forced images and a check script's environment: digits only.
    for (const [name, value] of [
        ['GITHUB_RUN_ID', runId],
        ['GITHUB_RUN_ATTEMPT', attempt],
    ]) {
        if (value !== '' && !/^[0-9]{1,20}$/.test(value)) {
            throw new InputError(`${name} is '${value}': expected a whole number (it marks the images a forced run builds).`);
        }
    }
    return {
        mode: inputs.choice('mode', MODES),
        forceBuild: inputs.boolean('force-build'),
        forceImages: Object.freeze(inputs.list('force-images')),
        forceNonce: runId ? `${runId}-${attempt}` : new Date().toISOString(),
        allowPullRequestTarget: inputs.boolean('allow-pull-request-target'),
        event,
    };
}
/** Where to look and what to write: the folder, the Dockerfile patterns, the manifest and the config. */
function scanSettings(inputs, vars) {
    const workspace = external_node_path_default().resolve(variable(vars, 'GITHUB_WORKSPACE') || process.cwd());
    const contextPrefix = inputs.text('path') === '' ? '' : inputs.relativePath('path');
    const root = external_node_path_default().resolve(workspace, contextPrefix);
    const dockerfiles = inputs.lines('dockerfiles').filter((p) => p !== '' && !p.startsWith('#'));
    for (const pattern of dockerfiles) {
        try {
            compileGlob(pattern.replace(/^!/, ''));
        }
        catch (error) {
            fail('dockerfiles', inputs.text('dockerfiles'), `expected glob patterns, but ${error.message}`);
        }
    }
    if (!dockerfiles.some((p) => !p.startsWith('!'))) {
        fail('dockerfiles', inputs.text('dockerfiles'), 'expected at least one glob pattern that includes files');
    }
    const output = inputs.yamlPath('output', 'deploy/manifest.yaml');
    if (output.split('/').includes('.git'))
        fail('output', inputs.text('output'), 'expected a path outside .git');
    const config = inputs.text('config') === '' ? '' : inputs.yamlPath('config', '.github/kaniko-gitops.yml');
    const imageConfig = inputs.text('image-config');
    if (config !== '' && imageConfig !== '') {
        throw new InputError(`Inputs 'config' ('${config}') and 'image-config' are both set: expected one of them (the file for several images, the input for a repository with one).`);
    }
    return {
        root,
        contextPrefix,
        hash: inputs.choice('hash', HASH_KINDS),
        dockerfiles: Object.freeze(dockerfiles),
        output,
        outputPath: external_node_path_default().join(root, ...output.split('/')),
        manifestRepoPath: contextPrefix ? `${contextPrefix}/${output}` : output,
        config,
        imageConfig,
    };
}
/** Where images go, which registries are insecure, and the pinned images the Pods run. */
function imageSettings(inputs) {
    const registry = inputs.required('registry');
    const registryProblem = explainRegistryPrefix(registry);
    if (registryProblem)
        fail('registry', registry, `expected a registry prefix such as docker.io/acme, but ${registryProblem}`);
    return {
        registry,
        insecureRegistries: Object.freeze(insecureRegistries(inputs, registry)),
        executorImage: pinnedImage(inputs, 'executor-image'),
        checkImage: pinnedImage(inputs, 'check-image'),
    };
}
function pinnedImage(inputs, name) {
    const image = inputs.required(name);
    const problem = explainPinnedImage(image);
    if (problem)
        fail(name, image, `expected a pinned image reference, but ${problem}`);
    return image;
}
/**
 * A boolean (the registry's host, or none), or a list of hosts such as `registry.kaniko.svc:5000`:
 * the host forms `registry` takes (names, IPv4, `[IPv6]`, a port of 1 to 65535), by the same rule.
 */
function insecureRegistries(inputs, registry) {
    const raw = inputs.text('insecure-registry');
    const all = BOOLEAN_WORDS.get(raw);
    if (all !== undefined)
        return all ? [registryHost(registry)] : [];
    const hosts = inputs.list('insecure-registry');
    for (const host of hosts) {
        const problem = explainRegistryHost(host);
        if (problem)
            fail('insecure-registry', raw, `expected true, false or registry hosts such as registry.kaniko.svc:5000, but ${problem}`);
    }
    return [...new Set(hosts)].sort();
}
/** Where the Pods run, the secrets they mount, and where they take the build context from. */
function podSettings(inputs) {
    const namespace = inputs.required('namespace');
    if (!isDns1123Label(namespace))
        fail('namespace', namespace, 'expected a DNS-1123 label: lower-case letters, digits and -, at most 63');
    const registrySecret = inputs.text('registry-secret');
    if (registrySecret !== '' && !isDns1123Subdomain(registrySecret)) {
        fail('registry-secret', registrySecret, "expected a Kubernetes secret name, or '' for none (credential helpers or an open registry)");
    }
    const serviceAccount = inputs.text('service-account');
    if (serviceAccount !== '' && !isDns1123Subdomain(serviceAccount)) {
        fail('service-account', serviceAccount, 'expected a ServiceAccount name: lower-case letters, digits, - and ., at most 253');
    }
    const gitSecret = inputs.text('git-secret');
    if (gitSecret !== '' && !isDns1123Subdomain(gitSecret))
        fail('git-secret', gitSecret, 'expected a Kubernetes secret name');
    const context = inputs.choice('context', CONTEXTS);
    const localPath = inputs.text('local-path');
    if (context === 'local' && !localPath.startsWith('/'))
        fail('local-path', localPath, 'expected an absolute path on the node');
    const credentialHelpers = credentialHelperMap(inputs);
    return { namespace, registrySecret, serviceAccount, credentialHelpers, gitSecret, context, localPath: localPath.replace(/\/+$/, '') };
}
/** A helper name: what follows `docker-credential-` (safe in a file name, a shell word and JSON). */
const HELPER_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;
/** `host=helper` pairs, by commas or lines: the host as `registry` takes it, each host once. */
function credentialHelperMap(inputs) {
    const raw = inputs.text('credential-helpers');
    const pairs = [];
    for (const item of inputs.list('credential-helpers')) {
        const at = item.indexOf('=');
        const host = item.slice(0, at).trim();
        const helper = item.slice(at + 1).trim();
        if (at === -1)
            fail('credential-helpers', raw, `expected host=helper pairs such as europe-docker.pkg.dev=gcr, but '${item}' has no '='`);
        const problem = explainRegistryHost(host);
        if (problem)
            fail('credential-helpers', raw, `expected host=helper pairs such as europe-docker.pkg.dev=gcr, but ${problem}`);
        // kaniko looks Docker Hub up as index.docker.io (or its v1 URL), skopeo as docker.io: no one
        // name serves both, and no cloud helper serves Docker Hub.
        if (isDockerHubHost(host)) {
            fail('credential-helpers', raw, `expected hosts of cloud registries, but ${host} is Docker Hub, which kaniko and skopeo look up under different names; give Docker Hub's credentials in the registry-secret`);
        }
        if (!HELPER_NAME.test(helper)) {
            fail('credential-helpers', raw, `expected a helper name of [a-z0-9._-] (at most 64, such as ecr-login) for ${host}, but got '${helper}'`);
        }
        if (pairs.some(([known]) => known === host))
            fail('credential-helpers', raw, `expected each host once, but ${host} is given twice`);
        pairs.push([host, helper]);
    }
    return Object.freeze(Object.fromEntries(pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}
/** How children wait for their in-repo parents. */
function orderingSettings(inputs) {
    const ordering = inputs.choice('ordering', ORDERINGS);
    const raw = inputs.text('parent-timeout');
    const match = /^([0-9]{1,9})([smh]?)$/.exec(raw);
    const seconds = match ? Number(match[1]) * { '': 1, s: 1, m: 60, h: 3600 }[match[2]] : Number.NaN;
    if (!(seconds > 0 && seconds <= MAX_PARENT_TIMEOUT_SECONDS)) {
        fail('parent-timeout', raw, 'expected a duration greater than 0 and at most 24h, such as 3h, 90m, 45s or 600 (seconds)');
    }
    return { ordering, parentTimeout: seconds };
}
/** The platforms of every image, and the image that assembles a multi-arch image's index. */
function multiArchSettings(inputs) {
    const raw = inputs.text('platforms');
    const platforms = [];
    for (const platform of inputs.list('platforms')) {
        if (!isKnownPlatform(platform))
            fail('platforms', raw, `'${platform}' is not a platform this action builds: expected some of ${KNOWN_PLATFORMS.join(', ')}`);
        const twice = platforms.find((other) => samePlatform(other) === samePlatform(platform));
        if (twice !== undefined)
            fail('platforms', raw, `'${platform}' is the platform '${twice}' again: expected each platform once`);
        platforms.push(platform);
    }
    return { platforms: Object.freeze(platforms), indexImage: pinnedImage(inputs, 'index-image') };
}
/** The repository and commit kaniko clones, and the branch the manifest is committed to, and how. */
function gitSettings(inputs, vars, event, scan) {
    const repository = variable(vars, 'GITHUB_REPOSITORY');
    const commitSha = variable(vars, 'GITHUB_SHA');
    if (scan.context === 'git') {
        if (!/^[^/\s]+\/[^/\s]+$/.test(repository)) {
            throw new InputError(`GITHUB_REPOSITORY is '${repository}': expected owner/name (the git context clones it).`);
        }
        if (!/^[0-9a-f]{40}$/.test(commitSha)) {
            throw new InputError(`GITHUB_SHA is '${commitSha}': expected a 40-character commit id (the git context pins it).`);
        }
    }
    const ref = variable(vars, 'GITHUB_REF');
    const branchInput = inputs.text('branch');
    if (branchInput !== '' && !isBranchName(branchInput))
        fail('branch', branchInput, 'expected a branch name such as main');
    const runBranch = ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : '';
    const baseRef = variable(vars, 'GITHUB_BASE_REF');
    const branch = branchInput || event.defaultBranch || runBranch || baseRef || 'main';
    const [owner = '', repo = ''] = repository.split('/');
    return {
        gitUrl: gitContextUrl(variable(vars, 'GITHUB_SERVER_URL') || 'https://github.com', repository),
        gitRef: `refs/heads/${branchInput || runBranch || baseRef || branch}`,
        commitSha,
        repositoryName: normalizeName(repo) || normalizeName(external_node_path_default().basename(scan.root)) || 'image',
        owner,
        repo,
        branch,
        commitMethod: inputs.choice('commit-method', COMMIT_METHODS),
        commitMessage: inputs.required('commit-message'),
    };
}
/** The GitHub API and what a pull request gets; the token is masked as soon as it is read. */
function gitHubSettings(inputs, vars) {
    const token = inputs.text('token');
    if (token !== '')
        setSecret(token);
    return {
        token,
        apiUrl: (variable(vars, 'GITHUB_API_URL') || 'https://api.github.com').replace(/\/+$/, ''),
        comment: inputs.boolean('comment'),
        failOnDrift: inputs.boolean('fail-on-drift'),
    };
}
/** kaniko's cache and snapshot flags, and the extra flags passed as they are. */
function cacheSettings(inputs) {
    const cacheRepo = inputs.text('cache-repo');
    if (cacheRepo !== '') {
        const problem = explainRegistryPrefix(cacheRepo);
        if (problem)
            fail('cache-repo', cacheRepo, `expected a repository such as registry.kaniko.svc:5000/team/cache, but ${problem}`);
    }
    const cacheTtl = inputs.text('cache-ttl');
    if (cacheTtl !== '' && !/^([0-9]+(\.[0-9]+)?(h|m|s|ms))+$/.test(cacheTtl))
        fail('cache-ttl', cacheTtl, 'expected a duration such as 168h or 90m');
    const extraArgs = inputs.lines('extra-args');
    for (const arg of extraArgs) {
        if (!/^--[a-z][a-z0-9-]*(=.*)?$/.test(arg))
            fail('extra-args', arg, 'expected one kaniko flag per line, such as --push-retry=3');
    }
    return {
        cache: inputs.boolean('cache'),
        cacheRepo,
        cacheTtl,
        snapshotMode: inputs.choice('snapshot-mode', SNAPSHOT_MODES),
        compressedCaching: inputs.boolean('compressed-caching'),
        extraArgs: Object.freeze(extraArgs),
    };
}
/** What mode: wait waits for and how long, and whether commit statuses are posted. */
function waitSettings(inputs) {
    const waitImages = inputs.list('wait-images');
    for (const name of waitImages) {
        if (!isDns1123Label(name))
            fail('wait-images', inputs.text('wait-images'), `expected image names as in the manifest, such as api, but '${name}' is none`);
    }
    const duration = (name) => {
        const ms = parseDuration(inputs.text(name)) ??
            fail(name, inputs.text(name), 'expected a duration of whole seconds, minutes or hours above 0, such as 90s, 30m or 1h');
        if (ms > MAX_WAIT_MS)
            fail(name, inputs.text(name), 'expected at most 6h: a job on a GitHub-hosted runner runs at most 6 hours, so a longer wait never ends');
        return ms;
    };
    return {
        waitImages: Object.freeze(waitImages),
        waitTimeoutMs: duration('wait-timeout'),
        waitIntervalMs: duration('wait-interval'),
        failOnTimeout: inputs.boolean('fail-on-timeout'),
        statuses: inputs.boolean('statuses'),
    };
}
/**
 * Builds the frozen Settings from the action's inputs, read through `readInput` (the runner's
 * `INPUT_*` variables in the action, the flags on the command line), and the run's `GITHUB_*`
 * variables in `vars`. Every error names the input, its value and what was expected.
 */
function getSettings(readInput, vars, event = { name: vars.GITHUB_EVENT_NAME ?? '' }) {
    const inputs = new Inputs(readInput);
    // First, so that the token is masked before anything else can be logged.
    const github = gitHubSettings(inputs, vars);
    const run = runSettings(inputs, vars, event);
    const scan = scanSettings(inputs, vars);
    const images = imageSettings(inputs);
    const pod = podSettings(inputs);
    const git = gitSettings(inputs, vars, event, { context: pod.context, root: scan.root });
    // Object.assign, not spreads: Node 20 copies a later spread of this many properties on a slow path (0.5 ms).
    return Object.freeze(Object.assign({}, run, scan, images, pod, orderingSettings(inputs), multiArchSettings(inputs), git, github, cacheSettings(inputs), waitSettings(inputs)));
}
/**
 * The settings as log lines, `name: value` with the value as JSON (one line each, whatever it
 * holds); the token is never shown, only whether there is one.
 */
function describeSettings(settings) {
    return Object.entries(settings).map(([name, value]) => {
        if (name === 'token')
            return `token: ${settings.token === '' ? '(none)' : '(set, not shown)'}`;
        const line = `${name}: ${JSON.stringify(value)}`;
        return settings.token === '' ? line : line.replaceAll(settings.token, '***');
    });
}
/**
 * A branch name git accepts (`git check-ref-format --branch`), within a safe alphabet: components
 * separated by single slashes, none empty, none starting with '.' or ending with '.lock', no '..',
 * no leading '-', not ending with '.'.
 */
function isBranchName(value) {
    return (/^[A-Za-z0-9._/-]+$/.test(value) &&
        !value.startsWith('-') &&
        !value.includes('..') &&
        !value.endsWith('.') &&
        value.split('/').every((part) => part !== '' && !part.startsWith('.') && !part.endsWith('.lock')));
}
/** Kubernetes' IsDNS1123Subdomain: labels of [a-z0-9-] joined by dots, 253 characters in all, no limit per label. */
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
function isDns1123Subdomain(value) {
    return value.length <= 253 && DNS1123_SUBDOMAIN.test(value);
}

;// CONCATENATED MODULE: ./src/registry/check.ts
/**
 * Asks the registry whether a tag exists with the build Pods' own check (templates/check-image.sh),
 * run with /bin/sh and skopeo on this machine: the wait sees what the Pods see.
 */






/**
 * Where the credentials of this machine are, as skopeo and docker look for them: the file
 * REGISTRY_AUTH_FILE names, else the folder DOCKER_CONFIG names, else ~/.docker. The check reads
 * `<folder>/config.json`: a file is linked into a folder of its own, which `cleanup` removes.
 */
function runnerDockerConfig(vars) {
    const file = vars.REGISTRY_AUTH_FILE ?? '';
    if (file !== '') {
        const folder = (0,external_node_fs_namespaceObject.mkdtempSync)(external_node_path_default().join((0,external_node_os_namespaceObject.tmpdir)(), 'kaniko-gitops-auth-'));
        (0,external_node_fs_namespaceObject.symlinkSync)(external_node_path_default().resolve(file), external_node_path_default().join(folder, 'config.json'));
        return { folder, cleanup: () => (0,external_node_fs_namespaceObject.rmSync)(folder, { recursive: true, force: true }) };
    }
    const folder = vars.DOCKER_CONFIG || external_node_path_default().join(vars.HOME || (0,external_node_os_namespaceObject.homedir)(), '.docker');
    return { folder, cleanup: () => undefined };
}
/** The decision file's words as a probe: `skip <digest>`, `build missing`, `build refused`, `build older`. */
function probeOf(decision) {
    const [word, detail] = decision.trim().split(/\s+/);
    if (word === 'skip')
        return { status: 'present', ...(detail && /^sha256:[0-9a-f]{64}$/.test(detail) ? { digest: detail } : {}) };
    if (word !== 'build')
        return undefined;
    if (detail === 'refused')
        return { status: 'refused', detail: 'the registry refused the credentials' };
    if (detail === 'older')
        return { status: 'missing', detail: "an older build is under the tag, not the forced run's" };
    return { status: 'missing', detail: 'not in the registry' };
}
/**
 * How the check spends `budgetMs`: tries, and the longest one question to the registry may take
 * (a forced Pod's look asks twice: the manifest, then the label), with a pause of a second between tries.
 */
function checkBounds(budgetMs, forced) {
    const seconds = Math.max(1, Math.floor(budgetMs / 1000));
    const questions = forced ? 2 : 1;
    if (seconds >= 4 * questions + 1)
        return { attempts: 2, perQuestion: Math.min(60, Math.floor((seconds - 1) / (2 * questions))) };
    return { attempts: 1, perQuestion: Math.max(1, Math.floor(seconds / questions)) };
}
/**
 * Runs the script in a process group of its own, killed whole (skopeo too) when it is still running
 * after `budgetMs`; `timedOut` tells that.
 */
function runBounded(script, env, budgetMs) {
    return new Promise((resolve) => {
        const child = (0,external_node_child_process_.spawn)('/bin/sh', ['-c', script, 'kaniko-init'], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
        const chunks = [];
        let size = 0;
        const keep = (chunk) => {
            // The log of one check is a few lines: a bound keeps a runaway one from filling the memory.
            if (size < 64 * 1024)
                chunks.push(chunk);
            size += chunk.length;
        };
        child.stdout.on('data', keep);
        child.stderr.on('data', keep);
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            killGroup(child.pid);
        }, budgetMs);
        child.on('error', (error) => {
            clearTimeout(timer);
            resolve({ code: 1, output: error.message, timedOut });
        });
        child.on('close', (code) => {
            clearTimeout(timer);
            resolve({ code: code ?? 1, output: Buffer.concat(chunks).toString('utf8'), timedOut });
        });
    });
}
function killGroup(pid) {
    if (pid === undefined)
        return;
    try {
        process.kill(-pid, 'SIGKILL');
    }
    catch {
        // The group has ended already.
    }
}
/** The reason of a failed check: its last ERROR line, without the count of tries (which the time left sets). */
function failure(output) {
    const lines = output.trimEnd().split('\n');
    const line = lines.findLast((l) => l.includes('ERROR: ')) ?? lines.at(-1) ?? '';
    return line.replace(/^.*?ERROR: /, '').replace(/ after [0-9]+ attempts:/, ':');
}
/**
 * Runs the check for one target in a state folder of its own, within `budgetMs` (the time left
 * before the wait's deadline): a failed check is `unreachable`, with its reason.
 */
async function checkImage(target, options, budgetMs) {
    const state = (0,external_node_fs_namespaceObject.mkdtempSync)(external_node_path_default().join((0,external_node_os_namespaceObject.tmpdir)(), 'kaniko-gitops-check-'));
    try {
        const insecure = options.insecureRegistries.includes(registryHost(target.repository));
        const forced = target.forceNonce !== undefined;
        const bounds = checkBounds(budgetMs, forced);
        const env = {
            PATH: process.env.PATH ?? '/usr/bin:/bin',
            HOME: process.env.HOME ?? (0,external_node_os_namespaceObject.homedir)(),
            TMPDIR: (0,external_node_os_namespaceObject.tmpdir)(),
            DOCKER_IMAGENAME: target.repository,
            DOCKER_IMAGETAG: target.tag,
            REGISTRY_INSECURE: String(insecure),
            STATE_DIR: state,
            DOCKER_CONFIG: options.dockerConfig,
            CHECK_ATTEMPTS: String(bounds.attempts),
            CHECK_BACKOFF_SECONDS: '1',
            CHECK_TIMEOUT_SECONDS: String(bounds.perQuestion),
            ...(forced ? { WAIT_FORCE_NONCE: target.forceNonce } : {}),
        };
        const run = await runBounded(options.script, env, budgetMs);
        if (run.timedOut)
            return { status: 'unreachable', detail: `no answer within ${Math.max(1, Math.round(budgetMs / 1000))} s` };
        if (run.code !== 0)
            return { status: 'unreachable', detail: failure(run.output) };
        let decision = '';
        try {
            decision = (0,external_node_fs_namespaceObject.readFileSync)(external_node_path_default().join(state, 'decision'), 'utf8');
        }
        catch {
            return { status: 'unreachable', detail: failure(run.output) };
        }
        return probeOf(decision) ?? { status: 'unreachable', detail: failure(run.output) };
    }
    finally {
        (0,external_node_fs_namespaceObject.rmSync)(state, { recursive: true, force: true });
    }
}
/**
 * The check runs skopeo from PATH: without it every look would fail as `unreachable` until the
 * timeout, so its absence is an error at once.
 */
function requireSkopeo(env) {
    for (const folder of (env.PATH ?? '').split((external_node_path_default()).delimiter)) {
        if (folder === '')
            continue;
        try {
            (0,external_node_fs_namespaceObject.accessSync)(external_node_path_default().join(folder, 'skopeo'), external_node_fs_namespaceObject.constants.X_OK);
            return;
        }
        catch {
            // not in this folder
        }
    }
    throw new InputError("mode: wait checks the images with skopeo, and there is none on the runner's PATH: install it (Debian and Ubuntu: apt-get install skopeo; GitHub's Ubuntu runners have it).");
}

;// CONCATENATED MODULE: ./src/registry/pod-facts.ts
/**
 * What mode: wait takes from each chosen Pod beyond its annotations: the image its containers name in
 * DOCKER_IMAGENAME and DOCKER_IMAGETAG (what the check asks for and kaniko pushes), and whether it is a
 * forced build. The wait trusts none of it: each reference must be `<registry>/<name>:<tag>` of the
 * `registry` input, the Pod's own name label and env, and its `kaniko-gitops/image` annotation.
 */


function pod_facts_record(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
}
function list(value) {
    return Array.isArray(value) ? value : [];
}
/** A Pod's object by its name, from the whole manifest: for a manifest whose Pods have no verified text. */
async function podsByName(text) {
    const { parseAllDocuments } = await __nccwpck_require__.e(/* import() */ 815).then(__nccwpck_require__.t.bind(__nccwpck_require__, 8815, 19));
    const pods = new Map();
    for (const doc of parseAllDocuments(text)) {
        const object = pod_facts_record(doc.toJS());
        if (object.kind !== 'Pod')
            continue;
        const name = pod_facts_record(object.metadata).name;
        // Two Pods of one name: neither is taken.
        if (typeof name === 'string')
            pods.set(name, pods.has(name) ? undefined : object);
    }
    return pods;
}
/** The values each container of the Pod sets for DOCKER_IMAGENAME and DOCKER_IMAGETAG (the last entry counts, as in Kubernetes). */
function pod_facts_imageEnv(pod) {
    const spec = pod_facts_record(pod.spec);
    return [...list(spec.initContainers), ...list(spec.containers)].flatMap((item) => {
        const container = pod_facts_record(item);
        const env = list(container.env).map(pod_facts_record);
        const last = (name) => env.findLast((entry) => entry.name === name)?.value;
        const repository = last('DOCKER_IMAGENAME');
        const tag = last('DOCKER_IMAGETAG');
        if (repository === undefined && tag === undefined)
            return [];
        return [{ container: String(container.name), repository, tag }];
    });
}
const pod_facts_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const NONCE = /^[0-9A-Za-z.:-]{1,64}$/;
/** Why the Pod's image is not `<registry>/<name>:<tag>` of its own env and annotation, or undefined when it is. */
function disagreement(image, pod, registry) {
    const env = pod_facts_imageEnv(pod);
    const repository = `${registry}/${image.name}`;
    if (!env.some((e) => e.container === 'kaniko-init'))
        return 'its kaniko-init container sets no DOCKER_IMAGENAME and DOCKER_IMAGETAG';
    for (const e of env) {
        if (e.repository !== repository)
            return `its container ${e.container} sets DOCKER_IMAGENAME '${String(e.repository)}', not '${repository}' (the registry input and the image's name)`;
        if (typeof e.tag !== 'string' || !pod_facts_TAG.test(e.tag))
            return `its container ${e.container} sets DOCKER_IMAGETAG '${String(e.tag)}', which is no tag`;
        if (`${repository}:${e.tag}` !== image.image)
            return `its container ${e.container} names '${repository}:${e.tag}', its annotation ${ANNOTATION.image} '${image.image}'`;
    }
    const nonce = pod_facts_record(pod_facts_record(pod.metadata).annotations)[ANNOTATION.forced];
    if (nonce !== undefined && (typeof nonce !== 'string' || !NONCE.test(nonce)))
        return `its annotation ${ANNOTATION.forced} is '${String(nonce)}', not a force nonce`;
    return undefined;
}
/**
 * The targets of the chosen images, each checked against its Pod (see the file's comment); a Pod that
 * does not agree is an error naming it. `text` is the whole manifest, parsed only when a chosen Pod has
 * no verified text of its own.
 */
async function checkedTargets(chosen, text, registry) {
    let all;
    const { parseDocument } = await __nccwpck_require__.e(/* import() */ 815).then(__nccwpck_require__.t.bind(__nccwpck_require__, 8815, 19));
    const targets = [];
    for (const image of chosen) {
        let pod;
        if (image.text !== undefined)
            pod = pod_facts_record(parseDocument(image.text).toJS());
        else {
            all ??= await podsByName(text());
            pod = all.get(image.pod);
        }
        const why = pod === undefined ? 'it is not one Pod of that name in the manifest' : disagreement(image, pod, registry);
        if (why !== undefined)
            throw new Error(`The manifest's Pod '${(0,common_inert/* visible */.RK)(image.pod)}' of the image '${(0,common_inert/* visible */.RK)(image.name)}' cannot be waited for: ${(0,common_inert/* visible */.RK)(why)}. The manifest at the checked-out commit was edited by hand, or rendered with another registry: render it again (mode: commit) with this registry input.`);
        const nonce = pod_facts_record(pod_facts_record(pod?.metadata).annotations)[ANNOTATION.forced];
        const at = image.image.lastIndexOf(':');
        const target = { name: image.name, reference: image.image, repository: image.image.slice(0, at), tag: image.image.slice(at + 1) };
        targets.push(typeof nonce === 'string' ? { ...target, forceNonce: nonce } : target);
    }
    return targets;
}

;// CONCATENATED MODULE: ./src/action/wait-mode.ts















/**
 * The manifest of the checked-out commit, from the workspace's git (not the file, which an earlier
 * step may have rewritten): in a deploy job, check out the commit job's `commit-sha`. Read up to the
 * manifest limit: git is stopped past it.
 */
function committedManifest(root, file, limits = LIMITS) {
    return new Promise((resolve, reject) => {
        const git = (0,external_node_child_process_.spawn)('git', ['show', `HEAD:./${file}`], { cwd: root, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
        const chunks = [];
        let size = 0;
        let over = false;
        let stderr = '';
        git.stdout.on('data', (chunk) => {
            size += chunk.length;
            if (size > limits.manifestBytes) {
                over = true;
                git.kill('SIGKILL');
            }
            else
                chunks.push(chunk);
        });
        git.stderr.on('data', (chunk) => {
            if (stderr.length < 4096)
                stderr += chunk.toString('utf8');
        });
        git.on('error', (error) => reject(unreadable(file, error.message)));
        git.on('close', (code) => {
            if (over)
                reject(new LimitError(`the manifest '${(0,common_inert/* inert */.tJ)(file)}' at the checked-out commit has more than the ${showBytes(limits.manifestBytes)} bytes a manifest may have: expected at most that`));
            else if (code === 0)
                resolve(Buffer.concat(chunks));
            else
                reject(unreadable(file, stderr.trim() || `git exited with ${code}`));
        });
    });
}
function unreadable(file, why) {
    return new InputError(`mode: wait reads '${(0,common_inert/* inert */.tJ)(file)}' from the checked-out commit, and git could not (${(0,common_inert/* inert */.tJ)(why)}). Check out the repository (actions/checkout) at the commit job's commit-sha output first.`);
}
/** What the wait waits for, told in the log. */
async function targetsOf(settings) {
    if (settings.waitImages.length === 0 && !/^[0-9a-f]{40}$/.test(settings.commitSha))
        throw new InputError(`GITHUB_SHA is '${settings.commitSha}': mode: wait looks for the images built for this commit, and needs its id.`);
    const manifest = await readPreviousManifest(await committedManifest(settings.root, settings.output));
    if (manifest.problem)
        throw new Error(`'${settings.output}' at the checked-out commit cannot be read: ${manifest.problem}`);
    const chosen = chooseImages(manifest.images.values(), settings.waitImages, settings.commitSha);
    const targets = await checkedTargets(chosen, () => manifest.text, settings.registry);
    if (targets.length === 0 && settings.waitImages.length === 0)
        notice(`No Pod of '${settings.output}' at the checked-out commit pins ${settings.commitSha.slice(0, 7)}: nothing to wait for. A deploy job checks out the commit job's commit-sha output, where the manifest of this commit is.`);
    for (const t of targets)
        info(`waiting for ${t.name}: ${(0,common_inert/* inert */.tJ)(t.reference)}${t.forceNonce ? ` (forced: its build labelled ${t.forceNonce})` : ''}`);
    return targets;
}
/**
 * Logs each image whose answer or its reason changed (the reason is the registry's text: inert),
 * rewrites the summary, and turns a newly present image's status to success.
 */
function reporter(statuses) {
    const seen = new Map();
    return async (images) => {
        for (const image of images) {
            const told = `${image.status} ${image.detail ?? ''}`;
            if (seen.get(image.name) === told)
                continue;
            seen.set(image.name, told);
            const why = image.status === 'present' ? (image.digest ? ` (${image.digest})` : '') : image.detail ? `: ${(0,common_inert/* inert */.tJ)(image.detail)}` : '';
            info(`${image.name}: ${(0,common_inert/* inert */.tJ)(image.reference)} ${image.status}${why}`);
            if (image.status === 'present')
                await statuses?.post(image.name, 'success', `in the registry: ${image.reference}`);
        }
        const waiting = images.filter((image) => image.status !== 'present').length;
        replaceSummary(waitSummaryHtml(images, `waiting for ${waiting} of ${images.length} image(s)`));
    };
}
/** Checks at once: skopeo is a process each, and a runner has 2 to 4 cores. */
const PARALLEL_CHECKS = 8;
/** The least time a look gets (the one at the deadline too): the wait ends at most this much after `wait-timeout`. */
const MIN_LOOK_MS = 5000;
/** mode: wait: waits until the images are in the registry, asking as the Pods' check does. */
async function runWait(settings) {
    requireSkopeo(process.env);
    const targets = await targetsOf(settings);
    const names = targets.map((target) => target.name);
    const statuses = settings.statuses ? statusPoster(await createApi(settings), settings.commitSha, names, runner_namespaceObject) : undefined;
    const credentials = runnerDockerConfig(process.env);
    const check = { script: loadScripts().check, insecureRegistries: settings.insecureRegistries, dockerConfig: credentials.folder };
    let waited;
    try {
        waited = await waitForImages(targets, (target, budgetMs) => checkImage(target, check, budgetMs), {
            timeoutMs: settings.waitTimeoutMs,
            intervalMs: settings.waitIntervalMs,
            maxIntervalMs: MAX_INTERVAL_MS,
            parallel: PARALLEL_CHECKS,
            minLookMs: MIN_LOOK_MS,
        }, { now: () => Date.now(), sleep: (ms) => pause(ms) }, reporter(statuses));
    }
    finally {
        credentials.cleanup();
    }
    const { result, images } = waited;
    const late = images.filter((image) => image.status !== 'present');
    const line = result === 'ready'
        ? `${images.length} image(s) in the registry`
        : `timed out after ${waitText(settings)}: ${late.length} of ${images.length} image(s) not in the registry (${late.map((i) => `<code>${escapeHtml(i.name)}</code>`).join(', ')})`;
    replaceSummary(waitSummaryHtml(images, line));
    if (result === 'timed-out') {
        const message = `${late.length} image(s) not in the registry after ${waitText(settings)}: ${late.map((i) => `${i.name} (${i.status})`).join(', ')}`;
        if (settings.failOnTimeout)
            setFailed(message);
        else
            warning(message);
    }
    // After the summary: statuses are feedback, and never fail the run (the poster does not throw).
    for (const image of late)
        await statuses?.post(image.name, 'failure', `not in the registry after ${waitText(settings)} (${image.status})`);
    statuses?.finish();
    return { result, built: JSON.stringify(images) };
}
function waitText(settings) {
    return durationText(settings.waitTimeoutMs);
}

;// CONCATENATED MODULE: ./src/action/main.ts









/** The action's entry point: the one place that catches and reports failure. */
async function main_run() {
    try {
        const settings = getSettings(getInput, process.env, readEvent());
        for (const line of describeSettings(settings))
            debug(line);
        const resolved = resolveMode(settings, process.env.GITHUB_REF ?? '');
        info(`kaniko-gitops: ${resolved.reason}`);
        const runMode = { commit: runCommit, diff: runDiff, render: runRender, wait: runWait }[resolved.mode];
        const outputs = await runMode(settings);
        for (const [name, value] of Object.entries(outputs))
            if (value !== undefined)
                setOutput(name, value);
    }
    catch (error) {
        // An error about a place in a file (the config) is annotated there, so GitHub shows it on the line.
        const at = error instanceof InputError ? error.location : undefined;
        setFailed(describeError(error), at ? { file: at.file, startLine: at.line, startColumn: at.column } : {});
    }
}

;// CONCATENATED MODULE: ./src/action/index.ts

// Nothing else happens at import time.
void main_run();

