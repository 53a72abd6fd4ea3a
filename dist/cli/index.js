import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 9053:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  wi: () => (/* binding */ inertLines),
  Pq: () => (/* binding */ setSecret)
});

// UNUSED EXPORTS: appendSummary, debug, error, getInput, getMultilineInput, group, info, issueCommand, notice, redirectLog, replaceSummary, setFailed, setOutput, warning

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
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
            at += (0,external_node_fs_.writeSync)(1, bytes, at);
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
    out(`${inertLines(message)}${EOL}`);
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
    if (!existsSync(file))
        throw new Error(`Missing file at path: ${file}`);
    appendFileSync(file, text, { encoding: 'utf8' });
}
/** Sets a step output through the GITHUB_OUTPUT file, with a random heredoc delimiter. */
function setOutput(name, value) {
    if (!process.env.GITHUB_OUTPUT) {
        out(EOL);
        issueCommand('set-output', { name }, value);
        return;
    }
    const delimiter = `ghadelimiter_${randomUUID()}`;
    if (name.includes(delimiter) || value.includes(delimiter))
        throw new Error(`Unexpected input: name or value contains the delimiter "${delimiter}"`);
    appendToFile('GITHUB_OUTPUT', `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`);
}
/** Replaces the step's job summary (what `core.summary.write({ overwrite: true })` does), when the runner provides one. */
function replaceSummary(text) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file)
        return;
    if (!existsSync(file))
        throw new Error(`Missing file at path: ${file}`);
    writeFileSync(file, text, { encoding: 'utf8' });
}
/** Appends HTML or Markdown to the job summary, when the runner provides one. */
function appendSummary(text) {
    if (process.env.GITHUB_STEP_SUMMARY)
        appendToFile('GITHUB_STEP_SUMMARY', text);
}


/***/ }),

/***/ 6317:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  mt: () => (/* binding */ getSettings)
});

// UNUSED EXPORTS: COMMIT_METHODS, CONTEXTS, HASH_KINDS, MAX_PARENT_TIMEOUT_SECONDS, MODES, ORDERINGS, SNAPSHOT_MODES, describeSettings, gitContextUrl

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __nccwpck_require__(1922);
// EXTERNAL MODULE: ./src/common/names.ts
var names = __nccwpck_require__(3117);
// EXTERNAL MODULE: ./src/common/platforms.ts
var common_platforms = __nccwpck_require__(4213);
// EXTERNAL MODULE: ./src/common/reference.ts
var reference = __nccwpck_require__(3160);
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
const MAX_TIMER_MS = (/* unused pure expression or super */ null && (2 ** 31 - 1));
/** Waits `ms`, in timers Node can keep however long it is. */
async function pause(ms, signal) {
    for (let left = ms; left > 0; left -= MAX_TIMER_MS)
        await sleep(Math.min(left, MAX_TIMER_MS), undefined, signal ? { signal } : {});
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
        throw new Error(`The manifest has a Pod whose image name is not a DNS-1123 label: '${visible(badName.name)}'.`);
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

// EXTERNAL MODULE: ./src/scan/glob.ts
var glob = __nccwpck_require__(8747);
// EXTERNAL MODULE: ./src/action/runner.ts + 1 modules
var runner = __nccwpck_require__(9053);
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
    throw new errors/* InputError */.d(`Input '${input}' has the value '${value}': ${expected}.`);
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
            throw new errors/* InputError */.d(`${name} is '${value}': expected a whole number (it marks the images a forced run builds).`);
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
            (0,glob/* compileGlob */.SO)(pattern.replace(/^!/, ''));
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
        throw new errors/* InputError */.d(`Inputs 'config' ('${config}') and 'image-config' are both set: expected one of them (the file for several images, the input for a repository with one).`);
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
    const registryProblem = (0,reference/* explainRegistryPrefix */.lB)(registry);
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
    const problem = (0,reference/* explainPinnedImage */.Xu)(image);
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
        return all ? [(0,reference/* registryHost */.U$)(registry)] : [];
    const hosts = inputs.list('insecure-registry');
    for (const host of hosts) {
        const problem = (0,reference/* explainRegistryHost */.HD)(host);
        if (problem)
            fail('insecure-registry', raw, `expected true, false or registry hosts such as registry.kaniko.svc:5000, but ${problem}`);
    }
    return [...new Set(hosts)].sort();
}
/** Where the Pods run, the secrets they mount, and where they take the build context from. */
function podSettings(inputs) {
    const namespace = inputs.required('namespace');
    if (!(0,names/* isDns1123Label */.z3)(namespace))
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
        const problem = (0,reference/* explainRegistryHost */.HD)(host);
        if (problem)
            fail('credential-helpers', raw, `expected host=helper pairs such as europe-docker.pkg.dev=gcr, but ${problem}`);
        // kaniko looks Docker Hub up as index.docker.io (or its v1 URL), skopeo as docker.io: no one
        // name serves both, and no cloud helper serves Docker Hub.
        if ((0,reference/* isDockerHubHost */.ci)(host)) {
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
        if (!(0,common_platforms/* isKnownPlatform */.Jh)(platform))
            fail('platforms', raw, `'${platform}' is not a platform this action builds: expected some of ${common_platforms/* KNOWN_PLATFORMS */.PA.join(', ')}`);
        const twice = platforms.find((other) => (0,common_platforms/* samePlatform */.my)(other) === (0,common_platforms/* samePlatform */.my)(platform));
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
            throw new errors/* InputError */.d(`GITHUB_REPOSITORY is '${repository}': expected owner/name (the git context clones it).`);
        }
        if (!/^[0-9a-f]{40}$/.test(commitSha)) {
            throw new errors/* InputError */.d(`GITHUB_SHA is '${commitSha}': expected a 40-character commit id (the git context pins it).`);
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
        repositoryName: (0,names/* normalizeName */.Pc)(repo) || (0,names/* normalizeName */.Pc)(external_node_path_default().basename(scan.root)) || 'image',
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
        runner/* setSecret */.Pq(token);
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
        const problem = (0,reference/* explainRegistryPrefix */.lB)(cacheRepo);
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
        if (!(0,names/* isDns1123Label */.z3)(name))
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


/***/ }),

/***/ 8770:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   D6: () => (/* binding */ formatTextTable),
/* harmony export */   Dy: () => (/* binding */ imageRows),
/* harmony export */   c$: () => (/* binding */ TABLE_HEADER)
/* harmony export */ });
/* unused harmony exports SUMMARY_TABLE_BUDGET, SUMMARY_ALL_ROWS, WAIT_TABLE_HEADER, waitSummaryHtml, summaryHtml */
/* harmony import */ var _manifest_outcome_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(113);



