/**
 * Test harness: runs rendered Pods with a real container runtime, `podman kube play` (Debian's podman
 * 4.3 with runc), with images built here from this machine's own binaries (`buildah from scratch`):
 * nothing is pulled, and the containers reach only 127.0.0.1.
 *
 * `startPodman()` gives podman and buildah a configuration and a storage of their own in a temporary
 * folder (CONTAINERS_CONF, CONTAINERS_STORAGE_CONF), so the machine's containers and images are
 * neither seen nor touched, and builds three images in it:
 *   - a pause image for the Pod's infra container (the default one is remote);
 *   - a check image: Debian's skopeo (with the libraries `ldd` lists) and busybox as /bin/sh, which is
 *     what the init container's script needs of quay.io/skopeo/stable;
 *   - an executor image laid out like kaniko's `-debug` one (busybox in /busybox, /kaniko/executor,
 *     PATH and DOCKER_CONFIG as kaniko sets them) whose executor is stand-in-executor.sh: it pushes a
 *     small image of its own to each --destination with skopeo instead of building the Dockerfile.
 * `cleanup()` removes pods, volumes, secrets, images and the folder.
 *
 * `adaptForPodman` lists, in one place, what the Pod under test must be told because podman is not a
 * Kubernetes node; `podmanSecrets` turns a Kubernetes Secret into what podman mounts.
 */
import { execFileSync } from 'node:child_process'
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type CommandResult, runCommand } from './registry.js'

// biome-ignore lint/suspicious/noExplicitAny: parsed Kubernetes documents are checked by the tests
type Doc = any

/** The path of a command on PATH, or undefined. */
function which(command: string): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v "$1"', 'sh', command], { encoding: 'utf8' }).trim() || undefined
  } catch {
    return undefined
  }
}

const INSTALL = 'on Debian or Ubuntu: apt-get install podman buildah runc skopeo busybox-static'

/** Why the podman tests cannot run here (podman is not installed), or undefined. */
export function podmanMissing(): string | undefined {
  return which('podman') === undefined ? `podman is not installed (${INSTALL})` : undefined
}

export const IMAGES = {
  pause: 'localhost/kaniko-gitops-test/pause:1',
  check: 'localhost/kaniko-gitops-test/check:1',
  executor: 'localhost/kaniko-gitops-test/executor:1',
} as const

/** What `podman inspect` says of one container once it has run. */
export interface ContainerState {
  status: string
  exitCode: number
}

export interface Podman {
  /** Runs podman with this harness' configuration; never rejects on a non-zero exit. */
  run(args: readonly string[], timeoutMs?: number): Promise<CommandResult>
  /** `podman kube play` of a YAML text; throws with podman's stderr when podman refuses it. */
  play(yaml: string): Promise<void>
  /** Waits until every container of the pod has exited; their states by container name (the Pod's names). */
  waitForPod(pod: Doc, timeoutMs?: number): Promise<Map<string, ContainerState>>
  /** The log (stdout and stderr) of one container of a pod. */
  logs(podName: string, container: string): Promise<string>
  /** Creates a podman secret of this content (what `kube play` reads for a secret volume). */
  createSecret(name: string, content: string): Promise<void>
  /** Removes a pod and every volume and secret, as a new Kubernetes Pod would find none of them. */
  removePodAndVolumes(podName: string): Promise<void>
  cleanup(): Promise<void>
}

