// Benchmark: the action (the committed dist/index.js, render mode) against the cost floor, measured
// side by side in one run, alternating, several runs each; medians and ratios printed. Then diff mode
// on pull requests where every Pod changes, at a tenth, three tenths and all of --services. Last, a
// model of the build time of a docker-stacks-shaped repository under each `ordering`
// (scripts/makespan.mjs), on the graph the action renders; --ordering-only prints just that.
//
//   npm run bench -- [--services 1000] [--files 60] [--file-bytes 1536] [--node-modules 3000]
//                    [--runs 5] [--small 10] [--node PATH] [--check] [--cpu-prof DIR] [--ordering-only]
//
// Exits non-zero only with --check and a missed target, so CI can run a quick version.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { availableParallelism, tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse, parseAllDocuments } from 'yaml'
import { blockedBy, schedule } from './makespan.mjs'

const PROJECT = fileURLToPath(new URL('..', import.meta.url))
const BUNDLE = path.join(PROJECT, 'dist', 'index.js')

function parseArgs(argv) {
  const opts = {
    services: 1000,
    files: 60,
    fileBytes: 1536,
    nodeModules: 3000,
    runs: 5,
    small: 10,
    node: process.execPath,
    check: false,
    cpuProf: '',
    orderingOnly: false,
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const next = () => {
      const v = argv[++i]
      if (v === undefined) throw new Error(`${arg} needs a value`)
      return v
    }
    if (arg === '--check') opts.check = true
    else if (arg === '--ordering-only') opts.orderingOnly = true
    else if (arg === '--services') opts.services = Number(next())
    else if (arg === '--files') opts.files = Number(next())
    else if (arg === '--file-bytes') opts.fileBytes = Number(next())
    else if (arg === '--node-modules') opts.nodeModules = Number(next())
    else if (arg === '--runs') opts.runs = Number(next())
    else if (arg === '--small') opts.small = Number(next())
    else if (arg === '--node') opts.node = next().includes('/') ? path.resolve(argv[i]) : argv[i]
    else if (arg === '--cpu-prof') opts.cpuProf = path.resolve(next())
    else throw new Error(`unknown argument ${arg}`)
  }
  return opts
}

/** Deterministic file content of a given size. */
function content(seed, bytes) {
  let text = ''
  let i = 0
  while (text.length < bytes) text += createHash('sha256').update(`${seed}:${i++}`).digest('hex')
  return `${text.slice(0, bytes - 1)}\n`
}

/** A monorepo: services with a Dockerfile and source files each, and a node_modules tree. */
function generate(dir, { services, files, fileBytes, nodeModules }) {
  const marker = path.join(dir, '.complete')
  if (existsSync(marker)) return
  rmSync(dir, { recursive: true, force: true })
  for (let s = 0; s < services; s++) {
    const svc = path.join(dir, 'services', `group-${s % 20}`, `svc-${s}`)
    mkdirSync(path.join(svc, 'src'), { recursive: true })
    writeFileSync(
      path.join(svc, 'Dockerfile'),
      `FROM node:24-alpine\nWORKDIR /app\nCOPY src ./src\n# service ${s}\nCMD ["node", "src/f0.js"]\n`,
    )
    for (let f = 0; f < files; f++) writeFileSync(path.join(svc, 'src', `f${f}.js`), content(`${s}/${f}`, fileBytes))
  }
  for (let m = 0; m < nodeModules; m++) {
    const pkg = path.join(dir, 'node_modules', `pkg-${Math.floor(m / 10)}`)
    mkdirSync(pkg, { recursive: true })
    writeFileSync(path.join(pkg, m % 10 === 0 ? 'Dockerfile' : `f${m}.js`), content(`nm/${m}`, fileBytes))
  }
  // A git repository, as a checkout is: the context floor lists its files with git.
  writeFileSync(path.join(dir, '.gitignore'), 'node_modules/\ndeploy/\n')
  const git = (...args) =>
    execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', '-c', 'gc.auto=0', ...args], {
      cwd: dir,
      stdio: 'ignore',
    })
  git('init', '-q')
  git('add', '-A')
  git('commit', '-q', '-m', 'bench')
  // Packed, as a clone is: 64,000 loose objects would slow the find floor down.
  git('gc', '--quiet')
  writeFileSync(marker, '')
}

