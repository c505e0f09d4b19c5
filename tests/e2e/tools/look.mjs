// Opens the real app window on an existing store (e.g. a `crmctl bench` store of 1M customers), takes a
// screenshot, and measures what a user feels while scrolling: the time from scrolling to the end of the
// loaded rows until the next page is on screen. Not part of the test suite; prints figures.
//
//   CRM_DATA_DIR=/tmp/crm-bench-1000000 CRM_PASSPHRASE=crm-bench-passphrase \
//     xvfb-run -a env DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/bus node tests/e2e/tools/look.mjs OUT.png
import { byTestId, fill, openApp, startDriver, textOf } from '../support/app.mjs';

const out = process.argv[2] ?? 'look.png';
const driver = await startDriver({ CRM_DATA_DIR: process.env.CRM_DATA_DIR });
const app = await openApp(driver);
try {
  if (await byTestId(app, 'passphrase-input').isExisting()) {
    await fill(app, 'passphrase-input', process.env.CRM_PASSPHRASE ?? '');
    await byTestId(app, 'passphrase-submit').click();
  }
  await byTestId(app, 'customer-row-name').waitForDisplayed({ timeout: 30000 });
  console.log('count:', await textOf(app, 'customer-count'));
  await app.saveScreenshot(out);

  // Wheel input, as a user scrolls: each turn goes to the end of the loaded rows and waits for the next page.
  const holder = await app.$('.ant-table-tbody-virtual-holder');
  const height = () => app.execute(() => document.querySelector('.ant-table-tbody-virtual-holder').scrollHeight);
  const pageTimes = [];
  for (let i = 0; i < 30; i++) {
    const before = await height();
    const start = Date.now();
    await app.action('wheel').scroll({ origin: holder, deltaY: before }).perform();
    await app.waitUntil(async () => (await height()) > before, { timeout: 10000, interval: 10 });
    pageTimes.push(Date.now() - start);
  }
  pageTimes.sort((a, b) => a - b);
  const pick = (q) => pageTimes[Math.min(pageTimes.length - 1, Math.ceil(q * pageTimes.length) - 1)];
  console.log(`window.next_page_on_screen_ms: p50 ${pick(0.5)}, p95 ${pick(0.95)} over ${pageTimes.length} pages (WebDriver round trips included)`);
  console.log('rows loaded:', (await height()) / 48);
} finally {
  await app.deleteSession().catch(() => {});
  driver.stop();
}
