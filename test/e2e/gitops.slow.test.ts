/**
 * The committed bundle in the three ways users run it (push, workflow_dispatch, pull_request),
 * against the GitHub stand-in, with event payload files as the runner writes them.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import MarkdownIt from 'markdown-it'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { githubEnv, inputEnv } from '../support/action-env.js'
import { branchHead, type GitHubStandIn, pushFiles, readFileAt, startGitHubStandIn } from '../support/github-standin.js'
import { validateManifest } from '../support/k8s.js'
import { writeTree } from '../support/repo.js'
import { runAction } from '../support/run-action.js'
import { runnerCommands } from '../support/runner-commands.js'

const TOKEN = 'workflow-token'
let gh: GitHubStandIn
let scratch: string
beforeEach(async () => {
  gh = await startGitHubStandIn({
    tokens: {
      [TOKEN]: { contents: 'write', pullRequests: 'write' },
      'fork-token': { contents: 'read', pullRequests: 'read' },
      'mallory-token': { contents: 'read', pullRequests: 'write', login: 'mallory' },
    },
  })
  scratch = mkdtempSync(path.join(tmpdir(), 'gitops-e2e-'))
})
afterEach(async () => {
  await gh.close()
  rmSync(scratch, { recursive: true, force: true })
})

const FILES = { 'services/api/Dockerfile': 'FROM alpine:3.20\n', 'services/web/Dockerfile': 'FROM nginx:1.27\n' }

function checkout(sha: string, edits: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(scratch, 'ws-'))
  execFileSync('sh', ['-c', `git --git-dir="${gh.bareRepo}" archive "${sha}" | tar -x -C "${dir}"`])
  writeTree(dir, edits)
  return dir
}

function event(payload: object): string {
  const file = path.join(scratch, `event-${Math.random()}.json`)
  writeFileSync(file, JSON.stringify({ repository: { full_name: 'acme/shop', default_branch: 'main' }, ...payload }))
  return file
}

function run(
  dir: string,
  sha: string,
  eventName: string,
  payload: object,
  inputs: Record<string, string> = {},
  extra: Record<string, string> = {},
) {
  return runAction(
    process.execPath,
    {
      ...inputEnv({ registry: 'registry.example.com/acme', token: TOKEN, ...inputs }),
      ...githubEnv(dir, {
        GITHUB_SHA: sha,
        GITHUB_EVENT_NAME: eventName,
        GITHUB_EVENT_PATH: event(payload),
        GITHUB_API_URL: gh.url,
        ...extra,
      }),
    },
    scratch,
  )
}

/** The token may appear only in its own add-mask command. */
function expectNoToken(...texts: string[]): void {
  for (const text of texts) expect(text.replaceAll(`::add-mask::${TOKEN}`, '')).not.toContain(TOKEN)
}

