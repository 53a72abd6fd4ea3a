/**
 * Tells a hand edit of the manifest in a pull request from a regenerated one. The file counts as
 * edited by hand when its documents equal neither those of the base branch's manifest nor those of
 * the render, compared as data (the `yaml` package, loaded only here), with what legitimately varies
 * between two renders of the same Dockerfiles left out:
 *
 * - the header comments (`# digest:`, `# inputs:`): the preview command or another version writes others;
 * - the commit a Pod pins (`kaniko-gitops/commit`, the `#<ref>#<commit>` end of `--context`, the
 *   `org.opencontainers.image.revision` label) and the branch it is fetched through: a manifest
 *   regenerated at the head of the pull request, or by the preview on its branch, pins that commit,
 *   where the run renders the merge commit;
 * - what is a hash of the rest, and so follows the commit: the `-<10 hex>` end of a Pod's name and
 *   `kaniko-gitops/render-key`.
 *
 * Everything else counts, exactly: `privileged: true`, a resource, an image, an added or removed Pod.
 */

type Data = unknown
type Record_ = { [key: string]: Data }

/** A document with its kind and name (as written in the file), and its comparable form. */
interface Doc {
  readonly label: string
  /** kind and name with the name's hash left out: what pairs a document of the file with one of the render. */
  readonly key: string
  readonly data: Data
  readonly canonical: string
}

const COMMIT = '[0-9a-f]{40}(?:[0-9a-f]{24})?'
const CONTEXT_ARG = new RegExp(`^(--context=[^#]*)#[^#]*#${COMMIT}$`)
const REVISION_ARG = new RegExp(`^(--label=org\\.opencontainers\\.image\\.revision=)${COMMIT}$`)
const COMMIT_VALUE = new RegExp(`^${COMMIT}$`)
const NAME_HASH = /-[0-9a-f]{10}$/
const RENDER_KEY = /^[0-9a-f]{32}$/
const PINNED = '<pinned commit>'

/**
 * How the manifest of the pull request (`file`) differs from the render, when it equals neither the
 * base branch's manifest nor the render: the first difference, for the message. Undefined: no drift.
 */
export async function findDrift(file: string | undefined, base: string | undefined, rendered: string): Promise<string | undefined> {
  if (file === undefined || file === base || file === rendered) return undefined
  const { parseAllDocuments } = await import('yaml')
  const parse = (texts: readonly string[]): Doc[] | string => {
    const docs: Doc[] = []
    try {
      for (const text of texts) {
        for (const doc of parseAllDocuments(text)) {
          const error = doc.errors[0]
          // Lines count from the start of that document: the texts are parsed one by one.
          if (error) return `a document in it is not valid YAML (${firstLine(error.message)}, in that document)`
          // Aliases are limited: a file of a pull request is anyone's text.
          const data: Data = doc.toJS({ maxAliasCount: 100 })
          if (data !== null && data !== undefined) docs.push(describeDoc(data))
        }
      }
    } catch (error) {
      return `it cannot be read as YAML (${firstLine((error as Error).message)})`
    }
    return docs
  }
  const mine = pieces(file)
  const render = unmatched(mine, pieces(rendered), parse)
  if (typeof render === 'string') return render
  if (typeof render.theirs === 'string') throw new Error(`the render cannot be read back: ${render.theirs}`)
  if (sameDocuments(render.mine, render.theirs)) return undefined
  if (base !== undefined) {
    // A base manifest that cannot be read equals no file.
    const before = unmatched(mine, pieces(base), parse)
    if (typeof before !== 'string' && typeof before.theirs !== 'string' && sameDocuments(before.mine, before.theirs)) return undefined
  }
  return firstDifference(render.mine, render.theirs)
}

/**
 * The texts between `---` lines. A `---` line always starts a document, so equal texts are equal
 * documents; the header comments are a text of their own, which parses to nothing.
 */
function pieces(text: string): string[] {
  return text.split(/^---[ \t]*\r?$\n?/m)
}

/**
 * The lines of a Pod as this action writes them that carry the pinned commit or follow from it, each
 * with that part replaced by a NUL (which no line of the action's holds). Two texts equal after this
 * are the same documents but for what `unpinned` leaves out: each line stays where it was, and in a
 * render those lines are exactly the annotations, the name and the arguments `unpinned` neutralises.
 */
