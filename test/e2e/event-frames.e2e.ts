import { expect, test } from './host-kit';

test('the window reads the binary event stream under its strict CSP without a CSP violation or a page error', async ({
  page,
  host,
}) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.text().startsWith('CSP violation')) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
  // Chromium fires this for a blocked `new Function` too (an eval build of a decoder would, under this CSP).
  await page.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (event) => {
      console.error('CSP violation: ' + event.violatedDirective + ' ' + event.blockedURI + ' at ' + event.sourceFile + ':' + event.lineNumber + ':' + event.columnNumber);
    });`,
  });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Try the demo' }).click();
  const table = page.getByRole('table', { name: 'Watched messages' });
  await expect(table.getByRole('row')).not.toHaveCount(0);
  await expect(
    page.getByRole('region', { name: 'Totals' }).getByRole('button', { name: /Delivered/ }),
  ).toContainText(/[1-9]/);
  expect(problems).toEqual([]);
});
