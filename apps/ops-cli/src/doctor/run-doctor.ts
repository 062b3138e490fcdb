import { createCerebrasTransport } from '@acpt/transport-cerebras';
import type { Environment } from '../cli/environment.ts';
import { checkAuthentication } from './check-authentication.ts';
import { checkConfig } from './check-config.ts';
import { checkDns } from './check-dns.ts';
import { checkKeyRotation } from './check-key-rotation.ts';
import { checkKeySource } from './check-key-source.ts';
import { checkLatency } from './check-latency.ts';
import { checkModel } from './check-model.ts';
import { checkPricing, checkSpend } from './check-pricing.ts';
import { checkProxy } from './check-proxy.ts';
import { checkRateLimit } from './check-rate-limit.ts';
import { type CheckId, type CheckRow, errorText, row } from './check-row.ts';
import { checkTcp } from './check-tcp.ts';
import { checkTelemetry } from './check-telemetry.ts';
import { checkTls } from './check-tls.ts';
import { resolveExporterTarget } from './exporter-target.ts';
import { loadDoctorConfig } from './load-doctor-config.ts';

/** Options of {@link runDoctor}. */
export interface DoctorOptions {
  /** JSON config file; `ACPT_CONFIG_FILE` otherwise. */
  readonly file?: string;
  /** The environment (config and OTel variables); `process.env` by default. */
  readonly env?: Environment;
  /** Endpoint to check instead of the configured one. */
  readonly baseUrl?: string;
  /** Model to check instead of the configured one. */
  readonly model?: string;
  /** OTLP endpoint to probe instead of the one the OTel variables name. */
  readonly exporter?: URL;
  /** Tiny requests in the latency sample. */
  readonly samples: number;
  /** Deadline of each network probe, in ms. */
  readonly timeoutMs: number;
}

const skipped = (id: CheckId, because: string): CheckRow => row(id, 'skip', `skipped: ${because}`);

/**
 * Runs every check in order (config, key source, key rotation, egress proxy, DNS, TCP, TLS, authentication, model,
 * latency, rate-limit headroom, the model's price and its source, the spend limit, telemetry exporter). Through a
 * proxy, the direct DNS, TCP and TLS checks are skipped and the proxy row says whether the endpoint is reachable through
 * it. A check whose prerequisite failed is skipped and says which one. Never throws for a failing endpoint: that is a
 * `fail` row.
 */
export async function runDoctor(options: DoctorOptions): Promise<CheckRow[]> {
  const env = options.env ?? process.env;
  const loaded = loadDoctorConfig({ file: options.file, env, baseUrl: options.baseUrl, model: options.model });
  const rows: CheckRow[] = [checkConfig(loaded), checkKeySource(loaded), checkKeyRotation(loaded.live)];
  const telemetry = checkTelemetry(resolveExporterTarget(env, options.exporter), options.timeoutMs);
  const proxy = loaded.endpoint === undefined ? undefined : await checkProxy(loaded.endpoint, env, options.timeoutMs);
  rows.push(proxy?.row ?? skipped('proxy', 'the configuration did not load'));
  const network = proxy?.viaProxy
    ? {
        rows: (['dns', 'tcp', 'tls'] as const).map((id) =>
          skipped(id, 'calls go through the proxy (see the proxy row)'),
        ),
        reachable: proxy.row.status === 'pass',
      }
    : await checkNetwork(loaded.endpoint?.baseUrl, loaded.endpoint?.tls.caFile, options.timeoutMs);
  rows.push(...network.rows);
  const config = loaded.live ?? loaded.endpoint;
  if (loaded.live === undefined || !network.reachable) {
    const because = loaded.live === undefined ? 'no usable configuration with a key' : 'the endpoint is not reachable';
    rows.push(...(['authentication', 'model', 'latency', 'rate-limit'] as const).map((id) => skipped(id, because)));
    rows.push(
      config === undefined
        ? skipped('pricing', 'the configuration did not load')
        : await checkPricing(config, { notChecked: because }),
    );
  } else {
    rows.push(...(await checkEndpoint(loaded.live, env, options)));
  }
  rows.push(
    config === undefined ? skipped('spend', 'the configuration did not load') : checkSpend(config, loaded.appMockMode),
  );
  rows.push(await telemetry);
  return rows;
}

async function checkNetwork(
  baseUrl: string | undefined,
  caFile: string | undefined,
  timeoutMs: number,
): Promise<{ rows: CheckRow[]; reachable: boolean }> {
  if (baseUrl === undefined) {
    return {
      rows: (['dns', 'tcp', 'tls'] as const).map((id) => skipped(id, 'the configuration did not load')),
      reachable: false,
    };
  }
  const endpoint = new URL(baseUrl);
  const dns = await checkDns(endpoint);
  if (dns.status === 'fail')
    return { rows: [dns, skipped('tcp', 'DNS failed'), skipped('tls', 'DNS failed')], reachable: false };
  const tcp = await checkTcp(endpoint, timeoutMs);
  if (tcp.status === 'fail') return { rows: [dns, tcp, skipped('tls', 'TCP failed')], reachable: false };
  const tls = await checkTls(endpoint, { caFile, timeoutMs });
  return { rows: [dns, tcp, tls], reachable: tls.status !== 'fail' };
}

async function checkEndpoint(
  config: NonNullable<ReturnType<typeof loadDoctorConfig>['live']>,
  env: Environment,
  options: DoctorOptions,
): Promise<CheckRow[]> {
  let transport: ReturnType<typeof createCerebrasTransport>;
  try {
    transport = createCerebrasTransport({ config, env, watchKeyFile: false });
  } catch (error) {
    return [
      row('authentication', 'fail', `the transport could not be created: ${errorText(error)}`),
      ...(['model', 'latency', 'rate-limit'] as const).map((id) => skipped(id, 'no transport')),
      await checkPricing(config, { notChecked: 'no transport' }),
    ];
  }
  try {
    const authentication = await checkAuthentication(transport, options.timeoutMs);
    if (authentication.row.status === 'fail') {
      return [
        authentication.row,
        ...(['model', 'latency', 'rate-limit'] as const).map((id) => skipped(id, 'authentication failed')),
        await checkPricing(config, { notChecked: 'authentication failed' }),
      ];
    }
    const model = await checkModel(transport, config.model);
    if (model.status === 'fail') {
      return [
        authentication.row,
        model,
        skipped('latency', 'the model is not served'),
        skipped('rate-limit', 'the model is not served'),
        await checkPricing(config, transport.priceCatalogue),
      ];
    }
    const latency = await checkLatency(transport, config, options.samples);
    const rateLimit =
      latency.row.status === 'fail'
        ? skipped('rate-limit', 'no latency sample succeeded')
        : checkRateLimit(latency.rateLimit);
    return [authentication.row, model, latency.row, rateLimit, await checkPricing(config, transport.priceCatalogue)];
  } finally {
    await transport.close();
  }
}