/** Sets up podman in a temporary folder and builds the test images (a few seconds). */
export async function startPodman(): Promise<Podman> {
  // With podman there, a missing tool is a broken setup, not a reason to skip.
  const missing = ['buildah', 'runc', 'skopeo', 'busybox'].filter((tool) => which(tool) === undefined)
  if (missing.length > 0) throw new Error(`podman is installed but ${missing.join(', ')} not (${INSTALL})`)
  const root = mkdtempSync(path.join(tmpdir(), 'kaniko-gitops-podman-'))
  const env = writeConfiguration(root)
  const tool = async (cmd: string, args: readonly string[], timeoutMs = 60_000): Promise<CommandResult> =>
    runCommand(cmd, args, { env, timeoutMs })
  const must = async (cmd: string, args: readonly string[], timeoutMs?: number): Promise<string> => {
    const r = await tool(cmd, args, timeoutMs)
    if (r.code !== 0) throw new Error(`${cmd} ${args[0]} failed (exit ${r.code}): ${r.stderr.trim()}`)
    return r.stdout
  }
  const podman: Podman = {
    run: (args, timeoutMs) => tool('podman', args, timeoutMs),
    async play(yaml) {
      const file = path.join(root, 'play.yaml')
      writeFileSync(file, yaml)
      await must('podman', ['kube', 'play', file], 120_000)
    },
    waitForPod: (pod, timeoutMs) => waitForPod(podman, pod, timeoutMs),
    async logs(podName, container) {
      const r = await tool('podman', ['logs', `${podName}-${container}`])
      return r.stdout + r.stderr
    },
    async createSecret(name, content) {
      const file = path.join(root, 'secret')
      writeFileSync(file, content, { mode: 0o600 })
      try {
        await must('podman', ['secret', 'create', name, file])
      } finally {
        rmSync(file, { force: true })
      }
    },
    async removePodAndVolumes(podName) {
      await tool('podman', ['pod', 'rm', '--force', '--time', '0', podName])
      await tool('podman', ['volume', 'rm', '--all', '--force'])
      await tool('podman', ['secret', 'rm', '--all'])
    },
    async cleanup() {
      await tool('podman', ['pod', 'rm', '--all', '--force', '--time', '0'])
      await tool('podman', ['rm', '--all', '--force', '--time', '0'])
      await tool('podman', ['volume', 'rm', '--all', '--force'])
      await tool('podman', ['secret', 'rm', '--all'])
      await tool('buildah', ['rm', '--all'])
      await tool('podman', ['rmi', '--all', '--force'])
      rmSync(root, { recursive: true, force: true })
    },
  }
  try {
    await buildImages(root, must)
  } catch (e) {
    await podman.cleanup()
    throw e
  }
  return podman
}

/** containers.conf and storage.conf in `root`: the settings podman 4.3 needs on these machines. */
function writeConfiguration(root: string): NodeJS.ProcessEnv {
  const q = (s: string) => JSON.stringify(s)
  for (const dir of ['graph', 'run', 'tmp']) mkdirSync(path.join(root, dir))
  writeFileSync(
    path.join(root, 'containers.conf'),
    [
      '[containers]',
      // podman's default open-files limit is more than this machine may raise.
      'default_ulimits = []',
      'log_driver = "k8s-file"',
      '[engine]',
      // crun 1.8 refuses the machines' hybrid cgroup layout; runc runs.
      'runtime = "runc"',
      'cgroup_manager = "cgroupfs"',
      'events_logger = "file"',
      'lock_type = "file"',
      `infra_image = ${q(IMAGES.pause)}`,
      `tmp_dir = ${q(path.join(root, 'tmp'))}`,
      '',
    ].join('\n'),
  )
  writeFileSync(
    path.join(root, 'storage.conf'),
    `[storage]\ndriver = "overlay"\ngraphroot = ${q(path.join(root, 'graph'))}\nrunroot = ${q(path.join(root, 'run'))}\n`,
  )
  return {
    ...process.env,
    CONTAINERS_CONF: path.join(root, 'containers.conf'),
    CONTAINERS_STORAGE_CONF: path.join(root, 'storage.conf'),
    TMPDIR: path.join(root, 'tmp'),
  }
}

type Must = (cmd: string, args: readonly string[], timeoutMs?: number) => Promise<string>

