// Starts `easyread serve --port 0` for a browser or API test and stops it
// with SIGTERM. The server prints the address it listens on; tests use it.
import { spawn } from 'node:child_process';
import { binary } from './support.mjs';

// Runs the built easyread with `serve --port 0` and `args`; resolves to
// { url, stop(), process } once it prints "Open http://... in your web browser."
export async function startServer(args = [], { timeoutMs = 20000 } = {}) {
  const child = spawn(binary, ['serve', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk) => { errors += chunk; });
  const url = await new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`easyread serve did not start in time: ${errors}`)), timeoutMs);
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      const found = seen.match(/Open (http:\/\/\S+) in your web browser\./);
      if (found) { clearTimeout(timer); resolve(found[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`easyread serve stopped (${code}): ${errors}`)); });
  });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return {
    url,
    process: child,
    errors: () => errors,
    // Stops the server with SIGTERM; resolves to its exit code (0 when it stopped cleanly).
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const { code } = await exited;
      return code;
    },
  };
}
