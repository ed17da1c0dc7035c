// Live preview benchmark for the Make page of `easyread serve`: how long from
// a change in the form to the new text in the preview (the aim: half
// a second). Uses Debian's Chromium through the browser tests' set-up.
//   node bench/preview.mjs [CHANGES]
// Needs `bash scripts/install-browser-tests.sh` once, and a built easyread
// (EASYREAD_BINARY, or build/easyread). Prints the median and the slowest.
import { launch } from '../tests/browser/support.mjs';
import { startServer } from '../tests/browser/serve-support.mjs';
import { block, openPage, previewFrame } from '../tests/browser/make-support.mjs';

const changes = Number(process.argv[2] ?? 20);
const browser = await launch();
const server = await startServer([]);
try {
  const page = await openPage(browser, server, '/make');
  await page.getByLabel('Title').fill('Preview');
  await page.getByLabel('Heading').first().fill('First part');
  const words = block(page, 0).getByLabel('What you want to say');
  await words.fill('We met on day 0.');
  await previewFrame(page).getByText('We met on day 0.').waitFor({ timeout: 10000 });
  const times = [];
  for (let n = 1; n <= changes; n += 1) {
    const changed = Date.now();
    await words.fill(`We met on day ${n}.`);
    await previewFrame(page).getByText(`We met on day ${n}.`).waitFor({ timeout: 10000 });
    times.push(Date.now() - changed);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`preview after a change: median ${median} ms, slowest ${times.at(-1)} ms (${changes} changes; aim: 500 ms)`);
} finally {
  await browser.close();
  await server.stop();
}