const TEXT_PINS: readonly [RegExp, string][] = [
  [/^( {2}name: [a-z0-9-]*-)[0-9a-f]{10}$/gm, '$1\0'],
  [new RegExp(`^( {4}kaniko-gitops/commit: )(?:${COMMIT}|"${COMMIT}")$`, 'gm'), '$1\0'],
  [/^( {4}kaniko-gitops\/render-key: )(?:[0-9a-f]{32}|"[0-9a-f]{32}")$/gm, '$1\0'],
  [new RegExp(`^( +- "--context=[^#"\\\\\n]*)#[^#"\\\\\n]*#${COMMIT}"$`, 'gm'), '$1\0"'],
  [new RegExp(`^( +- "--label=org\\.opencontainers\\.image\\.revision=)${COMMIT}"$`, 'gm'), '$1\0"'],
]

/** A document's text with its pinned commit left out (see TEXT_PINS); other documents as they are. */
function pinless(text: string): string {
  if (!text.includes('\nkind: Pod\n')) return text
  let out = text
  for (const [pattern, replacement] of TEXT_PINS) out = out.replace(pattern, replacement)
  return out
}

/**
 * The documents of `mine` and of `theirs`, parsed, but for those whose text the other has too: a
 * regenerated manifest shares most documents with the render, and parsing megabytes of YAML takes
 * seconds. A string when `mine` cannot be read (and `theirs` a string when it cannot).
 */
function unmatched(
  mine: readonly string[],
  theirs: readonly string[],
  parse: (texts: readonly string[]) => Doc[] | string,
): { mine: Doc[]; theirs: Doc[] | string } | string {
  const theirKeys = theirs.map(pinless)
  const left = new Map<string, number>()
  for (const key of theirKeys) left.set(key, (left.get(key) ?? 0) + 1)
  // Takes one of `key` from what is left, if any is.
  const take = (key: string): boolean => {
    const count = left.get(key) ?? 0
    if (count > 0) left.set(key, count - 1)
    return count > 0
  }
  const onlyMine = mine.filter((text) => !take(pinless(text)))
  const onlyTheirs = theirs.filter((_text, i) => take(theirKeys[i] as string))
  const mineDocs = parse(onlyMine)
  if (typeof mineDocs === 'string') return mineDocs
  return { mine: mineDocs, theirs: parse(onlyTheirs) }
}

function sameDocuments(a: readonly Doc[], b: readonly Doc[]): boolean {
  if (a.length !== b.length) return false
  const sorted = (docs: readonly Doc[]) => docs.map((d) => d.canonical).sort()
  const left = sorted(a)
  const right = sorted(b)
  return left.every((c, i) => c === right[i])
}

