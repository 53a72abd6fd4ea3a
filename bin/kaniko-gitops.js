#!/usr/bin/env node
// Local preview: the bundled command line (dist/cli), built from src/cli/index.ts.
import '../dist/cli/index.js'
