// The money side through the real window: two products, a contract with two lines for a customer, a
// two-installment plan, a partial receipt and the outstanding amount it leaves; a PDF attached to the
// contract, the app restarted, the PDF opened, and the decrypted copy hashed against the original. The
// file dialog answers from CRM_TEST_ATTACH_FILE and opening skips the system's app under
// CRM_TEST_NO_OPEN (both honoured by debug builds only).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { byTestId, byTestIdAndText, click, fill, launchPerFile, screenshot, settled, textOf, waitForText } from '../support/app.mjs';
import { createCustomer, openedOnOverview } from '../support/steps.mjs';

const work = mkdtempSync(path.join(os.tmpdir(), 'crm-e2e-money-'));
const pdfPath = path.join(work, '合同签字版.pdf');
// A real one-page PDF a viewer renders (with the cross-reference table it needs), and bytes of its own
// in a comment so that its hash means something.
function onePagePdf(text) {
  const content = `BT /F1 28 Tf 72 700 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = `%PDF-1.4\n%${Date.now()} ${'x'.repeat(300000)}\n`;
  const offsets = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out);
}
writeFileSync(pdfPath, onePagePdf('HT-2026-0001 signed'));
const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

const session = launchPerFile('money', { CRM_TEST_ATTACH_FILE: pdfPath, CRM_TEST_NO_OPEN: '1' });
let app;
before(async () => {
  app = await session.start();
});
after(() => session.stop());

/** Picks `text` in the antd Select with this test id, as a user types into it and presses Enter. */
async function choose(id, text) {
  await click(byTestId(app, id));
  await app.keys(text.split(''));
  await app.$(`//div[contains(@class,"ant-select-item-option") and contains(normalize-space(), "${text}")]`).waitForDisplayed({ timeout: 10000 });
  await app.keys('Enter');
}

/** Types a day into the antd DatePicker with this test id and confirms it. */
async function pickDay(id, day) {
  const input = app.$(`//*[@data-testid="${id}"]/descendant-or-self::input`);
  await click(input);
  await app.keys(['Control', 'a']);
  await app.keys('Backspace');
  await app.keys(day.split(''));
  await app.keys('Enter');
  await app.waitUntil(async () => (await input.getValue()) === day, { timeout: 5000, timeoutMsg: `${id} never showed ${day}` });
}

async function newProduct(name, code, price) {
  await click(byTestId(app, 'product-new'));
  await byTestId(app, 'product-form').waitForDisplayed({ timeout: 10000 });
  await fill(app, 'product-field-name', name);
  await fill(app, 'product-field-code', code);
  await fill(app, 'product-field-unit', '台');
  await fill(app, 'product-field-listPrice', price);
  await click(byTestId(app, 'product-save'));
  await byTestIdAndText(app, 'product-row-name', name).waitForDisplayed({ timeout: 10000 });
}

/** Opens the first contract of the contracts screen (no drawer may cover the menu). */
async function openContract() {
  await click(byTestId(app, 'nav-contracts'));
  await click(app.$('[data-testid="contract-row"] .ant-table-cell'));
  await byTestId(app, 'contract-detail').waitForDisplayed({ timeout: 10000 });
}

/** Closes every open drawer, as a user presses Esc until they are gone. */
async function closeDrawers() {
  await app.waitUntil(async () => {
    if ((await app.$$('.ant-drawer-open')).length === 0) return true;
    await app.keys('Escape');
    return false;
  }, { timeout: 15000, interval: 400, timeoutMsg: 'a drawer never closed' });
}

