/**
 * What the tests need outside npm: Chromium (E2E), LibreOffice Writer and Poppler (document checks), the
 * Liberation fonts (Times New Roman metrics in the rendered documents), NSIS (the installer include is
 * compiled by the packaging test). Installed with apt-get when run as
 * root on Debian; otherwise the exact command is printed.
 */
import { existsSync } from 'node:fs';
import { run, say, succeeds } from './run.mjs';

const onPath = (command) => succeeds('sh', ['-c', `command -v ${command}`]);
const hasLiberation = () => succeeds('sh', ['-c', "fc-list 2>/dev/null | grep -qi 'Liberation Serif'"]);

/** Debian package names of what is missing; `probe` answers the checks (injected by tests). */
export function missingSystemPackages(probe = { onPath, hasLiberation, env: process.env }) {
  const missing = [];
  if (!probe.env.CHROMIUM_PATH && !probe.onPath('chromium')) missing.push('chromium');
  if (!probe.onPath('soffice')) missing.push('libreoffice-writer-nogui');
  if (!probe.onPath('pdftoppm') || !probe.onPath('pdftotext')) missing.push('poppler-utils');
  if (!probe.hasLiberation()) missing.push('fonts-liberation');
  if (!probe.onPath('makensis')) missing.push('nsis');
  return missing;
}

export function installCommand(packages) {
  return `sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`;
}

/** Chromium-family browsers the E2E tests can drive on Windows and macOS when CHROMIUM_PATH is not set. */
const OTHER_BROWSERS = [
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** The browser for the E2E tests off Linux: CHROMIUM_PATH, else the first installed of OTHER_BROWSERS. */
export function browserForTests(env = process.env, exists = existsSync) {
  return env.CHROMIUM_PATH || OTHER_BROWSERS.find((p) => exists(p)) || null;
}

export function ensureSystemPackages() {
  if (process.platform !== 'linux') {
    // Windows/macOS: Edge or Chrome stands in for Debian's Chromium; LibreOffice checks skip without soffice.
    const browser = browserForTests();
    if (!browser) throw new Error('Không thấy trình duyệt cho kiểm thử E2E: đặt CHROMIUM_PATH tới chrome.exe hoặc msedge.exe.');
    process.env.CHROMIUM_PATH = browser;
    return;
  }
  const missing = missingSystemPackages();
  if (missing.length === 0) return;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync('/etc/debian_version')) {
    throw new Error(`Thiếu phần mềm cho kiểm thử: ${missing.join(', ')}. Hãy cài (Debian/Ubuntu): ${installCommand(missing)}`);
  }
  say(`Cài gói hệ thống: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', ...missing], { env });
}
