// Reminders through the real window: the look-ahead from Settings changes Today, and a follow-up due today is
// announced by a desktop notification when the app starts. The notification is watched where it goes: a
// `dbus-monitor` on the test's own session bus sees the app's Notify call to org.freedesktop.Notifications.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { byTestId, click, fill, launchPerFile, screenshot, waitForText } from '../support/app.mjs';
import { closeDetail, createCustomer, logFollowUpDueToday } from '../support/steps.mjs';

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
  await byTestId(app, 'customer-new').waitForDisplayed({ timeout: 20000 });
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