const TABLE_HEADER = ['Image', 'Dockerfile', 'sha256', 'Reference', 'Status'];
/** Rows of the image table shared by the job summary and the CLI. */
function imageRows(outcome) {
    const rows = outcome.images.map((image) => [
        image.name,
        image.dockerfile,
        image.sha256.slice(0, 12),
        // A multi-arch image's reference is its index, of these platforms.
        image.platforms === undefined ? image.image : `${image.image} (${image.platforms.join(', ')})`,
        (0,_manifest_outcome_js__WEBPACK_IMPORTED_MODULE_0__/* .statusText */ .q)(image, true),
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
const SUMMARY_TABLE_BUDGET = (/* unused pure expression or super */ null && (768 * 1024));
/** Up to this many images the table lists them all; beyond, the ones a run builds, removes or skips. */
const SUMMARY_ALL_ROWS = 100;
/** One table row, every cell escaped. */
function htmlRow(cells, tag) {
    let html = '<tr>';
    for (const cell of cells)
        html += `<${tag}>${escapeHtml(cell)}</${tag}>`;
    return `${html}</tr>`;
}
const WAIT_TABLE_HEADER = (/* unused pure expression or super */ null && (['Image', 'Reference', 'Status', 'Digest', 'Appeared after']));
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


/***/ }),

/***/ 4864:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  xW: () => (/* binding */ renderRepository),
  HN: () => (/* binding */ writeManifest)
});

// UNUSED EXPORTS: currentCode, readWorkspaceManifest

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/common/fs-atomic.ts



/**
 * Writes a file so that readers see either the old or the new content, never a part: the bytes go
 * to a temporary file in the same folder, are flushed, and the temporary file is renamed over the
 * target.
 */
