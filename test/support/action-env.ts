import { readFileSync } from 'node:fs'
import { parse } from 'yaml'

interface ActionYaml {
  inputs: Record<string, { default?: string; required?: boolean }>
  outputs: Record<string, { description: string }>
}

export const ACTION: ActionYaml = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as ActionYaml

/** `INPUT_*` variables as the runner sets them: action.yml's defaults, then the given inputs. */
export function inputEnv(inputs: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {}
  // An expression default (`${{ github.token }}`) means nothing outside a runner: it stays empty.
  for (const [name, input] of Object.entries(ACTION.inputs)) {
    env[`INPUT_${name.toUpperCase()}`] = input.default?.includes('${{') ? '' : (input.default ?? '')
  }
  for (const [name, value] of Object.entries(inputs)) {
    if (!(name in ACTION.inputs)) throw new Error(`test asks for input '${name}', which action.yml does not declare`)
    env[`INPUT_${name.toUpperCase()}`] = value
  }
  return env
}

export const SHA_A = 'a'.repeat(40)

/** `GITHUB_*` variables of a push run on main. */
export function githubEnv(workspace: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_SHA: SHA_A,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_RUN_ID: '1001',
    GITHUB_RUN_ATTEMPT: '1',
    ...overrides,
  }
}

/** Runs `fn` with exactly these INPUT_ and GITHUB_ variables in process.env, then restores it. */
export async function withEnv<T>(vars: Record<string, string>, fn: () => T | Promise<T>): Promise<T> {
  const saved = { ...process.env }
  for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_') || key.startsWith('GITHUB_')) delete process.env[key]
  Object.assign(process.env, vars)
  try {
    return await fn()
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key]
    Object.assign(process.env, saved)
  }
}
