#!/usr/bin/env node
// The package's command: a committed shim so that installing the workspace can link it before the
// CLI is built (dist/ is a build output).
import '../dist/cli.js';
