/**
 * checkImage runs the Pods' check under /bin/sh within a budget: a check still running at its end is
 * killed with its whole process group, so nothing it started is left running.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadScripts } from '../../src/action/scripts.js'
import { checkImage } from '../../src/registry/check.js'

/** Whether a process of this pid runs (a zombie, reaped by no one yet, counts as ended). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  try {
    return !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return false
  }
}

let dir: string
let savedPath: string | undefined
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'check-'))
  savedPath = process.env.PATH
})
afterEach(() => {
  process.env.PATH = savedPath
  rmSync(dir, { recursive: true, force: true })
})

describe('checkImage', () => {
  it('kills a check that overruns its budget with every process it started, and says it had no answer', async () => {
    // A skopeo that never ends and ignores --command-timeout, as one stuck in a credential helper
    // does; it tells its own pid and its child's.
    const pids = path.join(dir, 'pids')
    writeFileSync(path.join(dir, 'skopeo'), `#!/bin/sh\nsleep 300 &\necho "$$ $!" >'${pids}'\nwait\n`)
    chmodSync(path.join(dir, 'skopeo'), 0o755)
    process.env.PATH = `${dir}:${savedPath}`
    const target = { name: 'api', reference: '127.0.0.1:9/team/api:1', repository: '127.0.0.1:9/team/api', tag: '1' }
    const started = Date.now()
    const probe = await checkImage(target, { script: loadScripts().check, insecureRegistries: [], dockerConfig: dir }, 2000)
    expect(Date.now() - started).toBeLessThan(4000)
    expect(probe).toEqual({ status: 'unreachable', detail: 'no answer within 2 s' })
    const stuck = readFileSync(pids, 'utf8').trim().split(' ').map(Number)
    expect(stuck).toHaveLength(2)
    for (const pid of stuck) expect(alive(pid)).toBe(false)
  }, 30_000)
})
