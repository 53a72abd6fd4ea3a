/**
 * The commit path against the GitHub stand-in (a real bare git repository behind a local HTTP
 * server that enforces GitHub's fast-forward rules and status codes).
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createOctokitApi } from '../../src/github/octokit-api.js'
import { apiBranchWriter, type BranchWriter, gitBranchWriter } from '../../src/gitops/branch-writer.js'
import { type CommitResult, commitManifest, commitRequestFor } from '../../src/gitops/commit.js'
import { scanRepository } from '../../src/scan/scan.js'
import { branchHead, type GitHubStandIn, pushFiles, readFileAt, startGitHubStandIn } from '../support/github-standin.js'
import { documentsByName, parseManifest } from '../support/k8s.js'
import { CODE, memoryLogger, settingsFor } from '../support/render.js'
import { git } from '../support/repo.js'

let gh: GitHubStandIn
let scratch: string
beforeEach(async () => {
  gh = await startGitHubStandIn({
    tokens: {
      'workflow-token': { contents: 'write', pullRequests: 'write' },
      'read-token': { contents: 'read', pullRequests: 'read' },
      'user-token': { contents: 'write', pullRequests: 'write', login: 'octocat' },
    },
    rulesetRequiresPullRequest: ['protected'],
  })
  scratch = mkdtempSync(path.join(tmpdir(), 'commit-'))
})
afterEach(async () => {
  await gh.close()
  rmSync(scratch, { recursive: true, force: true })
})

const FILES = {
  'services/api/Dockerfile': 'FROM alpine:3.20\n',
  'services/web/Dockerfile': 'FROM nginx:1.27\n',
  'README.md': '# shop\n',
}

/** A checkout of `sha`: the commit's files, as actions/checkout leaves them. */
function checkout(sha: string): string {
  const dir = mkdtempSync(path.join(scratch, 'checkout-'))
  execFileSync('sh', ['-c', `git --git-dir="${gh.bareRepo}" archive "${sha}" | tar -x -C "${dir}"`])
  return dir
}

