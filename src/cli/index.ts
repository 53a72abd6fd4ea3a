import { execFileSync } from 'node:child_process'
import { readFileSync, type Stats, statSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { inertLines } from '../action/runner.js'
import { getSettings, type InputReader } from '../action/settings.js'
import { formatTextTable, imageRows, TABLE_HEADER } from '../action/summary.js'
import { renderRepository, writeManifest } from '../action/workspace.js'
import { describeError } from '../common/errors.js'
import { inert } from '../common/inert.js'
import type { Logger } from '../common/log.js'
import { graphText, kindOfReport } from '../gitops/image-graph.js'

/**
 * `kaniko-gitops render`: a local preview on any repository, on the action's own code path. Flags
 * are the action's inputs (`--registry docker.io/acme`); defaults come from action.yml; the
 * commit, branch and repository come from git.
 */

const USAGE = `Usage: kaniko-gitops render --registry REGISTRY [--repo DIR] [--INPUT VALUE ...]

Renders the build Pods for the Dockerfiles of DIR (default: .) into DIR/deploy/manifest.yaml.
Every input of the action is a flag (see action.yml); --repository OWNER/NAME sets the repository
the git context clones when git's origin does not name one.`

interface ActionInput {
  readonly default?: string
}

function loadInputs(): Record<string, ActionInput> {
  const action = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as { inputs: Record<string, ActionInput> }
  return action.inputs
}

function git(cwd: string, ...args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch {
    return undefined
  }
}

/** `git@github.com:acme/shop.git` or `https://github.com/acme/shop` -> server and owner/name. */
export function parseRemote(url: string): { server: string; repository: string } | undefined {
  const match = /^(?:[a-z+]+:\/\/)?(?:[^@/]+@)?([^/:]+)(?::\d+)?[:/]([^/]+\/[^/]+?)(?:\.git)?\/?$/i.exec(url)
  return match ? { server: `https://${match[1]}`, repository: match[2] as string } : undefined
}

/**
 * The repository name a folder stands for when git's origin names none: GitHub's alphabet (letters,
 * digits, `.`, `_`, `-`), accents dropped and every other run of characters one `-`, so `My Repo`
 * gives `My-Repo`.
 */
export function repositoryNameOf(folder: string): string {
  const name = path
    .basename(folder)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
  return name || 'repository'
}

/** Explains why `--repo` cannot be rendered, or returns undefined. */
export function explainRepoFolder(dir: string): string | undefined {
  let info: Stats
  try {
    info = statSync(dir)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return code === 'ENOENT' ? 'there is no such folder' : `it cannot be read (${code ?? describeError(error)})`
  }
  return info.isDirectory() ? undefined : 'it is not a folder'
}

/**
 * The command and the flags' values. Only a flag of `bare` (the boolean inputs) may come without a
 * value, and is then `true`; any other flag takes the next argument, or says that it needs one.
 */
export function parseArgs(
  argv: readonly string[],
  known: ReadonlySet<string>,
  bare: ReadonlySet<string>,
): { command: string; flags: Map<string, string[]> } {
  const flags = new Map<string, string[]>()
  let command = 'render'
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (!arg.startsWith('--')) {
      if (i === 0) {
        command = arg
        continue
      }
      throw new Error(`unexpected argument '${arg}'\n\n${USAGE}`)
    }
    const eq = arg.indexOf('=')
    const name = arg.slice(2, eq === -1 ? undefined : eq)
    if (!known.has(name))
      throw new Error(
        `unknown flag '--${name}'; expected one of: ${[...known]
          .sort()
          .map((k) => `--${k}`)
          .join(' ')}`,
      )
    let value: string
    if (eq !== -1) value = arg.slice(eq + 1)
    else if (i + 1 < argv.length && !(argv[i + 1] as string).startsWith('--')) value = argv[++i] as string
    else if (bare.has(name)) value = 'true'
    else throw new Error(`--${name} needs a value: --${name} VALUE, or --${name}=VALUE ('--${name}=' for an empty one)`)
    flags.set(name, [...(flags.get(name) ?? []), value])
  }
  return { command, flags }
}

// The command line may run in a workflow too, where the runner reads its output for commands.
const consoleLogger: Logger = {
  info: (message) => console.log(inertLines(message).replace(/^/gm, '  ')),
  warning: (message) => console.warn(inertLines(`warning: ${message}`)),
  async group(name, fn) {
    console.log(`${name}`)
    return fn()
  },
}

