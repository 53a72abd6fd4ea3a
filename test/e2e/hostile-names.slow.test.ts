/**
 * The committed bundle on a repository whose folders are named like workflow commands, run as the
 * runner runs it (render mode, action.yml's defaults): the check a session runs before it stops,
 * as a test, and with the runner's own reading of the log besides.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { githubEnv, inputEnv } from '../support/action-env.js'
import { makeGitRepo } from '../support/repo.js'
import { nodeBinaries, runAction } from '../support/run-action.js'
import { runnerCommands } from '../support/runner-commands.js'

const scratch = mkdtempSync(path.join(tmpdir(), 'hostile-names-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const FOLDERS = [
  'ok',
  'a\n::warning::HOOK-SMOKE\nb',
  '::notice::HOOK-SMOKE',
  ' ::error::HOOK-SMOKE',
  '\u00a0::error::HOOK-SMOKE',
  'c\r::add-mask::HOOK-SMOKE',
  'd\u2028::warning::HOOK-SMOKE',
  'e\u0085::warning::HOOK-SMOKE',
  'x##[warning]HOOK-SMOKE',
  '::stop-commands::HOOK-SMOKE',
]

describe.each(nodeBinaries())('the committed dist/index.js under %s, on folders named like workflow commands', (_label, node) => {
  const repo = makeGitRepo(Object.fromEntries(FOLDERS.map((f, i) => [`${f}/Dockerfile`, `FROM alpine:3.${i}\n`])))
  afterAll(repo.cleanup)

  it('issues no command of theirs', async () => {
    const run = await runAction(
      node,
      {
        ...inputEnv({ mode: 'render', registry: 'registry.example.com/smoke', token: '' }),
        ...githubEnv(repo.dir, { GITHUB_SHA: repo.sha }),
      },
      scratch,
    )
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    // The before-stop check's own test, as it is.
    const lines = `${run.stdout}${run.stderr}`.split(/\r?\n|\r/)
    expect(lines.filter((l) => /^::[a-z-]+( [^:]*)?::HOOK-SMOKE/.test(l))).toEqual([])
    // The runner's reading: every command is one the action issues, at the start of its line.
    const commands = runnerCommands(run.stdout)
    for (const found of commands) {
      expect(['group', 'endgroup', 'warning', 'debug'], found.line).toContain(found.command)
      expect(found.line.startsWith(`::${found.command}::`)).toBe(true)
    }
    const problem = 'its name has a control character or a line separator'
    expect(commands.filter((c) => c.command === 'warning').map((c) => c.data)).toEqual([
      `skipped 'a%0A::warning::HOOK-SMOKE%0Ab': ${problem}`,
      `skipped 'c%0D::add-mask::HOOK-SMOKE': ${problem}`,
      `skipped 'd%E2%80%A8::warning::HOOK-SMOKE': ${problem}`,
      `skipped 'e%C2%85::warning::HOOK-SMOKE': ${problem}`,
    ])
    // The other names are listed, defused, and rendered.
    expect(JSON.parse(run.outputs.images as string)).toHaveLength(6)
    for (const listed of ['%3A:notice::HOOK-SMOKE', ' %3A:error::HOOK-SMOKE', '\u00a0%3A:error::HOOK-SMOKE', 'x##%5Bwarning]HOOK-SMOKE'])
      expect(lines).toContain(`${listed}/Dockerfile`)
  })
})