test('a contract with two product lines for a customer is worth their sum', async () => {
  await openedOnOverview(app);
  await click(byTestId(app, 'nav-settings'));
  await click(byTestId(app, 'lang-zh-CN'));
  await createCustomer(app, '北京华远科技有限公司');

  await click(byTestId(app, 'nav-products'));
  await newProduct('云服务器', 'YF-01', '1500');
  await newProduct('安装调试', 'AZ-01', '500');

  await click(byTestId(app, 'nav-customers'));
  await click(byTestIdAndText(app, 'customer-row-name', '北京华远科技有限公司'));
  await byTestId(app, 'customer-detail').waitForDisplayed();
  await app.waitUntil(async () => {
    await click(await settled(byTestId(app, 'tab-contracts')));
    return byTestId(app, 'contract-new').waitForDisplayed({ timeout: 2000 }).then(() => true, () => false);
  }, { timeout: 15000, interval: 100, timeoutMsg: 'the contracts tab never opened' });
  await click(byTestId(app, 'contract-new'));
  await byTestId(app, 'contract-form').waitForDisplayed({ timeout: 10000 });
  await fill(app, 'contract-field-title', '年度云服务合同');
  await choose('contract-field-status', '已签订');
  await click(byTestId(app, 'contract-line-add'));
  await choose('contract-line-product-0', '云服务器');
  await fill(app, 'contract-line-quantity-0', '2');
  await fill(app, 'contract-line-discount-0', '10');
  await click(byTestId(app, 'contract-line-add'));
  await choose('contract-line-product-1', '安装调试');
  await fill(app, 'contract-line-quantity-1', '1');
  await app.waitUntil(async () => (await textOf(app, 'contract-total')).includes('3,200.00'), {
    timeout: 5000, timeoutMsg: 'the total is not 2 × ¥1,500 at 10% off + ¥500',
  });
  assert.match(await textOf(app, 'contract-line-amount-0'), /2,700\.00/);
  await screenshot(app, 'contract-form');
  await click(byTestId(app, 'contract-save'));
  await byTestId(app, 'contract-form').waitForDisplayed({ reverse: true, timeout: 10000 });

  // The customer's contracts tab lists it; its row opens the contract over the customer.
  await click(app.$('[data-testid="customer-detail"] [data-testid="contract-row"] td'));
  await byTestId(app, 'contract-detail').waitForDisplayed({ timeout: 10000 });
  assert.match(await textOf(app, 'contract-number'), /^HT-\d{4}-0001$/, 'numbered by the default rule');
  assert.match(await textOf(app, 'contract-amount'), /3,200\.00/);
});

test('a two-installment plan and a partial receipt leave the rest outstanding', async () => {
  for (const [day, amount] of [['2026-12-31', '2000'], ['2027-06-30', '1200']]) {
    // The drawer may still be sliding in: click once the button stands still, until the dialog opens.
    await app.waitUntil(async () => {
      await click(await settled(byTestId(app, 'installment-add')));
      return byTestId(app, 'installment-form').waitForDisplayed({ timeout: 2000 }).then(() => true, () => false);
    }, { timeout: 15000, interval: 200, timeoutMsg: 'the installment dialog never opened' });
    await pickDay('installment-field-dueOn', day);
    await fill(app, 'installment-field-amount', amount);
    await click(byTestId(app, 'installment-save'));
    await byTestId(app, 'installment-form').waitForDisplayed({ reverse: true, timeout: 10000 });
  }
  await app.waitUntil(async () => (await app.$$('[data-testid="installment-row"]')).length === 2, {
    timeout: 10000, timeoutMsg: 'the plan does not show two installments',
  });
  assert.match(await textOf(app, 'contract-planned'), /3,200\.00/);

  await click(app.$('[data-testid="installment-row"] [data-testid="installment-receive"]'));
  await byTestId(app, 'receipt-form').waitForDisplayed({ timeout: 10000 });
  await fill(app, 'receipt-field-amount', '500');
  await click(byTestId(app, 'receipt-save'));
  await byTestId(app, 'receipt-form').waitForDisplayed({ reverse: true, timeout: 10000 });
  await app.waitUntil(async () => (await textOf(app, 'contract-outstanding')).includes('2,700.00'), {
    timeout: 10000, timeoutMsg: 'the outstanding amount is not ¥3,200 − ¥500',
  });
  assert.match(await textOf(app, 'contract-received'), /500\.00/);
  await byTestId(app, 'receipt-row').waitForDisplayed();
  await screenshot(app, 'contract-plan');
});