async function runCommit(
  sha: string,
  options: { token?: string; branch?: string; wrap?: (w: BranchWriter) => BranchWriter; inputs?: Record<string, string> } = {},
) {
  const dir = checkout(sha)
  const settings = await settingsFor(
    dir,
    { mode: 'commit', token: options.token ?? 'workflow-token', ...(options.branch ? { branch: options.branch } : {}), ...options.inputs },
    { GITHUB_SHA: sha, GITHUB_API_URL: gh.url },
  )
  const log = memoryLogger()
  const scan = await scanRepository(settings, log)
  const api = createOctokitApi(settings.token, settings.apiUrl, { owner: 'acme', repo: 'shop' })
  const writer = (options.wrap ?? ((w) => w))(apiBranchWriter(api))
  const result = await commitManifest(writer, commitRequestFor(settings, scan, CODE, log), log)
  return { result, log }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/** The Dockerfiles at a commit of the bare repository, with their sha256. */
function dockerfilesAt(sha: string): Map<string, string> {
  const files = git(gh.bareRepo, 'ls-tree', '-r', '--name-only', sha)
    .split('\n')
    .filter((f) => /(^|\/)Dockerfile$/.test(f))
  return new Map(files.map((f) => [f, sha256(`${git(gh.bareRepo, 'show', `${sha}:${f}`)}\n`)]))
}

/** Dockerfile -> sha256 as a manifest records them. */
function manifestHashes(manifest: string): Map<string, string> {
  const pods = parseManifest(manifest).filter((d) => d.kind === 'Pod') as Array<{ metadata: { annotations: Record<string, string> } }>
  return new Map(
    pods.map((p) => [
      p.metadata.annotations['kaniko-gitops/dockerfile'] as string,
      p.metadata.annotations['kaniko-gitops/dockerfile-sha256'] as string,
    ]),
  )
}

/**
 * Checks the branch's whole first-parent history: every manifest describes the Dockerfiles of its
 * own commit (no stale overwrite), the head's manifest is current (no lost update), and a Pod name
 * present in two consecutive manifest versions has a byte-identical document.
 */
function checkInvariants(branch = 'main'): void {
  const history = git(gh.bareRepo, 'rev-list', '--first-parent', '--reverse', branch).split('\n')
  let previous: Map<string, string> | undefined
  let previousText = ''
  for (const commit of history) {
    let text: string
    try {
      text = git(gh.bareRepo, 'show', `${commit}:deploy/manifest.yaml`)
    } catch {
      continue
    }
    const author = git(gh.bareRepo, 'log', '-1', '--format=%an', commit)
    if (author === 'github-actions[bot]') expect(manifestHashes(text), `manifest of ${commit}`).toEqual(dockerfilesAt(commit))
    if (text !== previousText) {
      const docs = documentsByName(text)
      for (const [name, doc] of docs) if (previous?.has(name)) expect(doc, `${name} changed in place at ${commit}`).toBe(previous.get(name))
      previous = docs
      previousText = text
    }
  }
  const head = history.at(-1) as string
  expect(manifestHashes(git(gh.bareRepo, 'show', `${head}:deploy/manifest.yaml`)), 'the head manifest is current').toEqual(
    dockerfilesAt(head),
  )
}

describe('commit mode through the GitHub API', () => {
  it('commits the manifest onto the branch, signed by GitHub, and makes no empty commit after', async () => {
    const p0 = await pushFiles(gh, 'main', FILES)
    const { result } = await runCommit(p0)
    expect(result.result).toBe('committed')
    const committed = result as Extract<CommitResult, { result: 'committed' }>
    expect(committed.verified).toBe(true)
    expect(await branchHead(gh, 'main')).toBe(committed.sha)
    expect(git(gh.bareRepo, 'rev-parse', `${committed.sha}^`)).toBe(p0)
    expect(git(gh.bareRepo, 'show', '-s', '--format=%B', committed.sha)).toMatch(
      new RegExp(
        `^chore\\(kaniko-gitops\\): render deploy/manifest.yaml for ${p0.slice(0, 7)} \\[skip ci\\]\\n\\n- api: .*\\(new\\)\\n- web: .*\\(new\\)`,
      ),
    )
    expect(await readFileAt(gh, 'main', 'README.md')).toBe('# shop\n')
    checkInvariants()
    const again = await runCommit(p0)
    expect(again.result.result).toBe('unchanged')
    expect(await branchHead(gh, 'main')).toBe(committed.sha)
  })

  it('reports an unsigned commit when the token is a user token', async () => {
    const p0 = await pushFiles(gh, 'main', FILES)
    const { result } = await runCommit(p0, { token: 'user-token' })
    expect(result).toMatchObject({ result: 'committed', verified: false })
  })

  it('carries unchanged Pods over from the branch head, not from an older checkout', async () => {
    const p0 = await pushFiles(gh, 'main', FILES)
    await runCommit(p0)
    const p1 = await pushFiles(gh, 'main', { 'services/api/Dockerfile': 'FROM alpine:3.21\n' })
    // This checkout predates nothing, but its manifest is the old bot commit's: web's Pod must stay.
    const headManifest = (await readFileAt(gh, 'main', 'deploy/manifest.yaml')) as string
    const { result } = await runCommit(p1)
    expect(result.result).toBe('committed')
    const after = (await readFileAt(gh, 'main', 'deploy/manifest.yaml')) as string
    const web = [...documentsByName(headManifest)].find(([n]) => n.startsWith('Pod/web-'))
    expect(web && documentsByName(after).get(web[0])).toBe(web?.[1])
    checkInvariants()
  })

  it('stands down as superseded when the branch moved on with other changes', async () => {
    const p0 = await pushFiles(gh, 'main', FILES)
    const p1 = await pushFiles(gh, 'main', { 'services/api/Dockerfile': 'FROM alpine:3.21\n' })
    const { result } = await runCommit(p0)
    expect(result).toMatchObject({
      result: 'superseded',
      head: p1,
      reason: `'main' moved on to ${p1.slice(0, 7)}, which changes 1 file(s) the render reads ('services/api/Dockerfile')`,
    })
    expect(await branchHead(gh, 'main')).toBe(p1)
  })

  it('re-renders onto the new head when another run committed the same commit meanwhile', async () => {
    const p0 = await pushFiles(gh, 'main', FILES)
    let first: CommitResult | undefined
    // Between this run's look at the branch and its ref update, another run of the same commit lands first.
    gh.beforeNext('PATCH', /\/git\/refs\/heads(\/|%2F)main$/, async () => {
      first = (await runCommit(p0, { inputs: { 'force-images': 'web' } })).result
    })
    const { result } = await runCommit(p0)
    expect(first?.result).toBe('committed')
    // Its ref update failed: it looked at the branch again, and committed onto the other run's commit.
    expect(result).toMatchObject({ result: 'committed', onto: (first as Extract<CommitResult, { result: 'committed' }>).sha })
    checkInvariants()
  })

  it.each([1, 2, 3, 4, 5, 6])('keeps every invariant when runs for successive pushes interleave (seed %i)', async (seed) => {
    let state = seed
    const random = () => {
      state = (state * 1103515245 + 12345) % 2147483648
      return state / 2147483648
    }
    const sleep = () => new Promise((r) => setTimeout(r, Math.floor(random() * 15)))
    const jitter = (w: BranchWriter): BranchWriter => ({
      describe: w.describe,
      state: (...a) => sleep().then(() => w.state(...a)),
      readFile: (...a) => sleep().then(() => w.readFile(...a)),
      commit: (...a) => sleep().then(() => w.commit(...a)),
      publish: (...a) => sleep().then(() => w.publish(...a)),
    })
    await pushFiles(gh, 'main', FILES)
    // Some pushes start no run ('[skip ci]', a `paths` filter, a push with the workflow's token): the
    // last one lands before the run of the push before it looks at the branch.
    const edits: { files: Record<string, string>; run: boolean; wait?: boolean }[] = [
      { files: { 'services/api/Dockerfile': 'FROM alpine:3.21\n' }, run: true },
      { files: { 'README.md': '# shop, again\n' }, run: true },
      { files: { 'docs/guide.md': 'one\n' }, run: false },
      { files: { 'services/web/Dockerfile': 'FROM nginx:1.28\n', 'services/worker/Dockerfile': 'FROM python:3.13\n' }, run: true },
      { files: { 'services/api/Dockerfile': 'FROM alpine:3.22\n' }, run: true },
      { files: { 'services/web/Dockerfile': 'FROM nginx:1.29\n' }, run: true, wait: true },
      { files: { 'docs/guide.md': 'two\n' }, run: false },
    ]
    const runs: Promise<CommitResult>[] = []
    let pending: string | undefined
    for (const edit of edits) {
      await sleep()
      const sha = await pushFiles(gh, 'main', edit.files, edit.run ? 'a push' : 'docs [skip ci]')
      if (pending !== undefined) runs.push(runCommit(pending, { wrap: jitter }).then((r) => r.result))
      pending = undefined
      if (edit.run && edit.wait) pending = sha
      else if (edit.run) runs.push(runCommit(sha, { wrap: jitter }).then((r) => r.result))
    }
    const results = await Promise.all(runs)
    // The last run found the branch moved on with documentation only: it renders onto it.
    expect(results.at(-1)?.result).toBe('committed')
    checkInvariants()
  })
})

describe('commit mode when later commits landed first', () => {
  const webOf = (manifest: string) => manifestHashes(manifest).get('services/web/Dockerfile')

  it('renders onto a head whose later commits change nothing the render reads, and says so', async () => {
    await pushFiles(gh, 'main', FILES)
    const x = await pushFiles(gh, 'main', { 'services/api/Dockerfile': 'FROM alpine:3.21\n' })
    // Y starts no run: '[skip ci]' (or a paths filter, or a push with the workflow's token).
    const y = await pushFiles(gh, 'main', { 'README.md': '# shop\n\nMore.\n', 'docs/guide.md': 'guide\n' }, 'docs [skip ci]')
    const { result, log } = await runCommit(x)
    expect(result).toMatchObject({ result: 'committed', onto: y })
    expect(log.infos.join('\n')).toContain(
      `'main' moved on to ${y.slice(0, 7)}: its commits after ${x.slice(0, 7)} change 2 file(s) ('README.md', 'docs/guide.md'), none of which the render reads.`,
    )
    const head = (await branchHead(gh, 'main')) as string
    expect(git(gh.bareRepo, 'rev-parse', `${head}^`)).toBe(y)
    checkInvariants()
  })

  it('stands down when a later commit adds a Dockerfile, naming it', async () => {
    await pushFiles(gh, 'main', FILES)
    const x = await pushFiles(gh, 'main', { 'services/api/Dockerfile': 'FROM alpine:3.21\n' })
    const y = await pushFiles(gh, 'main', { 'services/worker/Dockerfile': 'FROM python:3.13\n', 'README.md': '# more\n' })
    const { result } = await runCommit(x)
    expect(result).toMatchObject({
      result: 'superseded',
      head: y,
      reason: `'main' moved on to ${y.slice(0, 7)}, which changes 1 file(s) the render reads ('services/worker/Dockerfile')`,
    })
    expect(await branchHead(gh, 'main')).toBe(y)
  })

  it('stands down for a file of a build context with hash: context, not with hash: dockerfile', async () => {
    await pushFiles(gh, 'main', FILES)
    const x = await pushFiles(gh, 'main', { 'services/api/Dockerfile': 'FROM alpine:3.21\n' })
    const y = await pushFiles(gh, 'main', { 'services/web/index.html': '<p>hi</p>\n' })
    const byContext = await runCommit(x)
    expect(byContext.result).toMatchObject({
      result: 'superseded',
      head: y,
      reason: expect.stringContaining("the render reads ('services/web/index.html')"),
    })
    expect((await runCommit(x, { inputs: { hash: 'dockerfile' } })).result).toMatchObject({ result: 'committed', onto: y })
  })

  it('stands down for a Dockerfile renamed out of the patterns (the old name counts)', async () => {
    await pushFiles(gh, 'main', FILES)
    const x = await pushFiles(gh, 'main', { 'services/api/Dockerfile': 'FROM alpine:3.21\n' })
    const y = await pushFiles(gh, 'main', { 'services/web/Dockerfile': null, 'attic/web.txt': FILES['services/web/Dockerfile'] })
    const { result } = await runCommit(x, { inputs: { hash: 'dockerfile' } })
    expect(result).toMatchObject({
      result: 'superseded',
      head: y,
      reason: expect.stringContaining("the render reads ('services/web/Dockerfile')"),
    })
    expect(webOf((await readFileAt(gh, 'main', 'deploy/manifest.yaml')) ?? '')).toBeUndefined()
  })

  it('stands down when GitHub may have cut the list of changed files short (300 or more)', async () => {
    await pushFiles(gh, 'main', FILES)
    const x = await pushFiles(gh, 'main', { 'services/api/Dockerfile': 'FROM alpine:3.21\n' })
    const pages = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`docs/page-${i}.md`, 'a page\n']))
    const y = await pushFiles(gh, 'main', pages, 'docs [skip ci]')
    const { result } = await runCommit(x, { inputs: { hash: 'dockerfile' } })
    expect(result).toMatchObject({
      result: 'superseded',
      head: y,
      reason: `'main' moved on to ${y.slice(0, 7)}, and the list of files changed since ${x.slice(0, 7)} reaches the GitHub API's limit of 300: files the render reads may be among those it leaves out`,
    })
  })
})

