import type { Comment, GitHubApi } from '../github/api.js'

/**
 * Keeps one comment per marker on an issue or pull request: updated in place when it exists (and
 * differs), created otherwise. Only a comment of the token's own account is the action's: anyone can
 * write the marker into a comment, and the action must neither edit it nor show its text as the diff.
 */
export async function upsertComment(
  api: GitHubApi,
  issue: number,
  marker: string,
  body: string,
): Promise<'created' | 'updated' | 'unchanged'> {
  const marked = (await api.listComments(issue)).filter((c) => c.body.includes(marker))
  // Asked only when there is a comment to tell apart: the first run of a pull request does not ask.
  const login = marked.length > 0 ? await api.tokenLogin() : undefined
  const existing = login === undefined ? undefined : marked.find((c) => sameAccount(c, login))
  if (!existing) {
    await api.createComment(issue, body)
    return 'created'
  }
  if (existing.body === body) return 'unchanged'
  await api.updateComment(existing.id, body)
  return 'updated'
}

/** GitHub's logins are case-insensitive; an app's carries `[bot]` in REST and GraphQL alike. */
function sameAccount(comment: Comment, login: string): boolean {
  return comment.author.toLowerCase() === login.toLowerCase()
}
