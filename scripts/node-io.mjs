// What Node needs at the least for the work of `hash: dockerfile`, without the action: walk the tree
// (pruning node_modules and .git), read and sha256 each Dockerfile, read and sha256 the previous
// manifest. The benchmark times it next to the floor and the action.
//
//   node scripts/node-io.mjs <repository>
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'

const root = process.argv[2]
const sha = (data) => createHash('sha256').update(data).digest('hex')
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = `${dir}/${entry.name}`
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== '.git') walk(full)
    } else if (entry.name === 'Dockerfile') sha(readFileSync(full))
  }
}
walk(root)
sha(readFileSync(`${root}/deploy/manifest.yaml`, 'utf8'))
