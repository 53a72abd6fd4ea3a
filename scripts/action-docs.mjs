// Generates the README's inputs and outputs tables from action.yml (`npm run docs`).
// `test/docs.test.ts` fails when the README is out of date.
import { readFileSync, writeFileSync } from 'node:fs'
import { parse } from 'yaml'

const START = '<!-- action-docs:start (generated from action.yml by npm run docs) -->'
const END = '<!-- action-docs:end -->'

const cell = (text) =>
  String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\|/g, '\\|')
const code = (text) =>
  text.includes('\n')
    ? text
        .trim()
        .split('\n')
        .map((l) => `\`${l}\``)
        .join('<br>')
    : `\`${text}\``

export function renderActionDocs(actionYaml) {
  const action = parse(actionYaml)
  const lines = ['### Inputs', '', '| input | default | description |', '| --- | --- | --- |']
  for (const [name, input] of Object.entries(action.inputs)) {
    const def = input.required ? '**required**' : input.default === undefined || input.default === '' ? '' : code(String(input.default))
    lines.push(`| \`${name}\` | ${def} | ${cell(input.description)} |`)
  }
  lines.push('', '### Outputs', '', '| output | description |', '| --- | --- |')
  for (const [name, output] of Object.entries(action.outputs)) lines.push(`| \`${name}\` | ${cell(output.description)} |`)
  return `${START}\n${lines.join('\n')}\n${END}`
}

export function updateReadme(readme, actionYaml) {
  const start = readme.indexOf(START)
  const end = readme.indexOf(END)
  if (start === -1 || end === -1) throw new Error('README.md has no action-docs markers')
  return readme.slice(0, start) + renderActionDocs(actionYaml) + readme.slice(end + END.length)
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const readme = readFileSync('README.md', 'utf8')
  writeFileSync('README.md', updateReadme(readme, readFileSync('action.yml', 'utf8')))
}
