'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

/** Where @sparticuz/chromium's browser is unpacked: once per machine, reused by every run after. */
const UNPACK_DIR = path.join(os.tmpdir(), 'participation-chromium');

/**
 * The Chromium the browser suites drive: the system's when installed, else the one @sparticuz/chromium
 * carries, unpacked (a few seconds, the first time only). Called once in global setup; the workers read
 * the answer from PARTICIPATION_CHROMIUM (tests/harness/browser.ts).
 */
const chromiumPath = async () => {
  if (fs.existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  fs.mkdirSync(UNPACK_DIR, { recursive: true });
  // The package unpacks into os.tmpdir() and reuses what it finds there: point that at our own directory
  // for the call, so that a stale or foreign /tmp/chromium is never picked up.
  const tmpdir = process.env.TMPDIR;
  process.env.TMPDIR = UNPACK_DIR;
  try {
    const { default: Chromium } = await import('@sparticuz/chromium');
    return await Chromium.executablePath();
  } finally {
    if (tmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmpdir;
  }
};

module.exports = { chromiumPath };