async function writeFileAtomic(file, content) {
    // Synchronous calls: the action does one thing at a time, and node:fs/promises costs start-up time.
    (0,external_node_fs_.mkdirSync)(external_node_path_default().dirname(file), { recursive: true });
    const temp = external_node_path_default().join(external_node_path_default().dirname(file), `.${external_node_path_default().basename(file)}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`);
    const fd = (0,external_node_fs_.openSync)(temp, 'wx', 0o644);
    let open = true;
    try {
        (0,external_node_fs_.writeFileSync)(fd, content);
        (0,external_node_fs_.fsyncSync)(fd);
        (0,external_node_fs_.closeSync)(fd);
        open = false;
        (0,external_node_fs_.renameSync)(temp, file);
    }
    catch (error) {
        if (open) {
            try {
                (0,external_node_fs_.closeSync)(fd);
            }
            catch {
                // Already failing: the first error is the one to report.
            }
        }
        try {
            (0,external_node_fs_.unlinkSync)(temp);
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
        names = (0,external_node_fs_.readdirSync)(external_node_path_default().dirname(file));
    }
    catch {
        return;
    }
    for (const name of names) {
        if (!name.startsWith(prefix) || !name.endsWith('.tmp'))
            continue;
        try {
            (0,external_node_fs_.unlinkSync)(external_node_path_default().join(external_node_path_default().dirname(file), name));
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
    const realRoot = (0,external_node_fs_.realpathSync)(root);
    const info = (() => {
        try {
            return (0,external_node_fs_.lstatSync)(file);
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
        return (0,external_node_fs_.lstatSync)(file).isSymbolicLink();
    }
    catch {
        return false;
    }
}
/** The path with symlinks resolved, or undefined when it does not resolve (missing, a loop, no access). */
function realpathOrUndefined(file) {
    try {
        return (0,external_node_fs_.realpathSync)(file);
    }
    catch {
        return undefined;
    }
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
const OPEN_FLAGS = external_node_fs_.constants.O_RDONLY | (external_node_fs_.constants.O_NOFOLLOW ?? 0) | (external_node_fs_.constants.O_NONBLOCK ?? 0);
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
        fd = (0,external_node_fs_.openSync)(file, OPEN_FLAGS);
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
            fd = (0,external_node_fs_.openSync)(real, OPEN_FLAGS);
        }
        catch (again) {
            throw new Error(`cannot read ${kind.the} '${name}'`, { cause: again });
        }
    }
    try {
        const info = (0,external_node_fs_.fstatSync)(fd);
        if (!info.isFile())
            throw new Error(`cannot read ${kind.the} '${name}': it is ${kindOf(info)}, not a regular file`);
        if (info.size > kind.limit)
            throw tooLarge(kind, name, info.size);
        return { fd, info };
    }
    catch (error) {
        (0,external_node_fs_.closeSync)(fd);
        throw error;
    }
}
/** Where the symlink `file` leads, when that is inside `root`; undefined when it leads nowhere. */
function resolveInside(file, name, kind, root) {
    let real;
    try {
        real = external_node_fs_.realpathSync.native(file);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw new Error(`cannot read ${kind.the} '${name}': it is a symlink that cannot be resolved`, { cause: error });
    }
    if (!isInside(external_node_fs_.realpathSync.native(root), real)) {
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
        n = (0,external_node_fs_.readSync)(fd, buffer, length, buffer.length - length, null);
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
        (0,external_node_fs_.closeSync)(opened.fd);
    }
}

// EXTERNAL MODULE: ./src/common/inert.ts
var inert = __nccwpck_require__(3437);
// EXTERNAL MODULE: ./src/common/sha256.ts
var sha256 = __nccwpck_require__(6042);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __nccwpck_require__(1922);
// EXTERNAL MODULE: ./src/common/names.ts
var names = __nccwpck_require__(3117);
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

// EXTERNAL MODULE: ./src/common/reference.ts
var reference = __nccwpck_require__(3160);
;// CONCATENATED MODULE: ./src/plan/graph.ts




/**
 * Finds the images built on images of the same repository (a FROM, COPY --from or RUN --mount from=
 * that names `<registry>/<name>` of another Dockerfile here, in any spelling the registry resolves to
 * the same repository), so that a parent's change rebuilds every descendant and children build after
 * their parents. Any other image, under the registry or not, is built elsewhere: no edge. A cycle is
 * an error that names the files.
 */
function resolveImageGraph(nodes, registry) {
    const byRepository = new Map(nodes.map((n) => [(0,reference/* canonicalRepository */.JA)(`${registry}/${n.name}`), n]));
    // The registry's namespace as its repositories are spelled: `docker.io` -> `docker.io/library/`.
    const namespace = (0,reference/* canonicalRepository */.JA)(`${registry}/x`).slice(0, -1);
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
            const repository = ofStage ? undefined : (0,reference/* canonicalRepository */.JA)(ref.image);
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
            throw new errors/* InputError */.d(`The Dockerfiles build on each other in a cycle: ${[...visiting.slice(cycleAt), path].join(' -> ')}.`);
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
        effective.set(path, (0,sha256/* sha256Hex */.f)(`kaniko-gitops parents v1\n${node.own}\n${parentHashes.join('\n')}\n`));
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
    const rename = (0,names/* isDns1123Label */.z3)(wanted) && wanted.length <= names/* MAX_IMAGE_NAME_LENGTH */._6
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
            return parts.length > 1 && (0,names/* normalizeName */.Pc)(parts[parts.length - 2]) === name;
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
    return (0,names/* normalizeName */.Pc)(part) || `img-${(0,names/* shortHash */.BC)(part, 6)}`;
}
function pathParts(path) {
    const folders = path.split('/');
    const file = folders.pop() ?? path;
    return { path, folders, variant: fileVariant(file) };
}
/** The name of a path from its last `depth` folders (the root name for a file at the top) and its variant. */
function nameAtDepth(parts, depth, root) {
    const folders = parts.folders.length === 0 ? [root] : parts.folders.slice(-depth).map(readablePart);
    return (0,names/* limitName */.Ff)(parts.variant === '' ? folders.join('-') : `${folders.join('-')}-${readablePart(parts.variant)}`);
}
/** `name` cut to leave room for `-<hash of the path>`, with that hash. */
function nameWithPathHash(name, path, length = 6) {
    return `${name.slice(0, names/* MAX_IMAGE_NAME_LENGTH */._6 - length - 1).replace(/-+$/, '')}-${(0,names/* shortHash */.BC)(path, length)}`;
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
    const root = (0,names/* normalizeName */.Pc)(rootName) || 'image';
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
    const root = (0,names/* normalizeName */.Pc)(rootName) || 'image';
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
    throw new errors/* InputError */.d(`Input 'force-images' has the value '${forceImages.join(',')}': ${unknown.map((n) => `'${n}'`).join(', ')} ${unknown.length === 1 ? 'is not an image' : 'are not images'} of this repository; expected some of: ${[...known].sort().join(', ')}.`);
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
    return before !== undefined && before.name.length <= names/* MAX_IMAGE_NAME_LENGTH */._6 && (0,names/* isDns1123Label */.z3)(before.name) && agrees(before)
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
    return new errors/* InputError */.d(`${name.at}: the image name '${name.value}' of ${path} is ${whose}: expected a name no other image has${hint}.`);
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

// EXTERNAL MODULE: ./src/manifest/outcome.ts
var outcome = __nccwpck_require__(113);
// EXTERNAL MODULE: ./src/common/platforms.ts
var common_platforms = __nccwpck_require__(4213);
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
    return (0,sha256/* sha256Hex */.f)(`${key}]`).slice(0, 32);
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
    const name = `${prefix}-${(0,sha256/* sha256Hex */.f)(unnamed.slice(at + slot.length)).slice(0, NAME_HASH_LENGTH)}`;
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
    const hash = (0,sha256/* sha256Hex */.f)(text.subarray(lineEnd + 1));
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
    const tag = (0,common_platforms/* platformTag */.oq)(image.tag, platform);
    const selector = { ...image.nodeSelector, ...(0,common_platforms/* platformNodeSelector */.vc)(platform) };
    const nodeSelector = Object.fromEntries(Object.entries(selector).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return { ...image, platform, tag, image: `${image.repository}:${tag}`, extraTags: [], nodeSelector };
}
/** The Pod's name before its hash: the image name, and a platform Pod's `-<arch><variant>`. */
function podPrefix(image) {
    return image.platforms !== undefined && image.platform !== '' ? (0,common_platforms/* platformPodPrefix */.lK)(image.name, image.platform) : image.name;
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
        [LABEL.partOf]: (0,names/* limitName */.Ff)(settings.repositoryName, 63),
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
        { name: 'REGISTRY_INSECURE', value: String(settings.insecureRegistries.includes((0,reference/* registryHost */.U$)(image.repository))) },
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
    return (image.platforms ?? []).map((platform) => `${image.repository}:${(0,common_platforms/* platformTag */.oq)(image.tag, platform)}`).join(' ');
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
        const helper = settings.credentialHelpers[(0,reference/* registryHost */.U$)(image.repository)];
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
        fingerprint = (0,sha256/* sha256Hex */.f)(texts.join('---\n'));
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
        multiArch = (0,sha256/* sha256Hex */.f)(texts.join('---\n'));
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
    throw new errors/* InputError */.d(`The Pod of ${dockerfile} has annotations of ${total} bytes in all (${largest}: ${size}): expected at most ${MAX_ANNOTATIONS_BYTES} (256 KiB), the most Kubernetes takes (shorter paths, fewer build args or parents).`);
}
function joinPosix(...parts) {
    return parts.filter((p) => p !== '').join('/');
}

;// CONCATENATED MODULE: external "node:buffer"
const external_node_buffer_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");
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
    return `${MANIFEST_HEADER}\n${DIGEST_PREFIX}${(0,sha256/* sha256Hex */.f)(body)}\n${inputs === undefined ? '' : `${INPUTS_PREFIX}${inputs}\n`}${body}`;
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
    const intact = body.length >= 4 && body.toString('latin1', 0, 4) === '---\n' && (0,external_node_buffer_namespaceObject.isUtf8)(body) && digest === (0,sha256/* sha256Hex */.f)(body);
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
    return platform === '' ? name : (0,common_platforms/* platformPodPrefix */.lK)(name, platform);
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
    if (platform !== '' && !(0,common_platforms/* isKnownPlatform */.Jh)(platform))
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
    const { parseAllDocuments } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 8815, 19));
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
    return (0,sha256/* sha256Hex */.f)(JSON.stringify(['kaniko-gitops run v1', codeIdentity, scriptsConfigMap, values, files, scan.skipped, ...commit]));
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
        ...planned.removed.map((gone) => `${(0,inert/* inert */.tJ)(gone.name)}: removed (${skipped.has(gone.dockerfile) ? 'skipped by the config' : `${(0,inert/* inert */.tJ)(gone.dockerfile)} is gone`})`),
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
    return `${(0,inert/* inert */.tJ)(image.name)}: ${(0,inert/* inert */.tJ)(image.image)} (${(0,inert/* inert */.tJ)((0,outcome/* statusText */.q)(image, true))})`;
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
    return new errors/* InputError */.d(`${locate(source, at)}: ${message}`, {
        ...(source.annotationPath ? { location: { ...at, file: source.annotationPath } } : {}),
    });
}
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
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
    const yaml = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 8815, 19));
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
    const normalized = external_node_path_.posix.normalize(value).replace(/\/+$/, '');
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
            name: () => this.matching(value, what, (v) => (0,names/* isDns1123Label */.z3)(v) && v.length <= names/* MAX_IMAGE_NAME_LENGTH */._6, `an image name of lower-case letters, digits and -, at most ${names/* MAX_IMAGE_NAME_LENGTH */._6} characters`),
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
            const tag = this.matching(item, `an item of ${what}`, TAG, 'a tag: letters, digits, _, . and -, at most 128, not starting with . or -');
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
            const platform = this.matching(item, `an item of ${what}`, common_platforms/* isKnownPlatform */.Jh, `one of ${common_platforms/* KNOWN_PLATFORMS */.PA.join(', ')}`);
            const other = seen.get((0,common_platforms/* samePlatform */.my)(platform));
            if (other !== undefined) {
                this.fail(item, `${what} has '${platform}'${other === platform ? ' twice' : ` and '${other}', the same platform`}: expected each platform once`);
            }
            seen.set((0,common_platforms/* samePlatform */.my)(platform), platform);
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
        throw new errors/* InputError */.d(`Input 'config' has the value '${settings.config}': expected a file inside the repository, but ${outside}.`);
    // Checked above to lie inside the repository, and not to be a symlink.
    const text = readRepoFile(file, settings.config, CONFIG_FILE, settings.root)?.toString('utf8');
    if (text === undefined) {
        throw new errors/* InputError */.d(`Input 'config' has the value '${settings.config}': expected a file in the repository, but there is none at that path.`);
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
            throw new errors/* InputError */.d(`Input 'image-config' sets the settings of a repository's only image, but ${paths.length} Dockerfiles matched (${paths.slice(0, 5).join(', ')}${paths.length > 5 ? ', ...' : ''}): expected one, or the settings in a config file (input 'config') keyed by Dockerfile path.`);
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
    return { ...settings, platform, nodeSelector: sortedSelector({ ...settings.nodeSelector, ...(0,common_platforms/* platformNodeSelector */.vc)(platform) }) };
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
        if (isInside(external_node_fs_.realpathSync.native(root), external_node_fs_.realpathSync.native(external_node_path_default().dirname(file)))) {
            const data = (entry.mode & S_IFMT) === S_IFLNK ? (0,external_node_fs_.readlinkSync)(file, { encoding: 'buffer' }) : readRepoFile(file, entry.path, kind, root);
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
const UNITS = 0x10000;
const ANY = Int32Array.of(0, UNITS);
const NOT_SLASH = Int32Array.of(0, SLASH, SLASH + 1, UNITS);
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
    const folded = new Uint16Array(UNITS);
    const groups = new Map();
    for (let c = 0; c < UNITS; c++) {
        folded[c] = fold(c);
        if (c >= 128 && folded[c] !== c)
            groups.set(folded[c], []);
    }
    const members = [];
    for (let c = 128; c < UNITS; c++) {
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
    if (bounds[bounds.length - 1] === UNITS)
        bounds.pop();
    else
        bounds.push(UNITS);
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
            i = characterClass(pattern, i, step);
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
            if (b > 128 && b < UNITS)
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
function characterClass(pattern, start, step) {
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
            entries = (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true });
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
        return { sha256: (0,sha256/* sha256Hex */.f)(lines.join('')), files: entries.length, ignoreFile: found?.name ?? '' };
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
                    entries.push({ rel: itemRel, line: line.link(blobId(this.format, (0,external_node_fs_.readlinkSync)(`${dir}/${name}`, { encoding: 'buffer' }))) });
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
                for await (const chunk of (0,external_node_fs_.createReadStream)('', { fd, autoClose: false, highWaterMark: 1024 * 1024, start: 0 }))
                    size += chunk.length;
                const digest = external_node_crypto_.createHash(format).update(`blob ${size}\u0000`);
                let read = 0;
                for await (const chunk of (0,external_node_fs_.createReadStream)('', { fd, autoClose: false, highWaterMark: 1024 * 1024, start: 0 })) {
                    digest.update(chunk);
                    read += chunk.length;
                }
                if (read !== size)
                    throw new Error(`the file '${abs}' changed while it was hashed`);
                return line.file(executable, digest.digest('binary'));
            }
            finally {
                (0,external_node_fs_.closeSync)(fd);
            }
        })();
    }
    finally {
        if (!streamed)
            (0,external_node_fs_.closeSync)(fd);
    }
}

