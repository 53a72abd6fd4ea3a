import { posix } from 'node:path'
import type { CST, Document, isAlias, isMap, isScalar, isSeq, LineCounter, Pair, Node as YamlNode } from 'yaml'
import { InputError, type SourceLocation } from '../common/errors.js'
import { count, LIMITS } from '../common/limits.js'
import { isDns1123Label, MAX_IMAGE_NAME_LENGTH } from '../common/names.js'
import { isKnownPlatform, KNOWN_PLATFORMS, samePlatform } from '../common/platforms.js'
import type { ConfigSource, ImageConfig, ImageEntry, ImageOptions, OptionKey, ResourceList, Resources, Toleration } from './types.js'

/**
 * Per-image settings for what cannot be inferred from the Dockerfiles: read from the config file
 * (input `config`) or, for a single-image repository, from the `image-config` input. Parsing is
 * strict: an unknown key or a bad value is an error that names the file, line and column. Then the
 * entries are matched to the Dockerfiles found and checked against them (context folder, target
 * stage), still with the place each setting was written. Pure: the caller reads the file.
 */

const OPTION_KEYS = [
  'name',
  'context',
  'buildArgs',
  'target',
  'extraTags',
  'platform',
  'platforms',
  'resources',
  'nodeSelector',
  'tolerations',
  'skip',
] as const satisfies readonly OptionKey[]
/** What `defaults` may set: the settings that make sense for every image. */
const DEFAULT_KEYS = [
  'buildArgs',
  'extraTags',
  'platform',
  'platforms',
  'resources',
  'nodeSelector',
  'tolerations',
] as const satisfies readonly OptionKey[]
const TOP_KEYS = ['defaults', 'images'] as const

/** Where a value sits in the config, and how to say so. */
export function locate(source: ConfigSource, at: SourceLocation): string {
  return source.kind === 'file' ? `${source.name}:${at.line}:${at.column}` : `Input '${source.name}' (line ${at.line}, column ${at.column})`
}

/** An error about a value of the config, located. */
export function configError(source: ConfigSource, at: SourceLocation, message: string): InputError {
  return new InputError(`${locate(source, at)}: ${message}`, {
    ...(source.annotationPath ? { location: { ...at, file: source.annotationPath } } : {}),
  })
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/
/** A content tag, or a platform build's (`<content tag>-<os>-<arch>[-<variant>]`): the checks would take it for their own. */
const CONTENT_TAG = /^[0-9a-f]{16}(-|$)/
const STAGE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/
const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/
const QUANTITY = /^[+]?(\d+(\.\d*)?|\.\d+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?\d+)?$/
const QUANTITY_PARTS = /^[+]?(\d*)(?:\.(\d*))?(?:([KMGTPE])i|([numkMGTPE])|[eE]([+-]?\d+))?$/
const DECIMAL_SI: Record<string, number> = { n: -9, u: -6, m: -3, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 }
const BINARY_SI: Record<string, bigint> = { K: 10n, M: 20n, G: 30n, T: 40n, P: 50n, E: 60n }
const MAX_BINARY = 2n ** 63n - 1n

/** A non-negative quantity as `digits × 10^exponent`. */
interface Amount {
  readonly digits: bigint
  readonly exponent: number
}

/**
 * The value Kubernetes parses a quantity (one QUANTITY matched) to: exact, with what is finer than
 * nano rounded up to 1n, and a binary-suffixed one capped at 2^63-1 (`8Ei`), as resource.Quantity does.
 */
function quantityAmount(text: string): Amount {
  const [, whole = '', fraction = '', binary, decimal, power] = QUANTITY_PARTS.exec(text) ?? []
  let digits = BigInt(`${whole}${fraction}` || '0')
  let exponent = -fraction.length + (decimal ? (DECIMAL_SI[decimal] ?? 0) : power ? Number(power) : 0)
  if (binary) {
    digits *= 2n ** (BINARY_SI[binary] ?? 0n)
    if (digits > MAX_BINARY * 10n ** BigInt(-exponent)) return { digits: MAX_BINARY, exponent: 0 }
  }
  if (exponent < -9 && digits > 0n) {
    const shift = -9 - exponent
    const scale = shift < String(digits).length ? 10n ** BigInt(shift) : undefined
    digits = scale === undefined ? 1n : (digits + scale - 1n) / scale
    exponent = -9
  }
  return { digits, exponent }
}

/** Compares two quantities by value (`1Gi` and `1073741824` are equal): negative, 0 or positive. */
function compareQuantities(a: string, b: string): number {
  const x = quantityAmount(a)
  const y = quantityAmount(b)
  if (x.digits === 0n || y.digits === 0n) return x.digits === y.digits ? 0 : x.digits === 0n ? -1 : 1
  // Orders of magnitude first: an exponent such as 1e400 is never raised to a power of ten.
  const magnitude = String(x.digits).length + x.exponent - (String(y.digits).length + y.exponent)
  if (magnitude !== 0) return magnitude
  const low = Math.min(x.exponent, y.exponent)
  const left = x.digits * 10n ** BigInt(x.exponent - low)
  const right = y.digits * 10n ** BigInt(y.exponent - low)
  return left === right ? 0 : left < right ? -1 : 1
}

/** Is the quantity a whole number (`2`, `2000m`, `1k`)? */
function isWholeQuantity(text: string): boolean {
  const { digits, exponent } = quantityAmount(text)
  return exponent >= 0 || digits % 10n ** BigInt(-exponent) === 0n
}

const QUALIFIED_NAME = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)$/
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/

