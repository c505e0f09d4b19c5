// Reports through the real window, on a demo book seeded by crmctl (the same core, in the same keychain
// session): the app opens on the overview and its figures equal the core's; the sales chart is drawn and
// a bar drills down to that month's contracts; the report exports to a workbook that openpyxl reads back
// with its charts and totals; an RFM segment gets a planned follow-up that Today then shows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, byTestId, click, launchPerFile, screenshot, textOf, textsOf } from '../support/app.mjs';

const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const CRMCTL = path.join(ROOT, 'target/debug/crmctl');
const work = mkdtempSync(path.join(os.tmpdir(), 'crm-e2e-reports-'));
const saveDir = path.join(work, 'saved');
mkdirSync(saveDir, { recursive: true });

const session = launchPerFile('reports', { CRM_TEST_SAVE_DIR: saveDir });
let app;
let dashboard;
let sales;

function crmctl(...args) {
  const r = spawnSync(CRMCTL, ['--dir', session.dataDir, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(r.status, 0, `crmctl ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** 分 as the window shows money in zh-CN: ¥1,234.56. */
function yuan(fen) {
  const abs = BigInt(Math.abs(fen));
  return `${fen < 0 ? '-' : ''}¥${new Intl.NumberFormat('zh-CN').format(abs / 100n)}.${String(abs % 100n).padStart(2, '0')}`;
}

before(async () => {
  // The book and the core's own answers, before the window holds the store.
  crmctl('demo-data', '--customers', '600', '--seed', '5');
  dashboard = JSON.parse(crmctl('report', 'dashboard', '--json', '--language', 'zh-CN'));
  sales = JSON.parse(crmctl('report', 'sales', '--compare', 'previous-year', '--json', '--language', 'zh-CN'));
  writeFileSync(path.join(session.dataDir, 'settings.json'), JSON.stringify({ language: 'zh-CN' }));
  app = await session.start();
});
after(() => session.stop());

test('the app opens on the overview and its figures are the core\'s', async () => {
  await byTestId(app, 'report-dashboard').waitForDisplayed({ timeout: 30000 });
  const kpi = (key) => dashboard.kpis.find((k) => k.key === key);
  for (const key of ['signed', 'received', 'outstanding', 'overdue']) {
    assert.equal(await textOf(app, `kpi-${key}-value`, 30000), yuan(kpi(key).value), `${key} on screen is the core's`);
  }
  for (const key of ['newCustomers', 'followUps']) {
    assert.equal(await textOf(app, `kpi-${key}-value`), new Intl.NumberFormat('zh-CN').format(kpi(key).value));
  }
  const top = dashboard.sections.find((s) => s.key === 'topCustomers');
  const rows = await textsOf(app, 'section-topCustomers-row-0');
  assert.ok(rows[0].includes(top.rows[0].cells[0]), `the year's best customer leads: ${rows[0]}`);
  await byTestId(app, 'at-risk-card').waitForDisplayed();
  await screenshot(app, 'report-dashboard');
});

test('the sales chart is drawn and a bar lists the contracts of its month', async () => {
  await click(byTestId(app, 'nav-analysis'));
  await click(byTestId(app, 'nav-salesReport'));
  await byTestId(app, 'chart-byPeriod').waitForDisplayed({ timeout: 30000 });
  await app.waitUntil(async () => !(await byTestId(app, 'report-busy').isExisting()), { timeout: 60000, timeoutMsg: 'the report never finished' });
  // The bars of the chart: SVG paths of a bar's size, left to right.
  const bars = await app.execute(() => {
    const svg = document.querySelector('[data-testid="chart-byPeriod"] svg');
    const top = svg?.getBoundingClientRect().top ?? 0;
    // Drawn shapes only: the decal patterns' tiles live in <defs>, the legend across the top.
    return [...(svg?.querySelectorAll('path') ?? [])]
      .filter((p) => !p.closest('defs, pattern'))
      .map((p) => p.getBoundingClientRect())
      .filter((r) => r.width >= 3 && r.width <= 60 && r.height >= 4 && r.y - top > 36)
      .map((r) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 }))
      .sort((a, b) => a.x - b.x);
  });
  assert.ok(bars.length >= 6, `the chart shows bars (${bars.length})`);
  await screenshot(app, 'report-sales');
  await app.action('pointer').move({ x: Math.round(bars[0].x), y: Math.round(bars[0].y) }).down().up().perform();
  await byTestId(app, 'drill-drawer').waitForDisplayed({ timeout: 10000 });
  await app.waitUntil(async () => /\d/.test(await byTestId(app, 'drill-total').getText()), { timeout: 20000 });
  const title = await app.$('.ant-drawer-open .ant-drawer-title').getText();
  const month = title.match(/\d{4}-\d{2}/)?.[0];
  assert.ok(month, `the drawer names the month it came from: ${title}`);
  const row = sales.sections.find((s) => s.key === 'byPeriod').rows.find((r) => r.key === `bucket:${month}`);
  const contracts = row.cells[7];
  assert.equal(await textOf(app, 'drill-total'), `${contracts} 份合同`, `the month's contracts, as the core counts them`);
  await screenshot(app, 'report-drill');
  await click(app.$('.ant-drawer-open .ant-drawer-close'));
  await byTestId(app, 'drill-drawer').waitForDisplayed({ reverse: true, timeout: 10000 });
});

