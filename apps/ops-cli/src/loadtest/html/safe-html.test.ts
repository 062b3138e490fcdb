import { describe, expect, it } from 'vitest';
import { escapeHtml, html, trustedHtml } from './safe-html.ts';

describe('html', () => {
  it('escapes every interpolated string, in text and in attributes', () => {
    const hostile = `<script>alert("x")</script>' onload='x`;
    expect(html`<p title="${hostile}">${hostile}</p>`.toString()).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onload=&#39;x">' +
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onload=&#39;x</p>',
    );
  });

  it('keeps nested markup, joins arrays and drops empty values', () => {
    const items = ['a&b', 'c'].map((item) => html`<li>${item}</li>`);
    expect(html`<ul>${items}${null}${undefined}${false}${0}</ul>`.toString()).toBe(
      '<ul><li>a&amp;b</li><li>c</li>0</ul>',
    );
  });

  it('leaves only trusted constants unescaped', () => {
    expect(html`${trustedHtml('<b>x</b>')}`.toString()).toBe('<b>x</b>');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});
