// Excel in and out through the real window: a 1,000-row workbook with Chinese headers and a title row is
// imported (one column's mapping adjusted by the user), the counts shown, the list exported to xlsx and
// read back by openpyxl, and the import reverted. The file dialogs answer from CRM_TEST_IMPORT_FILE and
// CRM_TEST_SAVE_DIR (honoured by debug builds only).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { byTestId, click, launchPerFile, screenshot, textOf, textsOf } from '../support/app.mjs';
import { localToday, openedOnOverview } from '../support/steps.mjs';

const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const work = mkdtempSync(path.join(os.tmpdir(), 'crm-e2e-excel-'));
const source = path.join(work, '客户名单.xlsx');
const saveDir = path.join(work, 'saved');

function python(script, ...args) {
  const r = spawnSync(PYTHON, ['-c', script, ...args], { encoding: 'utf8' });
  assert.equal(r.status, 0, `python failed: ${r.stderr}`);
  return r.stdout.trim();
}

// The workbook a user brings: a title row, then 公司名称 / 手机号码 / 省份 / 客户等级 / 备注. 客户等级 is no
// header the app knows, so the user maps it to 级别 by hand.
python(`
import openpyxl, sys
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "名单"
ws.append(["2026年客户名单"])
ws.append(["公司名称", "手机号码", "省份", "客户等级", "备注"])
for i in range(1, 1001):
    ws.append([f"测试客户{i:04d}有限公司", 13800000000 + i, "广东省", "ABC"[i % 3], f"第{i}行"])
wb.save(sys.argv[1])
`, source);
spawnSync('mkdir', ['-p', saveDir]);

const session = launchPerFile('excel', { CRM_TEST_IMPORT_FILE: source, CRM_TEST_SAVE_DIR: saveDir });
let app;
before(async () => {
  app = await session.start();
});
after(() => session.stop());

/** What column `i` is mapped to, as its select shows it (antd puts the test id on the select's input). */
function mappedTo(i) {
  return app.execute((id) => {
    const el = document.querySelector(`[data-testid="${id}"]`);
    return (el?.closest('.ant-select') ?? el)?.textContent ?? '';
  }, `map-${i}`);
}

async function customerNames() {
  await click(byTestId(app, 'nav-customers'));
  await byTestId(app, 'customer-new').waitForDisplayed({ timeout: 10000 });
  return textsOf(app, 'customer-row-name');
}

test('a 1,000-row workbook with Chinese headers imports after one mapping is adjusted', async () => {
  await openedOnOverview(app);
  await click(byTestId(app, 'nav-settings'));
  await click(byTestId(app, 'lang-zh-CN'));
  await click(byTestId(app, 'nav-import'));
  await click(byTestId(app, 'import-pick'));
  await byTestId(app, 'import-mapping').waitForDisplayed({ timeout: 20000 });
  assert.match(await textOf(app, 'import-rows-info'), /共 1,000 行，表头在第 2 行/, 'the file holds 1,000 customers under a title row');
  assert.equal(await textOf(app, 'column-3'), '客户等级');
  assert.match(await mappedTo(3), /不导入/, 'an unknown header is left out until the user maps it');
  assert.match(await mappedTo(0), /客户名称/, '公司名称 is recognised as the customer name');

  await click(byTestId(app, 'map-3'));
  await app.keys('级别'.split(''));
  await app.keys('Enter');
  await app.waitUntil(async () => /级别/.test(await mappedTo(3)), {
    timeout: 5000, timeoutMsg: 'the mapping of 客户等级 did not change to 级别',
  });
  await screenshot(app, 'import-mapping');

  await click(byTestId(app, 'import-dry-run'));
  await byTestId(app, 'import-dry-run-note').waitForDisplayed({ timeout: 30000 });
  assert.equal(await textOf(app, 'count-created'), '1000', 'the dry run says what would be created');
  assert.deepEqual(await customerNames(), [], 'and writes nothing');

  await click(byTestId(app, 'nav-import'));
  await click(byTestId(app, 'import-pick'));
  await byTestId(app, 'import-mapping').waitForDisplayed({ timeout: 20000 });
  await click(byTestId(app, 'map-3'));
  await app.keys('级别'.split(''));
  await app.keys('Enter');
  await click(byTestId(app, 'import-run'));
  await byTestId(app, 'import-done-note').waitForDisplayed({ timeout: 60000 });
  assert.equal(await textOf(app, 'count-created'), '1000');
  assert.equal(await textOf(app, 'count-rejected'), '0');
  await screenshot(app, 'import-result');
  const names = await customerNames();
  assert.ok(names.length > 0 && names.every((n) => /^测试客户\d{4}有限公司$/.test(n)), `the list shows the imported customers: ${names.slice(0, 3)}`);
});

test('the list exports to an xlsx that a second reader sees typed and whole', async () => {
  await click(byTestId(app, 'export-menu'));
  await click(byTestId(app, 'export-all-xlsx'));
  await byTestId(app, 'export-done').waitForDisplayed({ timeout: 60000 });
  const file = path.join(saveDir, `客户-${localToday()}.xlsx`);
  assert.ok(existsSync(file), `the export is where the save dialog put it: ${readdirSync(saveDir)}`);
  const seen = JSON.parse(python(`
import json, openpyxl, sys, collections
ws = openpyxl.load_workbook(sys.argv[1], read_only=True).worksheets[0]
rows = list(ws.iter_rows(values_only=True))
head = list(rows[0])
col = lambda name: [r[head.index(name)] for r in rows[1:]]
print(json.dumps({
  "title": ws.title, "rows": len(rows) - 1,
  "levels": dict(collections.Counter(col("级别"))),
  "mobile": sorted(col("手机"))[0],
  "created": type(col("创建时间")[0]).__name__,
}, ensure_ascii=False))
`, file));
  assert.equal(seen.title, '客户');
  assert.equal(seen.rows, 1000, 'every customer is in the file');
  assert.deepEqual(seen.levels, { A: 333, B: 334, C: 333 }, 'the column mapped by hand came through');
  assert.equal(seen.mobile, '13800000001', 'a phone is text with all its digits');
  assert.equal(seen.created, 'datetime', 'a time is an Excel date');
});

test('reverting the import removes its customers', async () => {
  await click(byTestId(app, 'nav-import'));
  await byTestId(app, 'import-history').waitForDisplayed({ timeout: 10000 });
  await click(byTestId(app, 'revert-1'));
  await click(byTestId(app, 'revert-confirm'));
  await byTestId(app, 'reverted-1').waitForDisplayed({ timeout: 30000 });
  await screenshot(app, 'import-reverted');
  assert.deepEqual(await customerNames(), [], 'the customers the import created are gone');
});
