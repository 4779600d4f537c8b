// Browser tests drive Debian's Chromium. Find it; as root with apt-get, install it; otherwise say how.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
const found = () => candidates.find((path) => existsSync(path));

if (found()) {
  console.log(`Chromium: ${found()}`);
  process.exit(0);
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (isRoot && hasApt) {
  console.log('Chromium not found: installing Debian package "chromium" with apt-get...');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (found()) {
    console.log(`Chromium: ${found()}`);
    process.exit(0);
  }
}
console.error(
  'Browser tests need Chromium and none was found.\n' +
    '  Debian/Ubuntu: sudo apt-get install chromium\n' +
    '  Or point CHROMIUM_PATH at a Chromium or Chrome binary.',
);
process.exit(1);
