import { readFileSync } from 'node:fs';
import protobuf from 'protobufjs';

const root = protobuf.parse(readFileSync(new URL('./otlp-subset.proto', import.meta.url), 'utf8')).root;
const traceRequest = root.lookupType('acpt.test.otlp.ExportTraceServiceRequest');
const metricsRequest = root.lookupType('acpt.test.otlp.ExportMetricsServiceRequest');
const toObject = { longs: Number, bytes: String, defaults: false, arrays: true, oneofs: false };

type Value = string | number | boolean | Value[];
interface WireKeyValue {
  key: string;
  value?: {
    stringValue?: string;
    boolValue?: boolean;
    intValue?: number;
    doubleValue?: number;
    arrayValue?: { values?: WireKeyValue['value'][] };
  };
}

/** A decoded span, attributes flattened. */
export interface WireSpan {
  readonly name: string;
  readonly kind: number;
  readonly spanId: string;
  readonly parentSpanId: string | undefined;
  readonly durationNs: number;
  readonly attributes: Record<string, Value>;
  readonly statusCode: number;
  readonly resource: Record<string, Value>;
  readonly scope: string;
}

/** A decoded metric, its points' attributes flattened. */
export interface WireMetric {
  readonly name: string;
  readonly unit: string;
  readonly points: { attributes: Record<string, Value>; value?: number; count?: number; bounds?: number[] }[];
}

/** Decodes an OTLP http/protobuf `ExportTraceServiceRequest` body. */
export function decodeTraces(body: Uint8Array): WireSpan[] {
  const request = traceRequest.toObject(traceRequest.decode(body), toObject) as {
    resourceSpans?: { resource?: { attributes?: WireKeyValue[] }; scopeSpans?: Record<string, unknown>[] }[];
  };
  return (request.resourceSpans ?? []).flatMap((resourceSpans) => {
    const resource = flatten(resourceSpans.resource?.attributes);
    return (resourceSpans.scopeSpans ?? []).flatMap((scopeSpans) => {
      const scope = (scopeSpans['scope'] as { name?: string } | undefined)?.name ?? '';
      return ((scopeSpans['spans'] ?? []) as Record<string, unknown>[]).map((span) => ({
        name: span['name'] as string,
        kind: (span['kind'] as number | undefined) ?? 0,
        spanId: span['spanId'] as string,
        parentSpanId: span['parentSpanId'] as string | undefined,
        durationNs: (span['endTimeUnixNano'] as number) - (span['startTimeUnixNano'] as number),
        attributes: flatten(span['attributes'] as WireKeyValue[] | undefined),
        statusCode: (span['status'] as { code?: number } | undefined)?.code ?? 0,
        resource,
        scope,
      }));
    });
  });
}

/** Decodes an OTLP http/protobuf `ExportMetricsServiceRequest` body. */
export function decodeMetrics(body: Uint8Array): WireMetric[] {
  const request = metricsRequest.toObject(metricsRequest.decode(body), toObject) as {
    resourceMetrics?: { scopeMetrics?: { metrics?: Record<string, unknown>[] }[] }[];
  };
  return (request.resourceMetrics ?? []).flatMap((resourceMetrics) =>
    (resourceMetrics.scopeMetrics ?? []).flatMap((scopeMetrics) =>
      (scopeMetrics.metrics ?? []).map((metric) => {
        const data = (metric['histogram'] ?? metric['sum']) as { dataPoints?: Record<string, unknown>[] } | undefined;
        return {
          name: metric['name'] as string,
          unit: (metric['unit'] as string | undefined) ?? '',
          points: (data?.dataPoints ?? []).map((point) => ({
            attributes: flatten(point['attributes'] as WireKeyValue[] | undefined),
            value: (point['asDouble'] ?? point['asInt']) as number | undefined,
            count: point['count'] as number | undefined,
            bounds: point['explicitBounds'] as number[] | undefined,
          })),
        };
      }),
    ),
  );
}

function flatten(keyValues: WireKeyValue[] | undefined): Record<string, Value> {
  const result: Record<string, Value> = {};
  for (const { key, value } of keyValues ?? []) {
    const decoded = decodeValue(value);
    if (decoded !== undefined) result[key] = decoded;
  }
  return result;
}

function decodeValue(value: WireKeyValue['value']): Value | undefined {
  if (value === undefined) return undefined;
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.intValue !== undefined) return value.intValue;
  if (value.doubleValue !== undefined) return value.doubleValue;
  if (value.arrayValue !== undefined) {
    return (value.arrayValue.values ?? []).map(decodeValue).filter((entry) => entry !== undefined);
  }
  return undefined;
}