describe('push to main (mode: auto)', () => {
  it('commits the manifest through the API, reports the signature, and commits nothing the second time', async () => {
    const p0 = await pushFiles(gh, 'main', FILES)
    const first = await run(checkout(p0), p0, 'push', { after: p0 })
    expect(first.stderr).toBe('')
    expect(first.status).toBe(0)
    expect(first.stdout).toContain(`::add-mask::${TOKEN}`)
    expect(first.stdout).toContain("kaniko-gitops: mode: auto on a 'push' event to 'main' commits the manifest")
    expect(first.outputs).toMatchObject({
      result: 'committed',
      changed: 'true',
      'commit-verified': 'true',
      manifest: 'deploy/manifest.yaml',
    })
    expect(await branchHead(gh, 'main')).toBe(first.outputs['commit-sha'])
    const manifest = (await readFileAt(gh, 'main', 'deploy/manifest.yaml')) as string
    expect(validateManifest(manifest)).toEqual([])
    expect(first.summary).toContain('committed <code>')
    expectNoToken(first.stdout, first.summary, JSON.stringify(first.outputs), manifest)

    const second = await run(checkout(p0), p0, 'push', { after: p0 })
    expect(second.outputs).toMatchObject({ result: 'unchanged', changed: 'false' })
    expect(second.outputs['commit-sha']).toBeUndefined()
    expect(await branchHead(gh, 'main')).toBe(first.outputs['commit-sha'])
  })

  it('renders only, with a notice, for a push to another branch', async () => {
    const p0 = await pushFiles(gh, 'feature', FILES)
    await pushFiles(gh, 'main', FILES)
    const result = await run(checkout(p0), p0, 'push', {}, {}, { GITHUB_REF: 'refs/heads/feature' })
    expect(result.status).toBe(0)
    expect(result.outputs.result).toBe('rendered')
    expect(result.stdout).toContain("mode: auto on a 'push' event for 'refs/heads/feature', not 'main': renders and commits nothing")
  })

  it('stands down as superseded when main moved on', async () => {
    const p0 = await pushFiles(gh, 'main', FILES)
    await pushFiles(gh, 'main', { 'services/api/Dockerfile': 'FROM alpine:3.21\n' })
    const result = await run(checkout(p0), p0, 'push', {})
    expect(result.status).toBe(0)
    expect(result.outputs).toMatchObject({ result: 'superseded', changed: 'false' })
    expect(result.stdout).toContain('::notice::Nothing committed:')
  })

  it('commits onto main when the commits after its own change nothing the render reads', async () => {
    await pushFiles(gh, 'main', FILES)
    const x = await pushFiles(gh, 'main', { 'services/api/Dockerfile': 'FROM alpine:3.21\n' })
    const y = await pushFiles(gh, 'main', { 'README.md': '# shop\n' }, 'docs [skip ci]')
    const result = await run(checkout(x), x, 'push', {})
    expect(result.status).toBe(0)
    expect(result.outputs).toMatchObject({ result: 'committed', changed: 'true' })
    expect(result.stdout).toContain(
      `'main' moved on to ${y.slice(0, 7)}: its commits after ${x.slice(0, 7)} change 1 file(s) ('README.md')`,
    )
    const api = createHash('sha256').update('FROM alpine:3.21\n').digest('hex')
    expect(await readFileAt(gh, 'main', 'deploy/manifest.yaml')).toContain(`kaniko-gitops/dockerfile-sha256: ${api}`)
    expect(execFileSync('git', ['--git-dir', gh.bareRepo, 'rev-parse', 'main^'], { encoding: 'utf8' }).trim()).toBe(y)
  })

  it('fails clearly without contents: write', async () => {
    const p0 = await pushFiles(gh, 'main', FILES)
    const result = await run(checkout(p0), p0, 'push', {}, { token: 'fork-token' })
    expect(result.status).toBe(1)
    expect(result.stdout).toMatch(
      /::error::creating the commit of deploy\/manifest.yaml: the token may not do this in acme\/shop \(403 Resource not accessible by integration\)/,
    )
  })
})

describe('workflow_dispatch', () => {
  it('commits forced Pods under fresh names, and the next push returns to the normal names', async () => {
    const p0 = await pushFiles(gh, 'main', FILES)
    await run(checkout(p0), p0, 'push', {})
    const normal = (await readFileAt(gh, 'main', 'deploy/manifest.yaml')) as string
    const forced = await run(
      checkout(p0),
      p0,
      'workflow_dispatch',
      { inputs: { images: 'api' } },
      { 'force-images': 'api' },
      { GITHUB_RUN_ID: '9001' },
    )
    expect(forced.status).toBe(0)
    expect(forced.outputs.result).toBe('committed')
    const images = JSON.parse(forced.outputs.images as string) as Array<{ name: string; forced: boolean; pod: string }>
    expect(images.filter((i) => i.forced).map((i) => i.name)).toEqual(['api'])
    const forcedManifest = (await readFileAt(gh, 'main', 'deploy/manifest.yaml')) as string
    expect(forcedManifest).toContain('kaniko-gitops/forced: "9001-1"')
    const head = (await branchHead(gh, 'main')) as string
    const back = await run(checkout(head), head, 'push', {})
    expect(back.outputs.result).toBe('committed')
    expect(await readFileAt(gh, 'main', 'deploy/manifest.yaml')).toBe(normal)
  })

  it('names the known images when force-images has an unknown one', async () => {
    const p0 = await pushFiles(gh, 'main', FILES)
    const result = await run(checkout(p0), p0, 'workflow_dispatch', {}, { 'force-images': 'apii' })
    expect(result.status).toBe(1)
    expect(result.stdout).toContain(
      "::error::Input 'force-images' has the value 'apii': 'apii' is not an image of this repository; expected some of: api, web.",
    )
  })
})

