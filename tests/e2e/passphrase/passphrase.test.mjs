// The passphrase path through the real window where no keychain answers: choose a passphrase on the
// first start, restart and unlock with it; a wrong one is refused and the data is intact.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { byTestId, click, fill, launchPerFile, screenshot, textOf, textsOf } from '../support/app.mjs';
import { openedOnOverview } from '../support/steps.mjs';

const PASSPHRASE = '春眠不觉晓 处处闻啼鸟';
const session = launchPerFile('passphrase');
const dataDir = session.dataDir;
let app;
before(async () => {
  app = await session.start();
});
after(() => session.stop());

/** The store file and its write-ahead log, as bytes. */
function storeBytes() {
  const wal = path.join(dataDir, 'crm.db-wal');
  return Buffer.concat([readFileSync(path.join(dataDir, 'crm.db')), existsSync(wal) ? readFileSync(wal) : Buffer.alloc(0)]);
}

test('without a keychain the first start asks for a new passphrase and then opens the store', async () => {
  await byTestId(app, 'passphrase-confirm').waitForDisplayed({ timeout: 20000 });
  await screenshot(app, 'set-passphrase');
  await fill(app, 'passphrase-input', PASSPHRASE);
  await fill(app, 'passphrase-confirm', PASSPHRASE);
  await click(byTestId(app, 'passphrase-submit'));
  await openedOnOverview(app);
  const keyFile = JSON.parse(readFileSync(path.join(dataDir, 'key.json'), 'utf8'));
  assert.equal(keyFile.source, 'passphrase');
  assert.ok(!JSON.stringify(keyFile).includes(PASSPHRASE), 'the passphrase is never written down');

  await click(byTestId(app, 'customer-new'));
  await fill(app, 'field-name', '上海申通小吃店');
  await click(byTestId(app, 'customer-save'));
  await byTestId(app, 'customer-form').waitForDisplayed({ reverse: true, timeout: 10000 });
});

test('after a restart a wrong passphrase is refused with a message and changes nothing', async () => {
  app = await session.restart();
  await byTestId(app, 'passphrase-input').waitForDisplayed({ timeout: 20000 });
  // Taken once the new window asks, when the old process has finished its last checkpoint.
  const before = storeBytes();
  assert.equal(await byTestId(app, 'passphrase-confirm').isExisting(), false, 'an existing store is unlocked, not re-created');
  await fill(app, 'passphrase-input', '夜来风雨声 花落知多少');
  await click(byTestId(app, 'passphrase-submit'));
  // The test machine's OS language is English (C.UTF-8) and no language was chosen: the UI follows the OS.
  assert.equal(await textOf(app, 'unlock-error', 20000), 'Wrong passphrase; nothing was changed');
  await screenshot(app, 'wrong-passphrase');
  assert.ok(storeBytes().equals(before), 'a wrong passphrase writes nothing');
});

test('the right passphrase unlocks the store with the data intact', async () => {
  await fill(app, 'passphrase-input', PASSPHRASE);
  await click(byTestId(app, 'passphrase-submit'));
  await openedOnOverview(app);
  await app.waitUntil(
    async () => (await textsOf(app, 'customer-row-name')).includes('上海申通小吃店'),
    { timeout: 20000, timeoutMsg: 'the customer is not there after unlocking' },
  );
});
