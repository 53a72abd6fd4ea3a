/**
 * Test harness: a local stand-in for the parts of the GitHub REST API (and of GraphQL: the token's viewer) the
 * action's commit and comment paths use, served on 127.0.0.1 and backed by a
 * REAL bare git repository (git CLI plumbing) plus in-memory comments.
 *
 * Nothing is canned: refs, commits, trees and blobs live in the bare repo;
 * ref updates are compare-and-swap (`git update-ref REF NEW OLD`), so races
 * behave like GitHub ("Update is not a fast forward"). Comments and the
 * "signed by GitHub" flag of API-created commits live in memory.
 *
 * Conventions:
 *   - `requests[].path`, `beforeNext` and `failNext` use the raw URL pathname
 *     WITHOUT the query string (`requests[].search` holds the query).
 *   - `failNext` is checked before auth and routing (like a proxy/5xx in front
 *     of GitHub); a faulted request does not consume a `beforeNext` hook.
 *   - Branch names may contain slashes, raw or %2F-encoded.
 */
import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

export interface TokenGrant {
  contents: 'read' | 'write'
  pullRequests: 'read' | 'write'
  /** Commit statuses; without `write` (the default), POST /statuses/{sha} answers 403. */
  statuses?: 'read' | 'write'
  /**
   * The account the token acts as: default 'github-actions[bot]' (the workflow's token). A login ending
   * in `[bot]` is an app's and gets GitHub-signed commits; another is a user's personal token. Comments
   * are recorded as written by it, and GraphQL's `viewer { login }` answers it.
   */
  login?: string
}

export interface StandInOptions {
  owner?: string
  repo?: string
  defaultBranch?: string
  /** token value -> grant; default `{ 'workflow-token': { contents: 'write', pullRequests: 'write' } }` */
  tokens?: Record<string, TokenGrant>
  /** Branch names protected by a "require a pull request" ruleset. */
  rulesetRequiresPullRequest?: string[]
}

export interface RequestRecord {
  method: string
  /** URL pathname without the query string. */
  path: string
  /** Query string including the leading `?` ('' when none). */
  search: string
  status: number
  /** `Date.now()` when the answer was sent (the fake clock's, under fake timers). */
  at: number
}

export interface StandInComment {
  id: number
  body: string
  user: string
}

export interface StandInStatus {
  id: number
  state: string
  context: string
  description: string | null
  targetUrl: string | null
  creator: string
}

export interface GitHubStandIn {
  /** `http://127.0.0.1:PORT` (use as GITHUB_API_URL). */
  url: string
  /** Path of the bare git repository (usable as a git remote). */
  bareRepo: string
  owner: string
  repo: string
  /** Commit statuses posted on `sha`, oldest first. */
  statuses(sha: string): StandInStatus[]
  /** Current comments of an issue / pull request, oldest first. */
  comments(issueNumber: number): StandInComment[]
  /** Log of every request, in order of completion. */
  requests: RequestRecord[]
  /** Runs `hook` before the handler of the next request matching method + pathname regex (once). */
  beforeNext(method: string, path: RegExp, hook: () => Promise<void> | void): void
  /** The next `count` (default 1) requests matching method + pathname answer `status` with a GitHub-style JSON error body. */
  failNext(method: string, path: RegExp, status: number, count?: number, message?: string, headers?: Record<string, string>): void
  /** Stops the server and deletes its temp dir. Idempotent. */
  close(): Promise<void>
}

const ZERO_SHA = '0000000000000000000000000000000000000000'
const DOCS = 'https://docs.github.com/rest'
const FULL_SHA = /^[0-9a-f]{40}$/
const MAX_COMMENT = 65536
/** The contents API inlines a file's content up to 1 MB. */
const MAX_INLINE_CONTENT = 1024 * 1024
/** GitHub's compare API lists at most this many changed files, and does not say when it left some out. */
const COMPARE_FILE_LIMIT = 300
const DEFAULT_TOKENS: Record<string, TokenGrant> = { 'workflow-token': { contents: 'write', pullRequests: 'write', statuses: 'write' } }
/** GitHub's limits on a commit status: context and description lengths, and statuses per context and commit. */
const STATUS_CONTEXT_MAX = 255
const STATUS_DESCRIPTION_MAX = 140
const STATUSES_PER_CONTEXT = 1000
const STATUS_STATES = new Set(['error', 'failure', 'pending', 'success'])

// ---------------------------------------------------------------------------
// git plumbing
// ---------------------------------------------------------------------------

interface GitResult {
  code: number
  stdout: Buffer
  stderr: string
}

interface Identity {
  name: string
  email: string
  /** git date format, e.g. `1700000000 +0000` */
  date?: string
}

interface TreeEntry {
  mode: string
  type: string
  sha: string
  size: number | undefined
  path: string
}

class Git {
  readonly home: string
  constructor(readonly bareRepo: string) {
    this.home = dirname(bareRepo)
  }

