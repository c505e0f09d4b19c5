// Customer 360 through the real window: a customer with two contacts (the first is primary), a follow-up due
// today in Today, the global search (Ctrl+K) by pinyin initials, pinyin and phone fragment, the duplicate
// warning on save, and the duplicate scan, merge and undo.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  byTestId, byTestIdAndText, click, fill, launchPerFile, screenshot, settled, textsOf,
} from '../support/app.mjs';
import { closeDetail as closeDetailOf, logFollowUpDueToday, openedOnOverview } from '../support/steps.mjs';

const session = launchPerFile('customer-360');
let app;
before(async () => {
  app = await session.start();
});
after(() => session.stop());

async function addContact(name, mobile) {
  await click(byTestId(app, 'contact-add'));
  await fill(app, 'contact-field-name', name);
  if (mobile) await fill(app, 'contact-field-mobile', mobile);
  await click(byTestId(app, 'contact-save'));
  await app.waitUntil(async () => (await textsOf(app, 'contact-name')).includes(name), {
    timeout: 10000,
    timeoutMsg: `${name} never appeared among the contacts`,
  });
}

async function search(text) {
  await app.keys(['Control', 'k']);
  await byTestId(app, 'search-input').waitForDisplayed({ timeout: 5000 });
  await fill(app, 'search-input', text);
}

const closeDetail = () => closeDetailOf(app);

test('a customer gets two contacts, the first of them primary', async () => {
  await openedOnOverview(app);
  await click(byTestId(app, 'nav-settings'));
  await click(byTestId(app, 'lang-zh-CN'));
  await click(byTestId(app, 'nav-customers'));
  await click(byTestId(app, 'customer-new'));
  await fill(app, 'field-name', '北京华远科技有限公司');
  await click(byTestId(app, 'customer-save'));
  await byTestId(app, 'customer-form').waitForDisplayed({ reverse: true, timeout: 10000 });
  await click(byTestIdAndText(app, 'customer-row-name', '北京华远科技有限公司'));
  await byTestId(app, 'customer-detail').waitForDisplayed();
  await addContact('张三', '13800138000');
  await addContact('李四');
  assert.deepEqual(await textsOf(app, 'contact-name'), ['张三', '李四'], 'the primary contact is listed first');
  const rows = await textsOf(app, 'contact-row');
  assert.match(rows[0], /主要/, 'the first contact is marked primary');
  assert.doesNotMatch(rows[1], /主要/);
  await screenshot(app, 'customer-contacts');
  await closeDetail();
});

test('a follow-up whose next date is today shows up in Today', async () => {
  await logFollowUpDueToday(app, '北京华远科技有限公司', '电话沟通报价，客户下午回电');
  await screenshot(app, 'customer-timeline');
  await closeDetail();
  await click(byTestId(app, 'nav-today'));
  await app.waitUntil(async () => (await byTestId(app, 'today-today').getText()).includes('北京华远科技有限公司'), {
    timeout: 10000,
    timeoutMsg: 'the follow-up due today is not in Today',
  });
  await screenshot(app, 'today');
  await click(byTestId(app, 'reminder-done'));
  await app.waitUntil(async () => !(await byTestId(app, 'today-today').getText()).includes('北京华远科技有限公司'), {
    timeout: 10000,
    timeoutMsg: 'done did not take the reminder away',
  });
  await click(byTestId(app, 'nav-customers'));
});

test('Ctrl+K "hy" finds 北京华远科技有限公司 and Enter opens it', async () => {
  await search('hy');
  await app.waitUntil(async () => (await textsOf(app, 'search-hit-name')).includes('北京华远科技有限公司'), {
    timeout: 10000,
    timeoutMsg: 'hy never found 北京华远科技有限公司',
  });
  await screenshot(app, 'search-palette');
  await app.keys('Enter');
  await byTestId(app, 'customer-detail').waitForDisplayed({ timeout: 10000 });
  assert.ok((await textsOf(app, 'contact-name')).includes('张三'), 'the customer opened with its contacts');
  await closeDetail();
});

test('a contact is found by pinyin and by part of the mobile, and leads to its customer', async () => {
  for (const q of ['zhangsan', '0013']) {
    await search(q);
    await app.waitUntil(async () => (await textsOf(app, 'search-hit-name'))[0] === '张三', {
      timeout: 10000,
      timeoutMsg: `${q} never found 张三 first`,
    });
    await click(byTestIdAndText(app, 'search-hit-name', '张三'));
    await byTestId(app, 'customer-detail').waitForDisplayed({ timeout: 10000 });
    await closeDetail();
  }
});

