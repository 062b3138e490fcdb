// The packed @acpt/* packages loaded with require() (Node 22.12+ loads ESM without top-level await this way).
const entryPoints = [
  '@acpt/config',
  '@acpt/adapter',
  '@acpt/transport-cerebras',
  '@acpt/transport-mock',
  '@acpt/telemetry',
  '@acpt/telemetry/sdk',
  '@acpt/campaign',
  '@acpt/ai-sdk',
];
const loaded = Object.fromEntries(
  entryPoints.map((name) => [name, { path: require.resolve(name), exports: Object.keys(require(name)).length }]),
);
console.log(JSON.stringify(loaded));
