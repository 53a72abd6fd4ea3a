import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
// @ts-expect-error: a plain JavaScript build script without types
import { updateReadme } from '../scripts/action-docs.mjs'

describe('README', () => {
  it('has the inputs and outputs tables of the current action.yml (npm run docs)', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
    const action = readFileSync(new URL('../action.yml', import.meta.url), 'utf8')
    expect(updateReadme(readme, action)).toBe(readme)
    expect(readme).toContain('| `registry` | **required** |')
  })
})