test('the sales report exports to a workbook with its charts and totals', async () => {
  await click(byTestId(app, 'report-export'));
  await app.waitUntil(() => readdirSync(saveDir).some((f) => f.endsWith('.xlsx')), { timeout: 60000, timeoutMsg: 'no workbook was written' });
  const file = path.join(saveDir, readdirSync(saveDir).find((f) => f.endsWith('.xlsx')));
  const r = spawnSync(PYTHON, ['-c', `
import sys, zipfile, openpyxl
path = sys.argv[1]
charts = [n for n in zipfile.ZipFile(path).namelist() if n.startswith('xl/charts/chart')]
wb = openpyxl.load_workbook(path)
ws = wb.worksheets[0]
rows = list(ws.iter_rows(values_only=True))
head = next(i for i, r in enumerate(rows) if r[0] == '期间' and r[1] == '签约额')
end = next(i for i in range(head + 1, len(rows)) if rows[i][0] == '合计')
signed = sum(r[1] for r in rows[head + 1:end])
print(ws.title, len(charts), round(signed, 2), round(rows[end][1], 2), type(rows[head + 1][1]).__name__)
`, file], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const [title, charts, sum, total, kind] = r.stdout.trim().split(' ');
  assert.equal(title, '销售分析');
  assert.ok(Number(charts) >= 5, `a native chart for each table (${charts})`);
  assert.equal(sum, total, 'the totals row is the sum of the months');
  assert.equal(kind, 'float', 'money is a number, not text');
});

test('an RFM segment gets a planned follow-up that Today then shows', async () => {
  await click(byTestId(app, 'nav-rfm'));
  await byTestId(app, 'section-segments').waitForDisplayed({ timeout: 30000 });
  await app.waitUntil(async () => !(await byTestId(app, 'report-busy').isExisting()), { timeout: 60000 });
  // The first segment with customers in it.
  const counts = await app.execute(() =>
    [...document.querySelectorAll('[data-testid^="section-segments-row-"]')].map((tr) => tr.querySelectorAll('td')[1]?.textContent ?? '0'));
  const index = counts.findIndex((c) => Number(c.replace(/,/g, '')) > 0);
  assert.ok(index >= 0, `some segment has customers: ${counts}`);
  // A row is clicked on its first cell, as a user clicks the name.
  const cell = byTestId(app, `section-segments-row-${index}`).$('td');
  await cell.scrollIntoView({ block: 'center' });
  await click(cell);
  await byTestId(app, 'drill-drawer').waitForDisplayed({ timeout: 10000 });
  await app.waitUntil(async () => /\d/.test(await byTestId(app, 'drill-total').getText()), { timeout: 30000 });
  const names = await app.execute(() => [...document.querySelectorAll('[data-testid="drill-list"] tbody tr td:first-child a')].map((a) => a.textContent));
  assert.ok(names.length > 0);
  await click(byTestId(app, 'drill-plan'));
  await app.waitUntil(async () => /已为 \d+ 位客户安排跟进/.test(await app.$('body').getText()), { timeout: 20000, timeoutMsg: 'no word that the follow-ups were planned' });
  await screenshot(app, 'report-plan');
  await click(app.$('.ant-drawer-open .ant-drawer-close'));
  // Next Monday is within Today's default look-ahead of seven days.
  await click(byTestId(app, 'nav-today'));
  await app.waitUntil(async () => (await byTestId(app, 'today-upcoming').getText()).includes(names[0]), {
    timeout: 20000,
    timeoutMsg: `Today does not show the planned follow-up of ${names[0]}`,
  });
});