/** A repository whose images all build on one of its own: a change of base/Dockerfile changes every Pod. */
function generateShared(dir, services) {
  const marker = path.join(dir, '.complete')
  if (existsSync(marker)) return
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(path.join(dir, 'base'), { recursive: true })
  writeFileSync(path.join(dir, 'base', 'Dockerfile'), 'FROM alpine:3.22\n')
  for (let s = 0; s < services; s++) {
    const svc = path.join(dir, 'services', `svc-${s}`)
    mkdirSync(svc, { recursive: true })
    writeFileSync(
      path.join(svc, 'Dockerfile'),
      `ARG BASE_IMAGE=registry.example.com/acme/base\nFROM $BASE_IMAGE\nCOPY . /app\n# service ${s}\n`,
    )
  }
  writeFileSync(marker, '')
}

/**
 * The part of GitHub's REST API diff mode uses, on 127.0.0.1: the base manifest (over 1 MB without
 * its content, then as a blob, as GitHub does) and the comments of pull request #1. Returns the
 * server and what it was sent.
 */
async function githubStandIn(manifestPath, base) {
  const seen = { comment: '' }
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1')
    const send = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    let body = ''
    req.on('data', (chunk) => {
      body += chunk
    })
    req.on('end', () => {
      const large = Buffer.byteLength(base) > 1024 * 1024
      if (req.method === 'GET' && decodeURIComponent(url.pathname) === `/repos/acme/monorepo/contents/${manifestPath}`)
        send(200, {
          type: 'file',
          sha: 'b'.repeat(40),
          encoding: large ? 'none' : 'base64',
          content: large ? '' : Buffer.from(base).toString('base64'),
        })
      else if (req.method === 'GET' && url.pathname === `/repos/acme/monorepo/git/blobs/${'b'.repeat(40)}`)
        send(200, { sha: 'b'.repeat(40), encoding: 'base64', content: Buffer.from(base).toString('base64') })
      else if (req.method === 'GET' && url.pathname === '/repos/acme/monorepo/issues/1/comments') send(200, [])
      else if (req.method === 'POST' && url.pathname === '/repos/acme/monorepo/issues/1/comments') {
        seen.comment = JSON.parse(body).body
        send(201, { id: 1, body: seen.comment })
      } else send(404, { message: 'Not Found' })
    })
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, url: `http://127.0.0.1:${server.address().port}`, seen }
}

/** Like time(), for a child that talks to a server in this process. */
function timeAsync(command, args, options) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint()
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options })
    let output = ''
    child.stdout.on('data', (chunk) => {
      // The action reports failures on stdout, as workflow commands.
      for (const line of String(chunk).split('\n')) if (line.startsWith('::error')) output += `${line}\n`
    })
    child.stderr.on('data', (chunk) => {
      output += chunk
    })
    child.on('error', reject)
    child.on('close', (status) => {
      if (status === 0) resolve(Number(process.hrtime.bigint() - start) / 1e9)
      else reject(new Error(`${command} ${args.join(' ')} failed (${status}): ${output}`))
    })
  })
}

/**
 * Diff mode on a pull request that changes the shared base: every Pod changes. The base branch's
 * manifest is the render before the change. Returns median seconds, max RSS (MB), and the sizes of
 * the comment (characters) and of the job summary (bytes), with the comment's table rows.
 */
