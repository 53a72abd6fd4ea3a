/**
 * Proves the GitHub stand-in (test/support/github-standin.ts) behaves like
 * GitHub where the action's commit and comment paths depend on it: real git
 * state, fast-forward rules, compare-and-swap ref updates, status codes and
 * error bodies, comment pagination.
 */
import { execFileSync } from 'node:child_process'
import { describe, expect, it, type TestContext } from 'vitest'
import { branchHead, type GitHubStandIn, pushFiles, readFileAt, type StandInOptions, startGitHubStandIn } from './github-standin.js'

const WRITE = 'workflow-token'
const READ = 'read-token'
const USER = 'user-token'

/** A fresh stand-in per test, closed when the test finishes. */
async function start(ctx: TestContext, opts: StandInOptions = {}): Promise<GitHubStandIn> {
  const s = await startGitHubStandIn({
    tokens: {
      [WRITE]: { contents: 'write', pullRequests: 'write' },
      [READ]: { contents: 'read', pullRequests: 'read' },
      [USER]: { contents: 'write', pullRequests: 'write', login: 'octocat' },
    },
    ...opts,
  })
  ctx.onTestFinished(() => s.close())
  return s
}

interface Res {
  status: number
  body: Record<string, unknown>
  list: Record<string, unknown>[]
  headers: Headers
}

