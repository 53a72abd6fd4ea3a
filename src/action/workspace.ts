import { removeStaleTemporaries, writeFileAtomic } from '../common/fs-atomic.js'
import { LIMITS } from '../common/limits.js'
import type { Logger } from '../common/log.js'
import { type FileKind, readRepoFile } from '../common/repo-file.js'
import type { RenderOutcome } from '../manifest/outcome.js'
import { type RenderCode, renderScan } from '../manifest/render.js'
import { scanRepository } from '../scan/scan.js'
import { codeIdentity } from './code-id.js'
import { loadScripts } from './scripts.js'
import type { Settings } from './settings.js'

const MANIFEST: FileKind = { the: 'the existing manifest', a: 'a manifest', limit: LIMITS.manifestBytes }

/** The code that renders: its container scripts and its identity, read once from the files beside the bundle. */
export function currentCode(): RenderCode {
  return { scripts: loadScripts(), identity: codeIdentity() }
}

/**
 * Reads the manifest in the workspace, if there is one. Synchronous: the promise API reads in 512 KB
 * chunks through the thread pool, which cost 15 ms more for a 4 MB manifest than one read.
 */
export async function readWorkspaceManifest(settings: Settings): Promise<string | undefined> {
  return readWorkspaceManifestBytes(settings)?.toString('utf8')
}

/** The same, as bytes: a render checks the digest on them. */
function readWorkspaceManifestBytes(settings: Settings): Buffer | undefined {
  return readRepoFile(settings.outputPath, settings.output, MANIFEST, settings.root)
}

/** Discovers, hashes, plans and renders against the manifest in the workspace; writes nothing. */
export async function renderRepository(settings: Settings, log: Logger): Promise<RenderOutcome> {
  const scan = await scanRepository(settings, log)
  return renderScan(settings, scan, readWorkspaceManifestBytes(settings), `'${settings.output}'`, log, currentCode())
}

/** Writes the manifest atomically when it changed; an unchanged file is not touched. */
export async function writeManifest(settings: Settings, outcome: RenderOutcome, log: Logger): Promise<void> {
  if (!outcome.changed) {
    await removeStaleTemporaries(settings.outputPath)
    log.info(`${settings.output} is up to date`)
    return
  }
  await log.group('Write manifest', async () => {
    await writeFileAtomic(settings.outputPath, outcome.manifest)
    log.info(`wrote ${settings.output}`)
  })
}