async function diffMode(dir, services, { node, runs, scratch, rssHook, rssFile }) {
  generateShared(dir, services)
  const env = actionEnv(dir, scratch)
  const manifest = path.join(dir, 'deploy', 'manifest.yaml')
  const baseFile = path.join(dir, 'base', 'Dockerfile')
  const original = readFileSync(baseFile)
  rmSync(manifest, { force: true })
  time(node, [BUNDLE], { env, cwd: dir })
  const base = readFileSync(manifest, 'utf8')
  const standIn = await githubStandIn('deploy/manifest.yaml', base)
  const event = path.join(scratch, 'event.json')
  writeFileSync(
    event,
    JSON.stringify({
      repository: { full_name: 'acme/monorepo', default_branch: 'main' },
      pull_request: { number: 1, base: { ref: 'main' }, head: { sha: 'e'.repeat(40), repo: { full_name: 'acme/monorepo' } } },
    }),
  )
  const diffEnv = {
    ...env,
    INPUT_MODE: 'diff',
    INPUT_TOKEN: 'bench-token',
    GITHUB_API_URL: standIn.url,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_REF: 'refs/pull/1/merge',
    GITHUB_SHA: 'e'.repeat(40),
  }
  try {
    writeFileSync(baseFile, Buffer.concat([original, Buffer.from('RUN echo changed\n')]))
    const seconds = []
    let rss = 0
    // No warm-up run: the render of the base just read the same files.
    for (let i = 0; i < runs; i++) {
      writeFileSync(env.GITHUB_STEP_SUMMARY, '')
      seconds.push(await timeAsync(node, ['--import', rssHook, BUNDLE], { env: diffEnv, cwd: dir }))
      rss = Math.max(rss, Number(readFileSync(rssFile, 'utf8')) / 1024)
    }
    const comment = standIn.seen.comment
    const summary = readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8')
    // Table rows: lines that start a cell, but for the header and the delimiter row.
    const rows = (md) => md.split('\n').filter((l) => /^\| [^-]/.test(l)).length - 1
    return {
      seconds: median(seconds),
      rss,
      comment: comment.length,
      summary: Buffer.byteLength(summary),
      rows: [rows(comment), rows(summary)],
    }
  } finally {
    writeFileSync(baseFile, original)
    standIn.server.close()
  }
}

/** INPUT_* as the runner sets them: action.yml's defaults (expressions left empty), then ours. */
function actionEnv(repo, scratch) {
  const action = parse(readFileSync(path.join(PROJECT, 'action.yml'), 'utf8'))
  const inputs = {}
  for (const [name, input] of Object.entries(action.inputs)) {
    const value = String(input.default ?? '')
    inputs[`INPUT_${name.toUpperCase()}`] = value.includes('${{') ? '' : value
  }
  return {
    PATH: process.env.PATH,
    HOME: scratch,
    ...inputs,
    INPUT_MODE: 'render',
    INPUT_HASH: 'dockerfile',
    INPUT_REGISTRY: 'registry.example.com/acme',
    INPUT_DOCKERFILES: 'Dockerfile',
    GITHUB_WORKSPACE: repo,
    GITHUB_REPOSITORY: 'acme/monorepo',
    GITHUB_SHA: 'a'.repeat(40),
    GITHUB_REF: 'refs/heads/main',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_OUTPUT: path.join(scratch, 'output'),
    // As on a runner: the job summary is written too.
    GITHUB_STEP_SUMMARY: path.join(scratch, 'summary'),
  }
}

