import { limitName } from './names.js'
/**
 * The platforms a multi-arch image may be built for (`os/arch[/variant]`), as the OCI image index
 * names them and kaniko's `--custom-platform` takes them. A known set: each value reaches a tag, a
 * Pod name and a node selector, so nothing else does.
 */
export const KNOWN_PLATFORMS = [
  'linux/amd64',
  'linux/arm64',
  'linux/arm64/v8',
  'linux/arm/v7',
  'linux/arm/v6',
  'linux/386',
  'linux/ppc64le',
  'linux/s390x',
  'linux/riscv64',
] as const

export function isKnownPlatform(value: string): boolean {
  return (KNOWN_PLATFORMS as readonly string[]).includes(value)
}

/** The platform without a variant that means the same (linux/arm64/v8 is linux/arm64): two in one list are one platform twice. */
export function samePlatform(platform: string): string {
  return platform === 'linux/arm64/v8' ? 'linux/arm64' : platform
}

/** `<tag>-<os>-<arch>[-<variant>]`: the tag a platform's build pushes, beside the index's `<tag>`. */
export function platformTag(tag: string, platform: string): string {
  return `${tag}-${platform.replaceAll('/', '-')}`
}

/** What a platform's Pod name adds to the image name: `<arch><variant>` (`arm64`, `armv7`). */
export function platformPodSuffix(platform: string): string {
  return platform.split('/').slice(1).join('')
}

/**
 * The name of a platform's Pod before its hash: `<image>-<arch><variant>`, shortened as image names
 * are (MAX_IMAGE_NAME_LENGTH), so that with `-<10 hex>` it stays within 63 characters.
 */
export function platformPodPrefix(name: string, platform: string): string {
  return limitName(`${name}-${platformPodSuffix(platform)}`)
}

/**
 * The well-known node labels of the platform: Kubernetes labels every node with its os and arch
 * (`kubernetes.io/os`, `kubernetes.io/arch`), but with no variant: arm/v6 and arm/v7 nodes need a
 * nodeSelector of the user's own.
 */
export function platformNodeSelector(platform: string): Record<string, string> {
  const [os = '', arch = ''] = platform.split('/')
  return { 'kubernetes.io/arch': arch, 'kubernetes.io/os': os }
}