test('creating 华远科技有限公司 warns that it may be 北京华远科技有限公司', async () => {
  await click(byTestId(app, 'customer-new'));
  await fill(app, 'field-name', '华远科技有限公司');
  await app.waitUntil(async () => (await textsOf(app, 'duplicate-name')).includes('北京华远科技有限公司'), {
    timeout: 10000,
    timeoutMsg: 'no duplicate warning named 北京华远科技有限公司',
  });
  const warning = await byTestId(app, 'duplicate-warning').getText();
  assert.match(warning, /名称相近/, 'the warning says why');
  await screenshot(app, 'duplicate-warning');
  // A warning, not a block: the user saves it anyway (with a mobile the older record lacks).
  await fill(app, 'field-mobile', '13912345678');
  await click(byTestId(app, 'customer-save'));
  await byTestId(app, 'customer-form').waitForDisplayed({ reverse: true, timeout: 10000 });
  await click(byTestIdAndText(app, 'customer-row-name', '华远科技有限公司'));
  await byTestId(app, 'customer-detail').waitForDisplayed();
  await addContact('王五');
  await closeDetail();
});

async function openCustomer(name) {
  // The list reloads after a merge; a click during the reload can be reported as intercepted although the
  // drawer opens. Click until the drawer shows this customer.
  await app.waitUntil(async () => {
    const detail = byTestId(app, 'customer-detail');
    if (await detail.isDisplayed() && (await app.$('.ant-drawer-open .ant-drawer-title').getText()) === name) return true;
    if (!(await detail.isDisplayed())) await byTestIdAndText(app, 'customer-row-name', name).click().catch(() => {});
    return false;
  }, { timeout: 15000, interval: 300, timeoutMsg: `${name} never opened` });
}

async function contactsOf(name) {
  await openCustomer(name);
  await app.waitUntil(async () => (await textsOf(app, 'contact-name')).length > 0, { timeout: 10000, timeoutMsg: `${name} shows no contacts` });
  const names = await textsOf(app, 'contact-name');
  return names;
}

test('the duplicate scan finds the two 华远, the merge moves the contacts to the survivor, and undo puts both back', async () => {
  await click(byTestId(app, 'nav-duplicates'));
  await click(byTestId(app, 'duplicate-scan'));
  await app.waitUntil(async () => {
    const members = await textsOf(app, 'duplicate-member');
    return members.includes('北京华远科技有限公司') && members.includes('华远科技有限公司');
  }, { timeout: 15000, timeoutMsg: 'the scan did not group the two 华远' });
  await screenshot(app, 'duplicates');
  await click(byTestId(app, 'duplicate-merge'));
  await byTestId(app, 'merge-dialog').waitForDisplayed({ timeout: 10000 });
  // The older customer survives; it lacks a mobile, so the other's is proposed — the user keeps that and
  // explicitly keeps the survivor's name.
  await click(byTestId(app, 'merge-pick-name-survivor'));
  const dialog = await byTestId(app, 'merge-dialog').getText();
  assert.match(dialog, /13912345678/, 'the dialog shows the values to choose from');
  await screenshot(app, 'merge-dialog');
  await click(byTestId(app, 'merge-confirm'));
  await byTestId(app, 'merged-message').waitForDisplayed({ timeout: 10000 });
  await app.waitUntil(async () => !(await textsOf(app, 'duplicate-member')).includes('华远科技有限公司'), {
    timeout: 10000,
    timeoutMsg: 'the merged group stayed on the duplicates page',
  });

  await click(byTestId(app, 'nav-customers'));
  await app.waitUntil(async () => !(await textsOf(app, 'customer-row-name')).includes('华远科技有限公司'), {
    timeout: 10000,
    timeoutMsg: 'the merged-away customer is still listed',
  });
  assert.deepEqual(await contactsOf('北京华远科技有限公司'), ['张三', '李四', '王五'], 'the survivor has the contacts of both');
  assert.match(await byTestId(app, 'customer-detail').getText(), /13912345678/, 'the survivor took the mobile');
  await screenshot(app, 'merged-survivor');

  await app.waitUntil(async () => {
    await click(await settled(byTestId(app, 'tab-timeline')));
    return byTestId(app, 'timeline-undo-merge').waitForDisplayed({ timeout: 2000 }).then(() => true, () => false);
  }, { timeout: 15000, interval: 100, timeoutMsg: 'the merge is not on the timeline' });
  await click(byTestId(app, 'timeline-undo-merge'));
  await click(app.$('.ant-popconfirm .ant-btn-primary'));
  await byTestId(app, 'timeline-merge-undone').waitForDisplayed({ timeout: 10000 });
  await closeDetail();

  await app.waitUntil(async () => (await textsOf(app, 'customer-row-name')).includes('华远科技有限公司'), {
    timeout: 10000,
    timeoutMsg: 'undo did not bring 华远科技有限公司 back to the list',
  });
  assert.deepEqual(await contactsOf('北京华远科技有限公司'), ['张三', '李四'], 'the survivor has its own contacts again');
  assert.doesNotMatch(await byTestId(app, 'customer-detail').getText(), /13912345678/, 'and no longer the mobile');
  await closeDetail();
  assert.deepEqual(await contactsOf('华远科技有限公司'), ['王五'], 'the other customer has its contact back');
  await closeDetail();
});
