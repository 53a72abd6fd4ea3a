import { realpathSync } from 'node:fs'
import path from 'node:path'
import { PRUNED_FOLDERS } from '../scan/discover.js'
import { compilePatterns } from '../scan/glob.js'
import type { Scan, ScanSettings } from '../scan/scan.js'

/**
 * What a render reads from the repository, as far as a changed path can tell: the commit loop asks it
 * whether the commits on top of the rendered one change anything the render would see. Paths are
 * relative to `root` (the `path` input), as the scan's are.
 */
export interface RenderReads {
  /** Where `root` lies in the repository ('' for the top): changed paths come from the top. */
  readonly prefix: string
  /** The `dockerfiles` patterns: a new file they match is a new image. */
  readonly dockerfiles: readonly string[]
  /** `hash: context`: the tags cover the build contexts, and their `.dockerignore` files. */
  readonly hashContexts: boolean
  /** The config file ('' for none). */
  readonly config: string
  /** The build context of each image (with `hashContexts`). */
  readonly contextDirs: readonly string[]
  /**
   * Where the files read through a symlink (a Dockerfile, the config, an ignore file) really are, from
   * the top of the repository (a link may lead out of `root`).
   */
  readonly linked: readonly string[]
}

/**
 * The workflows hold the action's inputs (and its version), which shape every Pod: a later commit
 * that changes them is rendered by its own run, never by an older run with the old inputs.
 */
const WORKFLOWS = '.github/workflows/'

/** Does a change to this repository path (from the top of the repository) change what a render reads? */
export function readsPredicate(reads: RenderReads): (repoPath: string) => boolean {
  const matcher = compilePatterns(reads.dockerfiles)
  const contexts = new Set(reads.contextDirs)
  const linked = new Set(reads.linked)
  const prefix = reads.prefix === '' ? '' : `${reads.prefix}/`
  return (repoPath) => {
    if (repoPath.startsWith(WORKFLOWS) || linked.has(repoPath)) return true
    // Discovery leaves out the folders `.gitmodules` names as submodules.
    if (repoPath === '.gitmodules' || repoPath.endsWith('/.gitmodules')) return true
    if (!repoPath.startsWith(prefix)) return false
    const file = repoPath.slice(prefix.length)
    if (file === reads.config) return true
    // Discovery never enters these folders: a Dockerfile in one is never an image.
    const folders = file.split('/').slice(0, -1)
    if (!folders.some((folder) => PRUNED_FOLDERS.has(folder)) && matcher.matches(file)) return true
    if (!reads.hashContexts) return false
    if (file.endsWith('.dockerignore') || contexts.has('')) return true
    for (let slash = file.indexOf('/'); slash !== -1; slash = file.indexOf('/', slash + 1)) {
      if (contexts.has(file.slice(0, slash))) return true
    }
    return false
  }
}

/**
 * What the render of `scan` reads. Resolves symlinks among the files read (a few system calls per
 * image): only a commit run whose branch moved on with other files asks.
 */
export function renderReadsOf(settings: ScanSettings, scan: Scan): RenderReads {
  const hashContexts = settings.hash === 'context'
  const contextDirs = hashContexts ? scan.files.map((f) => f.settings?.contextDir ?? folderOf(f.path)) : []
  const read = scan.files.map((f) => f.path)
  if (settings.config !== '') read.push(settings.config)
  if (hashContexts) {
    // The ignore files the context hash looks for (see ContextHasher.hash).
    scan.files.forEach((f, i) => {
      const dir = contextDirs[i] ?? ''
      read.push(`${f.path}.dockerignore`, dir === '' ? '.dockerignore' : `${dir}/.dockerignore`)
    })
  }
  return {
    prefix: settings.contextPrefix,
    dockerfiles: settings.dockerfiles,
    hashContexts,
    config: settings.config,
    contextDirs: [...new Set(contextDirs)],
    linked: linkTargets(settings.root, settings.contextPrefix, read),
  }
}

function folderOf(file: string): string {
  const slash = file.lastIndexOf('/')
  return slash === -1 ? '' : file.slice(0, slash)
}

/** The real places, from the top of the repository, of the files among `files` (relative to `root`) that a symlink leads to. */
function linkTargets(root: string, prefix: string, files: readonly string[]): string[] {
  let realRoot: string
  try {
    realRoot = realpathSync.native(root)
  } catch {
    return []
  }
  const targets: string[] = []
  for (const file of files) {
    let real: string
    try {
      real = realpathSync.native(path.join(root, ...file.split('/')))
    } catch {
      continue // absent (an ignore file that is not there): nothing read
    }
    const rel = path.relative(realRoot, real).split(path.sep).join('/')
    if (rel === file || path.isAbsolute(rel)) continue
    // A link out of the repository leads to nothing a commit changes.
    const fromTop = path.posix.join(prefix, rel)
    if (fromTop !== '..' && !fromTop.startsWith('../')) targets.push(fromTop)
  }
  return targets
}
