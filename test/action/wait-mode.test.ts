import { describe, expect, it } from 'vitest'
import { committedManifest } from '../../src/action/wait-mode.js'
import { LimitError } from '../../src/common/limits.js'
import { git, makeGitRepo } from '../support/repo.js'

describe('committedManifest', () => {
  it('reads the committed file, and stops reading past the manifest limit with an error naming it', async () => {
    const text = `# ${'x'.repeat(200_000)}\n`
    const repo = makeGitRepo({ 'deploy/manifest.yaml': text })
    try {
      expect((await committedManifest(repo.dir, 'deploy/manifest.yaml', { manifestBytes: text.length })).toString()).toBe(text)
      const over = committedManifest(repo.dir, 'deploy/manifest.yaml', { manifestBytes: 4096 })
      await expect(over).rejects.toThrow(LimitError)
      await expect(over).rejects.toThrow(
        "the manifest 'deploy/manifest.yaml' at the checked-out commit has more than the 4096 (4 KiB) bytes a manifest may have: expected at most that",
      )
      // The commit's file, not the working tree's.
      git(repo.dir, 'rm', '-q', 'deploy/manifest.yaml')
      expect((await committedManifest(repo.dir, 'deploy/manifest.yaml')).length).toBe(text.length)
      await expect(committedManifest(repo.dir, 'deploy/other.yaml')).rejects.toThrow(
        "mode: wait reads 'deploy/other.yaml' from the checked-out commit",
      )
    } finally {
      repo.cleanup()
    }
  })
})
