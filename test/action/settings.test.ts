import path from 'node:path'
import * as core from '@actions/core'
import { describe, expect, it } from 'vitest'
import { run } from '../../src/action/main.js'
import { getInput, redirectLog } from '../../src/action/runner.js'
import { getSettings } from '../../src/action/settings.js'
import { InputError } from '../../src/common/errors.js'
import { ACTION, githubEnv, inputEnv, SHA_A, withEnv } from '../support/action-env.js'
import { makeTree } from '../support/repo.js'
import { runnerCommands } from '../support/runner-commands.js'

const workspace = path.resolve('/tmp/ws')
const settingsFor = (inputs: Record<string, string>, github: Record<string, string> = {}) =>
  withEnv({ ...inputEnv(inputs), ...githubEnv(workspace, github) }, () => getSettings(getInput, process.env))

/**
 * A reader over action.yml's defaults (but the `${{ github.token }}` expression, which only a runner
 * fills in) and `inputs`, as a plain function: no INPUT_* variable involved.
 */
const readerOf = (inputs: Record<string, string>) => {
  const values: Record<string, string> = {
    ...Object.fromEntries(Object.entries(ACTION.inputs).map(([n, i]) => [n, i.default?.includes('${{') ? '' : (i.default ?? '')])),
    ...inputs,
  }
  return (name: string) => values[name] ?? ''
}
const BOOLEANS = 'expected one of true, True, TRUE, false, False, FALSE'

