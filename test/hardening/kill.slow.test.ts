/**
 * A run killed at any point leaves the workspace consistent: the manifest is the old one or the new
 * one, whole (its digest holds), never a part; the next run tidies any temporary file.
 */
import { spawn } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readPreviousManifest } from '../../src/manifest/previous.js'
import { githubEnv, inputEnv } from '../support/action-env.js'
import { makeTree } from '../support/repo.js'
import { BUNDLE, runAction } from '../support/run-action.js'

const COUNT = 400
const files = (variant: string) =>
  Object.fromEntries(Array.from({ length: COUNT }, (_, i) => [`services/s${i}/Dockerfile`, `FROM alpine:3.20\n# ${variant} ${i}\n`]))
const repo = makeTree(files('a'))
afterAll(repo.cleanup)
const env = { ...inputEnv({ mode: 'render', registry: 'registry.example.com/acme' }), ...githubEnv(repo.dir) }
const manifestPath = path.join(repo.dir, 'deploy/manifest.yaml')

function runAndKill(afterMs: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BUNDLE], { cwd: repo.dir, env: { PATH: process.env.PATH ?? '', ...env }, stdio: 'ignore' })
    const timer = setTimeout(() => child.kill('SIGKILL'), afterMs)
    child.on('close', () => {
      clearTimeout(timer)
      resolve()
    })
  })
}

describe('a run killed at any point', () => {
  it('leaves the old manifest or the new one, whole', async () => {
    const first = await runAction(process.execPath, env, repo.dir)
    expect(first.status).toBe(0)
    // Time a run that has a new manifest to write.
    for (const [file, content] of Object.entries(files('c'))) writeFileSync(path.join(repo.dir, file), content)
    const start = Date.now()
    await runAction(process.execPath, env, repo.dir)
    let runMs = Math.max(50, Date.now() - start)
    const seen = new Set<string>()
    let seed = 11
    for (let trial = 0; trial < 48 && (trial < 24 || seen.size < 2); trial++) {
      // A loaded machine runs slower than the timed run: kills that all land before the write stretch the window.
      if (trial % 8 === 7 && seen.size < 2) runMs *= 1.5
      // Alternate the Dockerfiles so every run has a new manifest to write.
      for (const [file, content] of Object.entries(files(trial % 2 === 0 ? 'b' : 'a'))) writeFileSync(path.join(repo.dir, file), content)
      seed = (seed * 1103515245 + 12345) % 2147483648
      await runAndKill(Math.floor((seed / 2147483648) * runMs * 1.2))
      const text = readFileSync(manifestPath, 'utf8')
      const previous = await readPreviousManifest(text)
      expect(previous.verified, `trial ${trial}: the manifest is whole`).toBeDefined()
      expect(previous.images.size).toBe(COUNT)
      seen.add(text.slice(0, 200))
    }
    const last = await runAction(process.execPath, env, repo.dir)
    expect(last.status).toBe(0)
    expect(readdirSync(path.dirname(manifestPath))).toEqual(['manifest.yaml'])
    // Some kills landed before the write and some after: both versions were seen.
    expect(seen.size).toBeGreaterThan(1)
  }, 120_000)
})
