// `npm test` runs real registries and the rendered shell scripts: say at once what is missing.
import { execFileSync } from 'node:child_process'

const TOOLS = {
  git: 'git',
  'docker-registry': 'docker-registry',
  skopeo: 'skopeo',
  htpasswd: 'apache2-utils',
  openssl: 'openssl',
  busybox: 'busybox-static',
  bash: 'bash',
  patch: 'patch',
  shellcheck: 'shellcheck',
}
// The slow project also runs a rendered Pod with a real container runtime.
const SLOW_TOOLS = { podman: 'podman', buildah: 'buildah', runc: 'runc' }
if (process.argv.includes('--slow')) Object.assign(TOOLS, SLOW_TOOLS)

const missing = Object.entries(TOOLS).filter(([tool]) => {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' })
    return false
  } catch {
    return true
  }
})
if (missing.length > 0) {
  const packages = [...new Set(missing.map(([, pkg]) => pkg))].join(' ')
  console.error(
    `The tests need ${missing.map(([tool]) => tool).join(', ')}, which this machine lacks. On Debian or Ubuntu:\n\n  sudo apt-get install -y ${packages}\n\n(bash .ci/run installs them, then runs every check.)`,
  )
  process.exit(1)
}