const CONTAINER_RESOURCE = 'cpu, memory, ephemeral-storage, hugepages-<size>, or an extended resource such as nvidia.com/gpu'

/**
 * A resource a container may request: one of Kubernetes' own (cpu, memory, ephemeral-storage,
 * hugepages-<size>), or a name with a domain (an extended resource such as nvidia.com/gpu).
 */
function isContainerResourceName(value: string): boolean {
  if (!isQualifiedName(value)) return false
  if (value.includes('/')) return !value.startsWith('requests.')
  if (value.startsWith('hugepages-')) return QUANTITY.test(value.slice('hugepages-'.length))
  return value === 'cpu' || value === 'memory' || value === 'ephemeral-storage'
}

/** A resource with a domain outside kubernetes.io (nvidia.com/gpu): counted in whole units, never overcommitted. */
function isExtendedResource(name: string): boolean {
  const slash = name.indexOf('/')
  const domain = slash === -1 ? '' : name.slice(0, slash)
  return domain !== '' && domain !== 'kubernetes.io' && !domain.endsWith('.kubernetes.io') && !name.startsWith('requests.')
}

/** A Kubernetes label key or resource name: `[prefix/]name`, the prefix a DNS subdomain. */
function isQualifiedName(value: string): boolean {
  const slash = value.lastIndexOf('/')
  const name = slash === -1 ? value : value.slice(slash + 1)
  const prefix = slash === -1 ? '' : value.slice(0, slash)
  return QUALIFIED_NAME.test(name) && (slash === -1 || (prefix.length <= 253 && DNS_SUBDOMAIN.test(prefix)))
}

