import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { MAX_DOCKERFILE_BYTES } from '../../src/scan/hash.js'
import { type BadCase, expectRejected, input, OUTSIDE, TWO } from '../support/bad-input.js'
import { parseManifest, validateManifest } from '../support/k8s.js'
import { startContainer } from '../support/kubelet.js'
import { renderIn } from '../support/render.js'
import { type Tree, tempTrees } from '../support/repo.js'

const { tree: tempTree } = tempTrees()

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex')

const notPinned = (name: string, value: string, why: string) => input(name, value, `expected a pinned image reference, but ${why}`)
const badRegistry = (value: string, why: string) =>
  input('registry', value, `expected a registry prefix such as docker.io/acme, but ${why}`)
const NOT_COMPONENTS = 'it is not a registry host followed by path components of [a-z0-9] separated by ., _, __ or -'
const badBoolean = (name: string, value: string) => input(name, value, 'expected one of true, True, TRUE, false, False, FALSE')
const badBranch = (value: string) => input('branch', value, 'expected a branch name such as main')
const badSecret = (value: string) =>
  input('registry-secret', value, "expected a Kubernetes secret name, or '' for none (credential helpers or an open registry)")
const badAccount = (value: string) =>
  input('service-account', value, 'expected a ServiceAccount name: lower-case letters, digits, - and ., at most 253')
const badHelpers = (value: string, why: string) =>
  input('credential-helpers', value, `expected host=helper pairs such as europe-docker.pkg.dev=gcr, but ${why}`)
const helperName = (value: string, host: string, helper: string) =>
  input(
    'credential-helpers',
    value,
    `expected a helper name of [a-z0-9._-] (at most 64, such as ecr-login) for ${host}, but got '${helper}'`,
  )
const badHub = (value: string, host: string) =>
  input(
    'credential-helpers',
    value,
    `expected hosts of cloud registries, but ${host} is Docker Hub, which kaniko and skopeo look up under different names; give Docker Hub's credentials in the registry-secret`,
  )
const DEFAULT_PATTERNS = 'Dockerfile\\nContainerfile\\n*.Dockerfile\\n*.dockerfile'
const noMatch = (patterns = DEFAULT_PATTERNS) =>
  new RegExp(
    `^Input 'dockerfiles' has the value '${patterns.replace(/[.*\\]/g, '\\$&')}': no file in '[^']+' matched \\(node_modules and \\.git are never searched\\); expected patterns such as Dockerfile or services/\\*/Dockerfile\\.$`,
  )