test('a receipt larger than what is due is refused with a message', async () => {
  await click(app.$('[data-testid="installment-row"] [data-testid="installment-receive"]'));
  await byTestId(app, 'receipt-form').waitForDisplayed({ timeout: 10000 });
  await fill(app, 'receipt-field-amount', '99999');
  await click(byTestId(app, 'receipt-save'));
  await waitForText(app, '超过');
  await screenshot(app, 'receipt-too-much');
  await app.keys('Escape');
  await byTestId(app, 'receipt-form').waitForDisplayed({ reverse: true, timeout: 10000 });
  assert.match(await textOf(app, 'contract-outstanding'), /2,700\.00/, 'nothing was recorded');
});

test('a PDF attached to the contract opens after a restart as a copy with the same hash', async () => {
  await click(byTestId(app, 'documents-attach'));
  await app.waitUntil(async () => (await app.$$('[data-testid="document-row"]')).length === 1, {
    timeout: 20000, timeoutMsg: 'the attached PDF is not listed',
  });
  assert.match(await app.$('[data-testid="document-row"]').getText(), /合同签字版\.pdf/);
  // The app shows a PDF itself (pdf.js draws it on a canvas).
  await click(app.$('[data-testid="document-row"] [data-testid="document-preview"]'));
  await byTestId(app, 'document-preview-modal').waitForDisplayed({ timeout: 10000 });
  await app.waitUntil(async () => app.execute(() => {
    const c = document.querySelector('canvas[data-testid="document-preview-pdf"]');
    if (!c || c.width === 0) return false;
    // Some pixel is not white: the page's text was drawn.
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    for (let i = 0; i < d.length; i += 4) if (d[i] < 128) return true;
    return false;
  }), { timeout: 20000, timeoutMsg: 'the PDF preview drew nothing' });
  await screenshot(app, 'document-preview');
  await app.keys('Escape');
  await byTestId(app, 'document-preview-modal').waitForDisplayed({ reverse: true, timeout: 10000 });

  app = await session.restart();
  await openedOnOverview(app);
  await openContract();
  await app.waitUntil(async () => (await app.$$('[data-testid="document-row"]')).length === 1, {
    timeout: 20000, timeoutMsg: 'the PDF is not there after the restart',
  });
  const opened = path.join(session.dataDir, 'opened');
  const findCopy = () => {
    try {
      for (const d of readdirSync(opened)) {
        for (const f of readdirSync(path.join(opened, d))) {
          const p = path.join(opened, d, f);
          if (!f.endsWith('.part') && statSync(p).size === statSync(pdfPath).size) return p;
        }
      }
    } catch { /* not there yet */ }
    return null;
  };
  // The drawer may still be sliding in after the restart: press 打开 once it stands still, again if the
  // click went astray.
  let copy = null;
  await app.waitUntil(async () => {
    await click(await settled(app.$('[data-testid="document-row"] [data-testid="document-open"]')));
    for (let i = 0; i < 30 && !copy; i++) {
      copy = findCopy();
      if (!copy) await new Promise((r) => setTimeout(r, 100));
    }
    return copy !== null;
  }, { timeout: 30000, interval: 100, timeoutMsg: 'no decrypted copy was written for the system app' }).catch(async (e) => {
    await screenshot(app, 'document-open-failed');
    throw e;
  });
  assert.equal(path.basename(copy), '合同签字版.pdf');
  assert.equal(sha256(copy), sha256(pdfPath), 'the copy the system app opens is the original, byte for byte');
  await screenshot(app, 'contract-documents');
});

test('the receivables screen shows what the book is still owed', async () => {
  await closeDrawers();
  await click(byTestId(app, 'nav-receivables'));
  await app.waitUntil(async () => (await textOf(app, 'receivables-outstanding')).includes('2,700.00'), {
    timeout: 10000, timeoutMsg: 'the book does not show ¥2,700.00 outstanding',
  });
  await byTestId(app, 'receivable-row').waitForDisplayed();
  await screenshot(app, 'receivables');
});