describe('getSettings', () => {
  it('takes its defaults from action.yml and the run from GITHUB_*', async () => {
    const s = await settingsFor({ registry: 'docker.io/acme' })
    expect(s).toMatchObject({
      mode: 'auto',
      root: workspace,
      contextPrefix: '',
      dockerfiles: ['Dockerfile', 'Containerfile', '*.Dockerfile', '*.dockerfile'],
      registry: 'docker.io/acme',
      output: 'deploy/manifest.yaml',
      outputPath: path.join(workspace, 'deploy', 'manifest.yaml'),
      namespace: 'kaniko',
      registrySecret: 'docker-config-secret',
      executorImage: 'ghcr.io/osscontainertools/kaniko:v1.28.0-debug',
      checkImage: 'quay.io/skopeo/stable:v1.22.2',
      insecureRegistries: [],
      forceBuild: false,
      forceImages: [],
      forceNonce: '1001-1',
      context: 'git',
      gitUrl: 'git://github.com/acme/shop.git',
      gitRef: 'refs/heads/main',
      commitSha: SHA_A,
      repositoryName: 'shop',
    })
    expect(Object.isFrozen(s)).toBe(true)
  })

  it('reads lists, booleans and the repository folder', async () => {
    const s = await settingsFor({
      registry: 'docker.io/acme',
      path: 'apps/',
      dockerfiles: 'services/*/Dockerfile\n!services/legacy/**\n',
      'force-images': 'api, web\nworker',
      'force-build': 'TRUE',
      'insecure-registry': 'true',
    })
    expect(s.root).toBe(path.join(workspace, 'apps'))
    expect(s.contextPrefix).toBe('apps')
    expect(s.dockerfiles).toEqual(['services/*/Dockerfile', '!services/legacy/**'])
    expect(s.forceImages).toEqual(['api', 'web', 'worker'])
    expect(s.forceBuild).toBe(true)
    expect(s.insecureRegistries).toEqual(['docker.io'])
  })

  it('reads the wait inputs: defaults of 30 minutes and 10 s, names, durations and switches', async () => {
    expect(await settingsFor({ registry: 'docker.io/acme' })).toMatchObject({
      waitImages: [],
      waitTimeoutMs: 1_800_000,
      waitIntervalMs: 10_000,
      failOnTimeout: true,
      statuses: false,
    })
    const s = await settingsFor({
      registry: 'docker.io/acme',
      mode: 'wait',
      'wait-images': 'api, web\nworker',
      'wait-timeout': '2h',
      'wait-interval': '90s',
      'fail-on-timeout': 'false',
      statuses: 'true',
    })
    expect(s).toMatchObject({
      mode: 'wait',
      waitImages: ['api', 'web', 'worker'],
      waitTimeoutMs: 7_200_000,
      waitIntervalMs: 90_000,
      failOnTimeout: false,
      statuses: true,
    })
    // 6 hours, the longest a GitHub-hosted job runs, is the most either takes.
    expect(await settingsFor({ registry: 'docker.io/acme', 'wait-timeout': '6h', 'wait-interval': '21600s' })).toMatchObject({
      waitTimeoutMs: 21_600_000,
      waitIntervalMs: 21_600_000,
    })
  })

  it('takes insecure registries as true, false or a list of hosts', async () => {
    expect((await settingsFor({ registry: 'registry.kaniko.svc:5000/team', 'insecure-registry': 'TRUE' })).insecureRegistries).toEqual([
      'registry.kaniko.svc:5000',
    ])
    expect((await settingsFor({ registry: 'docker.io/acme', 'insecure-registry': 'false' })).insecureRegistries).toEqual([])
    expect(
      (
        await settingsFor({
          registry: 'docker.io/acme',
          'insecure-registry': 'mirror.local:5000, registry.kaniko.svc:5000\nmirror.local:5000',
        })
      ).insecureRegistries,
    ).toEqual(['mirror.local:5000', 'registry.kaniko.svc:5000'])
  })

  it('takes the ordering, and the parent timeout as seconds, minutes, hours or plain seconds', async () => {
    const byDefault = await settingsFor({ registry: 'docker.io/a' })
    expect([byDefault.ordering, byDefault.parentTimeout]).toEqual(['registry', 10800])
    expect([byDefault.platforms, byDefault.indexImage]).toEqual([[], 'quay.io/buildah/stable:v1.35.3'])
    expect((await settingsFor({ registry: 'docker.io/a', platforms: 'linux/amd64,\nlinux/arm/v7' })).platforms).toEqual([
      'linux/amd64',
      'linux/arm/v7',
    ])
    expect((await settingsFor({ registry: 'docker.io/a', ordering: 'sync-waves' })).ordering).toBe('sync-waves')
    for (const [value, seconds] of [
      ['90m', 5400],
      ['45s', 45],
      ['600', 600],
      ['1s', 1],
      ['24h', 86400],
    ] as const) {
      expect((await settingsFor({ registry: 'docker.io/a', 'parent-timeout': value })).parentTimeout, value).toBe(seconds)
    }
  })

  it("takes Kubernetes' object names as Kubernetes does: a label of any length, 253 characters in all", async () => {
    const long = 'a'.repeat(64)
    const full = `${'a'.repeat(100)}.${'b'.repeat(100)}.${'c'.repeat(51)}`
    expect(full).toHaveLength(253)
    for (const name of [long, full, 'a', 'build-er.kaniko']) {
      const s = await settingsFor({ registry: 'docker.io/a', 'service-account': name, 'registry-secret': name, 'git-secret': name })
      expect([s.serviceAccount, s.registrySecret, s.gitSecret]).toEqual([name, name, name])
    }
    for (const name of [`${full}d`, 'a.', '.a', 'a-', '-a', 'a..b', 'a.-b']) {
      await expect(settingsFor({ registry: 'docker.io/a', 'service-account': name })).rejects.toThrow(
        `Input 'service-account' has the value '${name}'`,
      )
    }
  })

  it('pins the git context through the branch of a push, the branch input, or the PR base', async () => {
    expect((await settingsFor({ registry: 'docker.io/a', branch: 'release' })).gitRef).toBe('refs/heads/release')
    expect((await settingsFor({ registry: 'docker.io/a' }, { GITHUB_REF: 'refs/pull/7/merge', GITHUB_BASE_REF: 'dev' })).gitRef).toBe(
      'refs/heads/dev',
    )
    expect((await settingsFor({ registry: 'docker.io/a' }, { GITHUB_SERVER_URL: 'https://ghe.example.com/' })).gitUrl).toBe(
      'git://ghe.example.com/acme/shop.git',
    )
  })

  it.each([
    [{ mode: 'deploy' }, "Input 'mode' has the value 'deploy': expected one of auto, render, diff, commit, wait."],
    [{ registry: '' }, "Input 'registry' has the value '': a value is required."],
    [
      { registry: 'https://docker.io/acme' },
      "Input 'registry' has the value 'https://docker.io/acme': expected a registry prefix such as docker.io/acme, but it has a URL scheme",
    ],
    [{ registry: 'docker.io/Acme' }, 'upper-case'],
    [{ registry: 'docker.io/acme/' }, 'ends with a slash'],
    [{ registry: 'docker.io//acme' }, "contains '//'"],
    [{ registry: 'docker.io/my team' }, 'white space'],
    [{ output: '../manifest.yaml' }, "Input 'output' has the value '../manifest.yaml': expected a path inside the repository."],
    [{ output: '/etc/manifest.yaml' }, "Input 'output' has the value '/etc/manifest.yaml': expected a path relative to the repository."],
    [{ output: 'deploy/../../x.yaml' }, 'expected a path inside the repository'],
    [{ path: '../other' }, "Input 'path' has the value '../other'"],
    [{ 'force-build': 'yes' }, `Input 'force-build' has the value 'yes': ${BOOLEANS}.`],
    [
      { 'insecure-registry': 'http://mirror:5000' },
      "Input 'insecure-registry' has the value 'http://mirror:5000': expected true, false or registry hosts such as registry.kaniko.svc:5000, but 'http://mirror:5000' is not a registry host (a name, an IPv4 address or an [IPv6] address, and an optional :port).",
    ],
    [
      { dockerfiles: '!Dockerfile' },
      "Input 'dockerfiles' has the value '!Dockerfile': expected at least one glob pattern that includes files.",
    ],
    [{ namespace: 'Kaniko' }, "Input 'namespace' has the value 'Kaniko': expected a DNS-1123 label"],
    [{ 'registry-secret': 'my_secret' }, "Input 'registry-secret' has the value 'my_secret'"],
    [{ 'executor-image': 'gcr.io/kaniko-project/executor:latest' }, "its tag is 'latest'; pin a version"],
    [
      { 'check-image': 'quay.io/skopeo/stable' },
      "Input 'check-image' has the value 'quay.io/skopeo/stable': expected a pinned image reference, but it has neither a tag nor a digest",
    ],
    [
      { context: 'local', 'local-path': 'workspace' },
      "Input 'local-path' has the value 'workspace': expected an absolute path on the node.",
    ],
    [{ context: 's3' }, "Input 'context' has the value 's3': expected one of git, local."],
    [
      { 'cache-repo': 'https://r/cache' },
      "Input 'cache-repo' has the value 'https://r/cache': expected a repository such as registry.kaniko.svc:5000/team/cache, but it has a URL scheme",
    ],
    [{ 'cache-ttl': '2 days' }, "Input 'cache-ttl' has the value '2 days': expected a duration such as 168h or 90m."],
    [{ 'snapshot-mode': 'fast' }, "Input 'snapshot-mode' has the value 'fast': expected one of redo, full, time."],
    [
      { 'extra-args': '--push-retry=3\nrm -rf /' },
      "Input 'extra-args' has the value 'rm -rf /': expected one kaniko flag per line, such as --push-retry=3.",
    ],
    [{ 'commit-method': 'push' }, "Input 'commit-method' has the value 'push': expected one of api, git."],
    [{ ordering: 'flux' }, "Input 'ordering' has the value 'flux': expected one of registry, sync-waves."],
    [
      { 'parent-timeout': '0' },
      "Input 'parent-timeout' has the value '0': expected a duration greater than 0 and at most 24h, such as 3h, 90m, 45s or 600 (seconds).",
    ],
    [
      { 'parent-timeout': '0m' },
      "Input 'parent-timeout' has the value '0m': expected a duration greater than 0 and at most 24h, such as 3h, 90m, 45s or 600 (seconds).",
    ],
    [
      { 'parent-timeout': '25h' },
      "Input 'parent-timeout' has the value '25h': expected a duration greater than 0 and at most 24h, such as 3h, 90m, 45s or 600 (seconds).",
    ],
    [
      { 'parent-timeout': '86401' },
      "Input 'parent-timeout' has the value '86401': expected a duration greater than 0 and at most 24h, such as 3h, 90m, 45s or 600 (seconds).",
    ],
    [
      { 'parent-timeout': '1.5h' },
      "Input 'parent-timeout' has the value '1.5h': expected a duration greater than 0 and at most 24h, such as 3h, 90m, 45s or 600 (seconds).",
    ],
    [
      { 'parent-timeout': '3d' },
      "Input 'parent-timeout' has the value '3d': expected a duration greater than 0 and at most 24h, such as 3h, 90m, 45s or 600 (seconds).",
    ],
    [
      { 'parent-timeout': '-5m' },
      "Input 'parent-timeout' has the value '-5m': expected a duration greater than 0 and at most 24h, such as 3h, 90m, 45s or 600 (seconds).",
    ],
    [
      { 'parent-timeout': '3 h' },
      "Input 'parent-timeout' has the value '3 h': expected a duration greater than 0 and at most 24h, such as 3h, 90m, 45s or 600 (seconds).",
    ],
    [
      { 'parent-timeout': '' },
      "Input 'parent-timeout' has the value '': expected a duration greater than 0 and at most 24h, such as 3h, 90m, 45s or 600 (seconds).",
    ],
    [
      { platforms: 'linux/amd64,linux/mips' },
      "Input 'platforms' has the value 'linux/amd64,linux/mips': 'linux/mips' is not a platform this action builds: expected some of linux/amd64, linux/arm64, linux/arm64/v8, linux/arm/v7, linux/arm/v6, linux/386, linux/ppc64le, linux/s390x, linux/riscv64.",
    ],
    [
      { platforms: 'linux/arm64\nlinux/arm64/v8' },
      "Input 'platforms' has the value 'linux/arm64\nlinux/arm64/v8': 'linux/arm64/v8' is the platform 'linux/arm64' again: expected each platform once.",
    ],
    [
      { platforms: 'linux/amd64, linux/amd64' },
      "Input 'platforms' has the value 'linux/amd64, linux/amd64': 'linux/amd64' is the platform 'linux/amd64' again: expected each platform once.",
    ],
    [{ 'index-image': '' }, "Input 'index-image' has the value '': a value is required."],
    [{ branch: '../main' }, "Input 'branch' has the value '../main': expected a branch name such as main."],
    [{ branch: '-f' }, "Input 'branch' has the value '-f': expected a branch name such as main."],
    [{ 'fail-on-drift': 'maybe' }, `Input 'fail-on-drift' has the value 'maybe': ${BOOLEANS}.`],
    [{ 'commit-message': ' ' }, "Input 'commit-message' has the value '': a value is required."],
    [{ mode: 'waits' }, "Input 'mode' has the value 'waits': expected one of auto, render, diff, commit, wait."],
    [
      { 'wait-images': 'api, Web' },
      "Input 'wait-images' has the value 'api, Web': expected image names as in the manifest, such as api, but 'Web' is none.",
    ],
    [
      { 'wait-images': 'api\n$(id)' },
      "Input 'wait-images' has the value 'api\n$(id)': expected image names as in the manifest, such as api, but '$(id)' is none.",
    ],
    ...['', '0s', '30', '1d', '1.5h', '-5m', '1234567s'].map((value) => [
      { 'wait-timeout': value },
      `Input 'wait-timeout' has the value '${value}': expected a duration of whole seconds, minutes or hours above 0, such as 90s, 30m or 1h.`,
    ]),
    [
      { 'wait-interval': '10' },
      "Input 'wait-interval' has the value '10': expected a duration of whole seconds, minutes or hours above 0, such as 90s, 30m or 1h.",
    ],
    ...[
      ['wait-timeout', '7h'],
      ['wait-timeout', '361m'],
      ['wait-interval', '21601s'],
      ['wait-interval', '999999h'],
    ].map(([name, value]) => [
      { [name as string]: value as string },
      `Input '${name}' has the value '${value}': expected at most 6h: a job on a GitHub-hosted runner runs at most 6 hours, so a longer wait never ends.`,
    ]),
    [{ 'fail-on-timeout': 'no' }, `Input 'fail-on-timeout' has the value 'no': ${BOOLEANS}.`],
    [{ statuses: 'yes' }, `Input 'statuses' has the value 'yes': ${BOOLEANS}.`],
  ] as [Record<string, string>, string][])('refuses %j', async (inputs, message) => {
    await expect(settingsFor({ registry: 'docker.io/acme', ...inputs })).rejects.toThrow(message)
  })

  it('masks the token as soon as it is read, and targets the default branch of the event', async () => {
    const writes: string[] = []
    redirectLog((text) => writes.push(text))
    try {
      const s = await withEnv({ ...inputEnv({ registry: 'docker.io/a', token: 'ghs_secretvalue' }), ...githubEnv(workspace) }, () =>
        getSettings(getInput, process.env, { name: 'push', defaultBranch: 'trunk' }),
      )
      expect(s.token).toBe('ghs_secretvalue')
      expect(s.branch).toBe('trunk')
      expect(s.manifestRepoPath).toBe('deploy/manifest.yaml')
    } finally {
      redirectLog(undefined)
    }
    expect(writes.join('')).toContain('::add-mask::ghs_secretvalue')
  })

  it('needs a commit and a repository for the git context, not for the local one', async () => {
    await expect(settingsFor({ registry: 'docker.io/a' }, { GITHUB_SHA: '' })).rejects.toThrow(
      "GITHUB_SHA is '': expected a 40-character commit id",
    )
    await expect(settingsFor({ registry: 'docker.io/a' }, { GITHUB_REPOSITORY: 'nope' })).rejects.toThrow("GITHUB_REPOSITORY is 'nope'")
    const local = await settingsFor({ registry: 'docker.io/a', context: 'local' }, { GITHUB_SHA: '', GITHUB_REPOSITORY: '' })
    expect(local.context).toBe('local')
    expect(local.repositoryName).toBe('ws')
  })

  it('takes the force nonce from a run id and attempt of digits alone (it reaches a label and a script)', async () => {
    const s = await settingsFor({ registry: 'docker.io/a' }, { GITHUB_RUN_ID: '77', GITHUB_RUN_ATTEMPT: '3' })
    expect(s.forceNonce).toBe('77-3')
    await expect(settingsFor({ registry: 'docker.io/a' }, { GITHUB_RUN_ID: '7 $(id)' })).rejects.toThrow(
      "GITHUB_RUN_ID is '7 $(id)': expected a whole number",
    )
    await expect(settingsFor({ registry: 'docker.io/a' }, { GITHUB_RUN_ATTEMPT: '1;x' })).rejects.toThrow(
      "GITHUB_RUN_ATTEMPT is '1;x': expected a whole number",
    )
  })
})