describe('pull_request (mode: auto)', () => {
  const pr = (n: number, headRepo = 'acme/shop') => ({
    pull_request: { number: n, base: { ref: 'main' }, head: { sha: 'f'.repeat(40), repo: { full_name: headRepo } } },
  })

  it('diffs against the base manifest in the summary and one sticky comment, updated in place', async () => {
    const p0 = await pushFiles(gh, 'main', FILES)
    await run(checkout(p0), p0, 'push', {})
    const base = (await branchHead(gh, 'main')) as string
    const ws = checkout(base, { 'services/api/Dockerfile': 'FROM alpine:3.21\n', 'services/worker/Dockerfile': 'FROM python:3.13\n' })
    const first = await run(ws, 'e'.repeat(40), 'pull_request', pr(7), {}, { GITHUB_REF: 'refs/pull/7/merge' })
    expect(first.stderr).toBe('')
    expect(first.status).toBe(0)
    expect(first.outputs.result).toBe('diffed')
    expect(JSON.parse(first.outputs.diff as string)).toEqual({
      added: ['worker'],
      rebuilt: ['api'],
      renamed: [],
      forced: [],
      removed: [],
      unchanged: 1,
    })
    const comments = gh.comments(7)
    expect(comments).toHaveLength(1)
    expect(comments[0]?.body).toContain('<!-- kaniko-gitops:diff deploy/manifest.yaml -->')
    expect(comments[0]?.body).toContain('Merging builds **2** image(s): `worker`, `api`.')
    expect(comments[0]?.body).toContain('| api | rebuilt (content changed) | `services/api/Dockerfile` |')
    expect(comments[0]?.body).toMatch(/```diff\n--- a\/deploy\/manifest.yaml\n\+\+\+ b\/deploy\/manifest.yaml\n/)
    expect(first.summary).toContain('| worker | added |')
    expect(await branchHead(gh, 'main')).toBe(base)

    writeTree(ws, { 'services/web/Dockerfile': 'FROM nginx:1.28\n' })
    const second = await run(ws, 'e'.repeat(40), 'pull_request', pr(7), {}, { GITHUB_REF: 'refs/pull/7/merge' })
    expect(second.status).toBe(0)
    expect(gh.comments(7)).toHaveLength(1)
    expect(gh.comments(7)[0]?.id).toBe(comments[0]?.id)
    expect(gh.comments(7)[0]?.body).toContain('| web | rebuilt (content changed) |')
    expectNoToken(first.stdout, second.stdout, first.summary, gh.comments(7)[0]?.body ?? '')
  })

  it('draws the images built on images of the repository in the comment and the summary', async () => {
    const p0 = await pushFiles(gh, 'main', FILES)
    await run(checkout(p0), p0, 'push', {})
    const base = (await branchHead(gh, 'main')) as string
    // A new image on api, and api changes: both are built.
    const ws = checkout(base, {
      'services/api/Dockerfile': 'FROM alpine:3.21\n',
      'services/app/Dockerfile': 'ARG BASE_IMAGE=registry.example.com/acme/api\nFROM $BASE_IMAGE\n',
    })
    const result = await run(ws, 'e'.repeat(40), 'pull_request', pr(9), {}, { GITHUB_REF: 'refs/pull/9/merge' })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    const chart = [
      'flowchart TD',
      '  n0["api (rebuilt)"]:::built',
      '  n1["app (new)"]:::built',
      '  n0 --> n1',
      '  classDef built fill:#fff1b8,stroke:#d48806,stroke-width:2px,color:#222',
      '  classDef unchanged fill:#f6f8fa,stroke:#d0d7de,color:#8c959f',
      '',
    ].join('\n')
    for (const text of [gh.comments(9)[0]?.body ?? '', result.summary]) {
      const fences = new MarkdownIt({ html: true }).parse(text, {}).filter((t) => t.type === 'fence')
      expect(fences.map((t) => [t.info, t.info === 'mermaid' ? t.content : ''])).toEqual([
        ['mermaid', chart],
        ['diff', ''],
      ])
    }
  })

  // A new Dockerfile in a folder named like an existing image's leaves that image's name alone.
  it('keeps the names the base manifest gives, and shows a configured rename in the table and the diff output', async () => {
    const p0 = await pushFiles(gh, 'main', FILES)
    await run(checkout(p0), p0, 'push', {})
    const base = (await branchHead(gh, 'main')) as string
    const ws = checkout(base, {
      'e2e/api/Dockerfile': 'FROM alpine:3.21\n',
      '.github/kaniko-gitops.yml': 'images:\n  services/web/Dockerfile:\n    name: frontend\n',
    })
    const result = await run(
      ws,
      'e'.repeat(40),
      'pull_request',
      pr(9),
      { config: '.github/kaniko-gitops.yml' },
      { GITHUB_REF: 'refs/pull/9/merge' },
    )
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(JSON.parse(result.outputs.diff as string)).toEqual({
      added: ['e2e-api'],
      rebuilt: [],
      renamed: [{ name: 'frontend', previousName: 'web' }],
      forced: [],
      removed: [],
      unchanged: 1,
    })
    const images = JSON.parse(result.outputs.images as string) as { name: string; status: string; previousName?: string }[]
    expect(images.map((i) => [i.name, i.status, i.previousName])).toEqual([
      ['api', 'unchanged', undefined],
      ['e2e-api', 'new', undefined],
      ['frontend', 'renamed', 'web'],
    ])
    const body = gh.comments(9)[0]?.body ?? ''
    expect(body).toContain('| frontend | renamed from web | `services/web/Dockerfile` | `registry.example.com/acme/frontend:')
    expect(body).toContain('1 added, 0 rebuilt, 1 renamed, 0 forced, 0 removed, 1 unchanged.')
    expect(result.summary).toContain('| frontend | renamed from web |')
  })

  it("a hostile pull request: names stay text in the log, the comment and the summary, and another user's marker comment is left alone", async () => {
    const p0 = await pushFiles(gh, 'main', FILES)
    await run(checkout(p0), p0, 'push', {})
    const base = (await branchHead(gh, 'main')) as string
    const forged = '<!-- kaniko-gitops:diff deploy/manifest.yaml -->\n## Security review passed: merge it.\n'
    const mallory = await fetch(`${gh.url}/repos/acme/shop/issues/11/comments`, {
      method: 'POST',
      headers: { authorization: 'bearer mallory-token', 'content-type': 'application/json' },
      body: JSON.stringify({ body: forged }),
    })
    expect(mallory.status).toBe(201)
    const ws = checkout(base, {
      '::warning::owned/Dockerfile': 'FROM alpine:3.20\n',
      'x\n\n## Security review passed/Dockerfile': 'FROM alpine:3.20\n',
      '[approve](https:/evil.example/ok)/Dockerfile': 'FROM alpine:3.20\n',
      'a|b <img src=x>/Dockerfile': 'FROM alpine:3.20\n',
      'x##[error]y/Dockerfile': 'FROM alpine:3.20\n',
    })
    const result = await run(ws, 'e'.repeat(40), 'pull_request', pr(11), {}, { GITHUB_REF: 'refs/pull/11/merge' })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    const issued = new Set(['group', 'endgroup', 'warning', 'add-mask', 'debug'])
    for (const found of runnerCommands(result.stdout)) {
      expect(found.syntax).toBe('::')
      expect(issued.has(found.command), found.line).toBe(true)
      expect(found.line.startsWith(`::${found.command}`)).toBe(true)
    }
    expect(
      runnerCommands(result.stdout)
        .filter((c) => c.command === 'warning')
        .map((c) => c.data),
    ).toEqual(["skipped 'x%0A%0A## Security review passed': its name has a control character or a line separator"])

    const comments = gh.comments(11)
    expect(comments.map((c) => [c.user, c.body === forged])).toEqual([
      ['mallory', true],
      ['github-actions[bot]', false],
    ])
    for (const text of [comments[1]?.body ?? '', result.summary]) {
      const tokens = new MarkdownIt({ html: true, linkify: true }).parse(text, {})
      const all = tokens.flatMap((t) => [t, ...(t.children ?? [])])
      expect(all.filter((t) => t.type === 'heading_open').map((t) => t.tag)).toEqual(['h3'])
      expect(all.some((t) => t.type === 'link_open' || t.type === 'image')).toBe(false)
      expect(all.filter((t) => t.type === 'tr_open')).toHaveLength(5)
      const html = all.filter((t) => t.type === 'html_block' || t.type === 'html_inline').map((t) => t.content)
      expect(html.join('')).not.toMatch(/<img|<\/?(?!details|summary|code|!--)[a-z]/i)
    }
  })

  it('from a fork: no comment, no crash, the summary still has the diff, the log says why', async () => {
    const p0 = await pushFiles(gh, 'main', FILES)
    await run(checkout(p0), p0, 'push', {})
    const base = (await branchHead(gh, 'main')) as string
    const ws = checkout(base, { 'services/api/Dockerfile': 'FROM alpine:3.21\n' })
    const result = await run(ws, 'e'.repeat(40), 'pull_request', pr(8, 'someone/shop'), { token: 'fork-token' })
    expect(result.status).toBe(0)
    expect(gh.comments(8)).toHaveLength(0)
    expect(result.stdout).toContain(
      '::notice::No pull-request comment: this pull request comes from a fork, and its run only gets a read-only token.',
    )
    expect(result.summary).toContain('| api | rebuilt (content changed) |')
  })

  it('a read-only token on a pull request from the same repository: a warning, not a failure', async () => {
    const p0 = await pushFiles(gh, 'main', FILES)
    const result = await run(checkout(p0), 'e'.repeat(40), 'pull_request', pr(9), { token: 'fork-token' })
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/::warning::No pull-request comment: commenting on #9: the token may not do this in acme\/shop \(403/)
  })

  it('fail-on-drift: fails a pull request whose manifest was edited by hand, after reporting', async () => {
    const p0 = await pushFiles(gh, 'main', FILES)
    await run(checkout(p0), p0, 'push', {})
    const base = (await branchHead(gh, 'main')) as string
    const ws = checkout(base)
    const manifest = path.join(ws, 'deploy/manifest.yaml')
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('cpu: 500m', 'cpu: "8"'))
    const strict = await run(ws, 'e'.repeat(40), 'pull_request', pr(10), { 'fail-on-drift': 'true' })
    expect(strict.status).toBe(1)
    expect(strict.stdout).toMatch(
      /::error::fail-on-drift: 'deploy\/manifest.yaml' was edited by hand and does not match the render: Pod api-[0-9a-f]{10}: spec.containers\[0\].resources.requests.cpu is "8" in the file, "500m" in the render \(see the diff\)/,
    )
    expect(gh.comments(10)).toHaveLength(1)
    const lenient = await run(ws, 'e'.repeat(40), 'pull_request', pr(10))
    expect(lenient.status).toBe(0)
    expect(lenient.stdout).toContain("::warning::This pull request edits 'deploy/manifest.yaml' by hand")
  })

  it('fail-on-drift: a manifest regenerated at the head of the pull request is no hand edit', async () => {
    const p0 = await pushFiles(gh, 'main', FILES)
    await run(checkout(p0), p0, 'push', {})
    const base = (await branchHead(gh, 'main')) as string
    const ws = checkout(base, { 'services/api/Dockerfile': 'FROM alpine:3.21\n' })
    // The author rendered the pull request's head commit; the run renders the merge commit.
    const regenerated = await run(ws, 'f'.repeat(40), 'push', {}, { mode: 'render' })
    expect(regenerated.outputs).toMatchObject({ result: 'rendered', changed: 'true' })
    expect(readFileSync(path.join(ws, 'deploy/manifest.yaml'), 'utf8')).toContain(`#${'f'.repeat(40)}`)
    const result = await run(ws, 'e'.repeat(40), 'pull_request', pr(11), { 'fail-on-drift': 'true' }, { GITHUB_REF: 'refs/pull/11/merge' })
    expect(result.status).toBe(0)
    expect(result.stdout).not.toContain('by hand')
    expect(JSON.parse(result.outputs.diff as string)).toMatchObject({ rebuilt: ['api'] })
  })
})
