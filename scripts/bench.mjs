// Benchmark: the action (the committed dist/index.js, render mode) against the cost floor, measured
// side by side in one run, alternating, several runs each; medians and ratios printed.
//
//   npm run bench -- [--services 1000] [--files 60] [--file-bytes 1536] [--node-modules 3000]
//                    [--runs 5] [--small 10] [--node PATH] [--check] [--cpu-prof DIR]
//
// Exits non-zero only with --check and a missed target, so CI can run a quick version.
import { execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

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
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const next = () => {
      const v = argv[++i]
      if (v === undefined) throw new Error(`${arg} needs a value`)
      return v
    }
    if (arg === '--check') opts.check = true
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

const opts = parseArgs(process.argv.slice(2))
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
    ],
    opts.check,
  )
  console.log(
    `\nfixed cost: node -e 0 ${s(nodeStart)}; node + loading the bundle ${s(startOnly)} (${(startOnly / floor).toFixed(2)}x the floor before any work)`,
  )
  console.log(
    `node alone doing the unavoidable I/O of hash: dockerfile (walk, read and hash the Dockerfiles and the manifest): ${s(nodeIo)}, ${(nodeIo / floor).toFixed(2)}x the floor; the action is ${(action / nodeIo).toFixed(2)}x that`,
  )
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