/** Runs a command; returns wall seconds. */
function time(command, args, options = {}) {
  const start = process.hrtime.bigint()
  const result = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options })
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  if (result.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status}): ${result.stderr}${result.stdout
        .split('\n')
        .filter((l) => l.startsWith('::error'))
        .join('\n')}`,
    )
  return seconds
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/** Alternates `a` and `b` `runs` times (after one warm-up each); returns their medians. */
function sideBySide(runs, a, b) {
  a()
  b()
  const ta = []
  const tb = []
  for (let i = 0; i < runs; i++) {
    ta.push(a())
    tb.push(b())
  }
  return [median(ta), median(tb)]
}

function report(rows, check) {
  let failed = 0
  for (const row of rows) {
    const ok = row.value <= row.target
    if (!ok) failed++
    console.log(`${ok ? 'ok  ' : 'MISS'}  ${row.name.padEnd(52)} ${row.detail.padEnd(40)} ${row.ratio}  (target ${row.targetText})`)
  }
  if (check && failed > 0) {
    console.error(`${failed} target(s) missed`)
    process.exitCode = 1
  }
}

/**
 * Build minutes of a docker-stacks-shaped repository (jupyter/docker-stacks: each image FROM its
 * parent, through ARG BASE_IMAGE as there), as given for the model, not measured.
 */
const STACKS = {
  'docker-stacks-foundation': ['', 3],
  'base-notebook': ['docker-stacks-foundation', 4],
  'minimal-notebook': ['base-notebook', 5],
  'scipy-notebook': ['minimal-notebook', 12],
  'pytorch-notebook': ['scipy-notebook', 20],
  'tensorflow-notebook': ['scipy-notebook', 18],
  'r-notebook': ['scipy-notebook', 15],
  'julia-notebook': ['scipy-notebook', 10],
  'datascience-notebook': ['scipy-notebook', 25],
  'pyspark-notebook': ['scipy-notebook', 8],
  'all-spark-notebook': ['pyspark-notebook', 6],
}

/**
 * Renders the STACKS repository with the bundle under both orderings, reads the graph from the Pods
 * (the parents the check waits for; the sync waves), and prints the model's makespans and what a
 * failed build holds up under each.
 */
function printOrderingModel(node) {
  const dir = mkdtempSync(path.join(tmpdir(), 'kaniko-gitops-stacks-'))
  try {
    for (const [name, [parent]] of Object.entries(STACKS)) {
      mkdirSync(path.join(dir, 'images', name), { recursive: true })
      const from =
        parent === ''
          ? 'ARG ROOT_IMAGE=ubuntu:24.04\nFROM $ROOT_IMAGE\n'
          : `ARG REGISTRY=quay.io\nARG OWNER=jupyter\nARG BASE_IMAGE=$REGISTRY/$OWNER/${parent}\nFROM $BASE_IMAGE\n`
      writeFileSync(path.join(dir, 'images', name, 'Dockerfile'), `${from}RUN echo ${name}\n`)
    }
    writeFileSync(path.join(dir, 'output'), '')
    writeFileSync(path.join(dir, 'summary'), '')
    const pods = (ordering) => {
      const env = { ...actionEnv(dir, dir), INPUT_REGISTRY: 'quay.io/jupyter', INPUT_ORDERING: ordering }
      time(node, [BUNDLE], { env, cwd: dir })
      const docs = parseAllDocuments(readFileSync(path.join(dir, 'deploy', 'manifest.yaml'), 'utf8')).map((d) => d.toJS())
      return new Map(docs.filter((d) => d?.kind === 'Pod').map((p) => [p.metadata.labels['app.kubernetes.io/name'], p]))
    }
    const waiting = pods('registry')
    const waves = pods('sync-waves')
    const images = {}
    for (const [name, [, minutes]] of Object.entries(STACKS)) {
      const env = waiting.get(name).spec.initContainers[0].env.find((e) => e.name === 'PARENT_IMAGES')
      const parents = env ? env.value.split(' ').map((ref) => ref.slice(ref.lastIndexOf('/') + 1, ref.lastIndexOf(':'))) : []
      images[name] = { parents, wave: Number(waves.get(name).metadata.annotations['argocd.argoproj.io/sync-wave'] ?? 0), minutes }
    }
    if (Object.values(images).every((i) => i.parents.length === 0))
      throw new Error(`${BUNDLE} renders no parents to wait for: npm run package`)
    const registry = schedule(images, 'registry')
    const synced = schedule(images, 'sync-waves')
    console.log(
      `\nordering model, docker-stacks-shaped graph (${Object.keys(images).length} images; build minutes as given: ${Object.values(STACKS)
        .map(([, m]) => m)
        .join(', ')}):`,
    )
    console.log(
      `  makespan: registry ${registry.makespan} min, sync-waves ${synced.makespan} min; registry's waiting children hold ${registry.waitingPodMinutes} Pod-minutes`,
    )
    const ready = (sched, name) => sched.starts.get(name) + images[name].minutes
    const sooner = Object.keys(images).filter((name) => ready(registry, name) < ready(synced, name))
    console.log(
      `  ready sooner under registry: ${sooner.map((n) => `${n} at ${ready(registry, n)} min (not ${ready(synced, n)})`).join(', ') || 'none'}`,
    )
    for (const failed of ['r-notebook', 'pytorch-notebook', 'pyspark-notebook']) {
      const show = (ordering) => blockedBy(images, ordering, failed).join(', ') || 'nothing'
      console.log(`  ${failed} fails: registry holds up ${show('registry')}; sync-waves holds up ${show('sync-waves')}`)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const opts = parseArgs(process.argv.slice(2))
if (opts.orderingOnly) {
  printOrderingModel(opts.node)
  process.exit()
}
const cacheRoot = path.join(PROJECT, '.bench')
const large = path.join(cacheRoot, `repo-${opts.services}x${opts.files}x${opts.fileBytes}-nm${opts.nodeModules}`)
const small = path.join(cacheRoot, `small-${opts.small}`)
const scratch = mkdtempSync(path.join(tmpdir(), 'kaniko-gitops-bench-'))
try {
  console.log(`generating (cached in ${path.relative(PROJECT, cacheRoot)}/) ...`)
  generate(large, opts)
  generate(small, { services: opts.small, files: 3, fileBytes: 512, nodeModules: 0 })
  const fileCount = Number(execFileSync('sh', ['-c', `find "${large}" -type f | wc -l`], { encoding: 'utf8' }).trim())
  const bytes = Number(execFileSync('du', ['-sb', large], { encoding: 'utf8' }).split('\t')[0])
  console.log(
    `large repo: ${fileCount} files, ${(bytes / 1e6).toFixed(0)} MB, ${opts.services} Dockerfiles (+${opts.nodeModules / 10} in node_modules); node ${execFileSync(opts.node, ['--version'], { encoding: 'utf8' }).trim()}; ${availableParallelism()} cores; ${opts.runs} runs each\n`,
  )

  writeFileSync(path.join(scratch, 'output'), '')
  writeFileSync(path.join(scratch, 'summary'), '')
  const env = actionEnv(large, scratch)
  const rssFile = path.join(scratch, 'rss')
  writeFileSync(
    path.join(scratch, 'rss.mjs'),
    `import { writeFileSync } from 'node:fs'\nprocess.on('exit', () => writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)))\n`,
  )
  // Steady state: the manifest this version writes is present, and no input changed since.
  const manifest = path.join(large, 'deploy', 'manifest.yaml')
  rmSync(manifest, { force: true })
  rmSync(path.join(large, 'deploy', 'context.yaml'), { force: true })
  time(opts.node, [BUNDLE], { env, cwd: large })

  const findFloor = () =>
    time('sh', ['-c', `find "${large}" -name node_modules -prune -o -name Dockerfile -print0 | xargs -0 sha256sum > /dev/null`])
  const [action, floor] = sideBySide(opts.runs, () => time(opts.node, [BUNDLE], { env, cwd: large }), findFloor)

  // One Dockerfile changed: each run starts from the manifest rendered before the change, plans every
  // image, renders one Pod anew and writes the file.
  const edited = path.join(large, 'services', 'group-0', 'svc-0', 'Dockerfile')
  const original = readFileSync(edited)
  let changedAction
  let changedFloor
  try {
    writeFileSync(edited, Buffer.concat([original, Buffer.from('# changed\n')]))
    time(opts.node, [BUNDLE], { env, cwd: large })
    const before = readFileSync(manifest)
    writeFileSync(edited, original)
    ;[changedAction, changedFloor] = sideBySide(
      opts.runs,
      () => {
        writeFileSync(manifest, before)
        return time(opts.node, [BUNDLE], { env, cwd: large })
      },
      findFloor,
    )
  } finally {
    writeFileSync(edited, original)
    time(opts.node, [BUNDLE], { env, cwd: large })
  }
  const contextEnv = { ...env, INPUT_HASH: 'context', INPUT_OUTPUT: 'deploy/context.yaml' }
  time(opts.node, [BUNDLE], { env: contextEnv, cwd: large })
  const cores = availableParallelism()
  const [contextAction, contextFloor] = sideBySide(
    opts.runs,
    () => time(opts.node, [BUNDLE], { env: contextEnv, cwd: large }),
    () => time('sh', ['-c', `cd "${large}" && git ls-files -z | xargs -0 -P${cores} sha256sum > /dev/null`]),
  )
  const smallEnv = actionEnv(small, scratch)
  time(opts.node, [BUNDLE], { env: smallEnv, cwd: small })
  const [smallAction, nodeStart] = sideBySide(
    opts.runs,
    () => time(opts.node, [BUNDLE], { env: smallEnv, cwd: small }),
    () => time(opts.node, ['-e', '0']),
  )
  // The fixed part: Node plus loading the bundle, which then stops at an input error.
  const startEnv = { ...smallEnv, INPUT_MODE: 'bench-stops-here' }
  const startOnly = (() => {
    const runs = []
    for (let i = 0; i < opts.runs; i++) {
      const t0 = process.hrtime.bigint()
      spawnSync(opts.node, [BUNDLE], { env: startEnv, stdio: 'ignore' })
      runs.push(Number(process.hrtime.bigint() - t0) / 1e9)
    }
    return median(runs)
  })()
  // What Node needs at the least for the same job (scripts/node-io.mjs).
  const nodeOnly = path.join(PROJECT, 'scripts', 'node-io.mjs')
  time(opts.node, [nodeOnly, large])
  const nodeIo = median(Array.from({ length: opts.runs }, () => time(opts.node, [nodeOnly, large])))
  time(opts.node, ['--import', path.join(scratch, 'rss.mjs'), BUNDLE], { env, cwd: large })
  const rssDockerfile = Number(readFileSync(rssFile, 'utf8')) / 1024
  time(opts.node, ['--import', path.join(scratch, 'rss.mjs'), BUNDLE], { env: contextEnv, cwd: large })
  const rssContext = Number(readFileSync(rssFile, 'utf8')) / 1024
  const rssMb = Math.max(rssDockerfile, rssContext)
  // Diff mode, every Pod changed, at a tenth, three tenths and all of --services: the growth shows.
  // The two smaller sizes get a third of the runs, which keeps the quick version in CI quick.
  const diffSizes = [Math.max(1, Math.round(opts.services / 10)), Math.max(1, Math.round((opts.services * 3) / 10)), opts.services]
  const diffs = []
  for (const n of diffSizes) {
    const runs = n === opts.services ? opts.runs : Math.ceil(opts.runs / 3)
    const hook = { node: opts.node, runs, scratch, rssHook: path.join(scratch, 'rss.mjs'), rssFile }
    diffs.push(await diffMode(path.join(cacheRoot, `shared-${n}`), n, hook))
  }
  const [diffSmall, diffMid, diffLarge] = diffs
  if (opts.cpuProf) {
    time(opts.node, ['--cpu-prof', '--cpu-prof-dir', opts.cpuProf, BUNDLE], { env, cwd: large })
    console.log(`CPU profile of one large run written to ${opts.cpuProf}`)
  }

  const s = (x) => `${x.toFixed(3)} s`
  report(
    [
      {
        name: `render, hash: dockerfile, ${opts.services} Dockerfiles, steady state`,
        detail: `${s(action)} vs find+sha256sum ${s(floor)}`,
        value: action / floor,
        target: 2,
        ratio: `${(action / floor).toFixed(2)}x`,
        targetText: '<= 2x',
      },
      {
        name: `render, hash: dockerfile, ${opts.services} Dockerfiles, one changed`,
        detail: `${s(changedAction)} vs find+sha256sum ${s(changedFloor)}`,
        value: changedAction / changedFloor,
        target: 2,
        ratio: `${(changedAction / changedFloor).toFixed(2)}x`,
        targetText: '<= 2x',
      },
      {
        name: `render, hash: context, ${opts.services} contexts, steady state`,
        detail: `${s(contextAction)} vs git ls-files+sha256sum -P${cores} ${s(contextFloor)}`,
        value: contextAction / contextFloor,
        target: 1.5,
        ratio: `${(contextAction / contextFloor).toFixed(2)}x`,
        targetText: '<= 1.5x',
      },
      {
        name: 'render, small repo',
        detail: `${s(smallAction)} vs node -e 0 ${s(nodeStart)}`,
        value: smallAction / nodeStart,
        target: 3,
        ratio: `${(smallAction / nodeStart).toFixed(2)}x`,
        targetText: '<= 3x',
      },
      {
        name: `peak memory, ${opts.services} Dockerfiles`,
        detail: `${rssMb.toFixed(0)} MB max RSS (dockerfile ${rssDockerfile.toFixed(0)}, context ${rssContext.toFixed(0)})`,
        value: rssMb,
        target: 150,
        ratio: `${rssMb.toFixed(0)} MB`,
        targetText: '< 150 MB',
      },
      {
        name: `diff mode, ${opts.services} Pods all changed (shared base image)`,
        detail: `${s(diffLarge.seconds)}, ${diffLarge.rss.toFixed(0)} MB max RSS`,
        value: diffLarge.seconds,
        target: 2,
        ratio: s(diffLarge.seconds),
        targetText: '< 2 s',
      },
      {
        name: `peak memory, diff mode, ${opts.services} Pods changed`,
        detail: `${diffLarge.rss.toFixed(0)} MB max RSS`,
        value: diffLarge.rss,
        target: 200,
        ratio: `${diffLarge.rss.toFixed(0)} MB`,
        targetText: '< 200 MB',
      },
      {
        name: `diff mode growth, ${diffSizes.join(' / ')} Pods changed`,
        detail: `${s(diffSmall.seconds)} / ${s(diffMid.seconds)} / ${s(diffLarge.seconds)}`,
        value: diffLarge.seconds / diffSmall.seconds,
        target: opts.services / diffSizes[0],
        ratio: `${(diffLarge.seconds / diffSmall.seconds).toFixed(2)}x`,
        targetText: `<= ${(opts.services / diffSizes[0]).toFixed(0)}x: linear`,
      },
      {
        name: `diff mode, ${opts.services} Pods changed: comment and summary size`,
        detail: `comment ${diffLarge.comment} chars, ${diffLarge.rows[0]} rows; summary ${diffLarge.summary} B, ${diffLarge.rows[1]} rows`,
        value: Math.max(diffLarge.comment / 65536, diffLarge.summary / 1048576),
        target: 1,
        ratio: `${(100 * Math.max(diffLarge.comment / 65536, diffLarge.summary / 1048576)).toFixed(0)} %`,
        targetText: '<= 100 % of 65,536 chars and 1 MiB',
      },
    ],
    opts.check,
  )
  console.log(
    `\nfixed cost: node -e 0 ${s(nodeStart)}; node + loading the bundle ${s(startOnly)} (${(startOnly / floor).toFixed(2)}x the floor before any work)`,
  )
  console.log(
    `node alone doing the unavoidable I/O of hash: dockerfile (walk, read and hash the Dockerfiles and the manifest): ${s(nodeIo)}, ${(nodeIo / floor).toFixed(2)}x the floor; the action is ${(action / nodeIo).toFixed(2)}x that`,
  )
  printOrderingModel(opts.node)
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
