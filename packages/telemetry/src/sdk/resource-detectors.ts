import type { Attributes } from '@opentelemetry/api';
import {
  envDetector,
  hostDetector,
  osDetector,
  processDetector,
  type ResourceDetector,
  serviceInstanceIdDetector,
} from '@opentelemetry/resources';
import type { Environment } from './telemetry-plan.ts';

const BY_NAME: Readonly<Record<string, ResourceDetector>> = {
  env: envDetector,
  host: hostDetector,
  os: osDetector,
  process: processDetector,
  serviceinstance: serviceInstanceIdDetector,
};

/**
 * Resource detectors: those named in `OTEL_NODE_RESOURCE_DETECTORS` (`all`, `none`, or a list of `env`, `host`, `os`,
 * `process`, `serviceinstance`), else every one but `process`, whose `process.command_args` could carry a secret
 * passed on the command line. The caller's attributes come last, so they win over detected ones.
 */
export function resourceDetectors(env: Environment, attributes: Attributes): ResourceDetector[] {
  const names = env['OTEL_NODE_RESOURCE_DETECTORS']
    ?.split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  let detectors: ResourceDetector[];
  if (names === undefined || names.length === 0)
    detectors = [serviceInstanceIdDetector, hostDetector, osDetector, envDetector];
  else if (names.includes('none')) detectors = [];
  else if (names.includes('all')) detectors = Object.values(BY_NAME);
  else detectors = names.flatMap((name) => (BY_NAME[name] === undefined ? [] : [BY_NAME[name]]));
  if (Object.keys(attributes).length > 0) detectors.push({ detect: () => ({ attributes }) });
  return detectors;
}