// EXTERNAL MODULE: ./src/scan/glob.ts
var glob = __nccwpck_require__(8747);
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
    const walk = new Walk((0,glob/* compilePatterns */.xi)(patterns), options.generated ?? new Set(), limits);
    let realRoot;
    try {
        realRoot = (0,external_node_fs_.realpathSync)(root);
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
            warnings.push(`skipped '${(0,inert/* inert */.tJ)(relPath)}': ${problem}`);
        else
            found.push(relPath);
    }
    for (const [submodule, files] of walk.inSubmodules) {
        warnings.push(`skipped ${files.length} Dockerfile(s) in '${(0,inert/* inert */.tJ)(submodule)}', a git submodule (or another repository inside this one): kaniko's git context does not clone submodules, so they cannot be built from here: ${files.sort().map(inert/* inert */.tJ).join(', ')}`);
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
            this.warnings.push(`skipped the folder '${(0,inert/* inert */.tJ)(rel)}': it cannot be listed (${code}), so a Dockerfile in it would not be found`);
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
            this.notes.push(`left out '${(0,inert/* inert */.tJ)(relPath)}': its name says it is not a Dockerfile`);
        else if (this.generated.has(relPath))
            this.notes.push(`left out '${(0,inert/* inert */.tJ)(relPath)}': it is the manifest this action writes`);
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
            : (0,inert/* hasControlCharacter */.Fd)(name)
                ? 'its name has a control character or a line separator'
                : undefined;
        if (problem === undefined)
            return false;
        this.warnings.push(`skipped '${(0,inert/* inert */.tJ)(childPath(rel, name))}': ${problem}`);
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
        target = (0,external_node_fs_.realpathSync)(file);
    }
    catch {
        return 'it is a broken symlink (or a symlink loop)';
    }
    const rel = external_node_path_default().relative(realRoot, target);
    if (rel.startsWith('..') || external_node_path_default().isAbsolute(rel))
        return 'it is a symlink to a file outside the repository, which is never read';
    const info = (0,external_node_fs_.statSync)(target);
    return info.isFile() ? undefined : 'it is a symlink to something that is not a file';
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
        return { sha256: (0,sha256/* sha256Hex */.f)(data), text, bytes: data.length };
    }
    finally {
        (0,external_node_fs_.closeSync)(opened.fd);
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
        log.info(`skipped by ${configName}: ${skipped.map(inert/* inert */.tJ).join(', ')}`);
    const files = await log.group('Hash', () => hashAll(settings, paths, config, entries, log));
    if (files.length === 0) {
        throw new errors/* InputError */.d(`Every Dockerfile that matched is skipped by ${configName} (${skipped.join(', ')}): expected at least one image to build.`);
    }
    return { files, skipped };
}
/** The repository folder lies inside the workspace, and the manifest inside the repository. */
async function checkPlaces(settings) {
    const rootProblem = await explainRoot(settings);
    if (rootProblem)
        throw new errors/* InputError */.d(`Input 'path' has the value '${settings.contextPrefix || '.'}': expected a folder inside the workspace, but ${rootProblem}.`);
    const outputEscape = await explainPathEscape(settings.root, settings.outputPath);
    if (outputEscape)
        throw new errors/* InputError */.d(`Input 'output' has the value '${settings.output}': expected a file inside the repository, but ${outputEscape}.`);
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
    log.info([...found.notes, ...found.paths.map(inert/* inert */.tJ), `${found.paths.length} Dockerfile(s) matched ${settings.dockerfiles.join(', ')}`].join('\n'));
    if (found.paths.length === 0) {
        throw new errors/* InputError */.d(`Input 'dockerfiles' has the value '${settings.dockerfiles.join('\\n')}': no file in '${settings.root}' matched (node_modules and .git are never searched); expected patterns such as Dockerfile or services/*/Dockerfile.`);
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
    log.info(hashed.map((f) => `${f.effective}  ${(0,inert/* inert */.tJ)(f.path)} (${(0,inert/* inert */.tJ)(f.covers)})`).join('\n'));
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
            log.warning(`${(0,inert/* inert */.tJ)(file)} is not committed: kaniko's git context builds the commit, where it is missing, so its build will fail. Commit it, or leave it out with 'dockerfiles'.`);
        }
        effective = (0,sha256/* sha256Hex */.f)(`kaniko-gitops context v2\n${read.sha256}\n${context.sha256}\n`);
        covers = `context ${dir || '.'}: ${context.files} file(s) of the ${contexts.source}${context.ignoreFile ? `, ${context.ignoreFile} applied` : ''}`;
    }
    // What the config changes about the build enters the tag; an image without such settings keeps its hash.
    const build = configured ? buildInputs(configured, scan_folderOf(file)) : undefined;
    if (build) {
        effective = (0,sha256/* sha256Hex */.f)(`kaniko-gitops build v1\n${effective}\n${JSON.stringify(build.key)}\n`);
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
        log.info(`Build contexts are hashed from the working tree: the commit's files cannot be listed (${(0,inert/* inert */.tJ)(read.reason)}).`);
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
    if (!(0,external_node_fs_.statSync)(realRoot).isDirectory())
        return 'it is not a folder';
    const rel = external_node_path_default().relative(realWorkspace, realRoot);
    if (rel.startsWith('..') || external_node_path_default().isAbsolute(rel))
        return `it resolves to '${realRoot}', outside the workspace`;
    return undefined;
}

