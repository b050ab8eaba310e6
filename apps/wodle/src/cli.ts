#!/usr/bin/env node
import { main } from './main.js';

// The SDK's notice about future Node versions would be forwarded by modulesd as an event line.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// The event loop running dry while the run still awaits something (a promise nothing will settle)
// would otherwise end the process with status 0, as if everything had been sent.
process.once('beforeExit', () => {
  process.stdout.write('ERROR: Unknown error: the run stopped before it finished\n');
  process.stdout.write('ERROR: This is a bug in wazuh-aws; please report it with the command line used.\n');
  process.exit(1);
});

// process.exit: keep-alive HTTP agents must not keep a finished run alive. stdout/stderr writes
// to pipes and files are synchronous on Linux, so nothing printed is lost.
main(process.argv).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // A bug: say so plainly, never with exit 127 (modulesd would stop the module).
    process.stdout.write(`ERROR: Unknown error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.stdout.write('ERROR: This is a bug in wazuh-aws; please report it with the command line used.\n');
    process.exit(1);
  },
);