describe('getSettings with an injected reader', () => {
  it('reads the inputs from a plain function, with no INPUT_* variable in process.env', async () => {
    const s = await withEnv(githubEnv(workspace), () => {
      expect(Object.keys(process.env).filter((key) => key.startsWith('INPUT_'))).toEqual([])
      return getSettings(
        readerOf({ registry: 'docker.io/acme', 'force-build': 'True', 'force-images': 'api,web', hash: 'dockerfile' }),
        process.env,
      )
    })
    expect(s).toMatchObject({ registry: 'docker.io/acme', forceBuild: true, forceImages: ['api', 'web'], hash: 'dockerfile', mode: 'auto' })
  })

  it('trims what the reader gives, as the runner does', () => {
    const s = getSettings(readerOf({ registry: '  docker.io/acme\n', mode: ' render ', comment: '\tFALSE' }), githubEnv(workspace))
    expect(s).toMatchObject({ registry: 'docker.io/acme', mode: 'render', comment: false })
  })
})

/** What @actions/core's getBooleanInput makes of `value` set as INPUT_COMMENT: the boolean, or that it refuses it. */
async function coreBoolean(value: string): Promise<boolean | 'refused'> {
  return withEnv({ INPUT_COMMENT: value }, () => {
    try {
      return core.getBooleanInput('comment')
    } catch {
      return 'refused'
    }
  })
}

