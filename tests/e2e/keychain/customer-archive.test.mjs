// The customer archive through the real window with the OS keychain (gnome-keyring): create with a valid
// 统一社会信用代码, an invalid one refused on screen, restart and find it, trash and restore, switch the
// language, and the store file on disk is encrypted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  byTestId, byTestIdAndText, click, fill, launchPerFile, screenshot, settled, textOf, textsOf, waitForText,
} from '../support/app.mjs';
import { openedOnOverview } from '../support/steps.mjs';

const session = launchPerFile('keychain');
const dataDir = session.dataDir;
let app;
before(async () => {
  app = await session.start();
});
after(() => session.stop());

async function goTo(nav) {
  await click(byTestId(app, `nav-${nav}`));
}

async function chooseLanguage(lang) {
  await goTo('settings');
  await click(byTestId(app, `lang-${lang}`));
}

const rowNames = (testId = 'customer-row-name') => textsOf(app, testId);

test('the first start opens a new store with its key in the keychain, without asking', async () => {
  await openedOnOverview(app);
  const keyFile = JSON.parse(readFileSync(path.join(dataDir, 'key.json'), 'utf8'));
  assert.equal(keyFile.source, 'keychain', 'the key went to the OS keychain, not a passphrase');
});

test('an invalid 统一社会信用代码 is refused with a visible message and nothing is saved', async () => {
  await chooseLanguage('zh-CN');
  await goTo('customers');
  await click(byTestId(app, 'customer-new'));
  await fill(app, 'field-name', '北京华远科技有限公司');
  await fill(app, 'field-uscc', '91110108551385082A');
  await click(byTestId(app, 'customer-save'));
  await app.waitUntil(async () => (await byTestId(app, 'item-uscc').getText()).includes('校验位不正确'), {
    timeout: 10000,
    timeoutMsg: 'the uscc field never showed the check-character error',
  });
  await screenshot(app, 'invalid-uscc');
  assert.match(await textOf(app, 'customer-count'), /\b0\b/, 'the refused customer was not saved');
});

test('a company with a valid code is created and listed', async () => {
  await fill(app, 'field-uscc', '91110108551385082Q');
  await click(byTestId(app, 'customer-save'));
  await byTestId(app, 'customer-form').waitForDisplayed({ reverse: true, timeout: 10000 });
  await app.waitUntil(async () => (await rowNames()).includes('北京华远科技有限公司'), {
    timeout: 10000,
    timeoutMsg: 'the new customer never appeared in the list',
  });
  assert.match(await textOf(app, 'customer-count'), /\b1\b/);
  await screenshot(app, 'customer-list');
});

test('after quitting and starting again the customer is still there', async () => {
  app = await session.restart();
  await openedOnOverview(app);
  await app.waitUntil(async () => (await rowNames()).includes('北京华远科技有限公司'), {
    timeout: 20000,
    timeoutMsg: 'the customer did not survive a restart',
  });
});

test('a trashed customer leaves the list and comes back when restored', async () => {
  await click(byTestIdAndText(app, 'customer-row-name', '北京华远科技有限公司'));
  await byTestId(app, 'customer-detail').waitForDisplayed();
  // The UI asks before moving a customer to the trash. The drawer slides in; a click while it moves can
  // miss the button, so click until the question shows.
  await app.waitUntil(async () => {
    await click(await settled(byTestId(app, 'customer-trash'))).catch(() => {});
    return app.$('.ant-popconfirm .ant-btn-primary').waitForDisplayed({ timeout: 2000 }).then(() => true, () => false);
  }, { timeout: 15000, interval: 100, timeoutMsg: 'the trash question never showed' });
  await click(app.$('.ant-popconfirm .ant-btn-primary'));
  await byTestId(app, 'customer-detail').waitForDisplayed({ reverse: true, timeout: 10000 });
  await app.waitUntil(async () => !(await rowNames()).includes('北京华远科技有限公司'), {
    timeout: 10000,
    timeoutMsg: 'the trashed customer stayed in the list',
  });
  await goTo('trash');
  await app.waitUntil(async () => (await rowNames('trash-row-name')).includes('北京华远科技有限公司'), {
    timeout: 10000,
    timeoutMsg: 'the trashed customer is not in the trash',
  });
  await click(byTestId(app, 'trash-restore'));
  await app.waitUntil(async () => (await rowNames('trash-row-name')).length === 0, { timeout: 10000 });
  await goTo('customers');
  await app.waitUntil(async () => (await rowNames()).includes('北京华远科技有限公司'), {
    timeout: 10000,
    timeoutMsg: 'the restored customer is not back in the list',
  });
});

test('switching the language changes the whole window and is remembered', async () => {
  await chooseLanguage('en');
  await waitForText(app, 'Customers');
  assert.equal(await byTestId(app, 'nav-trash').getText(), 'Trash');
  await chooseLanguage('zh-TW');
  await app.waitUntil(async () => (await byTestId(app, 'nav-trash').getText()) === '資源回收筒', {
    timeout: 5000,
    timeoutMsg: 'the menu did not switch to Traditional Chinese',
  });
  await screenshot(app, 'settings-zh-TW');
  app = await session.restart();
  await app.waitUntil(async () => (await byTestId(app, 'nav-trash').getText()) === '資源回收筒', {
    timeout: 10000,
    timeoutMsg: 'the language choice was not remembered across a restart',
  });
  await chooseLanguage('zh-CN');
  await goTo('customers');
  await app.waitUntil(async () => (await rowNames()).length > 0, { timeout: 10000 });
  await screenshot(app, 'readme');
});

test('the store file is encrypted: no SQLite header, and plain sqlite3 cannot read it', async () => {
  const file = path.join(dataDir, 'crm.db');
  const head = readFileSync(file).subarray(0, 16).toString('latin1');
  assert.notEqual(head, 'SQLite format 3\0', 'an encrypted store has no plain header');
  assert.throws(
    () => execFileSync('sqlite3', [file, 'SELECT count(*) FROM sqlite_master;'], { stdio: 'pipe' }),
    /not a database|encrypted/,
    'plain sqlite3 must fail to read the store',
  );
});
