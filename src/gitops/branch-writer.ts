import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { GitHubApi } from '../github/api.js'

/** How the branch relates to the commit that was rendered. */
export interface BranchState {
  /** The branch's head commit. */
  readonly head: string
  /** Files that differ between the rendered commit and the head (a renamed file under both names). */
  readonly changedFiles: readonly string[]
  /** `changedFiles` may be cut short (the GitHub API lists a limited number): others may differ too. */
  readonly truncated?: boolean
  /** The head does not descend from the rendered commit. */
  readonly diverged: boolean
}

/**
 * What the commit loop needs from a branch, by API or by git. Narrow on purpose: each method is one
 * question or one step, so the loop's decisions stay in one place and can be tested.
 */
export interface BranchWriter {
  readonly describe: string
  /** The branch's state relative to `rendered`, or undefined when the branch does not exist. */
  state(branch: string, rendered: string): Promise<BranchState | undefined>
  readFile(commit: string, path: string): Promise<string | undefined>
  /** Creates (but does not publish) a commit on `parent` that sets `path` to `content`. */
  commit(parent: string, path: string, content: string, message: string): Promise<{ sha: string; verified?: boolean }>
  /** Publishes `sha` on the branch if that is a fast-forward from `from`; 'moved' when the branch had moved on. */
  publish(branch: string, from: string, sha: string): Promise<'ok' | 'moved'>
}

export function apiBranchWriter(api: GitHubApi): BranchWriter {
  return {
    describe: 'the GitHub API',
    async state(branch, rendered) {
      const head = await api.branchHead(branch)
      if (head === undefined) return undefined
      if (head === rendered) return { head, changedFiles: [], diverged: false }
      const comparison = await api.compare(rendered, head)
      return {
        head,
        changedFiles: comparison.files,
        truncated: comparison.truncated,
        diverged: comparison.status !== 'ahead' && comparison.status !== 'identical',
      }
    },
    readFile: (commit, file) => api.readFile(commit, file),
    commit: (parent, file, content, message) => api.createCommit(parent, file, content, message),
    publish: (branch, _from, sha) => api.fastForward(branch, sha),
  }
}

export const BOT_IDENTITY = {
  GIT_AUTHOR_NAME: 'github-actions[bot]',
  GIT_AUTHOR_EMAIL: '41898282+github-actions[bot]@users.noreply.github.com',
  GIT_COMMITTER_NAME: 'github-actions[bot]',
  GIT_COMMITTER_EMAIL: '41898282+github-actions[bot]@users.noreply.github.com',
}

/**
 * Commits with git's plumbing in the checkout (its object store and remote, never its working tree or
 * index) and pushes without force, so a push that is not a fast-forward is refused by the remote.
 */
export function gitBranchWriter(repoDir: string, remote = 'origin'): BranchWriter {
  const git = async (args: string[], env: Record<string, string> = {}, input?: string): Promise<string> => {
    // Loaded on first use: child_process costs every other run several milliseconds of start-up.
    const { execFile } = await import('node:child_process')
    return new Promise((resolve, reject) => {
      const child = execFile(
        'git',
        args,
        { cwd: repoDir, env: { ...process.env, ...env, GIT_TERMINAL_PROMPT: '0' }, maxBuffer: 256 * 1024 * 1024 },
        (error, stdout, stderr) => {
          if (error) reject(Object.assign(new Error(`git ${args[0]} failed: ${stderr.trim() || error.message}`), { stderr }))
          else resolve(stdout)
        },
      )
      if (input !== undefined) child.stdin?.end(input)
    })
  }
  const trackingRef = (branch: string) => `refs/kaniko-gitops/${branch}`

  return {
    describe: `git push to ${remote}`,
    async state(branch, rendered) {
      try {
        await git(['fetch', '--quiet', '--no-tags', remote, `+refs/heads/${branch}:${trackingRef(branch)}`])
      } catch (error) {
        if (/couldn't find remote ref|not found/i.test(String((error as { stderr?: string }).stderr))) return undefined
        throw error
      }
      const head = (await git(['rev-parse', trackingRef(branch)])).trim()
      // Tree to tree: works in shallow clones, where history may be missing. NUL-separated: git quotes
      // a path with unusual characters otherwise, and a quoted path matches no pattern.
      const changedFiles =
        head === rendered ? [] : (await git(['diff', '--name-only', '-z', '--no-renames', rendered, head])).split('\0').filter(Boolean)
      const diverged =
        head !== rendered &&
        !(await git(['merge-base', '--is-ancestor', rendered, head]).then(
          () => true,
          () => false,
        ))
      return { head, changedFiles, diverged }
    },
    async readFile(commit, file) {
      try {
        return await git(['show', `${commit}:${file}`])
      } catch {
        return undefined
      }
    },
    async commit(parent, file, content, message) {
      const blob = (await git(['hash-object', '-w', '--stdin'], {}, content)).trim()
      const dir = mkdtempSync(path.join(tmpdir(), 'kaniko-gitops-index-'))
      try {
        const index = { GIT_INDEX_FILE: path.join(dir, 'index') }
        await git(['read-tree', parent], index)
        await git(['update-index', '--add', '--cacheinfo', `100644,${blob},${file}`], index)
        const tree = (await git(['write-tree'], index)).trim()
        const sha = (await git(['commit-tree', tree, '-p', parent, '-F', '-'], BOT_IDENTITY, message)).trim()
        return { sha }
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
    async publish(branch, _from, sha) {
      try {
        await git(['push', '--quiet', '--porcelain', remote, `${sha}:refs/heads/${branch}`])
        return 'ok'
      } catch (error) {
        const stderr = String((error as { stderr?: string }).stderr ?? '')
        if (/non-fast-forward|fetch first|\[rejected\]|stale info/i.test(stderr)) return 'moved'
        throw error
      }
    },
  }
}