/**
 * Reads an input from its flags (several of one flag are lines of one input), else from its default
 * in action.yml. `path` is the folder of `--repo` in its repository (`folder`), and `--mode auto` is
 * render: the command line does nothing else.
 */
function flagReader(inputs: Record<string, ActionInput>, flags: ReadonlyMap<string, string[]>, folder: string): InputReader {
  const values = new Map<string, string>()
  for (const [name, input] of Object.entries(inputs)) {
    // Expression defaults such as ${{ github.token }} mean nothing outside a runner.
    const fallback = (input.default ?? '').includes('${{') ? '' : (input.default ?? '')
    values.set(name, flags.get(name)?.join('\n') ?? fallback)
  }
  const mode = (values.get('mode') ?? '').trim()
  if (mode !== 'auto' && mode !== 'render') throw new Error(`--mode ${mode}: the command line only renders`)
  values.set('mode', 'render')
  values.set('path', folder)
  return (name) => (values.get(name) ?? '').trim()
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    if (argv.includes('--help') || argv.includes('-h')) {
      console.log(USAGE)
      return 0
    }
    const inputs = loadInputs()
    // The boolean inputs (default true or false) may be bare flags: `--force-build`.
    const booleans = Object.keys(inputs).filter((name) => ['true', 'false'].includes(inputs[name]?.default ?? ''))
    const { command, flags } = parseArgs(
      argv,
      new Set([...Object.keys(inputs), 'repo', 'repository', 'help']),
      new Set([...booleans, 'help']),
    )
    if (command !== 'render') throw new Error(`unknown command '${command}'; expected render\n\n${USAGE}`)

    const repoFlag = flags.get('repo')?.at(-1) ?? '.'
    const repoDir = path.resolve(repoFlag)
    const repoProblem = explainRepoFolder(repoDir)
    if (repoProblem) throw new Error(`--repo '${repoFlag}': ${repoProblem} (expected the folder of a git checkout)`)
    const top = git(repoDir, 'rev-parse', '--show-toplevel') ?? repoDir
    const remote = parseRemote(git(repoDir, 'remote', 'get-url', 'origin') ?? '')
    const branch = git(repoDir, 'symbolic-ref', '--short', 'HEAD')
    const sha = git(repoDir, 'rev-parse', '--verify', '--quiet', 'HEAD^{commit}')
    // The git context pins a commit: say so here rather than through the runner's GITHUB_SHA.
    if (sha === undefined && (flags.get('context')?.at(-1) ?? inputs.context?.default) !== 'local') {
      throw new Error(
        `--repo '${repoFlag}' has no commit to render (it is not a git checkout, or nothing is committed yet): the git context pins the commit kaniko clones. Commit first, or pass --context local.`,
      )
    }
    const vars: Record<string, string> = {
      GITHUB_WORKSPACE: top,
      GITHUB_SHA: sha ?? '',
      GITHUB_REF: branch ? `refs/heads/${branch}` : '',
      GITHUB_REPOSITORY: flags.get('repository')?.at(-1) ?? remote?.repository ?? `local/${repositoryNameOf(top)}`,
      GITHUB_SERVER_URL: remote?.server ?? 'https://github.com',
      GITHUB_EVENT_NAME: 'local',
    }
    const folder = path.relative(top, repoDir).split(path.sep).join('/') || '.'
    const settings = getSettings(flagReader(inputs, flags, folder), { ...process.env, ...vars })
    const outcome = await renderRepository(settings, consoleLogger)
    await writeManifest(settings, outcome, consoleLogger)
    console.log(
      `\n${path.relative(process.cwd(), settings.outputPath) || settings.outputPath}: ${outcome.changed ? 'written' : 'unchanged'}, ${outcome.images.length} image(s)\n`,
    )
    const rows = imageRows(outcome).map((row) => row.map(inert))
    console.log(formatTextTable(TABLE_HEADER, rows))
    const graph = graphText(outcome.images.map(kindOfReport), outcome.parents)
    if (graph !== undefined) console.log(`\nImages built on images of this repository (each under its first parent):\n\n${graph}`)
    return 0
  } catch (error) {
    console.error(inertLines(`kaniko-gitops: ${describeError(error)}`))
    return 1
  }
}

process.exitCode = await main(process.argv.slice(2))
