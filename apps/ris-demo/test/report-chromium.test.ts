import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { APP_DIRECTORY, runDemoProcess } from './run-demo-process.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(APP_DIRECTORY, 'test-artifacts');
const CHARTS = ['sum-rate', 'fairness', 'sinr', 'handovers', 'llm-latency', 'mean-sum-rate', 'energy-efficiency'];

describe('the HTML report in headless Chromium', () => {
  it('renders every chart, with no external requests', async () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install chromium`).toBe(true);
    const out = join(mkdtempSync(join(tmpdir(), 'ris-report-')), 'run');
    const run = await runDemoProcess(['--steps', '60', '--seed', '3', '--out', out, '--quiet']);
    expect(run, run.stderr).toMatchObject({ code: 0 });

    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const reportUrl = pathToFileURL(join(out, 'report.html')).href;
      await page.goto(reportUrl);

      const charts = await page.$$eval('svg.chart', (nodes) =>
        nodes.map((node) => {
          const box = node.getBoundingClientRect();
          const marks = [...node.querySelectorAll('path.series, rect.bar')].map((mark) => {
            const markBox = mark.getBoundingClientRect();
            return markBox.width + markBox.height;
          });
          return { id: node.getAttribute('data-chart'), width: box.width, height: box.height, marks };
        }),
      );
      expect(charts.map((chart) => chart.id)).toEqual(CHARTS);
      for (const chart of charts) {
        expect(chart.width, chart.id ?? '').toBeGreaterThan(200);
        expect(chart.height, chart.id ?? '').toBeGreaterThan(100);
        expect(chart.marks.length, chart.id ?? '').toBeGreaterThan(0);
        expect(Math.max(...chart.marks), `${chart.id} draws nothing visible`).toBeGreaterThan(10);
      }
      expect(await page.locator('table').first().textContent()).toContain('closed-form');
      expect(requests).toEqual([reportUrl]);
      expect(errors).toEqual([]);

      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: true });
      expect(existsSync(join(ARTIFACTS, 'report.png'))).toBe(true);
    } finally {
      await browser.close();
    }
  });
});