describe('boolean inputs, side by side with @actions/core', () => {
  it.each([
    'true',
    'True',
    'TRUE',
    'false',
    'False',
    'FALSE',
    'TRUE ',
    ' false\n',
    '\ttrue\r\n',
    'tRuE',
    'fALSE',
    'yes',
    'on',
    '1',
    '',
    'true\ntrue',
    't rue',
  ])('%j reads as core reads it', async (value) => {
    const expected = await coreBoolean(value)
    let ours: boolean | InputError
    try {
      ours = getSettings(readerOf({ registry: 'docker.io/acme', comment: value }), githubEnv(workspace)).comment
    } catch (error) {
      ours = error as InputError
    }
    if (expected === 'refused') {
      expect(ours).toBeInstanceOf(InputError)
      expect((ours as InputError).message).toBe(`Input 'comment' has the value '${value.trim()}': ${BOOLEANS}.`)
    } else {
      expect(ours).toBe(expected)
    }
  })

  it('insecure-registry takes the same words for true and false, and anything else as hosts', async () => {
    expect((await settingsFor({ registry: 'registry.kaniko.svc:5000/team', 'insecure-registry': 'True' })).insecureRegistries).toEqual([
      'registry.kaniko.svc:5000',
    ])
    expect((await settingsFor({ registry: 'docker.io/acme', 'insecure-registry': 'FALSE' })).insecureRegistries).toEqual([])
    await expect(settingsFor({ registry: 'docker.io/acme', 'insecure-registry': 'tRuE' })).rejects.toThrow(
      "Input 'insecure-registry' has the value 'tRuE': expected true, false or registry hosts",
    )
  })
})