;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: ./src/action/code-id.ts



let cached;
/**
 * sha256 of the file of the running code (the bundle, once built): a manifest rendered by other code
 * is rendered again. Should the file not be readable, a value no other run has: never the same key.
 */
function codeIdentity() {
    if (cached === undefined) {
        try {
            cached = (0,sha256/* sha256Hex */.f)((0,external_node_fs_.readFileSync)((0,external_node_url_namespaceObject.fileURLToPath)(import.meta.url)));
        }
        catch {
            cached = (0,sha256/* sha256Hex */.f)(`unreadable code ${process.pid} ${Date.now()} ${Math.random()}`);
        }
    }
    return cached;
}

;// CONCATENATED MODULE: ./src/action/scripts.ts

let scripts_cached;
/** The scripts from templates/ (ncc copies them next to the bundle). */
function loadScripts() {
    scripts_cached ??= {
        check: (0,external_node_fs_.readFileSync)(new URL(/* asset import */ __nccwpck_require__(8002), __nccwpck_require__.b), 'utf8'),
        build: (0,external_node_fs_.readFileSync)(new URL(/* asset import */ __nccwpck_require__(6654), __nccwpck_require__.b), 'utf8'),
        setup: (0,external_node_fs_.readFileSync)(new URL(/* asset import */ __nccwpck_require__(5211), __nccwpck_require__.b), 'utf8'),
        index: (0,external_node_fs_.readFileSync)(new URL(/* asset import */ __nccwpck_require__(9518), __nccwpck_require__.b), 'utf8'),
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


/***/ }),