/** Parses the config file's text. `source` names it in errors. */
export async function parseConfigFile(text: string, source: ConfigSource): Promise<ImageConfig> {
  const parsed = await parseYaml(text, source)
  const reader = new Reader(source, parsed.lineCounter, parsed.kinds)
  const root = parsed.contents
  const empty: ImageEntry = { dockerfile: '', options: {}, at: { line: 1, column: 1 }, positions: new Map() }
  if (root === null) return { source, defaults: empty, images: new Map() }
  const top = reader.map(root, 'the top level', 'a mapping with the keys defaults and images')
  let defaults = empty
  const images = new Map<string, ImageEntry>()
  for (const pair of top) {
    const key = reader.key(pair, TOP_KEYS, '')
    if (key === 'defaults') defaults = reader.entry('', pair.value, 'defaults', DEFAULT_KEYS, pair.key)
    else {
      for (const image of reader.map(pair.value, 'images', 'a mapping from Dockerfile paths to their settings', pair.key)) {
        const raw = reader.string(image.key as YamlNode, 'a Dockerfile path in images', 'a repository-relative path')
        const dockerfile = normalizePath(raw)
        const at = reader.at(image.key as YamlNode)
        if (dockerfile === undefined || dockerfile === '') {
          throw configError(source, at, `images has the key '${raw}': expected a Dockerfile path relative to the repository`)
        }
        if (images.has(dockerfile)) {
          throw configError(source, at, `images has '${raw}' twice (as '${dockerfile}'): expected one entry per Dockerfile`)
        }
        images.set(dockerfile, reader.entry(dockerfile, image.value, `images › ${dockerfile}`, OPTION_KEYS, image.key as YamlNode))
      }
    }
  }
  return { source, defaults, images }
}

/** Parses the `image-config` input: the settings of the repository's only image. */
export async function parseInlineConfig(text: string, source: ConfigSource): Promise<ImageEntry | undefined> {
  const parsed = await parseYaml(text, source)
  if (parsed.contents === null) return undefined
  return new Reader(source, parsed.lineCounter, parsed.kinds).entry('', parsed.contents, 'the image', OPTION_KEYS)
}

interface Kinds {
  readonly isAlias: typeof isAlias
  readonly isMap: typeof isMap
  readonly isSeq: typeof isSeq
  readonly isScalar: typeof isScalar
}

async function parseYaml(
  text: string,
  source: ConfigSource,
): Promise<{ contents: YamlNode | null; lineCounter: LineCounter; kinds: Kinds }> {
  // Loaded only when there is a config: the yaml package costs start-up time.
  const yaml = await import('yaml')
  const lineCounter = new yaml.LineCounter()
  const doc = firstDocument(yaml, text, lineCounter, source)
  const problem = doc.errors[0]
  if (problem) {
    const { line, col } = lineCounter.linePos(problem.pos[0])
    throw configError(source, { line, column: col }, `expected valid YAML, but ${problem.message.replace(/\s+/g, ' ').trim()}`)
  }
  const contents = doc.contents as YamlNode | null
  return {
    contents: contents && yaml.isScalar(contents) && contents.value === null ? null : contents,
    lineCounter,
    kinds: { isAlias: yaml.isAlias, isMap: yaml.isMap, isSeq: yaml.isSeq, isScalar: yaml.isScalar },
  }
}

