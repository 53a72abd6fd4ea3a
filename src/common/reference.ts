/**
 * Validation of container image references, after the grammar of distribution/reference:
 * `host[:port]/path-component/...[:tag][@sha256:digest]`.
 */

const DOMAIN_COMPONENT = '(?:[a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])'
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-f:]+\\])(?::[0-9]{1,5})?`
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*'
const TAG = '[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}'
const DIGEST = 'sha256:[a-f0-9]{64}'

const REGISTRY_PREFIX = new RegExp(`^(${DOMAIN})((?:/${PATH_COMPONENT})*)$`)
const IMAGE_REFERENCE = new RegExp(`^(${DOMAIN}/)?(${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)(?::(${TAG}))?(?:@(${DIGEST}))?$`)

/** Does the first component name a registry host (as opposed to a Docker Hub namespace)? */
function isHost(component: string): boolean {
  return component.includes('.') || component.includes(':') || component === 'localhost' || component.startsWith('[')
}

/** Explains what is wrong with a registry prefix such as `docker.io/acme`, or returns undefined. */
export function explainRegistryPrefix(value: string): string | undefined {
  if (value === '') return 'it is empty'
  if (/\s/.test(value)) return 'it contains white space'
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return 'it has a URL scheme; leave out the scheme, as in docker.io/acme'
  if (value.endsWith('/')) return 'it ends with a slash'
  if (value.includes('//')) return "it contains '//'"
  if (value !== value.toLowerCase()) return 'it contains upper-case letters; image references are lower case'
  const first = value.split('/')[0] ?? ''
  if (!isHost(first)) return `'${first}' is not a registry host; start with one, as in docker.io/${value}`
  const hostProblem = explainRegistryHost(first)
  if (hostProblem) return hostProblem
  if (!REGISTRY_PREFIX.test(value)) {
    return 'it is not a registry host followed by path components of [a-z0-9] separated by ., _, __ or -'
  }
  if (value.length > 200) return 'it is longer than 200 characters, leaving no room for image names'
  if (value === first && NAMESPACED_REGISTRIES.test(first)) {
    return `it has no namespace, and ${first} keeps every image under one (a user, organisation or project); add it, as in ${first}/acme`
  }
  return undefined
}

const HOST_AND_PORT = new RegExp(`^(${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-f:]+\\])(?::([0-9]+))?$`)

/**
 * Public registries that take no image at the top level: Docker Hub reads `docker.io/api` as the
 * official image `library/api`, and the others need an owner, project or group first.
 */
const NAMESPACED_REGISTRIES =
  /^(?:docker\.io|index\.docker\.io|registry-1\.docker\.io|registry\.hub\.docker\.com|ghcr\.io|quay\.io|(?:[a-z]+\.)?gcr\.io|[a-z0-9-]+-docker\.pkg\.dev|registry\.gitlab\.com)$/

/**
 * Explains what is wrong with a registry host (`registry.kaniko.svc:5000`, `localhost`, `[::1]:5000`),
 * or returns undefined. One rule for the `registry` prefix and the `insecure-registry` hosts.
 */
export function explainRegistryHost(host: string): string | undefined {
  const match = HOST_AND_PORT.exec(host)
  if (!match || !isHost(host))
    return `'${host}' is not a registry host (a name, an IPv4 address or an [IPv6] address, and an optional :port)`
  const address = match[1] as string
  if (address.startsWith('[') && !isIpv6(address.slice(1, -1))) return `'${address}' is not an IPv6 address`
  const port = match[2]
  if (port !== undefined && !(Number(port) >= 1 && Number(port) <= 65535)) {
    return `'${host}' has the port ${port}, and a port is 1 to 65535`
  }
  return undefined
}

/** An IPv6 address in hexadecimal groups, with at most one `::` (no embedded IPv4, no zone). */
function isIpv6(text: string): boolean {
  const halves = text.split('::')
  if (halves.length > 2) return false
  const groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')))
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return false
  return halves.length === 2 ? groups.length <= 7 : groups.length === 8
}

/**
 * Explains what is wrong with a pinned image reference (`repo:tag` or `repo@sha256:...`), or returns
 * undefined. `latest` and references without tag or digest are refused: a build Pod must run the same
 * tool every time.
 */
export function explainPinnedImage(value: string): string | undefined {
  if (value === '') return 'it is empty'
  const match = IMAGE_REFERENCE.exec(value)
  if (!match) return 'it is not an image reference of the form registry/name:tag or registry/name@sha256:<digest>'
  const tag = match[3]
  const digest = match[4]
  if (tag === undefined && digest === undefined) return 'it has neither a tag nor a digest; pin a version'
  if (tag === 'latest' && digest === undefined) return "its tag is 'latest'; pin a version"
  return undefined
}

/** The host part of an image reference or registry prefix (`docker.io/acme` -> `docker.io`). */
export function registryHost(reference: string): string {
  return reference.split('/')[0] ?? reference
}

const DOCKER_HUB = 'docker.io'
/** Other names of Docker Hub's registry: the legacy index, and the host its API is served from. */
const DOCKER_HUB_ALIASES = new Set(['index.docker.io', 'registry-1.docker.io'])
/** Whether a registry host is one of Docker Hub's names. */
export function isDockerHubHost(host: string): boolean {
  const lower = host.toLowerCase()
  return lower === DOCKER_HUB || DOCKER_HUB_ALIASES.has(lower)
}
const REPOSITORY_PATH = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`)
const HOST = new RegExp(`^${DOMAIN}$`)

/**
 * The repository an image reference names, spelled the way the registry resolves it (as
 * distribution/reference normalises names): tag and digest dropped, Docker Hub's shorthand made
 * explicit and its other host names folded in. `ubuntu:24.04` -> `docker.io/library/ubuntu`,
 * `acme/base` -> `docker.io/acme/base`, `index.docker.io/acme/base@sha256:…` -> `docker.io/acme/base`,
 * `ghcr.io/acme/base:1` -> `ghcr.io/acme/base`. Undefined for a text that is not a reference (an
 * ARG that was not set, a path in upper case).
 */
export function canonicalRepository(reference: string): string | undefined {
  const at = reference.indexOf('@')
  const named = at === -1 ? reference : reference.slice(0, at)
  const slash = named.indexOf('/')
  const first = slash === -1 ? '' : named.slice(0, slash)
  // As distribution/reference: a first component with '.' or ':', `localhost`, or upper case is a host.
  const hasHost = first !== '' && (isHost(first) || first !== first.toLowerCase())
  const host = hasHost ? first.toLowerCase() : DOCKER_HUB
  let path = hasHost ? named.slice(slash + 1) : named
  const colon = path.lastIndexOf(':')
  if (colon !== -1) path = path.slice(0, colon)
  if ((hasHost && !HOST.test(host)) || !REPOSITORY_PATH.test(path)) return undefined
  if (host === DOCKER_HUB || DOCKER_HUB_ALIASES.has(host)) return `${DOCKER_HUB}/${path.includes('/') ? path : `library/${path}`}`
  return `${host}/${path}`
}

/**
 * A reference with a tag and no digest (`host/team/api:tag`) as the check asks for it: its repository
 * and its tag. Undefined for anything else, so that what reaches the check's environment is a reference.
 */
export function splitTaggedReference(value: string): { repository: string; tag: string } | undefined {
  const match = IMAGE_REFERENCE.exec(value)
  if (!match || match[3] === undefined || match[4] !== undefined) return undefined
  return { repository: value.slice(0, value.length - match[3].length - 1), tag: match[3] }
}