/***/ 486:
/***/ ((module, __webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   M8: () => (/* binding */ parseRemote),
/* harmony export */   Zy: () => (/* binding */ parseArgs),
/* harmony export */   aE: () => (/* binding */ explainRepoFolder),
/* harmony export */   fy: () => (/* binding */ repositoryNameOf),
/* harmony export */   iW: () => (/* binding */ main)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(8815);
/* harmony import */ var _action_runner_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(9053);
/* harmony import */ var _action_settings_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(6317);
/* harmony import */ var _action_summary_js__WEBPACK_IMPORTED_MODULE_8__ = __nccwpck_require__(8770);
/* harmony import */ var _action_workspace_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(4864);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(1922);
/* harmony import */ var _common_inert_js__WEBPACK_IMPORTED_MODULE_9__ = __nccwpck_require__(3437);
/* harmony import */ var _gitops_image_graph_js__WEBPACK_IMPORTED_MODULE_10__ = __nccwpck_require__(1368);











/**
 * `kaniko-gitops render`: a local preview on any repository, on the action's own code path. Flags
 * are the action's inputs (`--registry docker.io/acme`); defaults come from action.yml; the
 * commit, branch and repository come from git.
 */
const USAGE = `Usage: kaniko-gitops render --registry REGISTRY [--repo DIR] [--INPUT VALUE ...]

Renders the build Pods for the Dockerfiles of DIR (default: .) into DIR/deploy/manifest.yaml.
Every input of the action is a flag (see action.yml); --repository OWNER/NAME sets the repository
the git context clones when git's origin does not name one.`;
function loadInputs() {
    const action = (0,yaml__WEBPACK_IMPORTED_MODULE_3__.parse)((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(__nccwpck_require__.ab + "action.yml", 'utf8'));
    return action.inputs;
}
function git(cwd, ...args) {
    try {
        return (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFileSync)('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    }
    catch {
        return undefined;
    }
}
/** `git@github.com:acme/shop.git` or `https://github.com/acme/shop` -> server and owner/name. */
function parseRemote(url) {
    const match = /^(?:[a-z+]+:\/\/)?(?:[^@/]+@)?([^/:]+)(?::\d+)?[:/]([^/]+\/[^/]+?)(?:\.git)?\/?$/i.exec(url);
    return match ? { server: `https://${match[1]}`, repository: match[2] } : undefined;
}
/**
 * The repository name a folder stands for when git's origin names none: GitHub's alphabet (letters,
 * digits, `.`, `_`, `-`), accents dropped and every other run of characters one `-`, so `My Repo`
 * gives `My-Repo`.
 */
function repositoryNameOf(folder) {
    const name = node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(folder)
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^A-Za-z0-9._-]+/g, '-')
        .replace(/^[-.]+|[-.]+$/g, '');
    return name || 'repository';
}
/** Explains why `--repo` cannot be rendered, or returns undefined. */
function explainRepoFolder(dir) {
    let info;
    try {
        info = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(dir);
    }
    catch (error) {
        const code = error.code;
        return code === 'ENOENT' ? 'there is no such folder' : `it cannot be read (${code ?? (0,_common_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .describeError */ .U)(error)})`;
    }
    return info.isDirectory() ? undefined : 'it is not a folder';
}
/**
 * The command and the flags' values. Only a flag of `bare` (the boolean inputs) may come without a
 * value, and is then `true`; any other flag takes the next argument, or says that it needs one.
 */
function parseArgs(argv, known, bare) {
    const flags = new Map();
    let command = 'render';
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (!arg.startsWith('--')) {
            if (i === 0) {
                command = arg;
                continue;
            }
            throw new Error(`unexpected argument '${arg}'\n\n${USAGE}`);
        }
        const eq = arg.indexOf('=');
        const name = arg.slice(2, eq === -1 ? undefined : eq);
        if (!known.has(name))
            throw new Error(`unknown flag '--${name}'; expected one of: ${[...known]
                .sort()
                .map((k) => `--${k}`)
                .join(' ')}`);
        let value;
        if (eq !== -1)
            value = arg.slice(eq + 1);
        else if (i + 1 < argv.length && !argv[i + 1].startsWith('--'))
            value = argv[++i];
        else if (bare.has(name))
            value = 'true';
        else
            throw new Error(`--${name} needs a value: --${name} VALUE, or --${name}=VALUE ('--${name}=' for an empty one)`);
        flags.set(name, [...(flags.get(name) ?? []), value]);
    }
    return { command, flags };
}
// The command line may run in a workflow too, where the runner reads its output for commands.
const consoleLogger = {
    info: (message) => console.log((0,_action_runner_js__WEBPACK_IMPORTED_MODULE_4__/* .inertLines */ .wi)(message).replace(/^/gm, '  ')),
    warning: (message) => console.warn((0,_action_runner_js__WEBPACK_IMPORTED_MODULE_4__/* .inertLines */ .wi)(`warning: ${message}`)),
    async group(name, fn) {
        console.log(`${name}`);
        return fn();
    },
};
/**
 * Reads an input from its flags (several of one flag are lines of one input), else from its default
 * in action.yml. `path` is the folder of `--repo` in its repository (`folder`), and `--mode auto` is
 * render: the command line does nothing else.
 */
function flagReader(inputs, flags, folder) {
    const values = new Map();
    for (const [name, input] of Object.entries(inputs)) {
        // Expression defaults such as ${{ github.token }} mean nothing outside a runner.
        const fallback = (input.default ?? '').includes('${{') ? '' : (input.default ?? '');
        values.set(name, flags.get(name)?.join('\n') ?? fallback);
    }
    const mode = (values.get('mode') ?? '').trim();
    if (mode !== 'auto' && mode !== 'render')
        throw new Error(`--mode ${mode}: the command line only renders`);
    values.set('mode', 'render');
    values.set('path', folder);
    return (name) => (values.get(name) ?? '').trim();
}
async function main(argv) {
    try {
        if (argv.includes('--help') || argv.includes('-h')) {
            console.log(USAGE);
            return 0;
        }
        const inputs = loadInputs();
        // The boolean inputs (default true or false) may be bare flags: `--force-build`.
        const booleans = Object.keys(inputs).filter((name) => ['true', 'false'].includes(inputs[name]?.default ?? ''));
        const { command, flags } = parseArgs(argv, new Set([...Object.keys(inputs), 'repo', 'repository', 'help']), new Set([...booleans, 'help']));
        if (command !== 'render')
            throw new Error(`unknown command '${command}'; expected render\n\n${USAGE}`);
        const repoFlag = flags.get('repo')?.at(-1) ?? '.';
        const repoDir = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(repoFlag);
        const repoProblem = explainRepoFolder(repoDir);
        if (repoProblem)
            throw new Error(`--repo '${repoFlag}': ${repoProblem} (expected the folder of a git checkout)`);
        const top = git(repoDir, 'rev-parse', '--show-toplevel') ?? repoDir;
        const remote = parseRemote(git(repoDir, 'remote', 'get-url', 'origin') ?? '');
        const branch = git(repoDir, 'symbolic-ref', '--short', 'HEAD');
        const sha = git(repoDir, 'rev-parse', '--verify', '--quiet', 'HEAD^{commit}');
        // The git context pins a commit: say so here rather than through the runner's GITHUB_SHA.
        if (sha === undefined && (flags.get('context')?.at(-1) ?? inputs.context?.default) !== 'local') {
            throw new Error(`--repo '${repoFlag}' has no commit to render (it is not a git checkout, or nothing is committed yet): the git context pins the commit kaniko clones. Commit first, or pass --context local.`);
        }
        const vars = {
            GITHUB_WORKSPACE: top,
            GITHUB_SHA: sha ?? '',
            GITHUB_REF: branch ? `refs/heads/${branch}` : '',
            GITHUB_REPOSITORY: flags.get('repository')?.at(-1) ?? remote?.repository ?? `local/${repositoryNameOf(top)}`,
            GITHUB_SERVER_URL: remote?.server ?? 'https://github.com',
            GITHUB_EVENT_NAME: 'local',
        };
        const folder = node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(top, repoDir).split((node_path__WEBPACK_IMPORTED_MODULE_2___default().sep)).join('/') || '.';
        const settings = (0,_action_settings_js__WEBPACK_IMPORTED_MODULE_5__/* .getSettings */ .mt)(flagReader(inputs, flags, folder), { ...process.env, ...vars });
        const outcome = await (0,_action_workspace_js__WEBPACK_IMPORTED_MODULE_6__/* .renderRepository */ .xW)(settings, consoleLogger);
        await (0,_action_workspace_js__WEBPACK_IMPORTED_MODULE_6__/* .writeManifest */ .HN)(settings, outcome, consoleLogger);
        console.log(`\n${node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(process.cwd(), settings.outputPath) || settings.outputPath}: ${outcome.changed ? 'written' : 'unchanged'}, ${outcome.images.length} image(s)\n`);
        const rows = (0,_action_summary_js__WEBPACK_IMPORTED_MODULE_8__/* .imageRows */ .Dy)(outcome).map((row) => row.map(_common_inert_js__WEBPACK_IMPORTED_MODULE_9__/* .inert */ .tJ));
        console.log((0,_action_summary_js__WEBPACK_IMPORTED_MODULE_8__/* .formatTextTable */ .D6)(_action_summary_js__WEBPACK_IMPORTED_MODULE_8__/* .TABLE_HEADER */ .c$, rows));
        const graph = (0,_gitops_image_graph_js__WEBPACK_IMPORTED_MODULE_10__/* .graphText */ .uk)(outcome.images.map(_gitops_image_graph_js__WEBPACK_IMPORTED_MODULE_10__/* .kindOfReport */ .UL), outcome.parents);
        if (graph !== undefined)
            console.log(`\nImages built on images of this repository (each under its first parent):\n\n${graph}`);
        return 0;
    }
    catch (error) {
        console.error((0,_action_runner_js__WEBPACK_IMPORTED_MODULE_4__/* .inertLines */ .wi)(`kaniko-gitops: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .describeError */ .U)(error)}`));
        return 1;
    }
}
process.exitCode = await main(process.argv.slice(2));

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 1922:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ describeError),
/* harmony export */   d: () => (/* binding */ InputError)
/* harmony export */ });
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


