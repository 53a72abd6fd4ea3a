import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseManifest } from './k8s.js'
import { type StartedContainer, startContainer } from './kubelet.js'

// biome-ignore lint/suspicious/noExplicitAny: parsed Kubernetes documents are checked by the tests
type Doc = any

export interface ContainerResult {
  code: number | null
  stdout: string
  stderr: string
  /** stdout and stderr as the Pod log shows them */
  log: string
}

export interface RunOptions {
  /** Replaces the container's shell (`command[0]`), e.g. ['busybox', 'sh'] or ['bash']. */
  shell?: string[]
  /** Extra or overriding environment (e.g. short retry settings, a TERMINATION_LOG file). */
  env?: Record<string, string>
  /** Folders put in front of PATH (a stand-in `executor`). */
  path?: string[]
  timeoutMs?: number
}

/**
 * Runs the containers of one rendered Pod on this machine the way the kubelet would, as far as the
 * scripts can tell: each volume is a folder (emptyDir shared by the containers, ConfigMap volumes
 * filled from the ConfigMap in the same manifest, secret volumes from `secrets` with their `items`),
 * command, args and env are what the kubelet makes of the Pod's (test/support/kubelet.ts: secrets
 * resolved, `$(NAME)` and `$$` expanded), with mount paths in them rewritten to those folders.
 * Nothing of the script is copied into the test: it is read from the manifest.
 */
export class PodSandbox {
  readonly pod: Doc
  readonly root: string
  private readonly volumes = new Map<string, string>()

  constructor(
    manifest: string,
    podName: string,
    private readonly secrets: Record<string, Record<string, string>> = {},
  ) {
    const docs = parseManifest(manifest) as Doc[]
    this.pod = docs.find((d) => d.kind === 'Pod' && d.metadata.name === podName)
    if (!this.pod) throw new Error(`no Pod '${podName}' in the manifest`)
    this.root = mkdtempSync(path.join(tmpdir(), 'pod-'))
    for (const volume of this.pod.spec.volumes ?? []) {
      const dir = path.join(this.root, 'volumes', volume.name)
      mkdirSync(dir, { recursive: true })
      if (volume.configMap) {
        const cm = docs.find((d) => d.kind === 'ConfigMap' && d.metadata.name === volume.configMap.name)
        if (!cm) throw new Error(`ConfigMap '${volume.configMap.name}' is not in the manifest`)
        for (const [key, value] of Object.entries(cm.data as Record<string, string>)) writeFileSync(path.join(dir, key), value)
      } else if (volume.secret) {
        // As the kubelet: a secret, or an item's key, that is missing fails the mount (the Pod stays
        // in ContainerCreating) unless the volume is optional, which mounts what there is.
        const found = this.secrets[volume.secret.secretName]
        const data = found ?? {}
        const mountFails = (what: string) => {
          rmSync(this.root, { recursive: true, force: true })
          return new Error(`FailedMount: ${what}: the kubelet would not start the Pod's containers`)
        }
        if (found === undefined && volume.secret.optional !== true) throw mountFails(`secret ${volume.secret.secretName} not found`)
        for (const item of volume.secret.items ?? Object.keys(data).map((key) => ({ key, path: key }))) {
          if (data[item.key] !== undefined) writeFileSync(path.join(dir, item.path), data[item.key] as string)
          else if (volume.secret.optional !== true) throw mountFails(`secret ${volume.secret.secretName} has no key ${item.key}`)
        }
      }
      this.volumes.set(volume.name, dir)
    }
  }

  container(name: string): Doc {
    const c = [...(this.pod.spec.initContainers ?? []), ...this.pod.spec.containers].find((x: Doc) => x.name === name)
    if (!c) throw new Error(`no container '${name}'`)
    return c
  }

  /** The command, args and env the kubelet starts a container with. */
  started(name: string): StartedContainer {
    return startContainer(this.container(name), this.secrets)
  }

  /** The folder that stands for a volume. */
  volume(name: string): string {
    return this.volumes.get(name) as string
  }

  run(name: string, options: RunOptions = {}): Promise<ContainerResult> {
    const c = this.container(name)
    const mounts: [string, string][] = (c.volumeMounts ?? [])
      .map((m: Doc) => [m.mountPath, this.volume(m.name)] as [string, string])
      .sort((a: [string, string], b: [string, string]) => b[0].length - a[0].length)
    const rewrite = (value: string) => {
      for (const [mountPath, dir] of mounts) {
        if (value === mountPath || value.startsWith(`${mountPath}/`)) return dir + value.slice(mountPath.length)
      }
      return value
    }
    const started = this.started(name)
    const env = Object.fromEntries([...started.env].map(([key, value]) => [key, rewrite(value)]))
    const command = [...started.command, ...started.args].map(rewrite)
    const argv = [...(options.shell ?? [command[0] as string]), ...command.slice(1)]
    const fullEnv = {
      ...env,
      PATH: [...(options.path ?? []), process.env.PATH ?? '/usr/bin:/bin'].join(':'),
      ...options.env,
    }
    return new Promise((resolve, reject) => {
      const child = spawn(argv[0] as string, argv.slice(1), { env: fullEnv, cwd: this.root, stdio: ['ignore', 'pipe', 'pipe'] })
      let stdout = ''
      let stderr = ''
      let log = ''
      child.stdout.on('data', (d: Buffer) => {
        stdout += d
        log += d
      })
      child.stderr.on('data', (d: Buffer) => {
        stderr += d
        log += d
      })
      const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000)
      child.on('error', reject)
      child.on('close', (code) => {
        clearTimeout(timer)
        resolve({ code, stdout, stderr, log })
      })
    })
  }

  cleanup(): void {
    rmSync(this.root, { recursive: true, force: true })
  }
}