describe('commit mode errors users hit', () => {
  it('explains a token without contents: write, and leaves the branch alone', async () => {
    const p0 = await pushFiles(gh, 'main', FILES)
    await expect(runCommit(p0, { token: 'read-token' })).rejects.toThrow(
      /creating the commit of deploy\/manifest.yaml: the token may not do this in acme\/shop \(403 Resource not accessible by integration\)\. A commit needs 'permissions: contents: write'/,
    )
    expect(await branchHead(gh, 'main')).toBe(p0)
  })

  it('explains a ruleset that requires pull requests, naming the tokens that can bypass it', async () => {
    const p0 = await pushFiles(gh, 'protected', FILES)
    await expect(runCommit(p0, { branch: 'protected' })).rejects.toThrow(
      /moving the branch 'protected': a ruleset or branch protection on 'protected' refused the update \(422 Repository rule violations found\)\. The workflow's github-actions\[bot\] cannot bypass rulesets: pass a GitHub App token/,
    )
  })

  it('says when the branch does not exist', async () => {
    const p0 = await pushFiles(gh, 'main', FILES)
    await expect(runCommit(p0, { branch: 'release' })).rejects.toThrow("the branch 'release' does not exist")
  })

  it('explains a rejected token', async () => {
    const p0 = await pushFiles(gh, 'main', FILES)
    await expect(runCommit(p0, { token: 'nope' })).rejects.toThrow(/GitHub rejected the token \(401 Bad credentials\)/)
  })
})

