// Screenshots of screens of the real app on an existing store, to look at them as a user would. Not part
// of the test suite.
//
//   CRM_DATA_DIR=/tmp/d5k CRM_PASSPHRASE=… CRM_LANGUAGE=en \
//     xvfb-run -a -s "-screen 0 1600x1000x24" env DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/bus \
//     node tests/e2e/tools/shots.mjs OUT_DIR dashboard salesReport rfm …
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { byTestId, fill, openApp, startDriver } from '../support/app.mjs';

const [outDir, ...screens] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
const dir = process.env.CRM_DATA_DIR;
const settingsPath = path.join(dir, 'settings.json');
const settings = existsSync(settingsPath) ? JSON.parse(readFileSync(settingsPath, 'utf8')) : {};
writeFileSync(settingsPath, JSON.stringify({ ...settings, language: process.env.CRM_LANGUAGE ?? 'zh-CN' }));
const driver = await startDriver({ CRM_DATA_DIR: dir });
const app = await openApp(driver);
try {
  await app.setWindowSize(1600, 1000);
  if (await byTestId(app, 'passphrase-input').isExisting()) {
    await fill(app, 'passphrase-input', process.env.CRM_PASSPHRASE ?? '');
    await byTestId(app, 'passphrase-submit').click();
  }
  await byTestId(app, 'nav-dashboard').waitForDisplayed({ timeout: 30000 });
  for (const screen of screens) {
    if (screen !== "dashboard" && !["today", "customers"].includes(screen) && !(await byTestId(app, `nav-${screen}`).isDisplayed())) {
      await byTestId(app, 'nav-analysis').click();
      await app.pause(500);
    }
    await byTestId(app, `nav-${screen}`).click();
    await app.pause(500);
    await app.waitUntil(async () => !(await byTestId(app, 'report-busy').isExisting()), { timeout: 120000, interval: 200 });
    await app.pause(800);
    await app.saveScreenshot(path.join(outDir, `${screen}-${process.env.CRM_LANGUAGE ?? 'zh-CN'}.png`));
    console.log('shot', screen);
  }
} finally {
  await app.deleteSession().catch(() => {});
  driver.stop();
}
