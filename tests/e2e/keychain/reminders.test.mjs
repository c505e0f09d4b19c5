// Reminders through the real window: the look-ahead from Settings changes Today, and a follow-up due today is
// announced by a desktop notification when the app starts. The notification is watched where it goes: a
// `dbus-monitor` on the test's own session bus sees the app's Notify call to org.freedesktop.Notifications.
// With "close to tray" on, the close button (sent as a window manager sends it) hides the window and the app
// runs on; starting it again shows the window; with it off, the close button quits.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import {
  BIN, ROOT, byTestId, click, fill, launchPerFile, screenshot, waitForAppExit, waitForText,
} from '../support/app.mjs';
import { closeDetail, createCustomer, logFollowUpDueToday, openedOnOverview } from '../support/steps.mjs';

const session = launchPerFile('reminders');
let app;
let monitor;
let heard = '';
before(async () => {
  monitor = spawn('dbus-monitor', ['--session', "interface='org.freedesktop.Notifications',member='Notify'"]);
  monitor.stdout.on('data', (d) => { heard += d.toString(); });
  app = await session.start();
});
after(async () => {
  monitor?.kill();
  await session.stop();
});

test('the look-ahead chosen in Settings is the one Today shows', async () => {
  await openedOnOverview(app);
  await click(byTestId(app, 'nav-settings'));
  await click(byTestId(app, 'lang-zh-CN'));
  await fill(app, 'settings-ahead-days', '14');
  await click(byTestId(app, 'settings-save'));
  await waitForText(app, '设置已保存');
  await screenshot(app, 'settings-reminders');
  await click(byTestId(app, 'nav-today'));
  // The upcoming list's heading names the look-ahead. (WebKit's WebDriver leaves card headings, which
  // clip their overflow, out of getText: read the document's text instead.)
  await app.waitUntil(async () => (await app.execute(() => document.body.textContent)).includes('未来 14 天'), {
    timeout: 10000,
    timeoutMsg: 'Today does not look 14 days ahead',
  });
});

test('a follow-up due today is announced by a desktop notification when the app starts', async () => {
  await createCustomer(app, '福州金腾机械有限公司');
  await logFollowUpDueToday(app, '福州金腾机械有限公司', '约好今天回电');
  await closeDetail(app);
  app = await session.restart();
  await app.waitUntil(async () => heard.includes('提醒到期') && heard.includes('福州金腾机械有限公司'), {
    timeout: 20000,
    timeoutMsg: `no Notify call naming the customer reached the session bus; heard: ${heard.slice(-500)}`,
  });
  assert.match(heard, /今天有 1 项提醒到期/, 'the title counts what is due, in the chosen language');
  // Announced once a day: another start that day says nothing new.
  const before = heard.length;
  app = await session.restart();
  await byTestId(app, 'nav-today').waitForDisplayed({ timeout: 20000 });
  await new Promise((r) => setTimeout(r, 3000));
  assert.doesNotMatch(heard.slice(before), /提醒到期/, 'the same reminder is not announced twice');
});

const TITLE = '客源 CRM';
/** The window as the X server sees it: viewable, hidden (unmapped) or none. */
const windowState = () => spawnSync('/usr/bin/python3', [path.join(ROOT, 'tests/e2e/tools/window.py'), 'state', TITLE], { encoding: 'utf8' }).stdout.trim();
const pressClose = () => {
  const r = spawnSync('/usr/bin/python3', [path.join(ROOT, 'tests/e2e/tools/window.py'), 'close', TITLE], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
};
const appRunning = () => spawnSync('pgrep', ['-f', `^${BIN}( |$)`]).status === 0;
async function until(check, what, timeout = 10000) {
  const end = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function setCloseToTray(on) {
  await click(byTestId(app, 'nav-settings'));
  const box = byTestId(app, 'settings-close-to-tray');
  await box.waitForDisplayed({ timeout: 10000 });
  const checked = await app.$('//label[.//*[@data-testid="settings-close-to-tray"]]//input').isSelected();
  if (checked !== on) await click(box);
  await click(byTestId(app, 'settings-save'));
  // Saved when the app says so (a "saved" message from an earlier save may still be on screen).
  await app.waitUntil(
    async () => (await app.executeAsync((done) => window.__TAURI_INTERNALS__.invoke('get_settings').then((s) => done(s.closeToTray)))) === on,
    { timeout: 10000, timeoutMsg: `close to tray was not saved as ${on}` },
  );
}

test('with "close to tray" on, closing hides the window and the app runs on; starting it again shows it', async () => {
  await setCloseToTray(true);
  assert.equal(windowState(), 'viewable');
  pressClose();
  await until(() => windowState() === 'hidden', 'the window is hidden');
  assert.ok(appRunning(), 'the app keeps running (its reminders with it)');
  // A second start hands over to the running app (single instance), which shows its window again.
  const second = spawnSync(BIN, [], { env: { ...process.env, CRM_DATA_DIR: session.dataDir }, timeout: 20000 });
  assert.equal(second.status, 0, 'the second start ends at once');
  await until(() => windowState() === 'viewable', 'the window is shown again');
  await byTestId(app, 'nav-today').waitForDisplayed({ timeout: 10000 });
});

test('with "close to tray" off, closing the window quits the app', async () => {
  await setCloseToTray(false);
  pressClose();
  await waitForAppExit(15000);
  assert.equal(windowState(), 'none');
});
