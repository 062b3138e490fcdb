import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/run-cli.ts';
import { captureIo } from '../../testing/capture-io.ts';
import { launchHeadlessChromium } from '../../testing/headless-chromium.ts';
import type { LoadtestReport } from '../loadtest-report.ts';

const ARTIFACTS = fileURLToPath(new URL('../../../test-artifacts/', import.meta.url));
// As in run-loadtest.test.ts: a hard 2 s budget sends 429s whose reset does not fit to the fallback, so the run is short.
const env = { ACPT_LATENCY_BUDGET_MODE: 'hard', ACPT_LATENCY_BUDGET_MS: '2000', ACPT_CIRCUIT_FAILURE_THRESHOLD: '50' };

/** Per chart: its rendered size, and the SVG bounding boxes of its bars and lines (in view-box units). */
function measureCharts(page: Page): Promise<{ id: string; size: number[]; bars: number[][]; lines: number[][] }[]> {
  return page.locator('svg.chart').evaluateAll((charts) =>
    charts.map((chart) => {
      const boxes = (selector: string): number[][] =>
        [...chart.querySelectorAll(selector)].map((mark) => {
          // An SVGGraphicsElement: its box in view-box units (the DOM library is not in this tsconfig).
          const box = (mark as unknown as { getBBox(): { width: number; height: number } }).getBBox();
          return [box.width, box.height];
        });
      const rendered = chart.getBoundingClientRect();
      const id = chart.getAttribute('data-chart') ?? '';
      return { id, size: [rendered.width, rendered.height], bars: boxes('rect.bar'), lines: boxes('path.series') };
    }),
  );
}

describe('loadtest-report.html of a real run (400 requests paced at 400/s, in-process mock server) in Chromium', () => {
  let directory: string;
  let report: LoadtestReport;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const errors: string[] = [];
  let reportUrl: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'acpt-loadtest-html-'));
    const args = ['loadtest', '--requests', '400', '--rate', '400', '--concurrency', '32', '--fault-rate', '0.2'];
    const code = await runCli([...args, '--in-process', '--progress', 'off', '--out', directory], captureIo(env));
    expect(code).toBe(0);
    report = JSON.parse(await readFile(join(directory, 'loadtest-report.json'), 'utf8')) as LoadtestReport;
    browser = await launchHeadlessChromium();
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
    });
    reportUrl = pathToFileURL(join(directory, 'loadtest-report.html')).href;
    await page.goto(reportUrl);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('shows the verdict and the accounting line of the run', async () => {
    expect(report.progress?.length).toBeGreaterThanOrEqual(3);
    expect(await page.title()).toBe('acpt load test: PASS');
    expect(await page.locator('[data-verdict]').textContent()).toBe('PASS');
    expect(await page.locator('.accounting-line').textContent()).toBe(report.accounting.line);
    expect(report.accounting.line).toMatch(/^submitted 400 = succeeded \d+ \+ fell back \d+ \+ failed \d+ .* OK$/);
  });

  it('has the witness, latency and count tables', async () => {
    const firstColumn = (selector: string): Promise<string[]> =>
      page.$$eval(`${selector} tbody tr td:first-child`, (cells) => cells.map((cell) => cell.textContent ?? ''));
    expect(await firstColumn('table.witnesses')).toEqual([
      'load driver',
      ...report.accounting.witnesses.map((witness) => witness.name),
    ]);
    expect(await firstColumn('table.latency')).toHaveLength(7);
    const all = await page.$$eval('table.latency tbody tr:first-child td', (cells) => cells.map((c) => c.textContent));
    expect(all.slice(0, 2)).toEqual(['all', '400']);
    const headings = await page.$$eval('#resilience h3', (nodes) => nodes.map((node) => node.textContent));
    expect(headings).toEqual(['Retries by reason', '429s by kind', 'Fallbacks by reason', 'Failures by error code']);
    expect(await page.locator('#resilience table.counts').count()).toBeGreaterThan(0);
    expect(await page.locator('#configuration dt').count()).toBeGreaterThan(10);
  });

  it('draws every chart, with no console errors and no request beyond the file itself', async () => {
    const charts = await measureCharts(page);
    expect(charts.map((chart) => chart.id)).toEqual(['throughput', 'latency', 'memory']);
    for (const { id, size, bars, lines } of charts) {
      expect(size[0], id).toBeGreaterThan(200);
      expect(size[1], id).toBeGreaterThan(100);
      expect(bars.length + lines.length, `${id} has no marks`).toBeGreaterThan(0);
      for (const [width = 0, height = 0] of bars)
        expect(Math.min(width, height), `${id}: an empty bar`).toBeGreaterThan(0);
      for (const [width = 0] of lines) expect(width, `${id}: a line without extent`).toBeGreaterThan(10);
    }
    expect(charts.find((chart) => chart.id === 'latency')?.bars).toHaveLength(7 * 4);
    expect(requests).toEqual([reportUrl]);
    expect(errors).toEqual([]);
  });

  it('saves light and dark screenshots under test-artifacts', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'loadtest-report.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: join(ARTIFACTS, 'loadtest-report-dark.png'), fullPage: true });
    expect(existsSync(join(ARTIFACTS, 'loadtest-report.png'))).toBe(true);
    expect(existsSync(join(ARTIFACTS, 'loadtest-report-dark.png'))).toBe(true);
  });
});
