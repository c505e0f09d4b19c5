// Steps several end-to-end files take the same way a user does: create a customer, open it, log a
// follow-up due today, close the drawer.
import { byTestId, byTestIdAndText, click, fill, settled, textsOf } from './app.mjs';

/** Today in the machine's local calendar, as the date picker shows it. */
export function localToday(now = new Date()) {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** The app opens on the overview (经营概览); from there, to the customer list, where most steps begin. */
export async function openedOnOverview(app) {
  await byTestId(app, 'report-dashboard').waitForDisplayed({ timeout: 20000 });
  await click(byTestId(app, 'nav-customers'));
  await byTestId(app, 'customer-new').waitForDisplayed({ timeout: 20000 });
}

export async function createCustomer(app, name) {
  await click(byTestId(app, 'nav-customers'));
  await click(byTestId(app, 'customer-new'));
  await fill(app, 'field-name', name);
  await click(byTestId(app, 'customer-save'));
  await byTestId(app, 'customer-form').waitForDisplayed({ reverse: true, timeout: 10000 });
}

/** Opens the customer's drawer on its timeline and logs a follow-up whose next date is today. */
export async function logFollowUpDueToday(app, customerName, content) {
  const today = localToday();
  await click(byTestIdAndText(app, 'customer-row-name', customerName));
  await byTestId(app, 'customer-detail').waitForDisplayed();
  // The drawer slides in; a click while it moves can miss the tab, so click until the timeline shows.
  await app.waitUntil(async () => {
    await click(await settled(byTestId(app, 'tab-timeline')));
    return byTestId(app, 'follow-up-content').waitForDisplayed({ timeout: 2000 }).then(() => true, () => false);
  }, { timeout: 15000, interval: 100, timeoutMsg: 'the timeline tab never opened' });
  await fill(app, 'follow-up-content', content);
  // The date picker's own "today" button, as a user picks today.
  // The dropdown fades in; a click on its button while it moves can land nowhere, so pick until it took.
  const input = () => app.$('//*[@data-testid="follow-up-next"]/descendant-or-self::input');
  let picked = '';
  await app.waitUntil(async () => {
    const now = app.$('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden) .ant-picker-now-btn');
    if (!(await now.isDisplayed().catch(() => false))) await click(input());
    await click(await settled(now)).catch(() => {});
    picked = await input().getValue();
    return picked !== '';
  }, { timeout: 15000, interval: 200, timeoutMsg: 'the date picker never took today' });
  if (picked !== today) throw new Error(`the date picker's today is ${picked}, not ${today}`);
  await click(byTestId(app, 'follow-up-save'));
  await app.waitUntil(async () => (await textsOf(app, 'timeline-follow-up')).some((x) => x.includes(content) && x.includes(today)), {
    timeout: 10000,
    timeoutMsg: 'the follow-up never appeared on the timeline',
  });
}

export async function closeDetail(app) {
  // A click while the drawer still slides in can miss its close button: click until it is gone.
  await app.waitUntil(async () => {
    const close = app.$('.ant-drawer-open .ant-drawer-close');
    if (await close.isExisting()) await click(await settled(close)).catch(() => {});
    return byTestId(app, 'customer-detail').waitForDisplayed({ reverse: true, timeout: 2000 }).then(() => true, () => false);
  }, { timeout: 15000, interval: 100, timeoutMsg: 'the customer drawer never closed' });
}