const CASES: BadCase[] = [
  // mode
  {
    name: 'mode: unknown',
    files: TWO,
    inputs: { mode: 'deploy' },
    message: input('mode', 'deploy', 'expected one of auto, render, diff, commit, wait'),
  },
  {
    name: 'mode: upper case',
    files: TWO,
    inputs: { mode: 'Render' },
    message: input('mode', 'Render', 'expected one of auto, render, diff, commit, wait'),
  },

  // registry
  { name: 'registry: empty', files: TWO, inputs: { registry: '' }, message: input('registry', '', 'a value is required') },
  { name: 'registry: only spaces', files: TWO, inputs: { registry: '   ' }, message: input('registry', '', 'a value is required') },
  {
    name: 'registry: inner space',
    files: TWO,
    inputs: { registry: 'docker.io/ac me' },
    message: badRegistry('docker.io/ac me', 'it contains white space'),
  },
  {
    name: 'registry: upper case',
    files: TWO,
    inputs: { registry: 'docker.io/Acme' },
    message: badRegistry('docker.io/Acme', 'it contains upper-case letters; image references are lower case'),
  },
  {
    name: 'registry: //',
    files: TWO,
    inputs: { registry: 'docker.io//acme' },
    message: badRegistry('docker.io//acme', "it contains '//'"),
  },
  ...['https', 'http', 'oci'].map(
    (scheme): BadCase => ({
      name: `registry: ${scheme}:// scheme`,
      files: TWO,
      inputs: { registry: `${scheme}://docker.io/acme` },
      message: badRegistry(`${scheme}://docker.io/acme`, 'it has a URL scheme; leave out the scheme, as in docker.io/acme'),
    }),
  ),
  {
    name: 'registry: trailing slash',
    files: TWO,
    inputs: { registry: 'docker.io/acme/' },
    message: badRegistry('docker.io/acme/', 'it ends with a slash'),
  },
  {
    name: 'registry: no host',
    files: TWO,
    inputs: { registry: 'acme' },
    message: badRegistry('acme', "'acme' is not a registry host; start with one, as in docker.io/acme"),
  },
  {
    name: 'registry: component starts with -',
    files: TWO,
    inputs: { registry: 'docker.io/-x' },
    message: badRegistry('docker.io/-x', NOT_COMPONENTS),
  },
  {
    name: 'registry: a..b component',
    files: TWO,
    inputs: { registry: 'docker.io/a..b' },
    message: badRegistry('docker.io/a..b', NOT_COMPONENTS),
  },
  {
    name: 'registry: with a tag',
    files: TWO,
    inputs: { registry: 'docker.io/acme:1' },
    message: badRegistry('docker.io/acme:1', NOT_COMPONENTS),
  },
  {
    name: 'registry: longer than 200 characters',
    files: TWO,
    inputs: { registry: `docker.io/${'a'.repeat(250)}` },
    message: badRegistry(`docker.io/${'a'.repeat(250)}`, 'it is longer than 200 characters, leaving no room for image names'),
  },

  // dockerfiles
  {
    name: 'dockerfiles: empty',
    files: TWO,
    inputs: { dockerfiles: '' },
    message: input('dockerfiles', '', 'expected at least one glob pattern that includes files'),
  },
  {
    name: 'dockerfiles: only comments',
    files: TWO,
    inputs: { dockerfiles: '# Dockerfile\n  # *.Dockerfile' },
    message: input('dockerfiles', '# Dockerfile\n  # *.Dockerfile', 'expected at least one glob pattern that includes files'),
  },
  {
    name: 'dockerfiles: only exclusions',
    files: TWO,
    inputs: { dockerfiles: '!Dockerfile\n!services/**' },
    message: input('dockerfiles', '!Dockerfile\n!services/**', 'expected at least one glob pattern that includes files'),
  },
  {
    name: 'dockerfiles: unclosed [',
    files: TWO,
    inputs: { dockerfiles: 'Dockerfile[' },
    message: input('dockerfiles', 'Dockerfile[', "expected glob patterns, but glob pattern 'Dockerfile[': '[' has no closing ']'"),
  },
  {
    name: 'dockerfiles: unclosed {',
    files: TWO,
    inputs: { dockerfiles: '{Dockerfile,x.Dockerfile' },
    message: input(
      'dockerfiles',
      '{Dockerfile,x.Dockerfile',
      "expected glob patterns, but glob pattern '{Dockerfile,x.Dockerfile': '{' has no closing '}'",
    ),
  },
  {
    name: 'dockerfiles: ** inside a segment',
    files: TWO,
    inputs: { dockerfiles: 'a**/b' },
    message: input(
      'dockerfiles',
      'a**/b',
      "expected glob patterns, but glob pattern 'a**/b': '**' must be a whole path segment, as in 'a/**/b'",
    ),
  },
  {
    name: 'dockerfiles: bad exclusion among good patterns',
    files: TWO,
    inputs: { dockerfiles: 'Dockerfile\n!x**' },
    message:
      /^Input 'dockerfiles' has the value 'Dockerfile\n!x\*\*': expected glob patterns, but glob pattern 'x\*\*': '\*\*' must be a whole path segment/,
  },
  {
    name: 'dockerfiles: a reversed range',
    files: TWO,
    inputs: { dockerfiles: '[z-a]' },
    message: input('dockerfiles', '[z-a]', "expected glob patterns, but glob pattern '[z-a]': the character class '[z-a]' is not valid"),
  },
  {
    name: 'dockerfiles: a bare !',
    files: TWO,
    inputs: { dockerfiles: 'Dockerfile\n!' },
    message: /^Input 'dockerfiles' has the value 'Dockerfile\n!': expected glob patterns, but glob pattern '' is empty\.$/,
  },
  { name: 'dockerfiles: nothing matches', files: TWO, inputs: { dockerfiles: 'Containerfile' }, message: noMatch('Containerfile') },

  // output
  {
    name: 'output: ../x.yaml',
    files: TWO,
    inputs: { output: '../x.yaml' },
    message: input('output', '../x.yaml', 'expected a path inside the repository'),
  },
  {
    name: 'output: absolute',
    files: TWO,
    inputs: { output: '/abs.yaml' },
    message: input('output', '/abs.yaml', 'expected a path relative to the repository'),
  },
  {
    name: 'output: deploy/../../x.yaml',
    files: TWO,
    inputs: { output: 'deploy/../../x.yaml' },
    message: input('output', 'deploy/../../x.yaml', 'expected a path inside the repository'),
  },
  { name: 'output: empty', files: TWO, inputs: { output: '' }, message: input('output', '', 'expected a path relative to the repository') },
  {
    name: 'output: .',
    files: TWO,
    inputs: { output: '.' },
    message: input('output', '.', 'expected a YAML file path such as deploy/manifest.yaml'),
  },
  {
    name: 'output: its folder is a symlink leading out of the repository',
    files: { ...TWO, deploy: { symlink: OUTSIDE } },
    outside: { 'keep.txt': 'outside\n' },
    message:
      /^Input 'output' has the value 'deploy\/manifest\.yaml': expected a file inside the repository, but its folder resolves to '[^']+', outside the repository\.$/,
  },
  {
    name: 'output: its folder is a symlink to a folder that does not exist',
    files: { ...TWO, deploy: { symlink: `${OUTSIDE}/newdir` } },
    outside: { 'keep.txt': 'outside\n' },
    message:
      "Input 'output' has the value 'deploy/manifest.yaml': expected a file inside the repository, but its folder 'deploy' is a symlink that leads nowhere.",
  },
  {
    name: 'output: the file is a symlink (inside the repository)',
    files: { ...TWO, 'deploy/real.yaml': 'kept: true\n', 'deploy/manifest.yaml': { symlink: 'real.yaml' } },
    message: "Input 'output' has the value 'deploy/manifest.yaml': expected a file inside the repository, but it is a symlink.",
  },
  {
    name: 'output: the file is a symlink leading out of the repository',
    files: { ...TWO, 'deploy/manifest.yaml': { symlink: `${OUTSIDE}/manifest.yaml` } },
    outside: { 'manifest.yaml': 'outside: true\n' },
    message: "Input 'output' has the value 'deploy/manifest.yaml': expected a file inside the repository, but it is a symlink.",
  },
  {
    name: 'output: a dangling symlink',
    files: { ...TWO, 'deploy/manifest.yaml': { symlink: 'nowhere.yaml' } },
    message: "Input 'output' has the value 'deploy/manifest.yaml': expected a file inside the repository, but it is a symlink.",
  },
  {
    name: 'output: a folder',
    files: { ...TWO, 'deploy/manifest.yaml/keep': 'x\n' },
    message:
      "Input 'output' has the value 'deploy/manifest.yaml': expected a file inside the repository, but it exists and is not a regular file.",
  },
  {
    name: 'output: its parent is a regular file',
    files: { ...TWO, deploy: 'not a folder\n' },
    message: /^cannot read the existing manifest 'deploy\/manifest\.yaml': ENOTDIR: not a directory, open '[^']+\/deploy\/manifest\.yaml'$/,
  },
  {
    name: 'output: a deeper parent is a regular file',
    files: { ...TWO, deploy: 'not a folder\n' },
    inputs: { output: 'deploy/k8s/manifest.yaml' },
    message: /^cannot read the existing manifest 'deploy\/k8s\/manifest\.yaml': ENOTDIR: not a directory, open '[^']+'$/,
  },

  // path
  {
    name: 'path: ../other',
    files: TWO,
    inputs: { path: '../other' },
    message: input('path', '../other', 'expected a path inside the repository'),
  },
  {
    name: 'path: absolute',
    files: TWO,
    inputs: { path: '/etc' },
    message: input('path', '/etc', 'expected a path relative to the repository'),
  },
  {
    name: 'path: a/../../x',
    files: TWO,
    inputs: { path: 'a/../../x' },
    message: input('path', 'a/../../x', 'expected a path inside the repository'),
  },

  // booleans
  ...['force-build', 'fail-on-drift', 'comment'].flatMap((name) =>
    ['yes', '1', '', 'on', 'tRuE'].map(
      (value): BadCase => ({ name: `${name}: '${value}'`, files: TWO, inputs: { [name]: value }, message: badBoolean(name, value) }),
    ),
  ),
  {
    name: 'insecure-registry: a URL',
    files: TWO,
    inputs: { 'insecure-registry': 'http://x' },
    message: input(
      'insecure-registry',
      'http://x',
      "expected true, false or registry hosts such as registry.kaniko.svc:5000, but 'http://x' is not a registry host (a name, an IPv4 address or an [IPv6] address, and an optional :port)",
    ),
  },
  {
    name: 'insecure-registry: a host and a path',
    files: TWO,
    inputs: { 'insecure-registry': 'registry.kaniko.svc:5000, docker.io/acme' },
    message: input(
      'insecure-registry',
      'registry.kaniko.svc:5000, docker.io/acme',
      "expected true, false or registry hosts such as registry.kaniko.svc:5000, but 'docker.io/acme' is not a registry host (a name, an IPv4 address or an [IPv6] address, and an optional :port)",
    ),
  },

  // Kubernetes names
  {
    name: 'namespace: upper case',
    files: TWO,
    inputs: { namespace: 'Kaniko' },
    message: input('namespace', 'Kaniko', 'expected a DNS-1123 label: lower-case letters, digits and -, at most 63'),
  },
  {
    name: 'namespace: 64 characters',
    files: TWO,
    inputs: { namespace: 'k'.repeat(64) },
    message: input('namespace', 'k'.repeat(64), 'expected a DNS-1123 label: lower-case letters, digits and -, at most 63'),
  },
  {
    name: 'namespace: underscore',
    files: TWO,
    inputs: { namespace: 'kan_iko' },
    message: input('namespace', 'kan_iko', 'expected a DNS-1123 label: lower-case letters, digits and -, at most 63'),
  },
  { name: 'namespace: empty', files: TWO, inputs: { namespace: '' }, message: input('namespace', '', 'a value is required') },
  {
    name: 'registry-secret: underscore',
    files: TWO,
    inputs: { 'registry-secret': 'docker_config' },
    message: badSecret('docker_config'),
  },
  {
    name: 'registry-secret: upper case',
    files: TWO,
    inputs: { 'registry-secret': 'Docker' },
    message: badSecret('Docker'),
  },
  { name: 'service-account: upper case', files: TWO, inputs: { 'service-account': 'Builder' }, message: badAccount('Builder') },
  { name: 'service-account: a slash', files: TWO, inputs: { 'service-account': 'kaniko/builder' }, message: badAccount('kaniko/builder') },
  {
    name: 'service-account: 254 characters',
    files: TWO,
    inputs: { 'service-account': 'a'.repeat(254) },
    message: badAccount('a'.repeat(254)),
  },
  {
    name: 'credential-helpers: no =',
    files: TWO,
    inputs: { 'credential-helpers': 'europe-docker.pkg.dev' },
    message: badHelpers('europe-docker.pkg.dev', "'europe-docker.pkg.dev' has no '='"),
  },
  {
    name: 'credential-helpers: a host with a path',
    files: TWO,
    inputs: { 'credential-helpers': 'europe-docker.pkg.dev/acme=gcr' },
    message: badHelpers(
      'europe-docker.pkg.dev/acme=gcr',
      "'europe-docker.pkg.dev/acme' is not a registry host (a name, an IPv4 address or an [IPv6] address, and an optional :port)",
    ),
  },
  {
    name: 'credential-helpers: a host with a scheme',
    files: TWO,
    inputs: { 'credential-helpers': 'https://myreg.azurecr.io=acr-env' },
    message:
      /^Input 'credential-helpers' has the value 'https:\/\/myreg\.azurecr\.io=acr-env': expected host=helper pairs .* is not a registry host/,
  },
  {
    name: 'credential-helpers: a port out of range',
    files: TWO,
    inputs: { 'credential-helpers': 'registry.local:70000=ecr-login' },
    message: badHelpers('registry.local:70000=ecr-login', "'registry.local:70000' has the port 70000, and a port is 1 to 65535"),
  },
  {
    name: 'credential-helpers: no helper name',
    files: TWO,
    inputs: { 'credential-helpers': 'europe-docker.pkg.dev=' },
    message: helperName('europe-docker.pkg.dev=', 'europe-docker.pkg.dev', ''),
  },
  {
    name: 'credential-helpers: a helper name with shell syntax',
    files: TWO,
    inputs: { 'credential-helpers': 'europe-docker.pkg.dev=gcr;touch x' },
    message: helperName('europe-docker.pkg.dev=gcr;touch x', 'europe-docker.pkg.dev', 'gcr;touch x'),
  },
  {
    name: 'credential-helpers: a helper name with a quote',
    files: TWO,
    inputs: { 'credential-helpers': 'europe-docker.pkg.dev=gcr"}' },
    message: helperName('europe-docker.pkg.dev=gcr"}', 'europe-docker.pkg.dev', 'gcr"}'),
  },
  {
    name: 'credential-helpers: the full program name',
    files: TWO,
    inputs: { 'credential-helpers': 'europe-docker.pkg.dev=docker-credential-GCR' },
    message: helperName('europe-docker.pkg.dev=docker-credential-GCR', 'europe-docker.pkg.dev', 'docker-credential-GCR'),
  },
  {
    name: 'credential-helpers: a helper name of 65 characters',
    files: TWO,
    inputs: { 'credential-helpers': `europe-docker.pkg.dev=${'g'.repeat(65)}` },
    message: helperName(`europe-docker.pkg.dev=${'g'.repeat(65)}`, 'europe-docker.pkg.dev', 'g'.repeat(65)),
  },
  {
    name: 'credential-helpers: a host given twice',
    files: TWO,
    inputs: { 'credential-helpers': 'myreg.azurecr.io=acr-env\nmyreg.azurecr.io=ecr-login' },
    message: input(
      'credential-helpers',
      'myreg.azurecr.io=acr-env\nmyreg.azurecr.io=ecr-login',
      'expected each host once, but myreg.azurecr.io is given twice',
    ),
  },
  // kaniko looks Docker Hub up as index.docker.io, skopeo as docker.io: a helper for it serves one of them.
  ...['docker.io', 'index.docker.io', 'registry-1.docker.io'].map(
    (host): BadCase => ({
      name: `credential-helpers: Docker Hub as ${host}`,
      files: TWO,
      inputs: { 'credential-helpers': `europe-docker.pkg.dev=gcr, ${host}=ecr-login` },
      message: badHub(`europe-docker.pkg.dev=gcr, ${host}=ecr-login`, host),
    }),
  ),
  {
    name: 'registry-secret: 254 characters',
    files: TWO,
    inputs: { 'registry-secret': `${'a'.repeat(63)}.${'b'.repeat(190)}` },
    message: badSecret(`${'a'.repeat(63)}.${'b'.repeat(190)}`),
  },
  {
    name: 'registry-secret: an empty label',
    files: TWO,
    inputs: { 'registry-secret': 'docker..config' },
    message: badSecret('docker..config'),
  },
  {
    name: 'git-secret: a space',
    files: TWO,
    inputs: { 'git-secret': 'git secret' },
    message: input('git-secret', 'git secret', 'expected a Kubernetes secret name'),
  },
  {
    name: 'git-secret: leading -',
    files: TWO,
    inputs: { 'git-secret': '-git' },
    message: input('git-secret', '-git', 'expected a Kubernetes secret name'),
  },

  // images
  ...(['executor-image', 'check-image'] as const).flatMap((name): BadCase[] => [
    {
      name: `${name}: latest`,
      files: TWO,
      inputs: { [name]: 'ghcr.io/acme/tool:latest' },
      message: notPinned(name, 'ghcr.io/acme/tool:latest', "its tag is 'latest'; pin a version"),
    },
    {
      name: `${name}: no tag`,
      files: TWO,
      inputs: { [name]: 'ghcr.io/acme/tool' },
      message: notPinned(name, 'ghcr.io/acme/tool', 'it has neither a tag nor a digest; pin a version'),
    },
    {
      name: `${name}: upper case`,
      files: TWO,
      inputs: { [name]: 'ghcr.io/Acme/tool:v1' },
      message: notPinned(
        name,
        'ghcr.io/Acme/tool:v1',
        'it is not an image reference of the form registry/name:tag or registry/name@sha256:<digest>',
      ),
    },
    { name: `${name}: empty`, files: TWO, inputs: { [name]: '' }, message: input(name, '', 'a value is required') },
  ]),

  // context
  {
    name: 'context: unknown',
    files: TWO,
    inputs: { context: 'docker' },
    message: input('context', 'docker', 'expected one of git, local'),
  },
  {
    name: 'local-path: relative with context local',
    files: TWO,
    inputs: { context: 'local', 'local-path': 'workspace' },
    message: input('local-path', 'workspace', 'expected an absolute path on the node'),
  },
  {
    name: 'local-path: empty with context local',
    files: TWO,
    inputs: { context: 'local', 'local-path': '' },
    message: input('local-path', '', 'expected an absolute path on the node'),
  },
  {
    name: 'commit-method: unknown',
    files: TWO,
    inputs: { 'commit-method': 'ssh' },
    message: input('commit-method', 'ssh', 'expected one of api, git'),
  },

  // branch, commit message
  { name: 'branch: ../x', files: TWO, inputs: { branch: '../x' }, message: badBranch('../x') },
  { name: 'branch: -f', files: TWO, inputs: { branch: '-f' }, message: badBranch('-f') },
  { name: 'branch: a..b', files: TWO, inputs: { branch: 'a..b' }, message: badBranch('a..b') },
  { name: 'branch: a space', files: TWO, inputs: { branch: 'my branch' }, message: badBranch('my branch') },
  { name: 'branch: ends with .lock', files: TWO, inputs: { branch: 'main.lock' }, message: badBranch('main.lock') },
  {
    name: 'commit-message: empty',
    files: TWO,
    inputs: { 'commit-message': '' },
    message: input('commit-message', '', 'a value is required'),
  },
  {
    name: 'commit-message: spaces',
    files: TWO,
    inputs: { 'commit-message': '  \n ' },
    message: input('commit-message', '', 'a value is required'),
  },

  // force-images
  {
    name: 'force-images: an unknown name lists the known ones',
    files: TWO,
    inputs: { 'force-images': 'nope' },
    message: "Input 'force-images' has the value 'nope': 'nope' is not an image of this repository; expected some of: api, web.",
  },
  {
    name: 'force-images: two unknown names among known ones',
    files: TWO,
    inputs: { 'force-images': 'api, Web,\nworker' },
    message:
      "Input 'force-images' has the value 'api,Web,worker': 'Web', 'worker' are not images of this repository; expected some of: api, web.",
  },

  // GITHUB_* for the git context
  {
    name: 'GITHUB_SHA: missing',
    files: TWO,
    github: { GITHUB_SHA: '' },
    message: "GITHUB_SHA is '': expected a 40-character commit id (the git context pins it).",
  },
  {
    name: 'GITHUB_SHA: short',
    files: TWO,
    github: { GITHUB_SHA: 'abc1234' },
    message: "GITHUB_SHA is 'abc1234': expected a 40-character commit id (the git context pins it).",
  },
  {
    name: 'GITHUB_SHA: upper case',
    files: TWO,
    github: { GITHUB_SHA: 'A'.repeat(40) },
    message: `GITHUB_SHA is '${'A'.repeat(40)}': expected a 40-character commit id (the git context pins it).`,
  },
  {
    name: 'GITHUB_REPOSITORY: no owner',
    files: TWO,
    github: { GITHUB_REPOSITORY: 'shop' },
    message: "GITHUB_REPOSITORY is 'shop': expected owner/name (the git context clones it).",
  },
  {
    name: 'GITHUB_REPOSITORY: three parts',
    files: TWO,
    github: { GITHUB_REPOSITORY: 'acme/shop/x' },
    message: "GITHUB_REPOSITORY is 'acme/shop/x': expected owner/name (the git context clones it).",
  },
  {
    name: 'GITHUB_REPOSITORY: missing',
    files: TWO,
    github: { GITHUB_REPOSITORY: '' },
    message: "GITHUB_REPOSITORY is '': expected owner/name (the git context clones it).",
  },
  {
    name: 'GITHUB_REPOSITORY: a space',
    files: TWO,
    github: { GITHUB_REPOSITORY: 'acme/my shop' },
    message: "GITHUB_REPOSITORY is 'acme/my shop': expected owner/name (the git context clones it).",
  },

  // repository content
  { name: 'no Dockerfile at all', files: { 'README.md': '# shop\n', 'src/main.go': 'package main\n' }, message: noMatch() },
  { name: 'an empty repository', files: {}, message: noMatch() },
  {
    name: 'Dockerfiles only in node_modules and .git',
    files: {
      'node_modules/pkg/Dockerfile': 'FROM a:1\n',
      'web/node_modules/x/Dockerfile': 'FROM a:1\n',
      '.git/Dockerfile': 'FROM a:1\n',
      '.git/hooks/x.Dockerfile': 'FROM a:1\n',
    },
    message: noMatch(),
  },
  { name: 'only a folder named Dockerfile', files: { 'Dockerfile/README.md': 'not a file\n' }, message: noMatch() },
  {
    name: 'only a broken symlink',
    files: { Dockerfile: { symlink: 'missing' } },
    message: noMatch(),
  },
  {
    name: 'a Dockerfile over 1 MiB',
    files: { ...TWO, 'big/Dockerfile': `FROM alpine:3.20\n#${'x'.repeat(MAX_DOCKERFILE_BYTES)}\n` },
    message: `the Dockerfile 'big/Dockerfile' has ${MAX_DOCKERFILE_BYTES + 19} bytes, more than the ${MAX_DOCKERFILE_BYTES} (1 MiB) a Dockerfile may have`,
  },
  {
    name: 'a binary Dockerfile',
    files: { ...TWO, 'bin/Dockerfile': 'FROM alpine:3.20\n\u0000\u0001\u0002' },
    message: "the Dockerfile 'bin/Dockerfile' contains NUL bytes: it is not a text file",
  },
  {
    name: 'an unknown name after a good render leaves the old manifest alone',
    files: { ...TWO, 'deploy/manifest.yaml': '# an old manifest\n' },
    inputs: { 'force-images': 'nope' },
    message: "'nope' is not an image of this repository; expected some of: api, web.",
  },

  // config file and image-config (an old manifest is there: it must stay as it was)
  ...(
    [
      [
        'an unknown key',
        'images:\n  services/api/Dockerfile:\n    tagets: x\n',
        "3:5: images › services/api/Dockerfile has the unknown key 'tagets'",
      ],
      ['a list where settings go', 'images:\n  services/api/Dockerfile: [a]\n', '2:28: images › services/api/Dockerfile has a list'],
      [
        'a build arg that is a number',
        'images:\n  services/api/Dockerfile:\n    buildArgs: { V: 3.10 }\n',
        "3:21: images › services/api/Dockerfile › buildArgs › V has the value '3.10', which YAML reads as a number",
      ],
      [
        'a target that is no stage',
        'images:\n  services/api/Dockerfile:\n    target: prod\n',
        "3:13: images › services/api/Dockerfile › target has the value 'prod': expected a stage of services/api/Dockerfile, which names no stage",
      ],
      ['an entry for no Dockerfile', 'images:\n  services/apl/Dockerfile: {}\n', "2:28: images has an entry for 'services/apl/Dockerfile'"],
      ['a tab for indentation', 'images:\n\tservices/api/Dockerfile: {}\n', '2:1: expected valid YAML, but'],
      [
        'an alias that refers to its own mapping',
        'images: &a\n  x/Dockerfile: *a\n',
        '2:17: images › x/Dockerfile has the alias *a, and aliases are not supported (write the value out, or use defaults): expected a mapping of image settings',
      ],
      [
        'a negative memory',
        'images:\n  services/api/Dockerfile:\n    resources: { limits: { memory: -1Gi } }\n',
        "3:36: images › services/api/Dockerfile › resources › limits › memory has the value '-1Gi'",
      ],
      [
        'a quantity with two decimal points',
        'images:\n  services/api/Dockerfile:\n    resources: { limits: { cpu: 1.5.3 } }\n',
        "3:33: images › services/api/Dockerfile › resources › limits › cpu has the value '1.5.3': expected a Kubernetes quantity",
      ],
      [
        'a quantity in XB',
        'images:\n  services/api/Dockerfile:\n    resources: { requests: { memory: 10XB } }\n',
        "3:38: images › services/api/Dockerfile › resources › requests › memory has the value '10XB': expected a Kubernetes quantity",
      ],
      [
        'a request above its limit',
        'images:\n  services/api/Dockerfile:\n    resources: { requests: { memory: 8Gi }, limits: { memory: 4Gi } }\n',
        "3:38: images › services/api/Dockerfile › resources › requests › memory has the value '8Gi': expected at most its limit, 4Gi",
      ],
      [
        'a resource name without a domain that Kubernetes does not know',
        'images:\n  services/api/Dockerfile:\n    resources: { limits: { gpu: 1 } }\n',
        "3:28: a key of images › services/api/Dockerfile › resources › limits has the value 'gpu': expected cpu, memory",
      ],
      [
        'a toleration with operator Exists and a value',
        'images:\n  services/api/Dockerfile:\n    tolerations: [{ key: gpu, operator: Exists, value: "true" }]\n',
        '3:19: an item of images › services/api/Dockerfile › tolerations has operator Exists and a value: expected no value with Exists',
      ],
      [
        'a node selector value over 63 characters',
        `images:\n  services/api/Dockerfile:\n    nodeSelector: { pool: ${'a'.repeat(64)} }\n`,
        `3:27: images › services/api/Dockerfile › nodeSelector › pool has the value '${'a'.repeat(64)}': expected a label value: at most 63`,
      ],
      [
        'a node selector value that ends in a dot',
        'images:\n  services/api/Dockerfile:\n    nodeSelector: { pool: builds. }\n',
        "3:27: images › services/api/Dockerfile › nodeSelector › pool has the value 'builds.': expected a label value",
      ],
      [
        'a toleration value over 63 characters',
        `images:\n  services/api/Dockerfile:\n    tolerations: [{ key: pool, value: ${'v'.repeat(64)} }]\n`,
        `3:39: an item of images › services/api/Dockerfile › tolerations › value has the value '${'v'.repeat(64)}': expected a taint value: at most 63`,
      ],
      [
        'skip as a string',
        'images:\n  services/web/Dockerfile: { skip: "true" }\n',
        "2:36: images › services/web/Dockerfile › skip has the value 'true': expected true or false",
      ],
    ] as const
  ).map(
    ([name, config, message]): BadCase => ({
      name: `config: ${name}`,
      files: { ...TWO, 'deploy/manifest.yaml': '# an old manifest\n', 'kaniko-gitops.yml': config },
      inputs: { config: 'kaniko-gitops.yml' },
      message: new RegExp(`^kaniko-gitops\\.yml:${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    }),
  ),
  {
    // hash-covers lists the names of the build args: past 256 KiB of annotations the API server refuses the Pod.
    name: 'config: build args whose names take the annotations over 256 KiB',
    files: {
      ...TWO,
      'deploy/manifest.yaml': '# an old manifest\n',
      'kaniko-gitops.yml': `images:\n  services/api/Dockerfile:\n    buildArgs:\n${Array.from({ length: 2800 }, (_, i) => `      A${String(i).padStart(4, '0')}${'_'.repeat(90)}: "x"\n`).join('')}`,
    },
    inputs: { config: 'kaniko-gitops.yml' },
    message:
      /^The Pod of services\/api\/Dockerfile has annotations of 2[0-9]{5} bytes in all \(kaniko-gitops\/hash-covers: 2[0-9]{5}\): expected at most 262144 \(256 KiB\), the most Kubernetes takes/,
  },
  {
    name: 'config: a path outside the repository',
    files: TWO,
    inputs: { config: '../kaniko-gitops.yml' },
    message: input('config', '../kaniko-gitops.yml', 'expected a path inside the repository'),
  },
  {
    name: 'config: a symlink leading out of the repository',
    files: { ...TWO, 'kaniko-gitops.yml': { symlink: '<outside>/config.yml' } },
    outside: { 'config.yml': 'images: {}\n' },
    inputs: { config: 'kaniko-gitops.yml' },
    message: input('config', 'kaniko-gitops.yml', 'expected a file inside the repository, but it is a symlink'),
  },
  {
    name: 'image-config: not a mapping',
    files: { Dockerfile: 'FROM alpine:3.20\n' },
    inputs: { 'image-config': 'runtime' },
    message:
      "Input 'image-config' (line 1, column 1): the image has the value 'runtime': expected a mapping of image settings (name, context, buildArgs, target, extraTags, platform, platforms, resources, nodeSelector, tolerations, skip)",
  },
]

/** Bad values that would do harm if they were taken: above each row, what. */
const HARMFUL: BadCase[] = [
  // Taken as registry hosts, `yes` or `1` would silently leave TLS verification on.
  {
    name: 'insecure-registry: yes',
    files: TWO,
    inputs: { 'insecure-registry': 'yes' },
    message: /^Input 'insecure-registry' has the value 'yes': expected true, false or registry hosts/,
  },
  {
    name: 'insecure-registry: 1',
    files: TWO,
    inputs: { 'insecure-registry': '1' },
    message: /^Input 'insecure-registry' has the value '1': expected true, false or registry hosts/,
  },
  // A branch name git refuses (check-ref-format) would end up in every Pod's git context ref.
  { name: 'branch: .hidden (git refuses it)', files: TWO, inputs: { branch: '.hidden' }, message: badBranch('.hidden') },
  { name: 'branch: a//b (git refuses it)', files: TWO, inputs: { branch: 'a//b' }, message: badBranch('a//b') },
  { name: 'branch: /main (git refuses it)', files: TWO, inputs: { branch: '/main' }, message: badBranch('/main') },
  // An output that is one of the Dockerfiles would overwrite it with the manifest.
  {
    name: 'output: one of the Dockerfiles',
    files: TWO,
    inputs: { output: 'services/api/Dockerfile' },
    message: /'output'.*services\/api\/Dockerfile/,
  },
  // An output inside .git would be written there, here over the repository's own git config.
  {
    name: 'output: .git/config',
    files: { ...TWO, '.git/config': '[core]\n' },
    inputs: { output: '.git/config' },
    message: /'output'.*\.git/,
  },
  // A `path` that is missing or a file fails naming the input, not with a bare system error.
  { name: 'path: a missing folder', files: TWO, inputs: { path: 'nope' }, message: /^Input 'path' has the value 'nope'/ },
  { name: 'path: a file', files: { ...TWO, README: 'x\n' }, inputs: { path: 'README' }, message: /^Input 'path' has the value 'README'/ },
  // With a port out of range, every image reference made with it would be invalid.
  {
    name: 'registry: port 0',
    files: TWO,
    inputs: { registry: 'registry.kaniko.svc:0/team' },
    message: badRegistry('registry.kaniko.svc:0/team', "'registry.kaniko.svc:0' has the port 0, and a port is 1 to 65535"),
  },
  {
    name: 'registry: port 70000',
    files: TWO,
    inputs: { registry: 'registry.kaniko.svc:70000/team' },
    message: badRegistry('registry.kaniko.svc:70000/team', "'registry.kaniko.svc:70000' has the port 70000, and a port is 1 to 65535"),
  },
  {
    name: 'registry: [::1]:65536',
    files: TWO,
    inputs: { registry: '[::1]:65536/team' },
    message: badRegistry('[::1]:65536/team', "'[::1]:65536' has the port 65536, and a port is 1 to 65535"),
  },
  // Between brackets there must be an IPv6 address.
  {
    name: 'registry: [1::2::3] is no IPv6 address',
    files: TWO,
    inputs: { registry: '[1::2::3]:5000/team' },
    message: badRegistry('[1::2::3]:5000/team', "'[1::2::3]' is not an IPv6 address"),
  },
  // Docker Hub needs a namespace: `docker.io/api` is the official image library/api, where nobody can push.
  {
    name: 'registry: docker.io alone',
    files: TWO,
    inputs: { registry: 'docker.io' },
    message: badRegistry(
      'docker.io',
      'it has no namespace, and docker.io keeps every image under one (a user, organisation or project); add it, as in docker.io/acme',
    ),
  },
  // GitHub's registry needs the owner.
  {
    name: 'registry: ghcr.io alone',
    files: TWO,
    inputs: { registry: 'ghcr.io' },
    message: badRegistry(
      'ghcr.io',
      'it has no namespace, and ghcr.io keeps every image under one (a user, organisation or project); add it, as in ghcr.io/acme',
    ),
  },
  // A port out of range would be passed to kaniko's --insecure-registry.
  {
    name: 'insecure-registry: port 0',
    files: TWO,
    inputs: { 'insecure-registry': 'mirror.local:0' },
    message: input(
      'insecure-registry',
      'mirror.local:0',
      "expected true, false or registry hosts such as registry.kaniko.svc:5000, but 'mirror.local:0' has the port 0, and a port is 1 to 65535",
    ),
  },
  {
    name: 'insecure-registry: port 99999',
    files: TWO,
    inputs: { 'insecure-registry': 'registry.kaniko.svc:5000\n[::1]:99999' },
    message: input(
      'insecure-registry',
      'registry.kaniko.svc:5000\n[::1]:99999',
      "expected true, false or registry hosts such as registry.kaniko.svc:5000, but '[::1]:99999' has the port 99999, and a port is 1 to 65535",
    ),
  },
  // Followed, a `path` that is a symlink leading out of the workspace would have its Dockerfiles read and the manifest written outside.
  {
    name: 'path: a symlink leading out of the workspace',
    files: { ...TWO, sub: { symlink: OUTSIDE } },
    outside: { Dockerfile: 'FROM alpine:3.20\n' },
    inputs: { path: 'sub' },
    message: /^Input 'path' has the value 'sub'/,
  },
]

describe('bad input fails with a clear message and writes nothing', () => {
  it('has a large corpus', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(55)
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length)
  })

  it.each(CASES)('$name', (c) => expectRejected(c, tempTree))

  it.each(HARMFUL)('$name', (c) => expectRejected(c, tempTree))
})

// Parsed YAML is checked by assertions, not by types.
// biome-ignore lint/suspicious/noExplicitAny: test access to parsed documents
type Doc = any
const SHA_B = 'b'.repeat(40)
const manifestIn = (dir: string) => readFileSync(path.join(dir, 'deploy/manifest.yaml'), 'utf8')
/** The Dockerfiles of a tree: its files named Dockerfile. */
const dockerfilesOf = (files: Tree) =>
  Object.keys(files).filter((name) => /(^|\/)Dockerfile$/.test(name) && typeof files[name] === 'string')

/**
 * Renders `files` and checks the manifest: schema and rules, one ConfigMap and one Pod per Dockerfile
 * and nothing else, each Pod carrying its Dockerfile's path and hash exactly (its builder gets the path
 * as it is once the kubelet expanded its env); then renders again at another commit (at the same one
 * when forcing) and expects the very same bytes.
 */
async function expectRendered(files: Tree, dockerfiles = dockerfilesOf(files), inputs: Record<string, string> = {}) {
  const dir = tempTree(files)
  const outcome = await renderIn(dir, { token: '', ...inputs })
  const text = manifestIn(dir)
  expect(validateManifest(text)).toEqual([])
  const docs: Doc[] = parseManifest(text)
  expect(docs.map((d) => d.kind).sort()).toEqual(['ConfigMap', ...dockerfiles.map(() => 'Pod')])
  const pods = docs.filter((d) => d.kind === 'Pod')
  const annotated = pods.map((p) => p.metadata.annotations['kaniko-gitops/dockerfile'] as string)
  expect([...annotated].sort()).toEqual([...dockerfiles].sort())
  for (const pod of pods) {
    const file = pod.metadata.annotations['kaniko-gitops/dockerfile'] as string
    expect(Buffer.from(file)).toEqual(Buffer.from(dockerfiles.find((d) => d === file) as string))
    const content = readFileSync(path.join(dir, ...file.split('/')))
    expect(pod.metadata.annotations['kaniko-gitops/dockerfile-sha256']).toBe(sha256(content))
    expect(startContainer(pod.spec.containers[0], {}).env.get('DOCKER_FILENAME')).toBe(file)
  }
  const names = outcome.images.map((i) => i.name)
  expect(new Set(names).size).toBe(names.length)

  // A forced Pod is pinned to the commit being rendered: a forcing render is repeated at its own commit.
  const forcing = /true/i.test(inputs['force-build'] ?? '') || /[^,\s]/.test(inputs['force-images'] ?? '')
  const again = await renderIn(dir, { token: '', ...inputs }, forcing ? {} : { GITHUB_SHA: SHA_B })
  expect(again.changed, 'a second render changes nothing').toBe(false)
  expect(manifestIn(dir)).toBe(text)
  return { dir, outcome, text, pods }
}

describe('tricky but valid repositories render a valid manifest', () => {
  it('Dockerfile paths in upper case and with spaces', async () => {
    await expectRendered({
      'Services/API/Dockerfile': 'FROM alpine:3.20\n',
      'WEB/Dockerfile': 'FROM nginx:1.27\n',
      'my service/Dockerfile': 'FROM alpine:3.20\n',
      ' leading/Dockerfile': 'FROM alpine:3.21\n',
      'trailing /Dockerfile': 'FROM alpine:3.22\n',
    })
  })

  it('unicode Dockerfile paths', async () => {
    const { outcome } = await expectRendered({
      'Ünïcødé/Dockerfile': 'FROM alpine:3.20\n',
      '日本/Dockerfile': 'FROM alpine:3.21\n',
      '🐳/Dockerfile': 'FROM alpine:3.22\n',
      'Crème Brûlée/Dockerfile': 'FROM alpine:3.23\n',
    })
    expect(outcome.images.find((i) => i.dockerfile === 'Ünïcødé/Dockerfile')?.name).toBe('unic-de')
    expect(outcome.images.find((i) => i.dockerfile === 'Crème Brûlée/Dockerfile')?.name).toBe('creme-brulee')
  })

  it('shell metacharacters in Dockerfile paths', async () => {
    await expectRendered({
      'a;b/Dockerfile': 'FROM alpine:3.20\n',
      '$(x)/Dockerfile': 'FROM alpine:3.21\n',
      '`id`/Dockerfile': 'FROM alpine:3.22\n',
      "it's/Dockerfile": 'FROM alpine:3.23\n',
      'a"b\\c/Dockerfile': 'FROM alpine:3.24\n',
      '$HOME|&>x/Dockerfile': 'FROM alpine:3.25\n',
    })
  })

  it('YAML syntax in Dockerfile paths', async () => {
    await expectRendered({
      'a: b/Dockerfile': 'FROM alpine:3.20\n',
      '#x/Dockerfile': 'FROM alpine:3.21\n',
      '---/Dockerfile': 'FROM alpine:3.22\n',
      '- x/Dockerfile': 'FROM alpine:3.23\n',
      '{x: [y]}/Dockerfile': 'FROM alpine:3.24\n',
      '&a *b !c/Dockerfile': 'FROM alpine:3.25\n',
      '%TAG ...|>/Dockerfile': 'FROM alpine:3.26\n',
    })
  })

  it('folder names that YAML 1.1 or 1.2 would read as something other than a string become image names and labels', async () => {
    const folders = ['true', 'no', 'null', 'on', 'y', '1e3', '0x10', '012', '1_000', '2024-01-01', '1-20', '8080']
    const { outcome } = await expectRendered(Object.fromEntries(folders.map((f, i) => [`${f}/Dockerfile`, `FROM alpine:3.${i}\n`])))
    expect(outcome.images.map((i) => i.name).sort()).toEqual([...folders.map((f) => f.replace(/_/g, '-'))].sort())
  })

  // In the log a newline would start a line the runner reads for workflow commands.
  it('a newline, a carriage return, a tab, NEL or a line separator in a name: skipped, with a warning that shows the name escaped', async () => {
    const { outcome } = await expectRendered(
      {
        ...TWO,
        'a\nb/Dockerfile': 'FROM alpine:3.20\n',
        'c\r\nd/Dockerfile': 'FROM alpine:3.21\n',
        'e\tf/Dockerfile': 'FROM alpine:3.22\n',
        'trailing newline\n/Dockerfile': 'FROM alpine:3.23\n',
        'g\u0085h/Dockerfile': 'FROM alpine:3.24\n',
        'ok/i\u2028j/Dockerfile': 'FROM alpine:3.25\n',
      },
      dockerfilesOf(TWO),
    )
    const problem = 'its name has a control character or a line separator'
    expect(outcome.log.warnings).toEqual(
      ['a%0Ab', 'c%0D%0Ad', 'e%09f', 'g%C2%85h', 'ok/i%E2%80%A8j', 'trailing newline%0A'].map((name) => `skipped '${name}': ${problem}`),
    )
  })

  it('very long paths: a folder name of 200 characters, 10 levels deep', async () => {
    const level = (c: string) => c.repeat(200)
    const deep = `${['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].map(level).join('/')}/Dockerfile`
    const { outcome } = await expectRendered({
      [`${level('x')}/Dockerfile`]: 'FROM alpine:3.20\n',
      [deep]: 'FROM alpine:3.21\n',
      // Same last folder as `deep`: the names must climb into 200-character parents.
      [`${level('k')}/${level('j')}/Dockerfile`]: 'FROM alpine:3.22\n',
    })
    for (const image of outcome.images) expect(image.name.length).toBeLessThanOrEqual(52)
  })

  it('folders whose names collide after normalising get distinct names', async () => {
    const { outcome } = await expectRendered({
      'My App/Dockerfile': 'FROM alpine:3.20\n',
      'my-app/Dockerfile': 'FROM alpine:3.21\n',
      'MY_APP/Dockerfile': 'FROM alpine:3.22\n',
      'my.app/Dockerfile': 'FROM alpine:3.23\n',
      'x/my app/Dockerfile': 'FROM alpine:3.24\n',
    })
    expect(new Set(outcome.images.map((i) => i.name)).size).toBe(5)
  })

  it('an existing manifest that is not valid YAML is rendered anew, with a warning', async () => {
    const { outcome } = await expectRendered({ ...TWO, 'deploy/manifest.yaml': 'kind: [Pod\n  - {oops\n' })
    expect(outcome.changed).toBe(true)
    expect(outcome.log.warnings).toEqual([
      expect.stringMatching(
        /^The existing manifest 'deploy\/manifest\.yaml' is ignored: it is not valid YAML \(.+\)\. It is rendered anew from the Dockerfiles\.$/,
      ),
    ])
  })

  it('a hand-edited manifest is rendered back: the edit is undone and a foreign document removed', async () => {
    const { dir, text } = await expectRendered(TWO)
    const edited = `${text.replace('memory: 4Gi', 'memory: 64Gi').replace('kaniko-gitops/dockerfile: services/web/Dockerfile', 'kaniko-gitops/dockerfile: services/web/Dockerfile.old')}---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: sneaky\n  namespace: kaniko\n`
    writeFileSync(path.join(dir, 'deploy/manifest.yaml'), edited)
    const again = await renderIn(dir, { token: '' })
    expect(again.changed).toBe(true)
    expect(manifestIn(dir)).toBe(text)
  })

  it('a folder named Dockerfile is ignored; the other Dockerfiles still render', async () => {
    const { outcome } = await expectRendered({
      ...TWO,
      'Dockerfile/README.md': 'a folder\n',
      'Dockerfile/inner/Dockerfile': 'FROM alpine:3.20\n',
    })
    expect(outcome.log.warnings).toEqual([])
  })

  it('a Dockerfile of exactly 1 MiB and an empty Dockerfile are accepted', async () => {
    await expectRendered({ 'big/Dockerfile': `FROM alpine:3.20\n#${'x'.repeat(MAX_DOCKERFILE_BYTES - 19)}\n`, 'empty/Dockerfile': '' })
  })

  it('a symlinked Dockerfile that stays inside the repository is used, under its own path', async () => {
    await expectRendered({ ...TWO, 'alias/Dockerfile': { symlink: '../services/api/Dockerfile' } }, [
      ...dockerfilesOf(TWO),
      'alias/Dockerfile',
    ])
  })

  it('a Dockerfile whose file name ends in a newline is skipped with a warning', async () => {
    const { outcome } = await expectRendered({ ...TWO, 'a/Dockerfile\n': 'FROM alpine:3.20\n' }, dockerfilesOf(TWO), {
      dockerfiles: 'Dockerfile*',
    })
    expect(outcome.log.warnings).toEqual(["skipped 'a/Dockerfile%0A': its name has a control character or a line separator"])
  })
})

describe('names that are not UTF-8', () => {
  it('are skipped with a warning, and the other Dockerfiles still render', async () => {
    const dir = tempTree(TWO)
    mkdirSync(Buffer.concat([Buffer.from(`${dir}/`), Buffer.from([0xff])]))
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), Buffer.from([0xff]), Buffer.from('/Dockerfile')]), 'FROM alpine:3.20\n')
    const outcome = await renderIn(dir, { token: '' })
    expect(outcome.images.map((i) => i.dockerfile)).toEqual(dockerfilesOf(TWO))
    expect(outcome.log.warnings).toEqual(["skipped '\uFFFD': its name is not valid UTF-8"])
  })

  it('are named only for a folder or a file the patterns match: other files are never used', async () => {
    const dir = tempTree(TWO)
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/notes-`), Buffer.from([0xff]), Buffer.from('.txt')]), 'text\n')
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), Buffer.from([0xff]), Buffer.from('.Dockerfile')]), 'FROM alpine:3.20\n')
    const outcome = await renderIn(dir, { token: '', dockerfiles: 'Dockerfile\n*.Dockerfile' })
    expect(outcome.images.map((i) => i.dockerfile)).toEqual(dockerfilesOf(TWO))
    expect(outcome.log.warnings).toEqual(["skipped '\uFFFD.Dockerfile': its name is not valid UTF-8"])
  })
})

describe('symlinked Dockerfiles that are skipped with a warning', () => {
  const skipped = (file: string, why: string) => `skipped '${file}': ${why}`
  it.each([
    { name: 'a broken symlink', link: 'missing/Dockerfile', why: 'it is a broken symlink (or a symlink loop)' },
    { name: 'a symlink loop', link: 'Dockerfile', why: 'it is a broken symlink (or a symlink loop)' },
    { name: 'a symlink to a folder', link: '../services', why: 'it is a symlink to something that is not a file' },
  ])('$name', async ({ link, why }) => {
    const { outcome } = await expectRendered({ ...TWO, 'odd/Dockerfile': { symlink: link } }, dockerfilesOf(TWO))
    expect(outcome.log.warnings).toEqual([skipped('odd/Dockerfile', why)])
  })

  it('a symlink to a file outside the repository, which is never read', async () => {
    const outside = tempTree({ Dockerfile: 'FROM secret:1\n' })
    const { outcome, text } = await expectRendered({ ...TWO, 'odd/Dockerfile': { symlink: `${outside}/Dockerfile` } }, dockerfilesOf(TWO))
    expect(outcome.log.warnings).toEqual([
      skipped('odd/Dockerfile', 'it is a symlink to a file outside the repository, which is never read'),
    ])
    expect(text).not.toContain(sha256('FROM secret:1\n'))
  })

  it('a symlink loop between two links', async () => {
    const { outcome } = await expectRendered(
      { ...TWO, 'a/Dockerfile': { symlink: '../b/Dockerfile' }, 'b/Dockerfile': { symlink: '../a/Dockerfile' } },
      dockerfilesOf(TWO),
    )
    expect(outcome.log.warnings).toEqual([
      skipped('a/Dockerfile', 'it is a broken symlink (or a symlink loop)'),
      skipped('b/Dockerfile', 'it is a broken symlink (or a symlink loop)'),
    ])
  })
})

describe('lenient inputs that are accepted', () => {
  const forcedOf = (o: { images: readonly { name: string; forced: boolean }[] }) => o.images.filter((i) => i.forced).map((i) => i.name)

  it("booleans are trimmed and case-insensitive: 'TRUE ' is true", async () => {
    const { outcome } = await expectRendered(TWO, undefined, { 'force-build': 'TRUE ', 'fail-on-drift': ' False', comment: 'TRUE ' })
    expect(forcedOf(outcome)).toEqual(['api', 'web'])
  })

  it("insecure-registry: 'TRUE ' is the registry's host, '' is false", async () => {
    const dir = tempTree(TWO)
    await renderIn(dir, { token: '', 'insecure-registry': 'TRUE ' })
    expect(manifestIn(dir)).toContain('--insecure-registry=registry.example.com')
    await renderIn(dir, { token: '', 'insecure-registry': '' })
    expect(manifestIn(dir)).not.toContain('--insecure-registry')
  })

  // The same IPv6 host in both inputs.
  it('an IPv6 registry host, in registry and in insecure-registry', async () => {
    const dir = tempTree(TWO)
    await renderIn(dir, { token: '', registry: '[::1]:5000/team', 'insecure-registry': '[::1]:5000, [fd00::5]:443' })
    const text = manifestIn(dir)
    expect(text).toContain('[::1]:5000/team/api:')
    expect(text).toContain('--insecure-registry=[::1]:5000')
    expect(text).toContain('--insecure-registry=[fd00::5]:443')
    await renderIn(dir, { token: '', registry: '[::1]:5000/team', 'insecure-registry': 'true' })
    expect(manifestIn(dir)).toContain('--insecure-registry=[::1]:5000')
  })

  it('a registry without a namespace, where the registry keeps images at the top level', async () => {
    const dir = tempTree(TWO)
    await renderIn(dir, { token: '', registry: 'registry.kaniko.svc:5000' })
    expect(manifestIn(dir)).toContain('registry.kaniko.svc:5000/api:')
  })

  it('force-images: empty items are ignored', async () => {
    const { outcome } = await expectRendered(TWO, undefined, { 'force-images': ' , ,api,\n\n, ' })
    expect(forcedOf(outcome)).toEqual(['api'])
  })

  it('force-images: only separators forces nothing', async () => {
    const { outcome } = await expectRendered(TWO, undefined, { 'force-images': ',\n ,' })
    expect(forcedOf(outcome)).toEqual([])
  })
})
