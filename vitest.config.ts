import { availableParallelism } from 'node:os'
import { configDefaults, defineConfig } from 'vitest/config'

// A test file named *.slow.test.ts is in the 'slow' project: it runs the bundle end to end, a real
// registry, the commit path or the stand-ins' own checks, kills, the limits at their real sizes or
// heavy property runs. Every other test file is in 'unit'. `npm test` runs 'unit'; `npm run test:all`
// and `bash .ci/run` run both; `npx vitest run <file or folder>` runs the files named, whatever their project.
const SLOW = 'test/**/*.slow.test.ts'

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // A worker per core: the tests spend much of their time waiting on git and other child processes,
    // and vitest's default (one core fewer) leaves a 2-core machine half idle.
    maxWorkers: availableParallelism(),
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, SLOW] } },
      // A slow test on a busy CI machine may take several times what it takes on a quiet one.
      { extends: true, test: { name: 'slow', include: [SLOW], testTimeout: 120_000, hookTimeout: 120_000 } },
    ],
  },
})