  env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {}
    for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('GIT_')) env[k] = v
    return {
      ...env,
      HOME: this.home,
      XDG_CONFIG_HOME: join(this.home, '.config'),
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_DIR: this.bareRepo,
      GIT_TERMINAL_PROMPT: '0',
      GIT_LITERAL_PATHSPECS: '1',
      GIT_AUTHOR_NAME: 'Test User',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'Test User',
      GIT_COMMITTER_EMAIL: 'test@example.com',
      LC_ALL: 'C',
      ...extra,
    }
  }

  run(args: string[], opts: { input?: Buffer | string; env?: Record<string, string> } = {}): Promise<GitResult> {
    return new Promise((resolve, reject) => {
      const child = execFile(
        'git',
        args,
        { env: this.env(opts.env), cwd: this.home, encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 },
        (error, stdout, stderr) => {
          const err = error as (Error & { code?: unknown }) | null
          if (err && typeof err.code !== 'number') {
            reject(err)
            return
          }
          resolve({ code: err ? Number(err.code) : 0, stdout, stderr: stderr.toString('utf8') })
        },
      )
      child.stdin?.on('error', () => {})
      child.stdin?.end(opts.input ?? '')
    })
  }

  /** Runs git and returns trimmed stdout; throws on a non-zero exit. */
  async ok(args: string[], opts: { input?: Buffer | string; env?: Record<string, string> } = {}): Promise<string> {
    const r = await this.run(args, opts)
    if (r.code !== 0) throw new Error(`git ${args.join(' ')} exited ${r.code}: ${r.stderr.trim()}`)
    return r.stdout.toString('utf8').trim()
  }

  /** Types of objects known to exist (objects are immutable, so this never goes stale). */
  private readonly types = new Map<string, string>()

  async objectType(sha: string): Promise<string | undefined> {
    if (!FULL_SHA.test(sha)) return undefined
    const known = this.types.get(sha)
    if (known) return known
    const r = await this.run(['cat-file', '-t', sha])
    if (r.code !== 0) return undefined
    const type = r.stdout.toString('utf8').trim()
    this.types.set(sha, type)
    return type
  }

  /**
   * Sha the full ref name points at, or undefined. Reads the ref like git's
   * files backend does (loose ref file, then packed-refs) instead of spawning
   * `git rev-parse`: update-ref replaces loose refs by rename, so a read sees
   * either the old or the new value.
   */
  async refSha(ref: string, depth = 0): Promise<string | undefined> {
    if (!isValidRefName(ref) || depth > 5) return undefined
    try {
      const value = (await readFile(join(this.bareRepo, ref), 'utf8')).trim()
      if (FULL_SHA.test(value)) return value
      if (value.startsWith('ref: ')) return this.refSha(value.slice(5), depth + 1)
      return undefined
    } catch (err) {
      const code = (err as { code?: unknown }).code
      if (code !== 'ENOENT' && code !== 'EISDIR' && code !== 'ENOTDIR') throw err
    }
    let packed = ''
    try {
      packed = await readFile(join(this.bareRepo, 'packed-refs'), 'utf8')
    } catch {
      return undefined
    }
    for (const line of packed.split('\n')) {
      const [sha, name] = line.split(' ')
      if (name === ref && sha && FULL_SHA.test(sha)) return sha
    }
    return undefined
  }

  /** Resolves a branch name, tag name, `heads/x`, `refs/heads/x` or (abbreviated) commit sha to a commit sha. */
  async resolveCommit(ref: string): Promise<string | undefined> {
    if (FULL_SHA.test(ref) && (await this.objectType(ref)) === 'commit') return ref
    if (/^[0-9a-f]{4,39}$/.test(ref)) {
      const r = await this.run(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])
      if (r.code === 0) return r.stdout.toString('utf8').trim()
    }
    const candidates = [`refs/heads/${ref}`, `refs/tags/${ref}`, `refs/${ref}`]
    if (ref.startsWith('refs/')) candidates.unshift(ref)
    for (const name of candidates) {
      const sha = await this.refSha(name)
      if (!sha) continue
      const type = await this.objectType(sha)
      if (type === 'commit') return sha
      if (type !== 'tag') continue
      const r = await this.run(['rev-parse', '--verify', '--quiet', `${sha}^{commit}`])
      if (r.code === 0) return r.stdout.toString('utf8').trim()
    }
    return undefined
  }

  /** Records the type of an object this process just wrote. */
  known(sha: string, type: string): string {
    this.types.set(sha, type)
    return sha
  }

  async writeBlob(content: Buffer | string): Promise<string> {
    return this.known(await this.ok(['hash-object', '-w', '--stdin'], { input: content }), 'blob')
  }

  /** Entries of a tree (optionally recursive). */
  async lsTree(treeish: string, opts: { recursive?: boolean; path?: string } = {}): Promise<TreeEntry[]> {
    const args = ['ls-tree', '-z', '-l']
    if (opts.recursive) args.push('-r')
    args.push(treeish)
    if (opts.path !== undefined) args.push('--', opts.path)
    const out = (await this.run(args)).stdout.toString('utf8')
    const entries: TreeEntry[] = []
    for (const line of out.split('\0')) {
      const m = /^(\d+) (\w+) ([0-9a-f]+) +(-|\d+)\t(.*)$/s.exec(line)
      if (!m) continue
      const [, mode = '', type = '', sha = '', size = '-', path = ''] = m
      entries.push({ mode, type, sha, size: size === '-' ? undefined : Number(size), path })
    }
    return entries
  }

  /** Writes a tree from a path -> {mode, sha} map using a temporary index. */
  async writeTree(files: Map<string, { mode: string; sha: string }>): Promise<string> {
    const indexFile = join(this.home, `index-${randomUUID()}`)
    const env = { GIT_INDEX_FILE: indexFile }
    try {
      const lines = [...files].map(([path, e]) => `${e.mode} ${e.sha}\t${path}\n`).join('')
      if (lines) await this.ok(['update-index', '--add', '--replace', '--index-info'], { input: lines, env })
      return this.known(await this.ok(['write-tree'], { env }), 'tree')
    } finally {
      await rm(indexFile, { force: true })
    }
  }

  async commitTree(tree: string, parents: string[], message: string, author: Identity, committer: Identity): Promise<string> {
    const env: Record<string, string> = {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_COMMITTER_NAME: committer.name,
      GIT_COMMITTER_EMAIL: committer.email,
    }
    if (author.date) env.GIT_AUTHOR_DATE = author.date
    if (committer.date) env.GIT_COMMITTER_DATE = committer.date
    const args = ['commit-tree', tree]
    for (const p of parents) args.push('-p', p)
    return this.known(await this.ok(args, { input: message, env }), 'commit')
  }

  /** Compare-and-swap ref update (`old` = ZERO_SHA means "must not exist"; undefined = unconditional). */
  async updateRef(ref: string, next: string, old: string | undefined): Promise<boolean> {
    const args = ['update-ref', ref, next]
    if (old !== undefined) args.push(old)
    return (await this.run(args)).code === 0
  }

  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    const r = await this.run(['merge-base', '--is-ancestor', ancestor, descendant])
    if (r.code > 1) throw new Error(`git merge-base --is-ancestor failed: ${r.stderr}`)
    return r.code === 0
  }

  async readCommit(sha: string): Promise<ParsedCommit | undefined> {
    if (!FULL_SHA.test(sha)) return undefined
    const r = await this.run(['cat-file', 'commit', sha])
    if (r.code !== 0) return undefined
    this.types.set(sha, 'commit')
    const raw = r.stdout.toString('utf8')
    const split = raw.indexOf('\n\n')
    const header = split >= 0 ? raw.slice(0, split) : raw
    const message = split >= 0 ? raw.slice(split + 2) : ''
    const commit: ParsedCommit = { sha, tree: '', parents: [], author: undefined, committer: undefined, message }
    for (const line of header.split('\n')) {
      const sp = line.indexOf(' ')
      const key = line.slice(0, sp)
      const value = line.slice(sp + 1)
      if (key === 'tree') commit.tree = value
      else if (key === 'parent') commit.parents.push(value)
      else if (key === 'author') commit.author = parseIdentity(value)
      else if (key === 'committer') commit.committer = parseIdentity(value)
    }
    return commit
  }
}

interface ParsedCommit {
  sha: string
  tree: string
  parents: string[]
  author: { name: string; email: string; date: string } | undefined
  committer: { name: string; email: string; date: string } | undefined
  message: string
}

