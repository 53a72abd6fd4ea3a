/**
 * A pull request's author names the folders and files the action reads. The runner executes
 * workflow commands it finds in the log (see test/support/runner-commands.ts): whatever the names,
 * the only commands in the log of a run are the ones the action issues itself.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { run } from '../../src/action/main.js'
import { redirectLog } from '../../src/action/runner.js'
import { githubEnv, inputEnv, withEnv } from '../support/action-env.js'
import { type GitHubStandIn, startGitHubStandIn } from '../support/github-standin.js'
import { makeTree } from '../support/repo.js'
import { hostileText, parseCommandLine, runnerCommands, runnerLines } from '../support/runner-commands.js'

const TOKEN = 'workflow-token'
let gh: GitHubStandIn
let scratch: string
beforeAll(async () => {
  gh = await startGitHubStandIn()
  scratch = mkdtempSync(path.join(tmpdir(), 'log-injection-'))
})
afterAll(async () => {
  await gh.close()
  rmSync(scratch, { recursive: true, force: true })
})

interface Write {
  readonly text: string
  /** The command, when the write is one the action issues. */
  readonly command: string | undefined
}

/** Runs the action in-process on a pull request whose tree holds `files`; returns every write to the log. */
async function runOnPullRequest(files: Record<string, string>): Promise<{ writes: Write[]; exitCode: number | undefined }> {
  const repo = makeTree(files)
  const eventPath = path.join(scratch, 'event.json')
  const output = path.join(scratch, 'output')
  const summary = path.join(scratch, 'summary')
  writeFileSync(eventPath, JSON.stringify({ repository: { full_name: 'acme/shop' }, pull_request: pullRequest }))
  writeFileSync(output, '')
  writeFileSync(summary, '')
  const writes: Write[] = []
  const savedExitCode = process.exitCode
  redirectLog((text, command) => writes.push({ text, command }))
  try {
    await withEnv(
      {
        ...inputEnv({ registry: 'registry.example.com/acme', token: TOKEN }),
        ...githubEnv(repo.dir, {
          GITHUB_EVENT_NAME: 'pull_request',
          GITHUB_EVENT_PATH: eventPath,
          GITHUB_REF: 'refs/pull/7/merge',
          GITHUB_API_URL: gh.url,
          GITHUB_OUTPUT: output,
          GITHUB_STEP_SUMMARY: summary,
        }),
      },
      run,
    )
    const exitCode = process.exitCode === undefined ? undefined : Number(process.exitCode)
    return { writes, exitCode }
  } finally {
    redirectLog(undefined)
    process.exitCode = savedExitCode
    repo.cleanup()
  }
}

const pullRequest = { number: 7, base: { ref: 'main' }, head: { sha: 'e'.repeat(40), repo: { full_name: 'acme/shop' } } }

/** The action's own commands are single lines that start with the command; nothing else is a command. */
function expectOnlyOwnCommands(writes: readonly Write[]): void {
  for (const { text, command } of writes) {
    if (command !== undefined) {
      const lines = runnerLines(text)
      expect(lines, 'a command the action issues is one line').toHaveLength(1)
      expect(parseCommandLine(lines[0] as string)).toMatchObject({ syntax: '::', command })
      expect(lines[0]?.startsWith(`::${command}`)).toBe(true)
    } else {
      expect(runnerCommands(text)).toEqual([])
      // Stricter than the runner: no line even starts like a command.
      for (const line of runnerLines(text)) expect(line).not.toMatch(/^[\s\u0085]*::|##\[/)
    }
  }
}

const isName = (s: string) =>
  s !== '' && s !== '.' && s !== '..' && !s.includes('/') && !s.includes('\0') && s !== '.git' && s !== 'node_modules'

const folderName = hostileText.filter((s) => isName(s) && Buffer.byteLength(s) <= 200)

describe('the log of a run on a pull request with hostile names (property)', () => {
  it('holds no workflow command but the ones the action issues', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(folderName, { minLength: 1, maxLength: 4 }), fc.boolean(), async (names, nested) => {
        const files: Record<string, string> = { 'ok/Dockerfile': 'FROM alpine:3.20\n' }
        for (const [i, name] of names.entries()) {
          files[nested ? `ok/${name}/Dockerfile` : `${name}/Dockerfile`] = `FROM alpine:3.${i}\n`
          if (!name.startsWith('.')) files[`files/${name}.Dockerfile`] = `FROM alpine:3.${i}\n`
        }
        const { writes, exitCode } = await runOnPullRequest(files)
        expect(exitCode, writes.map((w) => w.text).join('')).toBeUndefined()
        expect(writes.some((w) => w.command === 'group' && w.text.startsWith('::group::Diff'))).toBe(true)
        expectOnlyOwnCommands(writes)
      }),
      { numRuns: 40 },
    )
  })

  it('the names of the before-stop check: skipped with a warning that shows them escaped, or listed defused', async () => {
    const { writes } = await runOnPullRequest({
      'ok/Dockerfile': 'FROM alpine:3.20\n',
      'a\n::warning::HOOK-SMOKE\nb/Dockerfile': 'FROM alpine:3.21\n',
      '::notice::HOOK-SMOKE/Dockerfile': 'FROM alpine:3.22\n',
      'x##[error]HOOK-SMOKE/Dockerfile': 'FROM alpine:3.23\n',
    })
    expectOnlyOwnCommands(writes)
    const log = writes.map((w) => w.text).join('')
    expect(log).toContain("::warning::skipped 'a%250A::warning::HOOK-SMOKE%250Ab': its name has a control character or a line separator\n")
    expect(log).toContain('\n%3A:notice::HOOK-SMOKE/Dockerfile\n')
    expect(log).toContain('\nx##%5Berror]HOOK-SMOKE/Dockerfile\n')
  })
})