/***/ }),

/***/ 3437:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Fd: () => (/* binding */ hasControlCharacter),
/* harmony export */   tJ: () => (/* binding */ inert)
/* harmony export */ });
/* unused harmony export visible */
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

/***/ 3117:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BC: () => (/* binding */ shortHash),
/* harmony export */   Ff: () => (/* binding */ limitName),
/* harmony export */   Pc: () => (/* binding */ normalizeName),
/* harmony export */   _6: () => (/* binding */ MAX_IMAGE_NAME_LENGTH),
/* harmony export */   z3: () => (/* binding */ isDns1123Label)
/* harmony export */ });
/* harmony import */ var _sha256_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6042);

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
    return (0,_sha256_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256Hex */ .f)(text).slice(0, length);
}
/** Cuts a name to `max` characters, keeping it unique with a hash of the whole name. */
function limitName(name, max = MAX_IMAGE_NAME_LENGTH) {
    if (name.length <= max)
        return name;
    const suffix = shortHash(name, 6);
    const head = name.slice(0, max - suffix.length - 1).replace(/-+$/, '');
    return `${head}-${suffix}`;
}


/***/ }),

/***/ 4213:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Jh: () => (/* binding */ isKnownPlatform),
/* harmony export */   PA: () => (/* binding */ KNOWN_PLATFORMS),
/* harmony export */   lK: () => (/* binding */ platformPodPrefix),
/* harmony export */   my: () => (/* binding */ samePlatform),
/* harmony export */   oq: () => (/* binding */ platformTag),
/* harmony export */   vc: () => (/* binding */ platformNodeSelector)
/* harmony export */ });
/* unused harmony export platformPodSuffix */
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3117);

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
    return (0,_names_js__WEBPACK_IMPORTED_MODULE_0__/* .limitName */ .Ff)(`${name}-${platformPodSuffix(platform)}`);
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


/***/ }),

/***/ 3160:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   HD: () => (/* binding */ explainRegistryHost),
/* harmony export */   JA: () => (/* binding */ canonicalRepository),
/* harmony export */   U$: () => (/* binding */ registryHost),
/* harmony export */   Xu: () => (/* binding */ explainPinnedImage),
/* harmony export */   ci: () => (/* binding */ isDockerHubHost),
/* harmony export */   lB: () => (/* binding */ explainRegistryPrefix)
/* harmony export */ });
/* unused harmony export splitTaggedReference */
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


/***/ }),

/***/ 6042:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ sha256Hex)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/** sha256 in hex; the one-shot crypto.hash (Node 21.7+) is faster than a Hash object for small inputs. */
function sha256Hex(data) {
    return typeof node_crypto__WEBPACK_IMPORTED_MODULE_0__.hash === 'function' ? node_crypto__WEBPACK_IMPORTED_MODULE_0__.hash('sha256', data, 'hex') : node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash('sha256').update(data).digest('hex');
}


/***/ }),

/***/ 1368:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   UL: () => (/* binding */ kindOfReport),
/* harmony export */   uk: () => (/* binding */ graphText)
/* harmony export */ });
/* unused harmony exports GRAPH_NODES, GRAPH_EDGES, LABEL_CHARACTERS, MERMAID_MAX_TEXT, TEXT_INDENT_LEVELS, selectGraph, mermaidLabel, mermaidChart, leftOutNote, graphMarkdown */
/* harmony import */ var _common_inert_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3437);
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
const CLASS_DEFS = (/* unused pure expression or super */ null && ([
    '  classDef built fill:#fff1b8,stroke:#d48806,stroke-width:2px,color:#222',
    '  classDef unchanged fill:#f6f8fa,stroke:#d0d7de,color:#8c959f',
]));
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
        const status = [kind !== undefined && kind !== 'unchanged' ? kind : '', also ? `also under: ${also.map(_common_inert_js__WEBPACK_IMPORTED_MODULE_0__/* .inert */ .tJ).join(', ')}` : ''];
        const detail = status.filter((s) => s !== '').join('; ');
        lines.push(`${indentOf(level)}${(0,_common_inert_js__WEBPACK_IMPORTED_MODULE_0__/* .inert */ .tJ)(name)}${detail ? ` (${detail})` : ''}`);
        for (const child of (children.get(name) ?? []).sort(compare))
            walk(child, level + 1);
    };
    const roots = [...new Set(edges.map(([parent]) => parent))].filter((name) => !under.has(name)).sort(compare);
    for (const root of roots)
        walk(root, 0);
    return lines.join('\n');
}


/***/ }),

/***/ 113:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ statusText)
/* harmony export */ });
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


/***/ }),