/** The three images, each a folder copied into `buildah from scratch` and committed. */
async function buildImages(root: string, must: Must): Promise<void> {
  const skopeo = which('skopeo') as string
  const busybox = which('busybox') as string
  const policy = JSON.stringify({ default: [{ type: 'insecureAcceptAnything' }] })

  // The infra container only waits to be stopped: a shell that ends on SIGTERM (a busybox shell needs
  // no compiler on the machine, unlike Kubernetes' static C pause program).
  const pause = path.join(root, 'images', 'pause')
  copyWithLibraries(busybox, pause, '/bin/busybox')
  symlinkSync('busybox', path.join(pause, 'bin', 'sh'))
  writeTo(pause, '/pause', '#!/bin/sh\ntrap "exit 0" TERM INT\nwhile :; do /bin/busybox sleep 3600 & wait $!; done\n')
  chmodSync(path.join(pause, 'pause'), 0o755)
  await commitImage(must, pause, IMAGES.pause, ['--entrypoint', '["/pause"]'])

  const check = path.join(root, 'images', 'check')
  copyWithLibraries(skopeo, check, '/usr/bin/skopeo')
  installBusybox(busybox, check, '/bin')
  writeTo(check, '/etc/containers/policy.json', policy)
  await commitImage(must, check, IMAGES.check, ['--env', 'PATH=/usr/bin:/bin'])

  const executor = path.join(root, 'images', 'executor')
  copyWithLibraries(skopeo, executor, '/usr/bin/skopeo')
  installBusybox(busybox, executor, '/busybox')
  writeTo(executor, '/etc/containers/policy.json', policy)
  writeTo(executor, '/kaniko/executor', readFileSync(new URL('./stand-in-executor.sh', import.meta.url), 'utf8'))
  chmodSync(path.join(executor, 'kaniko', 'executor'), 0o755)
  for (const dir of ['/kaniko/.docker', '/tmp', '/var/tmp']) mkdirSync(path.join(executor, dir), { recursive: true })
  chmodSync(path.join(executor, 'tmp'), 0o1777)
  // As in kaniko's images; skopeo is on PATH for the stand-in only.
  const kanikoEnv = ['--env', 'PATH=/usr/local/bin:/kaniko:/busybox:/usr/bin', '--env', 'DOCKER_CONFIG=/kaniko/.docker/']
  await commitImage(must, executor, IMAGES.executor, kanikoEnv)
}

async function commitImage(must: Must, rootfs: string, name: string, config: string[]): Promise<void> {
  const container = (await must('buildah', ['from', '--quiet', 'scratch'])).trim()
  await must('buildah', ['copy', '--quiet', container, rootfs, '/'])
  await must('buildah', ['config', ...config, container])
  await must('buildah', ['commit', '--quiet', '--rm', container, name])
}

function writeTo(rootfs: string, file: string, content: string): void {
  mkdirSync(path.join(rootfs, path.dirname(file)), { recursive: true })
  writeFileSync(path.join(rootfs, file), content)
}

