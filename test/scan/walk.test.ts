import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ContextHasher } from '../../src/scan/context-hash.js'
import { discoverDockerfiles } from '../../src/scan/discover.js'
import { tempTrees } from '../support/repo.js'

const { tree } = tempTrees()

describe('the walk shared by the search for Dockerfiles and the context hash', () => {
  it('passes over a FIFO without opening it, and never enters a .git folder', async () => {
    const dir = tree({
      Dockerfile: 'FROM alpine:3.20\n',
      'main.go': 'package main\n',
      '.git/Dockerfile': 'FROM alpine:3.20\n',
      '.git/config': '[core]\n',
    })
    // A FIFO is no file of the tree (git cannot commit one), and reading one waits for a writer.
    execFileSync('mkfifo', [path.join(dir, 'pipe'), path.join(dir, 'Containerfile')])
    const found = await discoverDockerfiles(dir, ['Dockerfile', 'Containerfile'])
    expect(found.paths).toEqual(['Dockerfile'])
    expect(found.warnings).toEqual([])
    const hash = await new ContextHasher(dir).hash('', 'Dockerfile')
    expect(hash.files).toBe(2)
  })
})