describe('the settings in the debug log', () => {
  const TOKEN = 'ghs_debugtokenvalue'

  /** Runs the action in render mode in-process on a one-Dockerfile tree; returns its whole log. */
  async function runRender(inputs: Record<string, string>): Promise<string> {
    const repo = makeTree({ Dockerfile: 'FROM alpine:3.20\n' })
    const writes: string[] = []
    const savedExitCode = process.exitCode
    redirectLog((text) => writes.push(text))
    try {
      await withEnv({ ...inputEnv({ registry: 'docker.io/acme', mode: 'render', token: TOKEN, ...inputs }), ...githubEnv(repo.dir) }, run)
      expect(process.exitCode, writes.join('')).toBeUndefined()
    } finally {
      redirectLog(undefined)
      process.exitCode = savedExitCode
      repo.cleanup()
    }
    return writes.join('')
  }

  it('come as ::debug:: lines, one per setting, that never hold the token', async () => {
    const log = await runRender({ 'commit-message': `deploy ${TOKEN} {sha}` })
    const debug = runnerCommands(log).filter((c) => c.command === 'debug')
    const names = debug.map((c) => c.data.slice(0, c.data.indexOf(':')))
    expect(names).toEqual(expect.arrayContaining(['registry', 'forceBuild', 'dockerfiles', 'commitMessage', 'event', 'token']))
    expect(debug.map((c) => c.data)).toContain('registry: "docker.io/acme"')
    expect(debug.map((c) => c.data)).toContain('token: (set, not shown)')
    expect(debug.map((c) => c.data)).toContain('commitMessage: "deploy *** {sha}"')
    for (const c of debug) expect(c.line).not.toContain(TOKEN)
    // The token shows once in the whole log: in the command that masks it.
    expect(log.split(TOKEN)).toHaveLength(2)
    expect(log).toContain(`::add-mask::${TOKEN}`)
  })

  it('are inert: a setting that looks like a workflow command issues none', async () => {
    const log = await runRender({ 'commit-message': 'x ##[error]boom {sha}', branch: 'main' })
    expect(runnerCommands(log).map((c) => c.command)).not.toContain('error')
    expect(runnerCommands(log).find((c) => c.data.startsWith('commitMessage:'))?.data).toBe('commitMessage: "x ##%5Berror]boom {sha}"')
  })
})
