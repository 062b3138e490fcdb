import { createPriceResolver, InvalidResponseError, Secret, TruncatedStreamError } from '@acpt/config';
import { createMockCerebrasServer } from '@acpt/transport-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { servedTransport } from '../__fixtures__/served-transport.ts';
import { testConfig } from '../__fixtures__/test-config.ts';
import { createCerebrasTransport } from '../create-cerebras-transport.ts';
import { parseCataloguePrices } from './catalogue-prices.ts';

const served = servedTransport();
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

describe('parseCataloguePrices', () => {
  it('reads USD-per-token strings as USD per million tokens, leaving unpriced models out', () => {
    const body = JSON.stringify({
      data: [
        { id: 'gpt-oss-120b', pricing: { prompt: '0.00000035', completion: '0.00000075' } },
        {
          id: 'qwen-3.8-27b',
          pricing: { prompt: '0.0000002', completion: '0.0000006', input_cache_read: '0.0000001' },
        },
        { id: 'preview-model' },
      ],
    });
    expect(Object.fromEntries(parseCataloguePrices(body))).toEqual({
      'gpt-oss-120b': { inputUsdPerMillion: 0.35, cachedInputUsdPerMillion: 0.35, outputUsdPerMillion: 0.75 },
      'qwen-3.8-27b': { inputUsdPerMillion: 0.2, cachedInputUsdPerMillion: 0.1, outputUsdPerMillion: 0.6 },
    });
  });

  it.each([
    ['a negative price', { prompt: '-0.1', completion: '0.1' }],
    ['a price that is not a number', { prompt: 'free', completion: '0.1' }],
    ['a missing completion price', { prompt: '0.1' }],
  ])('refuses the whole catalogue for %s', (_name, pricing) => {
    const body = JSON.stringify({
      data: [
        { id: 'ok', pricing: { prompt: '0', completion: '0' } },
        { id: 'm', pricing },
      ],
    });
    expect(() => parseCataloguePrices(body)).toThrow(InvalidResponseError);
    expect(() => parseCataloguePrices(body)).toThrow(/malformed pricing for model "m"/);
  });

  it('refuses a body that is not a model list', () => {
    expect(() => parseCataloguePrices('<html>')).toThrow(/not JSON/);
    expect(() => parseCataloguePrices('{"models":[]}')).toThrow(/no "data" list/);
  });
});

describe('the transport reads the served catalogue', () => {
  const apiKey = 'csk-catalogue-test-0001';

  it('fetches GET /v1/models?format=openrouter from the mock server, authenticated, at its list prices', async () => {
    const server = await createMockCerebrasServer({ apiKey });
    closers.push(() => server.close());
    const transport = createCerebrasTransport({
      config: testConfig({ baseUrl: server.url, apiKey: new Secret(apiKey) }),
    });
    closers.push(() => transport.close());
    const prices = await transport.priceCatalogue.fetchPrices();
    expect(Object.fromEntries(prices)).toEqual({
      'gpt-oss-120b': { inputUsdPerMillion: 0.35, cachedInputUsdPerMillion: 0.35, outputUsdPerMillion: 0.75 },
    });
    const resolver = createPriceResolver({ catalogue: transport.priceCatalogue, onWarning: () => {} });
    await resolver.refresh();
    expect(resolver.priceOf('gpt-oss-120b')?.source).toBe('catalogue');
  });

  it('serves configured catalogue prices, so a model without a built-in price gets one', async () => {
    const server = await createMockCerebrasServer({
      apiKey,
      prices: { 'qwen-3.8-27b': { inputUsdPerMillion: 0.2, outputUsdPerMillion: 0.6 } },
    });
    closers.push(() => server.close());
    const transport = createCerebrasTransport({
      config: testConfig({ baseUrl: server.url, apiKey: new Secret(apiKey) }),
    });
    closers.push(() => transport.close());
    const resolver = createPriceResolver({ catalogue: transport.priceCatalogue, onWarning: () => {} });
    await resolver.refresh();
    expect(resolver.priceOf('qwen-3.8-27b')).toMatchObject({ source: 'catalogue', outputUsdPerMillion: 0.6 });
  });

  it('keeps the built-in prices and warns once when the catalogue is unreachable', async () => {
    const server = await createMockCerebrasServer({ apiKey });
    const url = server.url;
    await server.close();
    const transport = createCerebrasTransport({
      config: testConfig({ baseUrl: url, apiKey: new Secret(apiKey), timeouts: { connectMs: 500 } }),
    });
    closers.push(() => transport.close());
    const warnings: string[] = [];
    const resolver = createPriceResolver({ catalogue: transport.priceCatalogue, onWarning: (m) => warnings.push(m) });
    await resolver.refresh();
    await resolver.refresh();
    expect(resolver.priceOf('gpt-oss-120b')?.source).toBe('default');
    expect(warnings).toEqual([expect.stringContaining('The price catalogue could not be read')]);
    expect(warnings[0]).not.toContain(apiKey);
  });

  it('keeps the built-in prices when the catalogue serves malformed pricing', async () => {
    const transport = await served.serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ data: [{ id: 'gpt-oss-120b', pricing: { prompt: 'NaN', completion: '1' } }] }));
    });
    const warnings: string[] = [];
    const resolver = createPriceResolver({ catalogue: transport.priceCatalogue, onWarning: (m) => warnings.push(m) });
    await resolver.refresh();
    expect(served.server?.requests[0]?.url).toBe('/v1/models?format=openrouter');
    expect(resolver.priceOf('gpt-oss-120b')?.source).toBe('default');
    expect(warnings).toEqual([expect.stringContaining('malformed pricing for model "gpt-oss-120b"')]);
  });
});

describe('billed usage of a cut stream', () => {
  it('puts the usage a stream reported before it was cut on the TruncatedStreamError', async () => {
    const transport = await served.serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' });
      const chunk = {
        id: 'chatcmpl-1',
        object: 'chat.completion.chunk',
        created: 1,
        model: 'gpt-oss-120b',
        choices: [{ index: 0, delta: { content: 'partial' }, finish_reason: null }],
        usage: { prompt_tokens: 41, completion_tokens: 9, total_tokens: 50 },
      };
      response.end(`data: ${JSON.stringify(chunk)}\n\n`);
    });
    let failure: unknown;
    try {
      for await (const _event of transport.stream({ messages: [{ role: 'user', content: 'hi' }] }));
    } catch (error) {
      failure = error;
    }
    expect(TruncatedStreamError.isInstance(failure)).toBe(true);
    expect((failure as TruncatedStreamError).billedUsage).toEqual({
      promptTokens: 41,
      completionTokens: 9,
      totalTokens: 50,
    });
  });
});