async function api(s: GitHubStandIn, method: string, path: string, body?: unknown, token: string | null = WRITE): Promise<Res> {
  const headers: Record<string, string> = { accept: 'application/vnd.github+json' }
  if (token !== null) headers.authorization = `Bearer ${token}`
  if (body !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(`${s.url}${path.startsWith('/repos') ? path : `/repos/${s.owner}/${s.repo}${path}`}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  const parsed: unknown = text ? JSON.parse(text) : {}
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
  return {
    status: res.status,
    body: Array.isArray(parsed) ? {} : (parsed as Record<string, unknown>),
    list: Array.isArray(parsed) ? (parsed as Record<string, unknown>[]) : [],
    headers: res.headers,
  }
}

function str(v: unknown): string {
  if (typeof v !== 'string') throw new Error(`expected a string, got ${JSON.stringify(v)}`)
  return v
}

function field(v: unknown, key: string): unknown {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined
}

/** Creates a commit via the Git Data API on top of `parent` that adds/changes `files`. */
async function apiCommit(
  s: GitHubStandIn,
  parent: string,
  files: Record<string, string>,
  token = WRITE,
  extra: Record<string, unknown> = {},
): Promise<Res> {
  const parentCommit = await api(s, 'GET', `/git/commits/${parent}`, undefined, token)
  expect(parentCommit.status).toBe(200)
  const tree = await api(
    s,
    'POST',
    '/git/trees',
    {
      base_tree: field(parentCommit.body.tree, 'sha'),
      tree: Object.entries(files).map(([path, content]) => ({ path, mode: '100644', type: 'blob', content })),
    },
    token,
  )
  expect(tree.status).toBe(201)
  return api(s, 'POST', '/git/commits', { message: 'api commit', tree: tree.body.sha, parents: [parent], ...extra }, token)
}

describe('git data flow', () => {
  it('blob -> tree (base_tree, nested path) -> commit -> fast-forward PATCH moves the branch and keeps old files', async (ctx) => {
    const s = await start(ctx)
    const head = await pushFiles(s, 'main', { 'README.md': '# shop\n', 'deploy/old.yaml': 'old: true\n' }, 'initial')
    expect(await branchHead(s, 'main')).toBe(head)

    const repo = await api(s, 'GET', '')
    expect(repo.status).toBe(200)
    expect(repo.body).toMatchObject({
      full_name: 'acme/shop',
      name: 'shop',
      owner: { login: 'acme' },
      default_branch: 'main',
      private: false,
    })

    const ref = await api(s, 'GET', '/git/ref/heads/main')
    expect(ref.status).toBe(200)
    expect(ref.body).toMatchObject({ ref: 'refs/heads/main', object: { sha: head, type: 'commit' } })

    const parent = await api(s, 'GET', `/git/commits/${head}`)
    expect(parent.status).toBe(200)
    expect(parent.body).toMatchObject({ sha: head, parents: [], message: 'initial' })
    const baseTree = str(field(parent.body.tree, 'sha'))

    const blob = await api(s, 'POST', '/git/blobs', { content: Buffer.from('kind: Pod\n').toString('base64'), encoding: 'base64' })
    expect(blob.status).toBe(201)
    expect(str(blob.body.sha)).toMatch(/^[0-9a-f]{40}$/)

    const tree = await api(s, 'POST', '/git/trees', {
      base_tree: baseTree,
      tree: [
        { path: 'deploy/manifest.yaml', mode: '100644', type: 'blob', sha: blob.body.sha },
        { path: 'deploy/nested/deeper/x.txt', mode: '100644', type: 'blob', content: 'x\n' },
      ],
    })
    expect(tree.status).toBe(201)

    const commit = await api(s, 'POST', '/git/commits', { message: 'render manifests', tree: tree.body.sha, parents: [head] })
    expect(commit.status).toBe(201)
    expect(commit.body).toMatchObject({ message: 'render manifests', tree: { sha: tree.body.sha }, parents: [{ sha: head }] })
    const sha = str(commit.body.sha)

    const patch = await api(s, 'PATCH', '/git/refs/heads/main', { sha, force: false })
    expect(patch.status).toBe(200)
    expect(patch.body).toMatchObject({ ref: 'refs/heads/main', object: { sha } })

    expect(await branchHead(s, 'main')).toBe(sha)
    expect(await readFileAt(s, 'main', 'deploy/manifest.yaml')).toBe('kind: Pod\n')
    expect(await readFileAt(s, 'main', 'deploy/nested/deeper/x.txt')).toBe('x\n')
    expect(await readFileAt(s, 'main', 'deploy/old.yaml')).toBe('old: true\n')
    expect(await readFileAt(s, 'main', 'README.md')).toBe('# shop\n')
    expect(await readFileAt(s, head, 'deploy/manifest.yaml')).toBeUndefined()
    // the state is a real, consistent git repository
    const log = execFileSync('git', ['--git-dir', s.bareRepo, 'log', '--format=%s', 'main'], {
      encoding: 'utf8',
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
    })
    expect(log.trim().split('\n')).toEqual(['render manifests', 'initial'])
    execFileSync('git', ['--git-dir', s.bareRepo, 'fsck', '--strict', '--no-progress'], {
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
    })
  })

  it('tree entries with sha null delete paths; unknown base_tree, tree or parent -> 422', async (ctx) => {
    const s = await start(ctx)
    const head = await pushFiles(s, 'main', { 'a.txt': 'a', 'deploy/x.yaml': 'x', 'deploy/y.yaml': 'y' })
    const c = await api(s, 'GET', `/git/commits/${head}`)
    const tree = await api(s, 'POST', '/git/trees', {
      base_tree: field(c.body.tree, 'sha'),
      tree: [{ path: 'deploy/x.yaml', mode: '100644', type: 'blob', sha: null }],
    })
    expect(tree.status).toBe(201)
    const commit = await api(s, 'POST', '/git/commits', { message: 'rm', tree: tree.body.sha, parents: [head] })
    expect(commit.status).toBe(201)
    expect(await readFileAt(s, str(commit.body.sha), 'deploy/x.yaml')).toBeUndefined()
    expect(await readFileAt(s, str(commit.body.sha), 'deploy/y.yaml')).toBe('y')

    const missing = 'f'.repeat(40)
    expect((await api(s, 'POST', '/git/trees', { base_tree: missing, tree: [] })).status).toBe(422)
    expect((await api(s, 'POST', '/git/commits', { message: 'm', tree: missing, parents: [head] })).status).toBe(422)
    expect((await api(s, 'POST', '/git/commits', { message: 'm', tree: tree.body.sha, parents: [missing] })).status).toBe(422)
    expect((await api(s, 'GET', `/git/commits/${missing}`)).status).toBe(404)
  })

  it('a non-fast-forward PATCH answers 422 and leaves the branch untouched; force: true moves it', async (ctx) => {
    const s = await start(ctx)
    const first = await pushFiles(s, 'main', { 'a.txt': '1' })
    const second = await pushFiles(s, 'main', { 'a.txt': '2' })
    const sideways = await apiCommit(s, first, { 'b.txt': 'b' })
    expect(sideways.status).toBe(201)

    const res = await api(s, 'PATCH', '/git/refs/heads/main', { sha: sideways.body.sha, force: false })
    expect(res.status).toBe(422)
    expect(res.body.message).toBe('Update is not a fast forward')
    expect(res.body.documentation_url).toEqual(expect.any(String))
    expect(await branchHead(s, 'main')).toBe(second)

    const back = await api(s, 'PATCH', '/git/refs/heads/main', { sha: first })
    expect(back.status).toBe(422)

    const forced = await api(s, 'PATCH', '/git/refs/heads/main', { sha: sideways.body.sha, force: true })
    expect(forced.status).toBe(200)
    expect(await branchHead(s, 'main')).toBe(sideways.body.sha)
  })

  it('race: two commits on the same parent, the second PATCH fails 422', async (ctx) => {
    const s = await start(ctx)
    const head = await pushFiles(s, 'main', { 'a.txt': 'a' })
    const one = await apiCommit(s, head, { 'one.txt': '1' })
    const two = await apiCommit(s, head, { 'two.txt': '2' })
    expect(one.body.sha).not.toBe(two.body.sha)
    expect((await api(s, 'PATCH', '/git/refs/heads/main', { sha: one.body.sha })).status).toBe(200)
    const lost = await api(s, 'PATCH', '/git/refs/heads/main', { sha: two.body.sha })
    expect(lost.status).toBe(422)
    expect(lost.body.message).toBe('Update is not a fast forward')
    expect(await branchHead(s, 'main')).toBe(one.body.sha)
  })

  it('race: concurrent PATCHes are compare-and-swap, exactly one wins', async (ctx) => {
    const s = await start(ctx)
    const head = await pushFiles(s, 'main', { 'a.txt': 'a' })
    const commits = await Promise.all([1, 2, 3, 4].map((i) => apiCommit(s, head, { [`f${i}.txt`]: String(i) })))
    const results = await Promise.all(commits.map((c) => api(s, 'PATCH', '/git/refs/heads/main', { sha: c.body.sha })))
    expect(results.map((r) => r.status).sort()).toEqual([200, 422, 422, 422])
    const winner = commits[results.findIndex((r) => r.status === 200)]
    expect(await branchHead(s, 'main')).toBe(winner?.body.sha)
  })

  it('beforeNext runs its hook before the matched handler (branch moved between GET ref and PATCH)', async (ctx) => {
    const s = await start(ctx)
    const head = await pushFiles(s, 'main', { 'a.txt': 'a' })
    const ours = await apiCommit(s, head, { 'ours.txt': 'ours' })
    let theirs = ''
    s.beforeNext('PATCH', /\/git\/refs\/heads\/main$/, async () => {
      theirs = await pushFiles(s, 'main', { 'theirs.txt': 'theirs' })
    })
    // does not fire on non-matching requests
    expect((await api(s, 'GET', '/git/ref/heads/main')).body).toMatchObject({ object: { sha: head } })
    expect(theirs).toBe('')

    const res = await api(s, 'PATCH', '/git/refs/heads/main', { sha: ours.body.sha })
    expect(theirs).toMatch(/^[0-9a-f]{40}$/)
    expect(res.status).toBe(422)
    expect(res.body.message).toBe('Update is not a fast forward')
    expect(await branchHead(s, 'main')).toBe(theirs)

    // once only: a rebased commit now goes through
    const rebased = await apiCommit(s, theirs, { 'ours.txt': 'ours' })
    expect((await api(s, 'PATCH', '/git/refs/heads/main', { sha: rebased.body.sha })).status).toBe(200)
    expect(await readFileAt(s, 'main', 'theirs.txt')).toBe('theirs')
  })

  it('POST git/refs creates a branch once; branch names may contain slashes', async (ctx) => {
    const s = await start(ctx)
    const head = await pushFiles(s, 'main', { 'a.txt': 'a' })
    const created = await api(s, 'POST', '/git/refs', { ref: 'refs/heads/bot/render', sha: head })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ ref: 'refs/heads/bot/render', object: { sha: head } })
    const again = await api(s, 'POST', '/git/refs', { ref: 'refs/heads/bot/render', sha: head })
    expect(again.status).toBe(422)
    expect(again.body.message).toBe('Reference already exists')
    expect((await api(s, 'GET', '/git/ref/heads/bot/render')).body).toMatchObject({ object: { sha: head } })
    expect((await api(s, 'GET', '/git/ref/heads%2Fbot%2Frender')).status).toBe(200)
    const next = await apiCommit(s, head, { 'b.txt': 'b' })
    expect((await api(s, 'PATCH', '/git/refs/heads/bot/render', { sha: next.body.sha })).status).toBe(200)
    expect(await branchHead(s, 'bot/render')).toBe(next.body.sha)
    expect(await branchHead(s, 'main')).toBe(head)
  })
})

describe('auth and rules', () => {
  it('a read-only token gets 403 "Resource not accessible by integration" and the branch is untouched', async (ctx) => {
    const s = await start(ctx)
    const head = await pushFiles(s, 'main', { 'a.txt': 'a' })
    const commit = await apiCommit(s, head, { 'b.txt': 'b' })
    expect((await api(s, 'GET', '/git/ref/heads/main', undefined, READ)).status).toBe(200)
    const res = await api(s, 'PATCH', '/git/refs/heads/main', { sha: commit.body.sha }, READ)
    expect(res.status).toBe(403)
    expect(res.body).toMatchObject({ message: 'Resource not accessible by integration', documentation_url: expect.any(String) })
    expect(await branchHead(s, 'main')).toBe(head)
    expect((await api(s, 'POST', '/git/blobs', { content: 'x', encoding: 'utf-8' }, READ)).status).toBe(403)
    expect((await api(s, 'POST', '/issues/1/comments', { body: 'hi' }, READ)).status).toBe(403)
    expect(s.comments(1)).toEqual([])
  })

  it('a missing or unknown token gets 401 "Bad credentials"', async (ctx) => {
    const s = await start(ctx)
    await pushFiles(s, 'main', { 'a.txt': 'a' })
    for (const token of [null, 'nope']) {
      const res = await api(s, 'GET', '/git/ref/heads/main', undefined, token)
      expect(res.status).toBe(401)
      expect(res.body).toMatchObject({ message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' })
    }
  })

  it('a branch behind a "require a pull request" ruleset rejects ref updates with 422', async (ctx) => {
    const s = await start(ctx, { rulesetRequiresPullRequest: ['main'] })
    const head = await pushFiles(s, 'main', { 'a.txt': 'a' })
    const commit = await apiCommit(s, head, { 'b.txt': 'b' })
    const res = await api(s, 'PATCH', '/git/refs/heads/main', { sha: commit.body.sha })
    expect(res.status).toBe(422)
    expect(str(res.body.message)).toMatch(/^Repository rule violations found\n\nChanges must be made through a pull request\./)
    expect(await branchHead(s, 'main')).toBe(head)
    expect((await api(s, 'POST', '/git/refs', { ref: 'refs/heads/other', sha: commit.body.sha })).status).toBe(201)
  })

  it('404 for missing branches, unknown repositories and unknown routes', async (ctx) => {
    const s = await start(ctx)
    await pushFiles(s, 'main', { 'a.txt': 'a' })
    const missing = await api(s, 'GET', '/git/ref/heads/nope')
    expect(missing.status).toBe(404)
    expect(missing.body.message).toBe('Not Found')
    expect((await api(s, 'GET', '/repos/acme/other/git/ref/heads/main')).status).toBe(404)
    expect((await api(s, 'GET', '/repos/other/shop')).status).toBe(404)
    expect((await api(s, 'GET', '/pulls/1/reviews')).status).toBe(404)
    const ref = await api(s, 'PATCH', '/git/refs/heads/nope', { sha: await branchHead(s, 'main') })
    expect(ref.status).toBe(422)
    expect(ref.body.message).toBe('Reference does not exist')
  })
})

describe('contents and compare', () => {
  it('contents: 200 with base64 wrapped at 60 columns, 404 for a missing path or ref', async (ctx) => {
    const s = await start(ctx)
    const long = `${'line of text for wrapping\n'.repeat(20)}`
    const head = await pushFiles(s, 'main', { 'deploy/app.yaml': long })
    await pushFiles(s, 'main', { 'deploy/app.yaml': 'changed\n' })

    const res = await api(s, 'GET', '/contents/deploy/app.yaml?ref=main')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ type: 'file', encoding: 'base64', path: 'deploy/app.yaml', name: 'app.yaml', size: 8 })
    expect(Buffer.from(str(res.body.content), 'base64').toString('utf8')).toBe('changed\n')

    const old = await api(s, 'GET', `/contents/deploy/app.yaml?ref=${head}`)
    expect(old.status).toBe(200)
    const content = str(old.body.content)
    expect(content.split('\n').every((l) => l.length <= 60)).toBe(true)
    expect(content).toContain('\n')
    expect(Buffer.from(content, 'base64').toString('utf8')).toBe(long)

    expect((await api(s, 'GET', '/contents/deploy/app.yaml')).status).toBe(200)
    expect((await api(s, 'GET', '/contents/deploy/missing.yaml?ref=main')).status).toBe(404)
    expect((await api(s, 'GET', '/contents/deploy/app.yaml?ref=no-such-branch')).status).toBe(404)
    const dir = await api(s, 'GET', '/contents/deploy')
    expect(dir.list.map((e) => e.name)).toEqual(['app.yaml'])
  })

  it('compare reports ahead/behind/diverged and the changed files', async (ctx) => {
    const s = await start(ctx)
    const base = await pushFiles(s, 'main', { 'keep.txt': 'k', 'change.txt': '1', 'drop.txt': 'd' })
    await pushFiles(s, 'feature', { 'change.txt': '2', 'drop.txt': null, 'deploy/new.yaml': 'n' })

    const ahead = await api(s, 'GET', '/compare/main...feature')
    expect(ahead.status).toBe(200)
    expect(ahead.body).toMatchObject({ status: 'ahead', ahead_by: 1, behind_by: 0, merge_base_commit: { sha: base } })
    const files = (ahead.body.files as { filename: string; status: string }[]).map((f) => [f.filename, f.status]).sort()
    expect(files).toEqual([
      ['change.txt', 'modified'],
      ['deploy/new.yaml', 'added'],
      ['drop.txt', 'removed'],
    ])

    expect((await api(s, 'GET', '/compare/feature...main')).body).toMatchObject({ status: 'behind', ahead_by: 0, behind_by: 1, files: [] })
    expect((await api(s, 'GET', `/compare/main...${base}`)).body).toMatchObject({ status: 'identical', ahead_by: 0, behind_by: 0 })
    await pushFiles(s, 'main', { 'other.txt': 'o' })
    expect((await api(s, 'GET', '/compare/main...feature')).body).toMatchObject({ status: 'diverged', ahead_by: 1, behind_by: 1 })
    expect((await api(s, 'GET', '/compare/main...nope')).status).toBe(404)
  })

  it('compare lists at most 300 files, silently, like GitHub; a rename carries its old name', async (ctx) => {
    const s = await start(ctx)
    await pushFiles(s, 'main', { 'a/Dockerfile': 'FROM alpine\n' })
    const many = Object.fromEntries(Array.from({ length: 305 }, (_, i) => [`docs/page-${String(i).padStart(3, '0')}.md`, 'a page\n']))
    await pushFiles(s, 'feature', { ...many })
    const cut = await api(s, 'GET', '/compare/main...feature')
    expect(cut.status).toBe(200)
    expect((cut.body.files as unknown[]).length).toBe(300)
    expect(cut.body).not.toHaveProperty('too_many_files')

    // A rename as a user pushes it: the same content under a new path.
    await pushFiles(s, 'renamed', { 'a/Dockerfile': null, 'b/Dockerfile.old': 'FROM alpine\n' })
    const res = await api(s, 'GET', '/compare/main...renamed')
    expect(res.body.files).toEqual([{ filename: 'b/Dockerfile.old', previous_filename: 'a/Dockerfile', status: 'renamed' }])
  })

  it('compare paginates its commits when asked, with the files on the first page only', async (ctx) => {
    const s = await start(ctx)
    const base = await pushFiles(s, 'main', { 'x.txt': '0' })
    for (let i = 1; i <= 5; i++) await pushFiles(s, 'main', { 'x.txt': String(i) })
    const first = await api(s, 'GET', `/compare/${base}...main?per_page=2`)
    expect((first.body.commits as unknown[]).length).toBe(2)
    expect(first.body.files).toEqual([{ filename: 'x.txt', status: 'modified' }])
    expect(first.headers.get('link')).toMatch(/[?&]page=2>; rel="next", <[^>]*[?&]page=3>; rel="last"$/)
    const last = await api(s, 'GET', `/compare/${base}...main?per_page=2&page=3`)
    expect((last.body.commits as unknown[]).length).toBe(1)
    expect(last.body).not.toHaveProperty('files')
    expect(last.headers.get('link')).toBeNull()
    expect(((await api(s, 'GET', `/compare/${base}...main`)).body.commits as unknown[]).length).toBe(5)
  })
})

describe('comments', () => {
  it('create, paginate with a Link header, update in place, reject bodies over 65536 characters', async (ctx) => {
    const s = await start(ctx)
    const ids: number[] = []
    for (const body of ['one', 'two', 'three']) {
      const res = await api(s, 'POST', '/issues/7/comments', { body })
      expect(res.status).toBe(201)
      expect(res.body).toMatchObject({ body, user: { login: 'github-actions[bot]' }, html_url: expect.any(String) })
      ids.push(Number(res.body.id))
    }
    expect(ids[1]).toBeGreaterThan(ids[0] ?? Number.POSITIVE_INFINITY)

    const page1 = await api(s, 'GET', '/issues/7/comments?per_page=2')
    expect(page1.list.map((c) => c.body)).toEqual(['one', 'two'])
    const next = /<([^>]+)>;\s*rel="next"/.exec(page1.headers.get('link') ?? '')?.[1]
    expect(next).toBeDefined()
    expect(next?.startsWith(s.url)).toBe(true)
    const page2 = await api(s, 'GET', (next ?? '').slice(s.url.length))
    expect(page2.list.map((c) => c.body)).toEqual(['three'])
    expect(page2.headers.get('link') ?? '').not.toContain('rel="next"')
    expect((await api(s, 'GET', '/issues/7/comments')).list).toHaveLength(3)
    expect((await api(s, 'GET', '/issues/8/comments')).list).toEqual([])

    const updated = await api(s, 'PATCH', `/issues/comments/${ids[1]}`, { body: 'two, edited' })
    expect(updated.status).toBe(200)
    expect(updated.body).toMatchObject({ id: ids[1], body: 'two, edited' })
    expect(s.comments(7)).toEqual([
      { id: ids[0], body: 'one', user: 'github-actions[bot]' },
      { id: ids[1], body: 'two, edited', user: 'github-actions[bot]' },
      { id: ids[2], body: 'three', user: 'github-actions[bot]' },
    ])
    expect((await api(s, 'PATCH', '/issues/comments/999999', { body: 'x' })).status).toBe(404)

    const tooLong = await api(s, 'POST', '/issues/7/comments', { body: 'x'.repeat(65537) })
    expect(tooLong.status).toBe(422)
    expect(tooLong.body).toMatchObject({
      message: 'Validation Failed',
      errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: 'body is too long (maximum is 65536 characters)' }],
    })
    expect((await api(s, 'PATCH', `/issues/comments/${ids[0]}`, { body: 'y'.repeat(65537) })).status).toBe(422)
    expect((await api(s, 'POST', '/issues/7/comments', { body: 'z'.repeat(65536) })).status).toBe(201)
    expect(s.comments(7)).toHaveLength(4)
    expect(s.comments(7)[0]?.body).toBe('one')
  })
})

describe('signing and fault injection', () => {
  it('commits by the workflow bot are verified, by a user login or with an explicit author are not', async (ctx) => {
    const s = await start(ctx)
    const head = await pushFiles(s, 'main', { 'a.txt': 'a' })
    const bot = await apiCommit(s, head, { 'b.txt': 'b' })
    expect(bot.body.verification).toMatchObject({ verified: true, reason: 'valid' })
    expect(bot.body.author).toMatchObject({ name: 'github-actions[bot]' })
    expect((await api(s, 'GET', `/git/commits/${str(bot.body.sha)}`)).body.verification).toMatchObject({ verified: true })

    const user = await apiCommit(s, head, { 'c.txt': 'c' }, USER)
    expect(user.body.verification).toMatchObject({ verified: false, reason: 'unsigned' })
    expect(user.body.author).toMatchObject({ name: 'octocat' })

    const authored = await apiCommit(s, head, { 'd.txt': 'd' }, WRITE, { author: { name: 'Someone', email: 'someone@example.com' } })
    expect(authored.body.verification).toMatchObject({ verified: false, reason: 'unsigned' })
    expect(authored.body.author).toMatchObject({ name: 'Someone', email: 'someone@example.com' })

    const comment = await api(s, 'POST', '/issues/1/comments', { body: 'hi' }, USER)
    expect(comment.body.user).toMatchObject({ login: 'octocat' })
  })

  it('failNext injects a status (with headers) for the next matching requests only', async (ctx) => {
    const s = await start(ctx)
    await pushFiles(s, 'main', { 'a.txt': 'a' })
    s.failNext('GET', /\/git\/ref\/heads\/main$/, 502, 2, 'Server Error', { 'retry-after': '1' })
    const first = await api(s, 'GET', '/git/ref/heads/main')
    expect(first.status).toBe(502)
    expect(first.body).toMatchObject({ message: 'Server Error', documentation_url: expect.any(String) })
    expect(first.headers.get('retry-after')).toBe('1')
    expect((await api(s, 'GET', '/git/ref/heads/other')).status).toBe(404)
    expect((await api(s, 'GET', '/git/ref/heads/main')).status).toBe(502)
    expect((await api(s, 'GET', '/git/ref/heads/main')).status).toBe(200)

    s.failNext('POST', /\/issues\/\d+\/comments$/, 500)
    expect((await api(s, 'POST', '/issues/3/comments', { body: 'x' })).status).toBe(500)
    expect(s.comments(3)).toEqual([])
    expect((await api(s, 'POST', '/issues/3/comments', { body: 'x' })).status).toBe(201)

    const log = s.requests.filter((r) => r.path === '/repos/acme/shop/git/ref/heads/main')
    expect(log.map((r) => r.status)).toEqual([502, 502, 200])
    expect(s.requests.every((r) => r.method.length > 0)).toBe(true)
  })
})

describe('the token account', () => {
  async function graphql(s: GitHubStandIn, token: string, query: string): Promise<{ status: number; body: Record<string, unknown> }> {
    const res = await fetch(`${s.url}/graphql`, {
      method: 'POST',
      headers: { authorization: `bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    })
    return { status: res.status, body: (await res.json()) as Record<string, unknown> }
  }

  it("answers GraphQL's viewer with the token's login, and comments carry it as their author", async (ctx) => {
    const s = await start(ctx)
    expect(await graphql(s, WRITE, 'query { viewer { login } }')).toEqual({
      status: 200,
      body: { data: { viewer: { login: 'github-actions[bot]' } } },
    })
    expect((await graphql(s, USER, '{ viewer { login } }')).body).toEqual({ data: { viewer: { login: 'octocat' } } })
    expect((await graphql(s, 'no-such-token', '{ viewer { login } }')).status).toBe(401)
    // Like GitHub, a query it cannot answer is a 200 with errors, never a made-up answer.
    const other = await graphql(s, WRITE, '{ viewer { login email } }')
    expect(other.status).toBe(200)
    expect(other.body).toEqual({ errors: [expect.objectContaining({ message: expect.any(String) })] })

    await api(s, 'POST', '/issues/3/comments', { body: 'by the bot' })
    await api(s, 'POST', '/issues/3/comments', { body: 'by a user' }, USER)
    const listed = await api(s, 'GET', '/issues/3/comments')
    expect(listed.list.map((c) => (c.user as Record<string, unknown>).login)).toEqual(['github-actions[bot]', 'octocat'])
    expect(s.comments(3).map((c) => c.user)).toEqual(['github-actions[bot]', 'octocat'])
  })
})