/** Copies a binary to `dest` in `rootfs`, with the shared libraries `ldd` lists at their paths (none for a static one). */
function copyWithLibraries(binary: string, rootfs: string, dest: string): void {
  writeTo(rootfs, dest, '')
  copyFileSync(binary, path.join(rootfs, dest))
  chmodSync(path.join(rootfs, dest), 0o755)
  let ldd = ''
  try {
    ldd = execFileSync('ldd', [binary], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
  } catch {
    return // "not a dynamic executable"
  }
  for (const library of ldd.match(/\/\S+/g) ?? []) {
    if (existsSync(path.join(rootfs, library))) continue
    mkdirSync(path.join(rootfs, path.dirname(library)), { recursive: true })
    copyFileSync(library, path.join(rootfs, library))
  }
}

/** busybox in `dir` of `rootfs`, with a link for each of its applets (sh among them). */
function installBusybox(busybox: string, rootfs: string, dir: string): void {
  copyWithLibraries(busybox, rootfs, `${dir}/busybox`)
  for (const applet of execFileSync(busybox, ['--list'], { encoding: 'utf8' }).split('\n')) {
    const link = path.join(rootfs, dir, applet)
    if (applet !== '' && !existsSync(link)) symlinkSync('busybox', link)
  }
}

/** The containers of a Pod, init containers first, as podman names them (`<pod>-<container>`). */
function containerNames(pod: Doc): string[] {
  return [...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((c: Doc) => c.name as string)
}

async function waitForPod(podman: Podman, pod: Doc, timeoutMs = 60_000): Promise<Map<string, ContainerState>> {
  const names = containerNames(pod)
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const r = await podman.run(['inspect', '--type', 'container', ...names.map((n) => `${pod.metadata.name}-${n}`)])
    if (r.code !== 0) throw new Error(`podman inspect failed: ${r.stderr.trim()}`)
    const states = (JSON.parse(r.stdout) as Doc[]).map((c) => ({ status: c.State.Status as string, exitCode: c.State.ExitCode as number }))
    // A container that has not started yet reads "created"; one that ran reads "exited" (or "stopped").
    if (states.every((s) => s.status === 'exited' || s.status === 'stopped')) {
      return new Map(names.map((n, i) => [n, states[i] as ContainerState]))
    }
    if (Date.now() > deadline) throw new Error(`pod ${pod.metadata.name} still running after ${timeoutMs} ms: ${JSON.stringify(states)}`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/** The podman annotation that keeps init containers after they ran, so that their exit code can be read. */
export const KEEP_INIT_CONTAINERS = 'io.podman.annotations.init.container.type'

/**
 * The rendered Pod, told what podman needs and a Kubernetes node does not; everything else is kept as
 * rendered. Works for any number of init containers and containers, and of secret volumes.
 */
export function adaptForPodman(rendered: Doc): Doc {
  const pod = structuredClone(rendered)
  // podman 4.3 refuses an annotation value longer than 63 characters (a label's limit; Kubernetes
  // takes up to 256 KiB for all of them): the hashes and paths the next run reads are left out. No
  // container reads the Pod's annotations.
  const annotations = Object.entries(pod.metadata.annotations ?? {}).filter(([, value]) => String(value).length <= 63)
  // podman deletes init containers once they ran (its default, `once`): kept, their exit codes and
  // logs can be read with `podman inspect` and `podman logs`. They still run once, in order.
  pod.metadata.annotations = { ...Object.fromEntries(annotations), [KEEP_INIT_CONTAINERS]: 'always' }
  // The registry listens on 127.0.0.1 of this machine; in Kubernetes it is a Service the Pod reaches
  // through the cluster's network.
  pod.spec.hostNetwork = true
  for (const container of [...(pod.spec.initContainers ?? []), ...pod.spec.containers]) {
    // The images are built here and exist only in this harness' storage: never pull.
    container.imagePullPolicy = 'Never'
  }
  for (const volume of pod.spec.volumes ?? []) {
    // podman 4.3 panics on a secret volume that does not say whether it is optional, and with
    // `optional: true` mounts nothing of a secret it has (seen with 4.3.1). The harness creates
    // every secret the Pod names, so false mounts what Kubernetes mounts for an optional volume.
    if (volume.secret) volume.secret = { ...volume.secret, optional: false }
  }
  return pod
}

/**
 * What podman must be given for the Pod's secret volumes, from the Kubernetes Secrets (name to key to
 * value, decoded): for each secret, the podman secret's content. podman 4.3 mounts a secret volume as
 * one file per key of the podman secret's `data`, named after the key, holding the value as written
 * (undecoded), and ignores the volume's `items`; so the content maps each file Kubernetes would mount
 * (an item's path, or the key) to its text, and the files in the container are Kubernetes' files.
 */
export function podmanSecrets(pod: Doc, secrets: Readonly<Record<string, Readonly<Record<string, string>>>>): Map<string, string> {
  const out = new Map<string, string>()
  for (const volume of pod.spec.volumes ?? []) {
    if (!volume.secret) continue
    const name = volume.secret.secretName as string
    const data = secrets[name]
    if (!data) throw new Error(`the Pod mounts secret '${name}', which the test does not give`)
    const items: { key: string; path: string }[] = volume.secret.items ?? Object.keys(data).map((key) => ({ key, path: key }))
    const files = Object.fromEntries(
      items.map(({ key, path: file }) => {
        if (data[key] === undefined) throw new Error(`secret '${name}' has no key '${key}'`)
        return [file, data[key]]
      }),
    )
    const content = JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name }, data: files })
    if (out.has(name) && out.get(name) !== content) throw new Error(`secret '${name}' is mounted with different items`)
    out.set(name, content)
  }
  return out
}