/** The first problem met reading a document: reading stops there. */
class FirstError {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

/**
 * The first document of the text, as the yaml package's parseDocument reads it, with changes that
 * keep the time linear in the text and the memory small, whatever it holds:
 * - the parser's stack is checked after each token, so that mappings and lists nested too deep or
 *   with too many entries fail before they are built (the parser's memory and the composer's
 *   recursion grow with them);
 * - the package's own check of duplicate keys is off (it compares each key with every key before
 *   it); Reader.map checks them;
 * - reading stops at the first error, and at a second document, where the package makes an error
 *   object (with its stack) for each of a flood of bad tokens: 2 MiB of commas took 28 s and 2 GB.
 */
function firstDocument(yaml: typeof import('yaml'), text: string, lineCounter: LineCounter, source: ConfigSource): Document.Parsed {
  const parser = new yaml.Parser(lineCounter.addNewLine)
  const composer = new yaml.Composer({ prettyErrors: false, uniqueKeys: false, strict: true })
  let first: FirstError | undefined
  const fail = (offset: number, message: string): never => {
    first ??= new FirstError(offset, message)
    throw first
  }
  // Thrown again on each later call: the package catches what a tag's resolver throws, and reports it.
  const onError = (at: number | readonly number[] | { offset: number }, _code: string, message: string, warning?: boolean) => {
    if (!warning)
      fail(
        typeof at === 'number' ? at : 'offset' in at ? at.offset : (at[0] ?? 0),
        `expected valid YAML, but ${message.replace(/\s+/g, ' ').trim()}`,
      )
  }
  Object.assign(composer, { onError })
  const stream = checkedTokens(yaml, parser, text, lineCounter, fail)
  let doc: Document.Parsed | undefined
  try {
    for (const next of composer.compose(stream.tokens, true, text.length)) doc ??= next
  } catch (error) {
    if (first === undefined) throw error
  }
  if (first !== undefined) {
    const { line, col } = lineCounter.linePos(first.offset)
    throw configError(source, { line, column: col }, first.message)
  }
  // compose() ends with a document, an empty one for an empty text.
  const parsed = doc as Document.Parsed
  const second = stream.secondDocument()
  if (second !== undefined) {
    const message = 'Source contains multiple documents; please use YAML.parseAllDocuments()'
    parsed.errors.push(new yaml.YAMLParseError([second, second + 1], 'MULTIPLE_DOCS', message))
  }
  return parsed
}

/**
 * The parser's tokens of `text`, up to its first error token or the start of a second document
 * (where it is kept), its stack checked after each lexeme (see shapeProblem).
 */
function checkedTokens(
  yaml: typeof import('yaml'),
  parser: InstanceType<typeof import('yaml').Parser>,
  text: string,
  lineCounter: LineCounter,
  fail: (offset: number, message: string) => never,
): { tokens: Generator<CST.Token>; secondDocument: () => number | undefined } {
  let second: number | undefined
  let documents = 0
  let failed = false
  // The tokens of the first document, and what the stream holds before and after it.
  const pass = function* (from: Generator<CST.Token>) {
    for (const token of from) {
      if (token.type === 'document' && documents++ > 0) second ??= token.offset
      if (second !== undefined) return
      yield token
      failed ||= token.type === 'error'
    }
  }
  const tokens = function* () {
    lineCounter.addNewLine(0)
    for (const lexeme of new yaml.Lexer().lex(text)) {
      yield* pass(parser.next(lexeme))
      if (failed || second !== undefined) return
      const problem = shapeProblem(parser.stack)
      if (problem) fail(problem.offset, problem.message)
    }
    yield* pass(parser.end())
  }
  return { tokens: tokens(), secondDocument: () => second }
}

/**
 * What is wrong with the collections being parsed (the parser's stack, the innermost last), if
 * anything, and where: the entry past the limit, or the collection one level too deep.
 */
function shapeProblem(stack: readonly CST.Token[]): { offset: number; message: string } | undefined {
  const top = stack[stack.length - 1]
  if (top !== undefined && 'items' in top && top.items.length > LIMITS.configEntries) {
    // Once the entry has a key or a value, to point at it (an entry of neither, one entry later).
    const entry = top.items[top.items.length - 1] as CST.CollectionItem
    const at = entry.key ?? entry.value ?? (top.items.length > LIMITS.configEntries + 1 ? (entry.start[0] ?? top) : undefined)
    if (at) {
      const most = count(LIMITS.configEntries)
      return { offset: at.offset, message: `a mapping or list has more than ${most} entries: expected at most ${most}` }
    }
  }
  // The stack holds the document and a scalar being read besides the collections.
  if (stack.length <= LIMITS.configDepth) return undefined
  const collections = stack.filter((t) => t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection')
  const innermost = collections[LIMITS.configDepth]
  if (innermost === undefined) return undefined
  return {
    offset: innermost.offset,
    message: `mappings and lists nest more than ${LIMITS.configDepth} deep here: expected at most ${LIMITS.configDepth}`,
  }
}

/** Repository-relative POSIX path, or undefined when it leaves the repository or is absolute. */
function normalizePath(raw: string): string | undefined {
  const value = raw.trim().replace(/\\/g, '/')
  if (value === '' || value.startsWith('/') || /^[A-Za-z]:\//.test(value)) return undefined
  const normalized = posix.normalize(value).replace(/\/+$/, '')
  if (normalized === '..' || normalized.startsWith('../')) return undefined
  return normalized === '.' ? '' : normalized
}

/** Walks the parsed document, checking types and values, and keeps positions for later errors. */
class Reader {
  constructor(
    private readonly source: ConfigSource,
    private readonly lines: LineCounter,
    private readonly kinds: Kinds,
  ) {}

  at(node: YamlNode | null | undefined): SourceLocation {
    const offset = node?.range?.[0] ?? 0
    const { line, col } = this.lines.linePos(offset)
    return { line, column: col }
  }

  fail(node: YamlNode | null | undefined, message: string): never {
    throw configError(this.source, this.at(node), message)
  }

  /** How a value reads in an error: its text, or its kind. */
  show(node: YamlNode | null | undefined): string {
    if (node === null || node === undefined || !this.kinds.isScalar(node)) return 'nothing'
    if (node.value === null) return 'null'
    const text = String(node.source ?? node.value)
    return `'${text.length > 80 ? `${text.slice(0, 77)}...` : text}'`
  }

  /** A mapping; `owner` (its key) is where an error points when there is no value to point at. */
  map(node: unknown, what: string, expected: string, owner?: YamlNode | null): Pair<YamlNode, YamlNode>[] {
    const n = node as YamlNode | null
    if (!this.kinds.isMap(n))
      return this.fail(this.isEmpty(n) && owner ? owner : n, `${what} has ${this.describe(n)}: expected ${expected}`)
    const items = n.items as Pair<YamlNode, YamlNode>[]
    // Keys compared as the yaml package compares them (the same scalar value), in one pass.
    const keys = new Set<unknown>()
    for (const { key } of items) {
      const value = this.kinds.isScalar(key) ? key.value : key
      if (keys.has(value)) this.fail(key, 'expected valid YAML, but a key appears twice in one mapping')
      keys.add(value)
    }
    return items
  }

  seq(node: unknown, what: string, expected: string): YamlNode[] {
    const n = node as YamlNode | null
    if (!this.kinds.isSeq(n)) return this.fail(n, `${what} has ${this.describe(n)}: expected ${expected}`)
    return n.items as YamlNode[]
  }

  private describe(node: YamlNode | null | undefined): string {
    if (this.kinds.isAlias(node)) return `the alias *${node.source}, and aliases are not supported (write the value out, or use defaults)`
    if (this.kinds.isMap(node)) return 'a mapping'
    if (this.kinds.isSeq(node)) return 'a list'
    if (node === null || node === undefined || (this.kinds.isScalar(node) && node.value === null)) return 'no value'
    return `the value ${this.show(node)}`
  }

  private isEmpty(node: YamlNode | null | undefined): boolean {
    return node === null || node === undefined || (this.kinds.isScalar(node) && node.value === null)
  }

  private scalar(node: YamlNode | null | undefined): unknown {
    return this.kinds.isScalar(node) ? node.value : undefined
  }

  /** A scalar that YAML reads as a string; numbers and booleans must be quoted, so `1.10` stays `1.10`. */
  string(node: YamlNode | null | undefined, what: string, expected: string): string {
    const value = this.scalar(node)
    if (typeof value === 'string') return value
    if (typeof value === 'number' || typeof value === 'boolean') {
      this.fail(node, `${what} has the value ${this.show(node)}, which YAML reads as a ${typeof value}: expected ${expected} (quote it)`)
    }
    return this.fail(node, `${what} has ${this.describe(node)}: expected ${expected}`)
  }

  boolean(node: YamlNode | null | undefined, what: string): boolean {
    const value = this.scalar(node)
    if (typeof value === 'boolean') return value
    return this.fail(node, `${what} has ${this.describe(node)}: expected true or false`)
  }

  /** A string matching `pattern`. */
  matching(node: YamlNode | null | undefined, what: string, pattern: RegExp | ((v: string) => boolean), expected: string): string {
    const value = this.string(node, what, expected)
    const ok = typeof pattern === 'function' ? pattern(value) : pattern.test(value)
    if (!ok) this.fail(node, `${what} has the value ${this.show(node)}: expected ${expected}`)
    return value
  }

  key<K extends string>(pair: Pair<YamlNode, YamlNode>, allowed: readonly K[], where: string): K {
    const key = this.string(pair.key, where ? `a key of ${where}` : 'a top-level key', `one of ${allowed.join(', ')}`)
    if (where === 'defaults' && !(allowed as readonly string[]).includes(key) && (OPTION_KEYS as readonly string[]).includes(key)) {
      this.fail(pair.key, `defaults has the key '${key}', which applies to one image only: expected it under images › <Dockerfile>`)
    }
    if (!(allowed as readonly string[]).includes(key)) {
      const near = allowed.find((k) => k.toLowerCase() === key.toLowerCase().replace(/[-_]/g, ''))
      this.fail(
        pair.key,
        `${where ? `${where} has` : 'the top level has'} the unknown key '${key}': expected ${near ? `'${near}'` : `one of ${allowed.join(', ')}`}`,
      )
    }
    return key as K
  }

  /** One image's settings (or the defaults), keys limited to `allowed`. */
  entry(dockerfile: string, node: unknown, where: string, allowed: readonly OptionKey[], owner?: YamlNode | null): ImageEntry {
    const items = this.map(node, where, `a mapping of image settings (${allowed.join(', ')})`, owner)
    const positions = new Map<OptionKey, SourceLocation>()
    const options: Record<string, unknown> = {}
    for (const pair of items) {
      const key = this.key(pair, allowed, where)
      positions.set(key, this.at(pair.value ?? pair.key))
      options[key] = this.option(key, pair.value, `${where} › ${key}`)
    }
    return { dockerfile, options: options as ImageOptions, at: this.at(node as YamlNode), positions }
  }

  /** The value of one setting, checked. */
  private option<K extends OptionKey>(key: K, value: YamlNode | null, what: string): ImageOptions[K] {
    const read: { [O in OptionKey]: () => ImageOptions[O] } = {
      name: () =>
        this.matching(
          value,
          what,
          (v) => isDns1123Label(v) && v.length <= MAX_IMAGE_NAME_LENGTH,
          `an image name of lower-case letters, digits and -, at most ${MAX_IMAGE_NAME_LENGTH} characters`,
        ),
      context: () => this.context(value, what),
      buildArgs: () => this.buildArgs(value, what),
      target: () => this.matching(value, what, STAGE, 'the name of a stage (FROM ... AS <name>)'),
      extraTags: () => this.extraTags(value, what),
      platform: () => this.matching(value, what, PLATFORM, 'a platform such as linux/amd64 or linux/arm64/v8'),
      platforms: () => this.platforms(value, what),
      resources: () => this.resources(value, what),
      nodeSelector: () => this.nodeSelector(value, what),
      tolerations: () => this.seq(value, what, 'a list of tolerations').map((item) => this.toleration(item, `an item of ${what}`)),
      skip: () => this.boolean(value, what),
    }
    return read[key]() as ImageOptions[K]
  }

  private context(value: YamlNode | null, what: string): string {
    const raw = this.string(value, what, 'a folder relative to the repository')
    const context = normalizePath(raw === '.' ? './' : raw)
    if (context === undefined) this.fail(value, `${what} has the value ${this.show(value)}: expected a folder inside the repository`)
    return context
  }

  private buildArgs(value: YamlNode | null, what: string): Record<string, string> {
    const args: Record<string, string> = {}
    for (const arg of this.map(value, what, 'a mapping of build argument names to values')) {
      const name = this.matching(arg.key, `a key of ${what}`, IDENTIFIER, 'a build argument name such as GO_VERSION')
      args[name] = this.string(arg.value, `${what} › ${name}`, 'a string')
    }
    return sortedRecord(args)
  }

  private extraTags(value: YamlNode | null, what: string): string[] {
    const seen = new Set<string>()
    for (const item of this.seq(value, what, 'a list of tags such as [latest]')) {
      const tag = this.matching(
        item,
        `an item of ${what}`,
        TAG,
        'a tag: letters, digits, _, . and -, at most 128, not starting with . or -',
      )
      if (CONTENT_TAG.test(tag))
        this.fail(
          item,
          `an item of ${what} has the value '${tag}': expected a tag that cannot be taken for a content tag (16 hex digits, alone or followed by -)`,
        )
      if (seen.has(tag)) this.fail(item, `${what} has '${tag}' twice: expected each tag once`)
      seen.add(tag)
    }
    return [...seen]
  }

  private platforms(value: YamlNode | null, what: string): string[] {
    const seen = new Map<string, string>()
    const items = this.seq(value, what, `a list of platforms such as [linux/amd64, linux/arm64]`)
    if (items.length === 0) this.fail(value, `${what} is empty: expected at least one platform such as linux/amd64`)
    for (const item of items) {
      const platform = this.matching(item, `an item of ${what}`, isKnownPlatform, `one of ${KNOWN_PLATFORMS.join(', ')}`)
      const other = seen.get(samePlatform(platform))
      if (other !== undefined) {
        this.fail(
          item,
          `${what} has '${platform}'${other === platform ? ' twice' : ` and '${other}', the same platform`}: expected each platform once`,
        )
      }
      seen.set(samePlatform(platform), platform)
    }
    return [...seen.values()]
  }

  private nodeSelector(value: YamlNode | null, what: string): Record<string, string> {
    const selector: Record<string, string> = {}
    for (const label of this.map(value, what, 'a mapping of node label keys to values')) {
      const name = this.matching(label.key, `a key of ${what}`, isQualifiedName, 'a label key such as kubernetes.io/arch')
      selector[name] = this.matching(
        label.value,
        `${what} › ${name}`,
        (v) => v.length <= 63 && LABEL_VALUE.test(v),
        'a label value: at most 63 letters, digits, -, _ and ., starting and ending with a letter or digit',
      )
    }
    return sortedRecord(selector)
  }

  private resources(node: YamlNode | null, what: string): Resources {
    const out: { requests?: ResourceList; limits?: ResourceList } = {}
    const nodes = { requests: new Map<string, YamlNode | null>(), limits: new Map<string, YamlNode | null>() }
    for (const pair of this.map(node, what, 'a mapping with requests and/or limits')) {
      const kind = this.key(pair, ['requests', 'limits'] as const, what)
      const list: Record<string, string> = {}
      for (const item of this.map(pair.value, `${what} › ${kind}`, 'a mapping of resource names (cpu, memory, ...) to quantities')) {
        const name = this.matching(item.key, `a key of ${what} › ${kind}`, isContainerResourceName, CONTAINER_RESOURCE)
        const raw = item.value as YamlNode | null
        const value = this.scalar(raw)
        // A bare number is a quantity too (cpu: 2); its source text keeps what was written (0.50).
        const quantity = typeof value === 'number' && this.kinds.isScalar(raw) ? String(raw.source ?? value) : value
        if (typeof quantity !== 'string' || !QUANTITY.test(quantity)) {
          this.fail(raw, `${what} › ${kind} › ${name} has ${this.describe(raw)}: expected a Kubernetes quantity such as 500m, 2 or 4Gi`)
        }
        // Kubernetes counts extended resources (nvidia.com/gpu) in whole units.
        if (isExtendedResource(name) && !isWholeQuantity(quantity)) {
          this.fail(raw, `${what} › ${kind} › ${name} has the value '${quantity}': expected a whole number (an extended resource)`)
        }
        list[name] = quantity
        nodes[kind].set(name, raw)
      }
      out[kind] = sortedRecord(list)
    }
    this.checkRequests(out, nodes, node, what)
    return out
  }

  /**
   * What the API server checks of a container's resources beyond each value: no request above its
   * limit; extended resources and huge pages, which are never overcommitted, with a limit equal to the
   * request; huge pages only with cpu or memory.
   */
  private checkRequests(
    resources: Resources,
    nodes: { readonly requests: ReadonlyMap<string, YamlNode | null>; readonly limits: ReadonlyMap<string, YamlNode | null> },
    node: YamlNode | null,
    what: string,
  ): void {
    const limits = resources.limits ?? {}
    for (const [name, request] of Object.entries(resources.requests ?? {})) {
      const at = nodes.requests.get(name) ?? node
      const limit = limits[name]
      const exact = name.startsWith('hugepages-') || isExtendedResource(name)
      const problem =
        limit === undefined
          ? exact && `expected a limit of ${name} too, the same as the request (Kubernetes never overcommits it)`
          : exact
            ? compareQuantities(request, limit) !== 0 && `expected the same value as its limit, ${limit} (Kubernetes never overcommits it)`
            : compareQuantities(request, limit) > 0 && `expected at most its limit, ${limit}`
      if (problem) this.fail(at, `${what} › requests › ${name} has the value '${request}': ${problem}`)
    }
    const names = [...Object.keys(resources.requests ?? {}), ...Object.keys(limits)]
    if (names.some((n) => n.startsWith('hugepages-')) && !names.some((n) => n === 'cpu' || n === 'memory')) {
      this.fail(node, `${what} has huge pages and neither cpu nor memory: expected a cpu or memory request or limit with them`)
    }
  }

  private toleration(node: YamlNode | null, what: string): Toleration {
    const keys = ['key', 'operator', 'value', 'effect', 'tolerationSeconds'] as const
    const out: { -readonly [K in keyof Toleration]?: Toleration[K] } = {}
    for (const pair of this.map(node, what, `a mapping with ${keys.join(', ')}`)) {
      const key = this.key(pair, keys, what)
      const value = pair.value
      if (key === 'key') out.key = this.matching(value, `${what} › key`, isQualifiedName, 'a taint key such as dedicated')
      else if (key === 'operator')
        out.operator = this.matching(value, `${what} › operator`, /^(Exists|Equal)$/, 'Exists or Equal') as Toleration['operator']
      else if (key === 'value')
        out.value = this.matching(
          value,
          `${what} › value`,
          (v) => v.length <= 63 && LABEL_VALUE.test(v),
          'a taint value: at most 63 letters, digits, -, _ and ., starting and ending with a letter or digit (quote numbers)',
        )
      else if (key === 'effect')
        out.effect = this.matching(
          value,
          `${what} › effect`,
          /^(NoSchedule|PreferNoSchedule|NoExecute)$/,
          'NoSchedule, PreferNoSchedule or NoExecute',
        ) as Toleration['effect']
      else {
        const seconds = this.scalar(value)
        if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0) {
          this.fail(value, `${what} › tolerationSeconds has ${this.describe(value)}: expected a whole number of seconds`)
        }
        out.tolerationSeconds = seconds
      }
    }
    if (out.operator === 'Exists' && out.value !== undefined)
      this.fail(node, `${what} has operator Exists and a value: expected no value with Exists`)
    if (out.tolerationSeconds !== undefined && out.effect !== 'NoExecute') {
      this.fail(node, `${what} has tolerationSeconds: expected it only with effect NoExecute`)
    }
    if (out.key === undefined && out.operator !== 'Exists')
      this.fail(node, `${what} has no key: expected a key, or operator Exists to tolerate every taint`)
    // Fixed key order: the Pod's text must not depend on how the file ordered them.
    return {
      ...(out.key !== undefined ? { key: out.key } : {}),
      ...(out.operator !== undefined ? { operator: out.operator } : {}),
      ...(out.value !== undefined ? { value: out.value } : {}),
      ...(out.effect !== undefined ? { effect: out.effect } : {}),
      ...(out.tolerationSeconds !== undefined ? { tolerationSeconds: out.tolerationSeconds } : {}),
    }
  }
}

function sortedRecord(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}
