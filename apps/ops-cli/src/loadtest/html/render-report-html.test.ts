import { describe, expect, it } from 'vitest';
import { sampleLoadtestReport } from '../../testing/sample-loadtest-report.ts';
import { renderReportMarkdown } from '../render-report-markdown.ts';
import { renderReportHtml } from './render-report-html.ts';

const hostile = '<script>alert("pwned")</script><img src=x onerror=alert(1)>';

/** The page's visible text, tags dropped and entities decoded, whitespace collapsed. */
function pageText(page: string): string {
  return page
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<title>[^<]*<\/title>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** A markdown line as plain text: emphasis and code marks dropped. */
const plain = (line: string): string =>
  line
    .replace(/\*\*|`/g, '')
    .replace(/\s+/g, ' ')
    .trim();

describe('renderReportHtml', () => {
  const report = sampleLoadtestReport();
  const page = renderReportHtml(report);

  it('renders every report string inert: no markup comes from the report', () => {
    const base = sampleLoadtestReport();
    const attacked = renderReportHtml(
      sampleLoadtestReport({
        run: { ...base.run, endpoint: hostile, faults: hostile, latency: hostile },
        errorsByCode: { [hostile]: 3 },
        untypedErrorSamples: [hostile],
        adapter: { ...base.adapter, circuitStateAtEnd: hostile, retriesByReason: { [hostile]: 1 } },
        accounting: {
          ...base.accounting,
          ok: false,
          line: hostile,
          problems: [hostile],
          witnesses: [{ name: hostile }],
        },
      }),
    );
    expect(attacked).not.toMatch(/<script|<img/i);
    expect(attacked).toContain(
      '&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;',
    );
    expect(pageText(attacked).split(hostile).length - 1).toBeGreaterThanOrEqual(9);
  });

  it('is self-contained: no script, no external resource, a CSP that forbids them', () => {
    expect(page).not.toMatch(/<script|<link|@import|url\(|https?:\/\/(?!www\.w3\.org\/2000\/svg)(?!127\.0\.0\.1)/i);
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it('has every section, in order, with the verdict and the accounting line', () => {
    const sections = [...page.matchAll(/<section id="([a-z]+)">/g)].map((match) => match[1]);
    expect(sections).toEqual([
      'accounting',
      'throughput',
      'latency',
      'resilience',
      'tokens',
      'memory',
      'telemetry',
      'configuration',
    ]);
    expect(page).toContain('<title>acpt load test: PASS</title>');
    expect(page).toContain('data-verdict="PASS">PASS</span>');
    expect(pageText(page)).toContain(report.accounting.line);
    for (const title of ['Retries by reason', '429s by kind', 'Fallbacks by reason', 'Failures by error code']) {
      expect(page).toContain(`<h3>${title}</h3>`);
    }
    for (const setting of ['Faults', 'Latency profile', 'Latency budget', 'Circuit breaker', 'Fallback']) {
      expect(page).toContain(`<dt>${setting}</dt>`);
    }
    expect([...page.matchAll(/data-chart="([a-z]+)"/g)].map((match) => match[1])).toEqual([
      'throughput',
      'latency',
      'memory',
    ]);
  });

  it('formats numbers as the markdown report does', () => {
    const markdown = renderReportMarkdown(report).split('\n');
    const text = pageText(page);
    const latencyLines = markdown.filter((line) => /^\| (all|succeeded|fell back|failed|time to|adapter:) /.test(line));
    expect(latencyLines).toHaveLength(7);
    for (const line of latencyLines) {
      const cells = line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim());
      const [name, ...figures] = cells;
      expect(page).toContain(`<td>${name}</td>${figures.map((figure) => `<td class="num">${figure}</td>`).join('')}`);
    }
    for (const prefix of ['1,200 requests in', 'Budget breaches:', 'Tokens:', 'Cost:', 'Peak RSS', '| load driver']) {
      const line = markdown.find((candidate) => candidate.startsWith(prefix)) ?? '';
      const expected = prefix.startsWith('|')
        ? line
            .split('|')
            .slice(1, -1)
            .map((cell) => cell.trim())
            .join(' ')
        : plain(line).replace(/^(Tokens|Cost): /, '');
      expect(text, prefix).toContain(expected);
    }
  });

  it('gives the same page for the same report', async () => {
    expect(renderReportHtml(sampleLoadtestReport())).toBe(page);
    // The body only: the head is the constant stylesheet, checked above.
    const body = page.slice(page.indexOf('<body>'), page.indexOf('</body>') + '</body>'.length);
    await expect(`${body}\n`).toMatchFileSnapshot('__snapshots__/sample-loadtest-report.html');
  });

  it('shows a failed run and copes with reports written before the progress samples, without telemetry', () => {
    const base = sampleLoadtestReport();
    const failed = renderReportHtml(
      sampleLoadtestReport({
        progress: undefined,
        telemetry: undefined,
        accounting: { ...base.accounting, ok: false, problems: ['3 request(s) unaccounted for'] },
        exitCode: 1,
      }),
    );
    expect(failed).toContain('data-verdict="FAIL">FAIL</span>');
    expect(failed).toContain('<ul class="problems"><li>3 request(s) unaccounted for</li></ul>');
    expect(failed).toContain('No throughput timeline');
    expect(failed).toContain('Telemetry was off for this run.');
    expect(failed).not.toContain('data-chart="throughput"');
  });
});
