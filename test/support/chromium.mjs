/**
 * How every tool here launches Debian's Chromium (web-test-runner, the e2e
 * tests, the benchmarks, screenshots): headless as root, with no background
 * traffic to the outside network, which this machine does not have.
 */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
