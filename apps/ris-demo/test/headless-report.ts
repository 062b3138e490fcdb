import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { APP_DIRECTORY } from './run-demo-process.ts';

/** Debian's Chromium, installed by `scripts/system-deps.sh`. */
export const CHROMIUM = '/usr/bin/chromium';
/** Where report screenshots go (ignored by git). */
export const ARTIFACTS: string = join(APP_DIRECTORY, 'test-artifacts');

/** What one chart showed in the browser. */
export interface RenderedChart {
  readonly id: string;
  readonly width: number;
  readonly height: number;
  /** Size (width + height, px) of each drawn mark: series paths, bands, bars, error bars, map cells. */
  readonly marks: readonly number[];
  /** The chart's accessible name (`aria-label`) and whether it has a `<title>`. */
  readonly label: string;
  readonly hasTitle: boolean;
}

/** What the browser saw when it opened a report. */
export interface RenderedReport {
  readonly url: string;
  readonly charts: readonly RenderedChart[];
  /** Every request the page made (the report itself included). */
  readonly requests: readonly string[];
  /** Uncaught page errors and console errors. */
  readonly errors: readonly string[];
  /** The text content of the page body. */
  readonly text: string;
}

/**
 * Opens `report.html` in headless Chromium (background networking off, so every request is the page's own), measures
 * every `svg.chart` and its marks, and saves a full-page screenshot to `test-artifacts/<screenshot>`.
 * @throws {Error} When Chromium is missing (the test fails rather than skips).
 */
export async function openReport(file: string, screenshot: string): Promise<RenderedReport> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
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
    const errors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const url = pathToFileURL(file).href;
    await page.goto(url);
    const charts = await page.$$eval('svg.chart', (nodes) =>
      nodes.map((node) => {
        const box = node.getBoundingClientRect();
        const marks = [...node.querySelectorAll('path.series, path.band, rect.bar, path.error-bar, rect.cell')].map(
          (mark) => {
            const markBox = mark.getBoundingClientRect();
            return markBox.width + markBox.height;
          },
        );
        return {
          id: node.getAttribute('data-chart') ?? '',
          width: box.width,
          height: box.height,
          marks,
          label: node.getAttribute('aria-label') ?? '',
          hasTitle: node.querySelector(':scope > title') !== null,
        };
      }),
    );
    const text = (await page.locator('body').textContent()) ?? '';
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, screenshot), fullPage: true });
    return { url, charts, requests, errors, text };
  } finally {
    await browser.close();
  }
}