/***/ 8747:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   SO: () => (/* binding */ compileGlob),
/* harmony export */   xi: () => (/* binding */ compilePatterns)
/* harmony export */ });
/* unused harmony export MAX_ALTERNATIVES */
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

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 7349:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveBlockMap = __nccwpck_require__(7103);
var resolveBlockSeq = __nccwpck_require__(334);
var resolveFlowCollection = __nccwpck_require__(3142);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 3683:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Document = __nccwpck_require__(3021);
var composeNode = __nccwpck_require__(5937);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 5937:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var composeCollection = __nccwpck_require__(7349);
var composeScalar = __nccwpck_require__(5413);
var resolveEnd = __nccwpck_require__(7788);
var utilEmptyScalarPosition = __nccwpck_require__(2599);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 5413:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 9984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var directives = __nccwpck_require__(1342);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var identity = __nccwpck_require__(1127);
var composeDoc = __nccwpck_require__(3683);
var resolveEnd = __nccwpck_require__(7788);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 7103:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilFlowIndentCheck = __nccwpck_require__(4051);
var utilMapIncludes = __nccwpck_require__(1187);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 8913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 334:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var YAMLSeq = __nccwpck_require__(2223);
var resolveProps = __nccwpck_require__(4631);
var utilFlowIndentCheck = __nccwpck_require__(4051);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 7788:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 3142:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilMapIncludes = __nccwpck_require__(1187);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 6842:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var resolveEnd = __nccwpck_require__(7788);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 4631:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 9499:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 2599:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 4051:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var utilContainsNewline = __nccwpck_require__(9499);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 1187:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 3021:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var toJS = __nccwpck_require__(4043);
var Schema = __nccwpck_require__(5840);
var stringifyDocument = __nccwpck_require__(6829);
var anchors = __nccwpck_require__(1596);
var applyReviver = __nccwpck_require__(3661);
var createNode = __nccwpck_require__(2404);
var directives = __nccwpck_require__(1342);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 1596:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 3661:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 2404:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 1342:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 1464:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 8815:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var Schema = __nccwpck_require__(5840);
var errors = __nccwpck_require__(1464);
var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);
var publicApi = __nccwpck_require__(4047);
var visit = __nccwpck_require__(204);



exports.Composer = composer.Composer;
exports.Document = Document.Document;
exports.Schema = Schema.Schema;
exports.YAMLError = errors.YAMLError;
exports.YAMLParseError = errors.YAMLParseError;
exports.YAMLWarning = errors.YAMLWarning;
exports.Alias = Alias.Alias;
exports.isAlias = identity.isAlias;
exports.isCollection = identity.isCollection;
exports.isDocument = identity.isDocument;
exports.isMap = identity.isMap;
exports.isNode = identity.isNode;
exports.isPair = identity.isPair;
exports.isScalar = identity.isScalar;
exports.isSeq = identity.isSeq;
exports.Pair = Pair.Pair;
exports.Scalar = Scalar.Scalar;
exports.YAMLMap = YAMLMap.YAMLMap;
exports.YAMLSeq = YAMLSeq.YAMLSeq;
exports.CST = cst;
exports.Lexer = lexer.Lexer;
exports.LineCounter = lineCounter.LineCounter;
exports.Parser = parser.Parser;
exports.parse = publicApi.parse;
exports.parseAllDocuments = publicApi.parseAllDocuments;
exports.parseDocument = publicApi.parseDocument;
exports.stringify = publicApi.stringify;
exports.visit = visit.visit;
exports.visitAsync = visit.visitAsync;


/***/ }),

/***/ 7249:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 4065:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var visit = __nccwpck_require__(204);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 101:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 6673:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var applyReviver = __nccwpck_require__(3661);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 7165:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyPair = __nccwpck_require__(9748);
var addPairToJSMap = __nccwpck_require__(7104);
var identity = __nccwpck_require__(1127);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 3301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 4454:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyCollection = __nccwpck_require__(1212);
var addPairToJSMap = __nccwpck_require__(7104);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 2223:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyCollection = __nccwpck_require__(1212);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var toJS = __nccwpck_require__(4043);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 7104:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var log = __nccwpck_require__(7249);
var merge = __nccwpck_require__(452);
var stringify = __nccwpck_require__(2148);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 1127:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 4043:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 110:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);
var errors = __nccwpck_require__(1464);
var stringifyString = __nccwpck_require__(3069);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 1733:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 7715:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` – Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` – The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 3461:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cstScalar = __nccwpck_require__(110);
var cstStringify = __nccwpck_require__(1733);
var cstVisit = __nccwpck_require__(7715);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 361:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cst = __nccwpck_require__(3461);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 6628:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 4047:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var log = __nccwpck_require__(7249);
var identity = __nccwpck_require__(1127);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 5840:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var tags = __nccwpck_require__(18);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 7451:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLMap = __nccwpck_require__(4454);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 3632:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 1706:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLSeq = __nccwpck_require__(2223);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 6464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyString = __nccwpck_require__(3069);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 3959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 8405:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 9874:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 896:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 3559:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 18:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);
var schema = __nccwpck_require__(896);
var schema$1 = __nccwpck_require__(3559);
var binary = __nccwpck_require__(6083);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var schema$2 = __nccwpck_require__(5913);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 6083:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_buffer = __nccwpck_require__(181);
var Scalar = __nccwpck_require__(3301);
var stringifyString = __nccwpck_require__(3069);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 8398:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 5782:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 873:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 452:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 303:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var pairs = __nccwpck_require__(8385);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 8385:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLSeq = __nccwpck_require__(2223);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 5913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var binary = __nccwpck_require__(6083);
var bool = __nccwpck_require__(8398);
var float = __nccwpck_require__(5782);
var int = __nccwpck_require__(873);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 1528:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 6752:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 4475:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var identity = __nccwpck_require__(1127);
var stringifyComment = __nccwpck_require__(9799);
var stringifyString = __nccwpck_require__(3069);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 1212:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 9799:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 6829:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 8689:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 9748:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 3069:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var foldFlowLines = __nccwpck_require__(4475);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 204:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


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
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
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
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
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
/******/ 	// no install chunk
/******/ 	
/******/ 	// no chunk on demand loading
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
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(486);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ var __webpack_exports__explainRepoFolder = __webpack_exports__.aE;
/******/ var __webpack_exports__main = __webpack_exports__.iW;
/******/ var __webpack_exports__parseArgs = __webpack_exports__.Zy;
/******/ var __webpack_exports__parseRemote = __webpack_exports__.M8;
/******/ var __webpack_exports__repositoryNameOf = __webpack_exports__.fy;
/******/ export { __webpack_exports__explainRepoFolder as explainRepoFolder, __webpack_exports__main as main, __webpack_exports__parseArgs as parseArgs, __webpack_exports__parseRemote as parseRemote, __webpack_exports__repositoryNameOf as repositoryNameOf };
/******/ 