function parseIdentity(value: string): { name: string; email: string; date: string } {
  const m = /^(.*) <(.*)> (\d+) ([+-]\d{4})$/.exec(value)
  if (!m) return { name: value, email: '', date: '' }
  const [, name = '', email = '', ts = '0'] = m
  return { name, email, date: isoSeconds(new Date(Number(ts) * 1000)) }
}

/** `git check-ref-format` rules, checked in-process (saves a spawn per lookup). */
function isValidRefName(ref: string): boolean {
  if (ref === '@' || ref.endsWith('/') || ref.endsWith('.') || ref.includes('..') || ref.includes('@{') || ref.includes('//')) return false
  // biome-ignore lint/suspicious/noControlCharactersInRegex: git forbids control characters in ref names
  if (/[\x00-\x20\x7f~^:?*[\\]/.test(ref)) return false
  const parts = ref.split('/')
  return parts.length >= 2 && parts.every((p) => p !== '' && !p.startsWith('.') && !p.endsWith('.lock'))
}

function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

function gitNow(): string {
  return `${Math.floor(Date.now() / 1000)} +0000`
}

function wrapBase64(buf: Buffer): string {
  const b64 = buf.toString('base64')
  const lines: string[] = []
  for (let i = 0; i < b64.length; i += 60) lines.push(b64.slice(i, i + 60))
  return lines.length ? `${lines.join('\n')}\n` : ''
}

function noreplyEmail(login: string): string {
  return login === 'github-actions[bot]' ? '41898282+github-actions[bot]@users.noreply.github.com' : `${login}@users.noreply.github.com`
}

// ---------------------------------------------------------------------------
// HTTP plumbing
// ---------------------------------------------------------------------------

class HttpError extends Error {
  readonly status: number
  readonly extra: Record<string, unknown>
  constructor(status: number, message: string, extra: Record<string, unknown> = {}) {
    super(message)
    this.status = status
    this.extra = extra
  }
}

interface Reply {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

type Json = Record<string, unknown>

function positiveInt(value: string | null): number | undefined {
  const n = Number.parseInt(value ?? '', 10)
  return Number.isFinite(n) && n > 0 ? n : undefined
}

function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function notFound(): HttpError {
  return new HttpError(404, 'Not Found')
}

function errorBody(status: number, message: string, extra: Record<string, unknown> = {}): Json {
  return { message, documentation_url: DOCS, ...extra, status: String(status) }
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

interface Hook {
  method: string
  path: RegExp
  run: () => Promise<void> | void
}

interface Fault {
  method: string
  path: RegExp
  status: number
  remaining: number
  message: string | undefined
  headers: Record<string, string>
}

interface StoredComment {
  id: number
  issue: number
  body: string
  user: string
  createdAt: string
  updatedAt: string
}

interface Ctx {
  method: string
  /** decoded path after `/repos/{owner}/{repo}` ('' for the repo itself) */
  rest: string
  rawPath: string
  query: URLSearchParams
  body: unknown
  grant: TokenGrant
  login: string
}

function matches(method: string, path: RegExp, reqMethod: string, reqPath: string): boolean {
  path.lastIndex = 0
  return method.toUpperCase() === reqMethod && path.test(reqPath)
}

// ---------------------------------------------------------------------------
// The stand-in
// ---------------------------------------------------------------------------

export async function startGitHubStandIn(opts: StandInOptions = {}): Promise<GitHubStandIn> {
  const owner = opts.owner ?? 'acme'
  const repo = opts.repo ?? 'shop'
  const defaultBranch = opts.defaultBranch ?? 'main'
  const tokens = opts.tokens ?? DEFAULT_TOKENS
  const protectedBranches = new Set(opts.rulesetRequiresPullRequest ?? [])

  const tmp = await mkdtemp(join(tmpdir(), 'github-standin-'))
  const bareRepo = join(tmp, 'repo.git')
  const git = new Git(bareRepo)
  await mkdir(join(tmp, '.config'), { recursive: true })
  await git.ok(['init', '--bare', '--quiet', '--template=', `--initial-branch=${defaultBranch}`, bareRepo])

  const requests: RequestRecord[] = []
  const hooks: Hook[] = []
  const faults: Fault[] = []
  const comments: StoredComment[] = []
  const signed = new Map<string, boolean>()
  let nextCommentId = 1000
  const statuses = new Map<string, (StandInStatus & { createdAt: string })[]>()
  let nextStatusId = 5000
  let baseUrl = ''

  const repoJson = (): Json => ({
    id: 1,
    node_id: 'R_standin',
    name: repo,
    full_name: `${owner}/${repo}`,
    owner: { login: owner, type: 'Organization' },
    private: false,
    html_url: `https://github.com/${owner}/${repo}`,
    url: `${baseUrl}/repos/${owner}/${repo}`,
    default_branch: defaultBranch,
  })

  const requireWrite = (ctx: Ctx, scope: 'contents' | 'pullRequests' | 'statuses'): void => {
    if (ctx.grant[scope] !== 'write') throw new HttpError(403, 'Resource not accessible by integration')
  }

  const checkRuleset = (ref: string): void => {
    if (ref.startsWith('refs/heads/') && protectedBranches.has(ref.slice('refs/heads/'.length))) {
      throw new HttpError(422, 'Repository rule violations found\n\nChanges must be made through a pull request.\n\n')
    }
  }

  const refJson = (ref: string, sha: string, type = 'commit'): Json => ({
    ref,
    node_id: `REF_${ref}`,
    url: `${baseUrl}/repos/${owner}/${repo}/git/${ref}`,
    object: { sha, type, url: `${baseUrl}/repos/${owner}/${repo}/git/${type}s/${sha}` },
  })

  const commitJson = (c: ParsedCommit): Json => {
    const verified = signed.get(c.sha) === true
    return {
      sha: c.sha,
      node_id: `C_${c.sha}`,
      url: `${baseUrl}/repos/${owner}/${repo}/git/commits/${c.sha}`,
      html_url: `https://github.com/${owner}/${repo}/commit/${c.sha}`,
      author: c.author,
      committer: c.committer,
      tree: { sha: c.tree, url: `${baseUrl}/repos/${owner}/${repo}/git/trees/${c.tree}` },
      message: c.message,
      parents: c.parents.map((sha) => ({ sha, url: `${baseUrl}/repos/${owner}/${repo}/git/commits/${sha}` })),
      verification: verified
        ? {
            verified: true,
            reason: 'valid',
            signature: '-----BEGIN PGP SIGNATURE-----\nstand-in\n-----END PGP SIGNATURE-----\n',
            payload: c.message,
          }
        : { verified: false, reason: 'unsigned', signature: null, payload: null },
    }
  }

  const commentJson = (c: StoredComment): Json => ({
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${baseUrl}/repos/${owner}/${repo}/issues/comments/${c.id}`,
    html_url: `https://github.com/${owner}/${repo}/issues/${c.issue}#issuecomment-${c.id}`,
    issue_url: `${baseUrl}/repos/${owner}/${repo}/issues/${c.issue}`,
    body: c.body,
    user: { login: c.user, type: c.user.endsWith('[bot]') ? 'Bot' : 'User' },
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    author_association: c.user.endsWith('[bot]') ? 'NONE' : 'MEMBER',
  })

  const commentBody = (body: unknown): string => {
    if (!isRecord(body) || typeof body.body !== 'string') {
      throw new HttpError(422, 'Validation Failed', {
        errors: [{ resource: 'IssueComment', code: 'missing_field', field: 'body' }],
      })
    }
    if ([...body.body].length > MAX_COMMENT) {
      throw new HttpError(422, 'Validation Failed', {
        errors: [
          {
            resource: 'IssueComment',
            code: 'custom',
            field: 'body',
            message: `body is too long (maximum is ${MAX_COMMENT} characters)`,
          },
        ],
      })
    }
    return body.body
  }

  // ---- handlers -----------------------------------------------------------

  async function getRef(ref: string): Promise<Reply> {
    const full = `refs/${ref}`
    const sha = await git.refSha(full)
    if (!sha) throw notFound()
    return { status: 200, body: refJson(full, sha, (await git.objectType(sha)) ?? 'commit') }
  }

  async function getCommit(sha: string): Promise<Reply> {
    const c = await git.readCommit(sha)
    if (!c) throw notFound()
    return { status: 200, body: commitJson(c) }
  }

  async function createBlob(ctx: Ctx): Promise<Reply> {
    requireWrite(ctx, 'contents')
    const b = ctx.body
    if (!isRecord(b) || typeof b.content !== 'string') throw new HttpError(422, 'Invalid request.\n\n"content" wasn\'t supplied.')
    const encoding = b.encoding ?? 'utf-8'
    let data: Buffer
    if (encoding === 'utf-8' || encoding === 'utf8') data = Buffer.from(b.content, 'utf8')
    else if (encoding === 'base64') data = Buffer.from(b.content, 'base64')
    else throw new HttpError(422, `encoding must be one of: utf-8, base64`)
    const sha = await git.writeBlob(data)
    return { status: 201, body: { sha, url: `${baseUrl}/repos/${owner}/${repo}/git/blobs/${sha}` } }
  }

  async function getBlob(sha: string): Promise<Reply> {
    if ((await git.objectType(sha)) !== 'blob') throw notFound()
    const data = (await git.run(['cat-file', 'blob', sha])).stdout
    return {
      status: 200,
      body: {
        sha,
        node_id: `B_${sha}`,
        size: data.length,
        url: `${baseUrl}/repos/${owner}/${repo}/git/blobs/${sha}`,
        content: wrapBase64(data),
        encoding: 'base64',
      },
    }
  }

  async function createTree(ctx: Ctx): Promise<Reply> {
    requireWrite(ctx, 'contents')
    const b = ctx.body
    if (!isRecord(b) || !Array.isArray(b.tree)) throw new HttpError(422, "Invalid request.\n\nFor 'properties/tree', nil is not an array.")
    const files = new Map<string, { mode: string; sha: string }>()
    if (b.base_tree !== undefined && b.base_tree !== null) {
      if (typeof b.base_tree !== 'string' || (await git.objectType(b.base_tree)) !== 'tree')
        throw new HttpError(422, 'GitRPC::BadObjectState')
      for (const e of await git.lsTree(b.base_tree, { recursive: true })) files.set(e.path, { mode: e.mode, sha: e.sha })
    }
    const removeUnder = (path: string): void => {
      for (const key of [...files.keys()]) if (key === path || key.startsWith(`${path}/`)) files.delete(key)
    }
    const removeFileAncestors = (path: string): void => {
      const parts = path.split('/')
      for (let i = 1; i < parts.length; i++) files.delete(parts.slice(0, i).join('/'))
    }
    const modeType: Record<string, string> = { '100644': 'blob', '100755': 'blob', '120000': 'blob', '040000': 'tree', '160000': 'commit' }
    for (const entry of b.tree) {
      if (!isRecord(entry)) throw new HttpError(422, 'Invalid tree info')
      const { path, mode, type } = entry
      if (typeof path !== 'string' || path === '' || /[\0\n]/.test(path) || path.endsWith('/') || path.includes('//')) {
        throw new HttpError(422, 'tree.path contains a malformed path component')
      }
      if (path.startsWith('/')) throw new HttpError(422, 'tree.path cannot start with a slash')
      if (path.split('/').some((p) => p === '.' || p === '..' || p === '.git'))
        throw new HttpError(422, 'tree.path contains a malformed path component')
      const normMode = mode === '40000' ? '040000' : mode
      if (typeof normMode !== 'string' || !(normMode in modeType)) throw new HttpError(422, 'Must supply a valid tree.mode')
      const wantType = modeType[normMode] ?? 'blob'
      if (type !== undefined && type !== wantType) throw new HttpError(422, `Must supply a valid tree.type`)
      const hasContent = entry.content !== undefined && entry.content !== null
      if (hasContent && entry.sha !== undefined)
        throw new HttpError(422, 'Must supply either tree.sha or tree.content. Request will be rejected if both are present.')
      if (entry.sha === null) {
        removeUnder(path)
        continue
      }
      let sha: string
      if (hasContent) {
        if (typeof entry.content !== 'string' || wantType !== 'blob') throw new HttpError(422, 'Invalid tree info')
        sha = await git.writeBlob(entry.content)
      } else {
        if (typeof entry.sha !== 'string') throw new HttpError(422, 'Must supply either tree.sha or tree.content.')
        sha = entry.sha
        if (wantType !== 'commit' && (await git.objectType(sha)) !== wantType)
          throw new HttpError(422, `tree.sha ${sha} is not a valid ${wantType}`)
        if (wantType === 'commit' && !FULL_SHA.test(sha)) throw new HttpError(422, `tree.sha ${sha} is not a valid commit`)
      }
      removeUnder(path)
      removeFileAncestors(path)
      if (wantType === 'tree') {
        for (const e of await git.lsTree(sha, { recursive: true })) files.set(`${path}/${e.path}`, { mode: e.mode, sha: e.sha })
      } else {
        files.set(path, { mode: normMode, sha })
      }
    }
    const sha = await git.writeTree(files)
    const tree = (await git.lsTree(sha)).map((e) => ({ path: e.path, mode: e.mode, type: e.type, sha: e.sha, size: e.size }))
    return { status: 201, body: { sha, url: `${baseUrl}/repos/${owner}/${repo}/git/trees/${sha}`, tree, truncated: false } }
  }

  function identity(v: unknown, what: string): Identity | undefined {
    if (v === undefined || v === null) return undefined
    if (!isRecord(v) || typeof v.name !== 'string' || typeof v.email !== 'string') {
      throw new HttpError(422, `Invalid request.\n\n"name", "email" weren't supplied for ${what}.`)
    }
    const id: Identity = { name: v.name, email: v.email }
    if (v.date !== undefined) {
      const ms = typeof v.date === 'string' ? Date.parse(v.date) : Number.NaN
      if (Number.isNaN(ms)) throw new HttpError(422, `Invalid request.\n\n${what}.date is not a valid date-time`)
      id.date = `${Math.floor(ms / 1000)} +0000`
    }
    return id
  }

  async function createCommit(ctx: Ctx): Promise<Reply> {
    requireWrite(ctx, 'contents')
    const b = ctx.body
    if (!isRecord(b) || typeof b.message !== 'string' || typeof b.tree !== 'string') {
      throw new HttpError(422, 'Invalid request.\n\n"message", "tree" weren\'t supplied.')
    }
    const parents = b.parents ?? []
    if (!Array.isArray(parents) || !parents.every((p): p is string => typeof p === 'string')) {
      throw new HttpError(422, "Invalid request.\n\nFor 'properties/parents', is not an array of strings.")
    }
    if ((await git.objectType(b.tree)) !== 'tree') throw new HttpError(422, 'Tree SHA does not exist')
    for (const p of parents) {
      if ((await git.objectType(p)) !== 'commit') throw new HttpError(422, 'Parent SHA does not exist or is not a commit object')
    }
    const author = identity(b.author, 'author')
    const committer = identity(b.committer, 'committer')
    const now = gitNow()
    const self: Identity = { name: ctx.login, email: noreplyEmail(ctx.login), date: now }
    const githubSigned = author === undefined && committer === undefined && ctx.login.endsWith('[bot]')
    const a = author ?? committer ?? self
    const c = committer ?? (githubSigned ? { name: 'GitHub', email: 'noreply@github.com', date: now } : a)
    const sha = await git.commitTree(b.tree, parents, b.message, { ...a, date: a.date ?? now }, { ...c, date: c.date ?? now })
    signed.set(sha, githubSigned)
    const parsed = await git.readCommit(sha)
    if (!parsed) throw new Error(`commit ${sha} vanished`)
    return { status: 201, body: commitJson(parsed) }
  }

  async function updateRef(ctx: Ctx, ref: string): Promise<Reply> {
    requireWrite(ctx, 'contents')
    const full = `refs/${ref}`
    const b = ctx.body
    if (!isRecord(b) || typeof b.sha !== 'string') throw new HttpError(422, 'Invalid request.\n\n"sha" wasn\'t supplied.')
    checkRuleset(full)
    const old = await git.refSha(full)
    if (!old) throw new HttpError(422, 'Reference does not exist')
    if ((await git.objectType(b.sha)) === undefined) throw new HttpError(422, 'Object does not exist')
    const force = b.force === true
    if (!force && !(await git.isAncestor(old, b.sha))) throw new HttpError(422, 'Update is not a fast forward')
    if (!(await git.updateRef(full, b.sha, old))) {
      if (!force) throw new HttpError(422, 'Update is not a fast forward')
      if (!(await git.updateRef(full, b.sha, undefined))) throw new HttpError(422, 'Reference update failed')
    }
    return { status: 200, body: refJson(full, b.sha, (await git.objectType(b.sha)) ?? 'commit') }
  }

  async function createRef(ctx: Ctx): Promise<Reply> {
    requireWrite(ctx, 'contents')
    const b = ctx.body
    if (!isRecord(b) || typeof b.ref !== 'string' || typeof b.sha !== 'string') {
      throw new HttpError(422, 'Invalid request.\n\n"ref", "sha" weren\'t supplied.')
    }
    const full = b.ref
    if (!full.startsWith('refs/') || full.split('/').length < 3 || !isValidRefName(full)) {
      throw new HttpError(422, `${full} is not a valid ref name.`)
    }
    checkRuleset(full)
    if ((await git.objectType(b.sha)) === undefined) throw new HttpError(422, 'Object does not exist')
    if (!(await git.updateRef(full, b.sha, ZERO_SHA))) throw new HttpError(422, 'Reference already exists')
    return { status: 201, body: refJson(full, b.sha, (await git.objectType(b.sha)) ?? 'commit') }
  }

  async function deleteRef(ctx: Ctx, ref: string): Promise<Reply> {
    requireWrite(ctx, 'contents')
    const full = `refs/${ref}`
    const old = await git.refSha(full)
    if (!old) throw new HttpError(422, 'Reference does not exist')
    if ((await git.run(['update-ref', '-d', full, old])).code !== 0) throw new HttpError(422, 'Reference does not exist')
    return { status: 204 }
  }

  async function getContents(ctx: Ctx, rawPath: string): Promise<Reply> {
    const path = rawPath.replace(/^\/+|\/+$/g, '')
    const refParam = ctx.query.get('ref') ?? defaultBranch
    const commit = await git.resolveCommit(refParam)
    if (!commit) throw new HttpError(404, `No commit found for the ref ${refParam}`)
    const url = (p: string): string => `${baseUrl}/repos/${owner}/${repo}/contents/${p}?ref=${encodeURIComponent(refParam)}`
    const entryJson = (e: TreeEntry, fullPath: string): Json => {
      const type = e.type === 'tree' ? 'dir' : e.type === 'commit' ? 'submodule' : e.mode === '120000' ? 'symlink' : 'file'
      return {
        type,
        name: fullPath.split('/').pop() ?? fullPath,
        path: fullPath,
        sha: e.sha,
        size: e.size ?? 0,
        url: url(fullPath),
        html_url: `https://github.com/${owner}/${repo}/blob/${refParam}/${fullPath}`,
        download_url: type === 'file' ? `https://raw.githubusercontent.com/${owner}/${repo}/${refParam}/${fullPath}` : null,
      }
    }
    let treeSha = commit
    if (path !== '') {
      const found = (await git.lsTree(commit, { path })).find((e) => e.path === path)
      if (!found) throw notFound()
      if (found.type !== 'tree') {
        const base = entryJson(found, path)
        if (found.type !== 'blob') return { status: 200, body: base }
        const data = (await git.run(['cat-file', 'blob', found.sha])).stdout
        if (found.mode === '120000') return { status: 200, body: { ...base, target: data.toString('utf8') } }
        // As GitHub: a file over 1 MB comes without its content (the blob API has it).
        if (data.length > MAX_INLINE_CONTENT) return { status: 200, body: { ...base, size: data.length, encoding: 'none', content: '' } }
        return { status: 200, body: { ...base, size: data.length, encoding: 'base64', content: wrapBase64(data) } }
      }
      treeSha = found.sha
    }
    const list = (await git.lsTree(treeSha)).map((e) => entryJson(e, path ? `${path}/${e.path}` : e.path))
    return { status: 200, body: list }
  }

  /**
   * GitHub's "compare two commits": without `page`/`per_page`, up to 250 commits; with them, commits
   * are paginated (per_page at most 100, default 30, with a Link header) and the files come with the
   * first page only. The file list stops at COMPARE_FILE_LIMIT, silently, as GitHub's does.
   */
  async function compare(ctx: Ctx, baseRef: string, headRef: string): Promise<Reply> {
    const base = await git.resolveCommit(baseRef)
    const head = await git.resolveCommit(headRef)
    if (!base || !head) throw notFound()
    const mb = await git.run(['merge-base', base, head])
    if (mb.code !== 0) throw new HttpError(404, `No common ancestor between ${baseRef} and ${headRef}.`)
    const mergeBase = mb.stdout.toString('utf8').trim()
    const [behind = 0, ahead = 0] = (await git.ok(['rev-list', '--left-right', '--count', `${base}...${head}`])).split(/\s+/).map(Number)
    const status = ahead === 0 && behind === 0 ? 'identical' : behind === 0 ? 'ahead' : ahead === 0 ? 'behind' : 'diverged'
    const shas = (await git.ok(['rev-list', '--reverse', `${base}..${head}`])).split('\n').filter(Boolean)
    const paged = ctx.query.has('page') || ctx.query.has('per_page')
    const perPage = paged ? Math.min(positiveInt(ctx.query.get('per_page')) ?? 30, 100) : 250
    const page = paged ? (positiveInt(ctx.query.get('page')) ?? 1) : 1
    const commits: Json[] = []
    for (const sha of shas.slice((page - 1) * perPage, page * perPage)) {
      const c = await git.readCommit(sha)
      if (c)
        commits.push({
          sha,
          commit: { message: c.message, author: c.author, committer: c.committer, tree: { sha: c.tree } },
          parents: c.parents.map((p) => ({ sha: p })),
        })
    }
    const files = page === 1 ? (await changedFiles(mergeBase, head)).slice(0, COMPARE_FILE_LIMIT) : []
    const baseCommit = await git.readCommit(base)
    const mbCommit = await git.readCommit(mergeBase)
    const lastPage = Math.max(1, Math.ceil(shas.length / perPage))
    const link = (p: number) => `<${baseUrl}${ctx.rawPath}?${new URLSearchParams({ ...Object.fromEntries(ctx.query), page: String(p) })}>`
    const links: Record<string, string> =
      paged && page < lastPage ? { link: `${link(page + 1)}; rel="next", ${link(lastPage)}; rel="last"` } : {}
    return {
      status: 200,
      headers: links,
      body: {
        url: `${baseUrl}/repos/${owner}/${repo}/compare/${baseRef}...${headRef}`,
        status,
        ahead_by: ahead,
        behind_by: behind,
        total_commits: ahead,
        base_commit: baseCommit ? { sha: base, commit: { message: baseCommit.message } } : { sha: base },
        merge_base_commit: mbCommit ? { sha: mergeBase, commit: { message: mbCommit.message } } : { sha: mergeBase },
        commits,
        ...(page === 1 ? { files } : {}),
      },
    }
  }

  /** The files that differ between two commits as GitHub lists them: renames found, with their old name. */
  async function changedFiles(from: string, to: string): Promise<Json[]> {
    const diff = (await git.run(['diff', '--name-status', '-z', '-M', from, to])).stdout.toString('utf8').split('\0')
    const files: Json[] = []
    const names: Record<string, string> = { A: 'added', M: 'modified', D: 'removed', T: 'changed', R: 'renamed', C: 'copied' }
    for (let i = 0; i < diff.length - 1; ) {
      const code = (diff[i] ?? '').charAt(0)
      if (code === 'R' || code === 'C') {
        files.push({ filename: diff[i + 2], previous_filename: diff[i + 1], status: names[code] })
        i += 3
      } else {
        files.push({ filename: diff[i + 1], status: names[code] ?? 'modified' })
        i += 2
      }
    }
    return files
  }

  function listComments(ctx: Ctx, issue: number): Reply {
    const perPageRaw = Number.parseInt(ctx.query.get('per_page') ?? '', 10)
    const perPage = Number.isFinite(perPageRaw) && perPageRaw > 0 ? Math.min(perPageRaw, 100) : 30
    const pageRaw = Number.parseInt(ctx.query.get('page') ?? '', 10)
    const page = Number.isFinite(pageRaw) && pageRaw > 0 ? pageRaw : 1
    const all = comments.filter((c) => c.issue === issue)
    const lastPage = Math.max(1, Math.ceil(all.length / perPage))
    const slice = all.slice((page - 1) * perPage, page * perPage)
    const link = (p: number): string => {
      const q = new URLSearchParams(ctx.query)
      q.set('per_page', String(perPage))
      q.set('page', String(p))
      return `${baseUrl}${ctx.rawPath}?${q.toString()}`
    }
    const links: string[] = []
    if (page < lastPage) links.push(`<${link(page + 1)}>; rel="next"`, `<${link(lastPage)}>; rel="last"`)
    if (page > 1) links.push(`<${link(page - 1)}>; rel="prev"`, `<${link(1)}>; rel="first"`)
    return { status: 200, body: slice.map(commentJson), headers: links.length ? { link: links.join(', ') } : {} }
  }

  function createComment(ctx: Ctx, issue: number): Reply {
    requireWrite(ctx, 'pullRequests')
    const body = commentBody(ctx.body)
    const now = isoSeconds(new Date())
    const c: StoredComment = { id: nextCommentId++, issue, body, user: ctx.login, createdAt: now, updatedAt: now }
    comments.push(c)
    return { status: 201, body: commentJson(c), headers: { location: `${baseUrl}/repos/${owner}/${repo}/issues/comments/${c.id}` } }
  }

  function findComment(id: number): StoredComment {
    const c = comments.find((x) => x.id === id)
    if (!c) throw notFound()
    return c
  }

  function updateComment(ctx: Ctx, id: number): Reply {
    requireWrite(ctx, 'pullRequests')
    const c = findComment(id)
    c.body = commentBody(ctx.body)
    c.updatedAt = isoSeconds(new Date())
    return { status: 200, body: commentJson(c) }
  }

  function deleteComment(ctx: Ctx, id: number): Reply {
    requireWrite(ctx, 'pullRequests')
    const c = findComment(id)
    comments.splice(comments.indexOf(c), 1)
    return { status: 204 }
  }

  const statusJson = (sha: string, st: StandInStatus & { createdAt: string }): Json => ({
    url: `${baseUrl}/repos/${owner}/${repo}/statuses/${sha}`,
    avatar_url: null,
    id: st.id,
    node_id: `SC_standin${st.id}`,
    state: st.state,
    description: st.description,
    target_url: st.targetUrl,
    context: st.context,
    created_at: st.createdAt,
    updated_at: st.createdAt,
    creator: { login: st.creator, type: st.creator.endsWith('[bot]') ? 'Bot' : 'User' },
  })

  const statusInvalid = (field: string, message: string): HttpError =>
    new HttpError(422, 'Validation Failed', { errors: [{ resource: 'Status', code: 'custom', field, message }] })

  /** POST /statuses/{sha}: a full commit id only, GitHub's states, and its length and count limits. */
  async function createStatus(ctx: Ctx, sha: string): Promise<Reply> {
    requireWrite(ctx, 'statuses')
    if (!FULL_SHA.test(sha) || (await git.objectType(sha)) !== 'commit') throw new HttpError(422, `No commit found for SHA: ${sha}`)
    const body = isRecord(ctx.body) ? ctx.body : {}
    const state = body.state
    if (typeof state !== 'string' || !STATUS_STATES.has(state)) throw statusInvalid('state', 'state is not included in the list')
    const context = typeof body.context === 'string' ? body.context : 'default'
    const description = typeof body.description === 'string' ? body.description : null
    if ([...context].length > STATUS_CONTEXT_MAX)
      throw statusInvalid('context', `context is too long (maximum is ${STATUS_CONTEXT_MAX} characters)`)
    if (description !== null && [...description].length > STATUS_DESCRIPTION_MAX)
      throw statusInvalid('description', `description is too long (maximum is ${STATUS_DESCRIPTION_MAX} characters)`)
    const list = statuses.get(sha) ?? []
    if (list.filter((st) => st.context === context).length >= STATUSES_PER_CONTEXT)
      throw statusInvalid('context', 'This SHA and context has reached the maximum number of statuses.')
    const targetUrl = typeof body.target_url === 'string' ? body.target_url : null
    const st = { id: nextStatusId++, state, context, description, targetUrl, creator: ctx.login, createdAt: isoSeconds(new Date()) }
    list.push(st)
    statuses.set(sha, list)
    return { status: 201, body: statusJson(sha, st) }
  }

  /** GET /commits/{ref}/statuses: newest first, a page at a time. */
  async function listStatuses(ctx: Ctx, ref: string): Promise<Reply> {
    const sha = await git.resolveCommit(ref)
    if (!sha) throw new HttpError(422, `No commit found for SHA: ${ref}`)
    const perPage = Math.min(positiveInt(ctx.query.get('per_page')) ?? 30, 100)
    const page = positiveInt(ctx.query.get('page')) ?? 1
    const all = [...(statuses.get(sha) ?? [])].reverse()
    return { status: 200, body: all.slice((page - 1) * perPage, page * perPage).map((st) => statusJson(sha, st)) }
  }

  /**
   * GraphQL, as far as `viewer { login }` (the account of the token: a user's login for a personal
   * token, `<app>[bot]` for an app's installation token). Like GitHub, errors in a query are answered
   * with 200 and an `errors` list.
   */
  function graphql(raw: Buffer, login: string): Reply {
    let query: unknown
    try {
      query = (JSON.parse(raw.toString('utf8')) as Json).query
    } catch {
      throw new HttpError(400, 'Problems parsing JSON')
    }
    if (typeof query !== 'string') throw new HttpError(400, 'A query attribute must be specified and must be a string.')
    if (!/^\s*(?:query\s*)?\{\s*viewer\s*\{\s*login\s*\}\s*\}\s*$/.test(query)) {
      return { status: 200, body: { errors: [{ message: `stand-in: only 'query { viewer { login } }' is served, not: ${query}` }] } }
    }
    return { status: 200, body: { data: { viewer: { login } } } }
  }

  type Route = [method: string, pattern: RegExp, run: (ctx: Ctx, m: string[]) => Promise<Reply> | Reply]
  const routes: Route[] = [
    ['GET', /^$/, () => ({ status: 200, body: repoJson() })],
    ['GET', /^\/git\/ref\/(.+)$/, (_c, m) => getRef(m[1] ?? '')],
    ['GET', /^\/git\/commits\/([^/]+)$/, (_c, m) => getCommit(m[1] ?? '')],
    ['GET', /^\/git\/blobs\/([^/]+)$/, (_c, m) => getBlob(m[1] ?? '')],
    ['POST', /^\/git\/blobs$/, (c) => createBlob(c)],
    ['POST', /^\/git\/trees$/, (c) => createTree(c)],
    ['POST', /^\/git\/commits$/, (c) => createCommit(c)],
    ['POST', /^\/git\/refs$/, (c) => createRef(c)],
    ['PATCH', /^\/git\/refs\/(.+)$/, (c, m) => updateRef(c, m[1] ?? '')],
    ['DELETE', /^\/git\/refs\/(.+)$/, (c, m) => deleteRef(c, m[1] ?? '')],
    ['GET', /^\/contents(\/.*)?$/, (c, m) => getContents(c, m[1] ?? '')],
    ['GET', /^\/compare\/(.+?)\.\.\.(.+)$/, (c, m) => compare(c, m[1] ?? '', m[2] ?? '')],
    ['GET', /^\/issues\/(\d+)\/comments$/, (c, m) => listComments(c, Number(m[1]))],
    ['POST', /^\/issues\/(\d+)\/comments$/, (c, m) => createComment(c, Number(m[1]))],
    ['GET', /^\/issues\/comments\/(\d+)$/, (_c, m) => ({ status: 200, body: commentJson(findComment(Number(m[1]))) })],
    ['PATCH', /^\/issues\/comments\/(\d+)$/, (c, m) => updateComment(c, Number(m[1]))],
    ['DELETE', /^\/issues\/comments\/(\d+)$/, (c, m) => deleteComment(c, Number(m[1]))],
    ['POST', /^\/statuses\/([^/]+)$/, (c, m) => createStatus(c, m[1] ?? '')],
    ['GET', /^\/commits\/(.+)\/statuses$/, (c, m) => listStatuses(c, m[1] ?? '')],
  ]

  async function route(ctx: Ctx): Promise<Reply> {
    for (const [method, pattern, run] of routes) {
      if (method !== ctx.method) continue
      const m = pattern.exec(ctx.rest)
      if (m)
        return run(
          ctx,
          [...m].map((x) => x ?? ''),
        )
    }
    throw notFound()
  }

  async function handle(req: http.IncomingMessage, rawPath: string, query: URLSearchParams, method: string): Promise<Reply> {
    const raw = await readBody(req)
    const fault = faults.find((f) => f.remaining > 0 && matches(f.method, f.path, method, rawPath))
    if (fault) {
      fault.remaining--
      if (fault.remaining === 0) faults.splice(faults.indexOf(fault), 1)
      const message = fault.message ?? http.STATUS_CODES[fault.status] ?? 'Error'
      return { status: fault.status, body: errorBody(fault.status, message), headers: fault.headers }
    }
    const auth = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')
    const grant = auth?.[1] === undefined ? undefined : tokens[auth[1]]
    if (!grant) throw new HttpError(401, 'Bad credentials')
    if (rawPath === '/graphql' && method === 'POST') return graphql(raw, grant.login ?? 'github-actions[bot]')
    const m = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(rawPath)
    if (!m) throw notFound()
    let o: string
    let r: string
    let rest: string
    try {
      o = decodeURIComponent(m[1] ?? '')
      r = decodeURIComponent(m[2] ?? '')
      rest = decodeURIComponent((m[3] ?? '').replace(/\/+$/, ''))
    } catch {
      throw notFound()
    }
    if (o.toLowerCase() !== owner.toLowerCase() || r.toLowerCase() !== repo.toLowerCase()) throw notFound()
    let body: unknown
    if (raw.length > 0 && method !== 'GET') {
      try {
        body = JSON.parse(raw.toString('utf8'))
      } catch {
        throw new HttpError(400, 'Problems parsing JSON')
      }
    }
    const hook = hooks.find((h) => matches(h.method, h.path, method, rawPath))
    if (hook) {
      hooks.splice(hooks.indexOf(hook), 1)
      await hook.run()
    }
    return route({ method, rest, rawPath, query, body, grant, login: grant.login ?? 'github-actions[bot]' })
  }

  const server = http.createServer((req, res) => {
    const method = (req.method ?? 'GET').toUpperCase()
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const send = (reply: Reply): void => {
      const headers: Record<string, string> = {
        'content-type': 'application/json; charset=utf-8',
        'x-github-media-type': 'github.v3; format=json',
        'x-github-request-id': randomUUID(),
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '4999',
        'x-ratelimit-used': '1',
        'x-ratelimit-resource': 'core',
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
        ...reply.headers,
      }
      const payload = reply.status === 204 || reply.body === undefined ? '' : JSON.stringify(reply.body)
      requests.push({ method, path: url.pathname, search: url.search, status: reply.status, at: Date.now() })
      res.writeHead(reply.status, headers)
      res.end(payload)
    }
    handle(req, url.pathname, url.searchParams, method).then(send, (err: unknown) => {
      if (err instanceof HttpError) send({ status: err.status, body: errorBody(err.status, err.message, err.extra) })
      else send({ status: 500, body: errorBody(500, `stand-in error: ${err instanceof Error ? err.message : String(err)}`) })
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  baseUrl = `http://127.0.0.1:${port}`

  let closed: Promise<void> | undefined
  return {
    url: baseUrl,
    bareRepo,
    owner,
    repo,
    requests,
    statuses: (sha) =>
      (statuses.get(sha) ?? []).map((st) => ({
        id: st.id,
        state: st.state,
        context: st.context,
        description: st.description,
        targetUrl: st.targetUrl,
        creator: st.creator,
      })),
    comments: (issueNumber) => comments.filter((c) => c.issue === issueNumber).map((c) => ({ id: c.id, body: c.body, user: c.user })),
    beforeNext: (method, path, hook) => {
      hooks.push({ method, path, run: hook })
    },
    failNext: (method, path, status, count = 1, message, headers = {}) => {
      faults.push({ method, path, status, remaining: count, message, headers })
    },
    close: () => {
      closed ??= (async () => {
        server.closeAllConnections()
        await new Promise<void>((resolve) => server.close(() => resolve()))
        await rm(tmp, { recursive: true, force: true })
      })()
      return closed
    },
  }
}

// ---------------------------------------------------------------------------
// helpers for tests
// ---------------------------------------------------------------------------

/**
 * Commits `files` (path -> content; null deletes) onto `branch` like a normal
 * user push (bypasses rulesets). A missing branch starts from the default
 * branch's head, or as a root commit when the repository is empty. Returns
 * the new commit sha; throws if the branch moved concurrently.
 */
export async function pushFiles(
  standIn: GitHubStandIn,
  branch: string,
  files: Record<string, string | null>,
  message = 'test commit',
): Promise<string> {
  const git = new Git(standIn.bareRepo)
  const ref = `refs/heads/${branch}`
  if (!isValidRefName(ref)) throw new Error(`invalid branch name: ${branch}`)
  const old = await git.refSha(ref)
  let parent = old
  if (!parent) {
    const head = (await readFile(join(standIn.bareRepo, 'HEAD'), 'utf8')).trim()
    if (head.startsWith('ref: ')) parent = await git.refSha(head.slice(5))
  }
  const tree = new Map<string, { mode: string; sha: string }>()
  if (parent) for (const e of await git.lsTree(parent, { recursive: true })) tree.set(e.path, { mode: e.mode, sha: e.sha })
  // One blob per distinct content: a push of hundreds of equal files spawns git once for them.
  const blobs = new Map<string, string>()
  for (const [path, content] of Object.entries(files)) {
    for (const key of [...tree.keys()]) if (key === path || key.startsWith(`${path}/`)) tree.delete(key)
    if (content === null) continue
    const parts = path.split('/')
    for (let i = 1; i < parts.length; i++) tree.delete(parts.slice(0, i).join('/'))
    let sha = blobs.get(content)
    if (sha === undefined) {
      sha = await git.writeBlob(content)
      blobs.set(content, sha)
    }
    tree.set(path, { mode: '100644', sha })
  }
  const treeSha = await git.writeTree(tree)
  const who: Identity = { name: 'Test User', email: 'test@example.com', date: gitNow() }
  const sha = await git.commitTree(treeSha, parent ? [parent] : [], message, who, who)
  if (!(await git.updateRef(ref, sha, old ?? ZERO_SHA))) throw new Error(`pushFiles: ${branch} moved concurrently`)
  return sha
}

/** Content of `path` at `ref` (branch name, tag or sha), or undefined when the ref or file is missing. */
export async function readFileAt(standIn: GitHubStandIn, ref: string, path: string): Promise<string | undefined> {
  const git = new Git(standIn.bareRepo)
  const commit = await git.resolveCommit(ref)
  if (!commit) return undefined
  const entry = (await git.lsTree(commit, { path })).find((e) => e.path === path)
  if (entry?.type !== 'blob') return undefined
  return (await git.run(['cat-file', 'blob', entry.sha])).stdout.toString('utf8')
}

/** Current head commit of `branch`, or undefined when it does not exist. */
export async function branchHead(standIn: GitHubStandIn, branch: string): Promise<string | undefined> {
  return new Git(standIn.bareRepo).refSha(`refs/heads/${branch}`)
}
