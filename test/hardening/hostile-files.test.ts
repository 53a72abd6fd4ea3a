/**
 * Files a pull request can commit (or a workflow step can make) that would hold or sink a job that
 * reads them naively: each run of the committed bundle is a child process with a deadline and a memory
 * bound, so that a failing case fails in seconds instead of eating the machine (a `.dockerignore`
 * linked to /dev/zero) or waiting forever (a FIFO, a rule made to backtrack).
 */
import { spawn } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { githubEnv, inputEnv } from '../support/action-env.js'
import { git, makeGitRepo, makeTree, type Tree } from '../support/repo.js'
import { BUNDLE } from '../support/run-action.js'

const DEADLINE_MS = 30_000
const MAX_RSS_KB = 1024 * 1024

interface BoundedRun {
  status: number | null
  stdout: string
  /** Why the run was stopped, if it was. */
  stopped?: string
}

/** The resident memory of a process in KiB, from /proc (0 once it is gone). */
function rssKb(pid: number): number {
  try {
    return Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0)
  } catch {
    return 0
  }
}

/** Runs the bundle in render mode on `dir`, stopping it past the deadline or the memory bound. */
function runBounded(dir: string, inputs: Record<string, string> = {}, github: Record<string, string> = {}): Promise<BoundedRun> {
  return new Promise((resolve, reject) => {
    const env = { ...inputEnv({ mode: 'render', registry: 'registry.example.com/acme', token: '', ...inputs }), ...githubEnv(dir, github) }
    const child = spawn(process.execPath, ['--max-old-space-size=256', BUNDLE], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', HOME: dir, ...env },
      stdio: ['ignore', 'pipe', 'ignore'],
    })
    let stdout = ''
    let stopped: string | undefined
    child.stdout.on('data', (d: Buffer) => {
      stdout += d
    })
    const stop = (why: string) => {
      stopped ??= why
      child.kill('SIGKILL')
    }
    const deadline = setTimeout(() => stop(`still running after ${DEADLINE_MS} ms`), DEADLINE_MS)
    const watch = setInterval(() => {
      const rss = child.pid === undefined ? 0 : rssKb(child.pid)
      if (rss > MAX_RSS_KB) stop(`more than ${MAX_RSS_KB / 1024} MiB resident (${Math.round(rss / 1024)} MiB)`)
    }, 50)
    child.on('error', reject)
    child.on('close', (status) => {
      clearTimeout(deadline)
      clearInterval(watch)
      resolve({ status, stdout, ...(stopped ? { stopped } : {}) })
    })
  })
}

const TWO: Tree = {
  'services/api/Dockerfile': 'FROM alpine:3.20\n',
  'services/web/Dockerfile': 'FROM nginx:1.27\n',
}
const OUT = 'it is a symlink that leads out of the repository, and nothing outside it is read'

describe('the bundle on hostile files, bounded in time and memory', () => {
  it('a .dockerignore linked to /dev/zero in the working tree: refused at once', async () => {
    const repo = makeTree({ ...TWO, 'services/api/.dockerignore': { symlink: '/dev/zero' } })
    try {
      const run = await runBounded(repo.dir)
      expect(run.stopped).toBeUndefined()
      expect(run.status).toBe(1)
      expect(run.stdout).toContain(`cannot read the ignore file 'services/api/.dockerignore': ${OUT}`)
    } finally {
      repo.cleanup()
    }
  }, 60_000)

  it('a .dockerignore linked to /dev/zero in the commit (context: git): refused at once', async () => {
    const repo = makeGitRepo({ ...TWO, 'services/web/Dockerfile.dockerignore': { symlink: '/dev/zero' } })
    try {
      expect(git(repo.dir, 'ls-files', '-s', 'services/web/Dockerfile.dockerignore')).toMatch(/^120000 /)
      const run = await runBounded(repo.dir, {}, { GITHUB_SHA: repo.sha })
      expect(run.stopped).toBeUndefined()
      expect(run.status).toBe(1)
      expect(run.stdout).toContain(`cannot read the ignore file 'services/web/Dockerfile.dockerignore': ${OUT}`)
      // Read from the commit, not from the working tree.
      expect(run.stdout).not.toContain('Build contexts are hashed from the working tree')
    } finally {
      repo.cleanup()
    }
  }, 60_000)

  it('a .dockerignore that is a FIFO: refused, without waiting for a writer', async () => {
    const repo = makeTree(TWO)
    try {
      const { execFileSync } = await import('node:child_process')
      execFileSync('mkfifo', [path.join(repo.dir, 'services/api/.dockerignore')])
      const run = await runBounded(repo.dir)
      expect(run.stopped).toBeUndefined()
      expect(run.status).toBe(1)
      expect(run.stdout).toContain("cannot read the ignore file 'services/api/.dockerignore': it is a FIFO, not a regular file")
    } finally {
      repo.cleanup()
    }
  }, 60_000)

  it('a .dockerignore rule made to backtrack, and a long file name: rendered in linear time', async () => {
    const repo = makeTree({ ...TWO, 'services/api/.dockerignore': '(a+)+b\n**/**/**/**/**/**/**/**/**/**/**/**/x\n' })
    try {
      writeFileSync(path.join(repo.dir, 'services/api', 'a'.repeat(200)), 'x\n')
      const run = await runBounded(repo.dir)
      expect(run.stopped).toBeUndefined()
      expect(run.status).toBe(0)
      expect(run.stdout).toContain('context services/api: 3 file(s) of the working tree, services/api/.dockerignore applied')
    } finally {
      repo.cleanup()
    }
  }, 60_000)

  it('a dockerfiles pattern with eight *s, and a long file name: rendered in linear time', async () => {
    const repo = makeTree(TWO)
    try {
      writeFileSync(path.join(repo.dir, 'services/api', 'a'.repeat(200)), 'x\n')
      const run = await runBounded(repo.dir, { dockerfiles: 'Dockerfile\n**/a*a*a*a*a*a*a*a*b' })
      expect(run.stopped).toBeUndefined()
      expect(run.status).toBe(0)
      expect(run.stdout).toContain('services/api/Dockerfile')
    } finally {
      repo.cleanup()
    }
  }, 60_000)

  it('Dockerfiles of 1 MiB made to be parsed slowly (a directive of white space, ${A:- with no end): rendered', async () => {
    const repo = makeTree({
      'services/api/Dockerfile': `# syntax=x${' '.repeat(1_000_000)}y\nFROM alpine:3.20\n`,
      'services/web/Dockerfile': `ARG X=}${'${A:-'.repeat(200_000)}\nFROM nginx:1.27\n`,
    })
    try {
      const run = await runBounded(repo.dir, { hash: 'dockerfile' })
      expect(run.stopped).toBeUndefined()
      expect(run.status).toBe(0)
    } finally {
      repo.cleanup()
    }
  }, 60_000)
})
