import type { GitHubApi } from '../github/api.js'

/**
 * Keeps one comment per marker on an issue or pull request: updated in place when it exists (and
 * differs), created otherwise.
 */
export async function upsertComment(
  api: GitHubApi,
  issue: number,
  marker: string,
  body: string,
): Promise<'created' | 'updated' | 'unchanged'> {
  const existing = (await api.listComments(issue)).find((c) => c.body.includes(marker))
  if (!existing) {
    await api.createComment(issue, body)
    return 'created'
  }
  if (existing.body === body) return 'unchanged'
  await api.updateComment(existing.id, body)
  return 'updated'
}
