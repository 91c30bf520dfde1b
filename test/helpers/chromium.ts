// Debian's Chromium and the flags every run here launches it with (Playwright tests and the
// benchmarks): no Playwright-downloaded browser, nothing that reaches the network.
export const CHROMIUM_PATH = process.env.PLANDESK_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
