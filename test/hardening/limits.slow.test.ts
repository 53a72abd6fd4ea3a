import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { describe, it } from 'vitest'
import { LIMITS } from '../../src/common/limits.js'
import { type BadCase, expectRejected, input, OUTSIDE, TWO } from '../support/bad-input.js'
import { tempTrees } from '../support/repo.js'

const { tree: tempTree } = tempTrees()

/**
 * What a pull request can make large or odd, at the real limits (limits.ts): each fails with a message
 * that names the limit, and nothing is read whole whatever its size, followed out of the repository,
 * or left to a bare system error. The limits that take minutes to reach (files of all the contexts,
 * steps of matching ignore rules, bytes of the working tree, entries searched) are tested with lowered
 * limits in context-hash.test.ts and discover.test.ts; what a plain read would wait on or take whole
 * (a FIFO, /dev/zero, a rule made to backtrack) runs in a bounded child process in hostile-files.test.ts.
 */
const IGNORE_OUT = 'it is a symlink that leads out of the repository, and nothing outside it is read'
const LIMIT_CASES: BadCase[] = [
  {
    name: 'more Dockerfiles than a run may have (5,001)',
    files: Object.fromEntries(Array.from({ length: LIMITS.dockerfiles + 1 }, (_, i) => [`s${i}/Dockerfile`, 'FROM alpine:3.20\n'])),
    message:
      "5,001 files match the 'dockerfiles' patterns, more than the 5,000 Dockerfiles a run may have: expected at most 5,000; narrow 'dockerfiles' or 'path'",
  },
  {
    name: 'Dockerfiles of more than 64 MiB together',
    files: Object.fromEntries(
      Array.from({ length: 65 }, (_, i) => [`s${String(i).padStart(2, '0')}/Dockerfile`, `FROM alpine:3.20\n#${'x'.repeat(1_040_000)}\n`]),
    ),
    message:
      "the Dockerfiles have more than 67108864 (64 MiB) bytes in all ('s64/Dockerfile' reached it): expected at most that; leave some out with 'dockerfiles'",
  },
  {
    name: 'a folder 257 levels deep',
    files: { ...TWO, [`${'d/'.repeat(257)}Dockerfile`]: 'FROM alpine:3.20\n' },
    message: /^the folder '(d\/){256}d' is more than 256 folders below 'path': expected at most 256/,
  },
  {
    // 1.4 KB of text: each ARG repeats the one before twice, so a value doubles at every line.
    name: 'a Dockerfile whose ARGs double at every line',
    files: {
      ...TWO,
      'services/api/Dockerfile': `ARG A0=xx\n${Array.from({ length: 40 }, (_, i) => `ARG A${i + 1}=\${A${i}}\${A${i}}\n`).join('')}FROM registry.example.com/acme/$A40\n`,
    },
    message:
      "the Dockerfile 'services/api/Dockerfile', line 20: its global ARGs, substituted into each other and into image references, come to more than 1,048,576 characters: expected at most that",
  },
  {
    name: 'an ignore file over 64 KiB',
    files: { ...TWO, 'services/api/.dockerignore': `# ${'x'.repeat(LIMITS.ignoreFileBytes)}\n` },
    message: "the ignore file 'services/api/.dockerignore' has 65539 bytes, more than the 65536 (64 KiB) an ignore file may have",
  },
  {
    name: 'an ignore file of 1,001 rules',
    files: { ...TWO, 'services/api/.dockerignore': Array.from({ length: 1001 }, (_, i) => `f${i}`).join('\n') },
    message: "the ignore file 'services/api/.dockerignore' has 1,001 rules, more than the 1,000 an ignore file may have",
  },
  {
    name: 'an ignore file with an unclosed [',
    files: { ...TWO, 'services/api/.dockerignore': 'node_modules\n[a\n' },
    message: "the ignore file 'services/api/.dockerignore' has a rule Docker refuses too: line 2, '[a': '[' has no closing ']'",
  },
  {
    name: 'an ignore file that is a symlink to a file outside the repository',
    files: { ...TWO, 'services/api/.dockerignore': { symlink: `${OUTSIDE}/rules` } },
    outside: { rules: '*\n' },
    message: `cannot read the ignore file 'services/api/.dockerignore': ${IGNORE_OUT}`,
  },
  {
    name: 'an ignore file that is a folder',
    files: { ...TWO, 'services/api/.dockerignore/x': 'x\n' },
    message: "cannot read the ignore file 'services/api/.dockerignore': it is a folder, not a regular file",
  },
  {
    name: 'a config file over 2 MiB',
    files: { ...TWO, 'kaniko-gitops.yml': `# ${'x'.repeat(LIMITS.configBytes)}\nimages: {}\n` },
    inputs: { config: 'kaniko-gitops.yml' },
    message: "the config file 'kaniko-gitops.yml' has 2097166 bytes, more than the 2097152 (2 MiB) a config file may have",
  },
  {
    name: 'a config file that is a FIFO',
    files: TWO,
    setup: (dir) => execFileSync('mkfifo', [path.join(dir, 'kaniko-gitops.yml')]),
    inputs: { config: 'kaniko-gitops.yml' },
    message: input('config', 'kaniko-gitops.yml', 'expected a file inside the repository, but it exists and is not a regular file'),
  },
  {
    // A build arg of the defaults is in every Pod: 36 Pods of 1.9 MB.
    name: 'a manifest that would be over 64 MiB',
    files: {
      ...Object.fromEntries(Array.from({ length: 36 }, (_, i) => [`s${i}/Dockerfile`, 'FROM alpine:3.20\n'])),
      'kaniko-gitops.yml': `defaults:\n  buildArgs:\n    A: "${'x'.repeat(1_900_000)}"\n`,
    },
    inputs: { config: 'kaniko-gitops.yml', hash: 'dockerfile' },
    message:
      /^the manifest would have 6[0-9]{7} bytes, more than the 67108864 \(64 MiB\) a manifest may have \(36 Pods\): expected fewer images, or smaller per-image settings$/,
  },
  {
    name: 'a manifest in the workspace over 64 MiB',
    files: { ...TWO, 'deploy/manifest.yaml': `# ${'x'.repeat(LIMITS.manifestBytes)}\n` },
    message: "the existing manifest 'deploy/manifest.yaml' has 67108867 bytes, more than the 67108864 (64 MiB) a manifest may have",
  },
  {
    // Up to the 2 MiB a config may have: the parse stops at the entry past the limit.
    name: 'a config file of 200,000 top-level keys',
    files: { ...TWO, 'kaniko-gitops.yml': Array.from({ length: 200_000 }, (_, i) => `k${i}: x\n`).join('') },
    inputs: { config: 'kaniko-gitops.yml' },
    message: 'kaniko-gitops.yml:10001:1: a mapping or list has more than 10,000 entries: expected at most 10,000',
  },
  {
    name: 'a config file of 90,000 build args',
    files: {
      ...TWO,
      'kaniko-gitops.yml': `defaults:\n  buildArgs:\n${Array.from({ length: 90_000 }, (_, i) => `    A${i}: "x"\n`).join('')}`,
    },
    inputs: { config: 'kaniko-gitops.yml' },
    message: 'kaniko-gitops.yml:10003:5: a mapping or list has more than 10,000 entries: expected at most 10,000',
  },
  {
    name: 'a config file of 500,000 lists inside one another',
    files: { ...TWO, 'kaniko-gitops.yml': '['.repeat(500_000) },
    inputs: { config: 'kaniko-gitops.yml' },
    message: 'kaniko-gitops.yml:1:65: mappings and lists nest more than 64 deep here: expected at most 64',
  },
  {
    name: 'a config file of 500,000 block lists inside one another',
    files: { ...TWO, 'kaniko-gitops.yml': `${'- '.repeat(500_000)}x\n` },
    inputs: { config: 'kaniko-gitops.yml' },
    message: 'kaniko-gitops.yml:1:129: mappings and lists nest more than 64 deep here: expected at most 64',
  },
  {
    name: 'a config file of 2,000 mappings inside one another',
    files: { ...TWO, 'kaniko-gitops.yml': Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}a:\n`).join('') },
    inputs: { config: 'kaniko-gitops.yml' },
    message: 'kaniko-gitops.yml:65:65: mappings and lists nest more than 64 deep here: expected at most 64',
  },
  {
    // Reading stops at the first error, not one error for each comma.
    name: 'a config file of 2 MiB of commas in a list',
    files: { ...TWO, 'kaniko-gitops.yml': `images: [${','.repeat(LIMITS.configBytes - 20)}]\n` },
    inputs: { config: 'kaniko-gitops.yml' },
    message: 'kaniko-gitops.yml:1:11: expected valid YAML, but Unexpected , in flow sequence',
  },
  {
    name: 'image-config of 500,000 mappings inside one another',
    files: { Dockerfile: 'FROM alpine:3.20\n' },
    inputs: { 'image-config': '{a: '.repeat(500_000) },
    message: "Input 'image-config' (line 1, column 257): mappings and lists nest more than 64 deep here: expected at most 64",
  },
]

describe('bad input at the limits fails with a clear message and writes nothing', () => {
  // The slow project's timeout bounds each: a limit is there so that no input holds the job.
  it.each(LIMIT_CASES)('limit: $name', (c) => expectRejected(c, tempTree))
})