describe('commit-method: git against a real bare remote', () => {
  function clone(): string {
    const dir = mkdtempSync(path.join(scratch, 'clone-'))
    git(scratch, 'clone', '-q', gh.bareRepo, dir)
    return dir
  }

  async function runGit(dir: string, sha: string) {
    const settings = await settingsFor(dir, { mode: 'commit', 'commit-method': 'git' }, { GITHUB_SHA: sha })
    const log = memoryLogger()
    const scan = await scanRepository(settings, log)
    return commitManifest(gitBranchWriter(dir), commitRequestFor(settings, scan, CODE, log), log)
  }

  it('commits with git plumbing and pushes without force; the working tree is untouched', async () => {
    const p0 = await pushFiles(gh, 'main', FILES)
    const dir = clone()
    const result = await runGit(dir, p0)
    expect(result.result).toBe('committed')
    const head = (await branchHead(gh, 'main')) as string
    expect(git(gh.bareRepo, 'log', '-1', '--format=%an <%ae>', head)).toBe(
      'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>',
    )
    expect(git(dir, 'status', '--porcelain')).toBe('')
    checkInvariants()
    expect((await runGit(dir, p0)).result).toBe('unchanged')
  })

  it('stands down when the remote moved on, and retries when only manifests moved', async () => {
    const p0 = await pushFiles(gh, 'main', FILES)
    const dir = clone()
    await pushFiles(gh, 'main', { 'services/api/Dockerfile': 'FROM alpine:3.21\n' })
    expect((await runGit(dir, p0)).result).toBe('superseded')
  })

  it('renders onto later documentation commits; a context file whose name git would quote still counts', async () => {
    await pushFiles(gh, 'main', FILES)
    const dir = clone()
    const x = git(dir, 'rev-parse', 'HEAD')
    const y = await pushFiles(gh, 'main', { 'docs/guide.md': 'guide\n' }, 'docs [skip ci]')
    expect(await runGit(dir, x)).toMatchObject({ result: 'committed', onto: y })
    checkInvariants()
    const z = await pushFiles(gh, 'main', { 'services/web/café "menu".html': '<p>menu</p>\n' }, 'menu [skip ci]')
    expect(await runGit(dir, x)).toMatchObject({ result: 'superseded', head: z })
  })

  it('works from a shallow clone', async () => {
    await pushFiles(gh, 'main', FILES)
    const p1 = await pushFiles(gh, 'main', { 'README.md': '# two\n' })
    const dir = mkdtempSync(path.join(scratch, 'shallow-'))
    git(scratch, 'clone', '-q', '--depth', '1', `file://${gh.bareRepo}`, dir)
    expect((await runGit(dir, p1)).result).toBe('committed')
    checkInvariants()
  })
})
