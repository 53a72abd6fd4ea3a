import { limitName, MAX_IMAGE_NAME_LENGTH, normalizeName, shortHash } from '../common/names.js'

/**
 * The variant part a Dockerfile's file name adds to its image name:
 * `Dockerfile` -> '', `Dockerfile.dev` -> 'dev', `worker.Dockerfile` -> 'worker'.
 */
export function fileVariant(fileName: string): string {
  const lower = fileName.toLowerCase()
  if (lower === 'dockerfile' || lower === 'containerfile') return ''
  for (const base of ['dockerfile', 'containerfile']) {
    if (lower.startsWith(`${base}.`)) return fileName.slice(base.length + 1)
    if (lower.endsWith(`.${base}`)) return fileName.slice(0, -(base.length + 1))
  }
  return fileName
}

/**
 * A part of a path (a folder, a file variant) as it enters an image name: normalised, or, when
 * nothing of it is left (`сервис`, `服务`, `__`), `img-` and a hash of its text, so that it still
 * names that folder rather than falling back to the repository's name.
 */
function readablePart(part: string): string {
  return normalizeName(part) || `img-${shortHash(part, 6)}`
}

interface PathParts {
  readonly path: string
  readonly folders: readonly string[]
  readonly variant: string
}

function pathParts(path: string): PathParts {
  const folders = path.split('/')
  const file = folders.pop() ?? path
  return { path, folders, variant: fileVariant(file) }
}

/** The name of a path from its last `depth` folders (the root name for a file at the top) and its variant. */
function nameAtDepth(parts: PathParts, depth: number, root: string): string {
  const folders = parts.folders.length === 0 ? [root] : parts.folders.slice(-depth).map(readablePart)
  return limitName(parts.variant === '' ? folders.join('-') : `${folders.join('-')}-${readablePart(parts.variant)}`)
}

/** `name` cut to leave room for `-<hash of the path>`, with that hash. */
function nameWithPathHash(name: string, path: string, length = 6): string {
  return `${name.slice(0, MAX_IMAGE_NAME_LENGTH - length - 1).replace(/-+$/, '')}-${shortHash(path, length)}`
}

/**
 * Assigns every Dockerfile path an image name that is a valid DNS-1123 label of at most
 * MAX_IMAGE_NAME_LENGTH characters, unique, and a function of the set of paths alone. A name starts
 * from the Dockerfile's folder and its file variant (`services/api/Dockerfile.dev` -> `api-dev`);
 * names that collide take in parent folders one at a time (`images/a/cuda/Dockerfile`,
 * `images/b/cuda/Dockerfile` -> `a-cuda`, `b-cuda`); names that still collide get a hash of their path.
 * These are the names of new images: an image keeps the name the previous manifest gives it (see plan.ts).
 *
 * @param rootName name for a Dockerfile at the repository root (usually the repository's name)
 */
export function assignImageNames(paths: readonly string[], rootName: string): Map<string, string> {
  const root = normalizeName(rootName) || 'image'
  const entries = [...new Set(paths)].sort().map((path) => ({ parts: pathParts(path), path, depth: 1, name: '' }))
  for (const e of entries) e.name = nameAtDepth(e.parts, e.depth, root)

  for (;;) {
    const groups = groupBy(entries, (e) => e.name)
    let extended = false
    for (const group of groups.values()) {
      if (group.length < 2) continue
      for (const e of group) {
        if (e.depth < e.parts.folders.length) {
          e.depth++
          e.name = nameAtDepth(e.parts, e.depth, root)
          extended = true
        }
      }
    }
    if (!extended) break
  }
  for (const group of groupBy(entries, (e) => e.name).values()) {
    if (group.length < 2) continue
    for (const e of group) e.name = nameWithPathHash(e.name, e.path)
  }
  const result = new Map<string, string>()
  const seen = new Map<string, string>()
  for (const e of entries) {
    const other = seen.get(e.name)
    if (other !== undefined) {
      throw new Error(`image name '${e.name}' is derived from both '${other}' and '${e.path}'; rename one of them`)
    }
    seen.set(e.name, e.path)
    result.set(e.path, e.name)
  }
  return result
}

/**
 * The first name for `path` that is not `taken`: its folder (and variant) with more and more parent
 * folders, then with a hash of its path, longer while that is taken too. For a new Dockerfile whose
 * own name another image already has.
 */
export function distinctImageName(path: string, rootName: string, taken: (name: string) => boolean): string {
  const root = normalizeName(rootName) || 'image'
  const parts = pathParts(path)
  for (let depth = 1; depth <= Math.max(1, parts.folders.length); depth++) {
    const name = nameAtDepth(parts, depth, root)
    if (!taken(name)) return name
  }
  const full = nameAtDepth(parts, parts.folders.length, root)
  for (let length = 6; length <= 16; length += 2) {
    const name = nameWithPathHash(full, path, length)
    if (!taken(name)) return name
  }
  throw new Error(`every name derived from '${path}' is taken by another image (such as '${full}'); give it a name in the config`)
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    const group = groups.get(k)
    if (group) group.push(item)
    else groups.set(k, [item])
  }
  return groups
}
