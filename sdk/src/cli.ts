#!/usr/bin/env node
import { main } from "./cli/main.js";

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then((code) => {
  process.exitCode = code;
  // Output is flushed by now; don't let a lingering socket keep a script waiting.
  setTimeout(() => process.exit(code), 2000).unref();
});