function isRecord(value: Data): value is Record_ {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function describeDoc(data: Data): Doc {
  const kind = isRecord(data) && typeof data.kind === 'string' ? data.kind : 'document'
  const meta = isRecord(data) && isRecord(data.metadata) ? data.metadata : {}
  const name = typeof meta.name === 'string' ? meta.name : ''
  const comparable = kind === 'Pod' ? unpinned(data) : data
  const key = `${kind}/${kind === 'Pod' ? name.replace(NAME_HASH, '') : name}`
  return { label: `${kind} ${name === '' ? '(no name)' : shown(name)}`, key, data: comparable, canonical: canonicalJson(comparable) }
}

/** A copy of a Pod with what follows the pinned commit set to one placeholder (see the module comment). */
function unpinned(pod: Data): Data {
  const copy = structuredClone(pod) as Record_
  const meta = isRecord(copy.metadata) ? copy.metadata : undefined
  if (meta && typeof meta.name === 'string') meta.name = meta.name.replace(NAME_HASH, '-<hash>')
  const annotations = meta && isRecord(meta.annotations) ? meta.annotations : undefined
  if (annotations) {
    const commit = annotations['kaniko-gitops/commit']
    if (typeof commit === 'string' && COMMIT_VALUE.test(commit)) annotations['kaniko-gitops/commit'] = PINNED
    const key = annotations['kaniko-gitops/render-key']
    if (typeof key === 'string' && RENDER_KEY.test(key)) annotations['kaniko-gitops/render-key'] = '<hash>'
  }
  const spec = isRecord(copy.spec) ? copy.spec : {}
  for (const list of [spec.containers, spec.initContainers]) {
    if (!Array.isArray(list)) continue
    for (const container of list) {
      if (!isRecord(container) || !Array.isArray(container.args)) continue
      container.args = container.args.map((arg: Data) =>
        typeof arg === 'string' ? arg.replace(CONTEXT_ARG, `$1#<branch>#${PINNED}`).replace(REVISION_ARG, `$1${PINNED}`) : arg,
      )
    }
  }
  return copy
}

/** JSON with the keys of every object in sorted order: equal data, equal text. */
function canonicalJson(value: Data): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (isRecord(value)) {
    const keys = Object.keys(value).sort()
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

function firstLine(message: string): string {
  const line = (message.split('\n')[0] ?? '').replace(/:$/, '')
  return line.length > 200 ? `${line.slice(0, 199)}…` : line
}

/** The first document of the file that differs from the render, and how. */
function firstDifference(mine: readonly Doc[], render: readonly Doc[]): string {
  const unpaired = [...render]
  for (const doc of mine) {
    const at = unpaired.findIndex((r) => r.key === doc.key)
    if (at === -1) return `${doc.label} is in the file, not in the render`
    const [other] = unpaired.splice(at, 1) as [Doc]
    if (other.canonical === doc.canonical) continue
    const where = firstPathDifference(doc.data, other.data, '')
    if (where)
      return `${doc.label}: ${where.path || 'the document'} is ${show(where.mine)} in the file, ${show(where.theirs)} in the render${forkHint(where)}`
  }
  const missing = unpaired[0]
  return missing ? `${missing.label} is in the render, not in the file` : 'the documents differ'
}

/** A preview made in a clone of a fork writes the fork's URL into `--context`: say how to name this repository. */
function forkHint(where: PathDifference): string {
  const context = /^--context=git:\/\/[^#]*/
  const mine = typeof where.mine === 'string' ? context.exec(where.mine)?.[0] : undefined
  const theirs = typeof where.theirs === 'string' ? context.exec(where.theirs)?.[0] : undefined
  return mine !== undefined && theirs !== undefined && mine !== theirs
    ? ' (a preview made in a clone whose origin is another repository, a fork, names that one: run it with --repository OWNER/NAME of this repository)'
    : ''
}

interface PathDifference {
  readonly path: string
  readonly mine: Data
  readonly theirs: Data
}

function firstPathDifference(mine: Data, theirs: Data, path: string): PathDifference | undefined {
  if (Array.isArray(mine) && Array.isArray(theirs)) {
    for (let i = 0; i < Math.max(mine.length, theirs.length); i++) {
      const found = firstPathDifference(mine[i], theirs[i], `${path}[${i}]`)
      if (found) return found
    }
    return undefined
  }
  if (isRecord(mine) && isRecord(theirs)) {
    for (const key of new Set([...Object.keys(mine), ...Object.keys(theirs)])) {
      const next = /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${path}${path === '' ? '' : '.'}${key}` : `${path}[${JSON.stringify(key)}]`
      const found = firstPathDifference(mine[key], theirs[key], next)
      if (found) return found
    }
    return undefined
  }
  // An absent value is not null: a key written `key:` is there.
  if (mine === undefined || theirs === undefined) return mine === theirs ? undefined : { path, mine, theirs }
  return canonicalJson(mine) === canonicalJson(theirs) ? undefined : { path, mine, theirs }
}

/** A value for the message: `absent`, or its JSON, cut at 80 characters. */
function show(value: Data): string {
  if (value === undefined) return 'absent'
  const json = canonicalJson(value)
  return json.length > 80 ? `${json.slice(0, 79)}…` : json
}

/** A name from the file as it is when it is plain printable ASCII, in JSON's form otherwise. */
function shown(name: string): string {
  const cut = name.length > 80 ? `${name.slice(0, 79)}…` : name
  return /^[\x21-\x7e]*$/.test(cut) ? cut : JSON.stringify(cut)
}

/** What a pull request that edits the generated manifest by hand is told (`drift`: where, from findDrift). */
export function driftMessage(manifestPath: string, baseRef: string, drift: string): string {
  return `This pull request edits '${manifestPath}' by hand, and the edit does not match the render of its Dockerfiles (${drift}): the file is generated, and the next commit on '${baseRef}' overwrites the edit.`
}
