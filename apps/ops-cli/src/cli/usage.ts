/** `acpt --help`. */
export const MAIN_USAGE = `acpt: operator tools for the acpt Cerebras adapter

Usage:
  acpt loadtest [flags]   drive the adapter over the real transport against the mock Cerebras server, and report
  acpt doctor [flags]     check key source, DNS, TCP, TLS, authentication, model, latency, rate limits, telemetry
  acpt --help             this text (each command also takes --help)

Exit codes: 0 success, 1 a check or the load-test accounting failed, 2 bad command line or configuration.
`;

/** `acpt loadtest --help`. */
export const LOADTEST_USAGE = `acpt loadtest: drive the adapter at volume, with faults, and account for every request

Usage: acpt loadtest [flags]

Run shape:
  --requests N           stop submitting after N requests (default 1000 unless --duration is given)
  --duration D           stop submitting after D (500ms, 30s, 2m)
  --concurrency N        requests outstanding at most (default 64)
  --rate R               pace submissions at R per second (--concurrency still caps outstanding requests)
  --stream-share F       share of requests sent with stream() (default 0.5)
  --max-tokens N         max_completion_tokens of every request (default 32)
  --settle-timeout D     once submission stops, wait at most D for outstanding requests (default 60s)
Mock server (started by the command unless --url is given):
  --fault-rate F         share of HTTP attempts that get a fault, evenly over 429 requests/tokens/queue, 503,
                         connection reset, truncated stream and slow headers (default 0.2)
  --faults SPEC          explicit fault rules instead, e.g. rate-limit-tokens:every=5,service-unavailable:p=0.1
                         (kinds: rate-limit-requests|tokens|queue, server-error, service-unavailable,
                         unauthorized, forbidden, not-found, connection-reset, headers-timeout, slow-headers,
                         stream-truncated, stream-error-event, malformed-json; options every, at, p, seed, delay)
  --latency SPEC         none | fixed:MS | seeded:MIN-MAX, then :ttft=MS :tps=N (default seeded:5-25)
  --quota SPEC           none | rpm=N,tpm=N,... quotas reported in x-ratelimit-* headers (default: too high to bind)
  --in-process           run the mock server in this process instead of a child process
  --url URL              drive this endpoint instead (its key from CEREBRAS_API_KEY / CEREBRAS_API_KEY_FILE)
  --seed N               seed of faults, latency and replies (default 1)
Adapter and output:
  --config FILE          acpt JSON config (budgets, retries, batching, circuit); ACPT_* variables apply as usual
  --telemetry MODE       memory (instrumentAdapter over an in-memory OpenTelemetry SDK, counted as a witness;
                         default) | env (startTelemetry from the OTEL_* variables: export to your backend) | off
  --out DIR              where loadtest-report.json, .md and .html go (default out/loadtest)
  --progress D|off       progress line interval (default 1s)

Exits 1 when a request is unaccounted for, an error was untyped, a promise rejection went unhandled or the
adapter's diagnostics, events or telemetry disagree with the driver's own counts.
`;

/** `acpt doctor --help`. */
export const DOCTOR_USAGE = `acpt doctor: check that this host can use Cerebras through acpt

Usage: acpt doctor [flags]

  --url URL              endpoint to check (default: CEREBRAS_BASE_URL / config, https://api.cerebras.ai)
  --model ID             model to check (default: CEREBRAS_MODEL / config)
  --config FILE          acpt JSON config (default: ACPT_CONFIG_FILE)
  --exporter URL         OTLP/HTTP endpoint to probe instead of the OTEL_* variables
  --samples N            tiny requests in the latency sample (default 3)
  --timeout D            deadline of each network probe (default 5s)
  --json                 print the rows as JSON

Rows: config, key-source, key-rotation, proxy, dns, tcp, tls, authentication, model, latency, rate-limit,
telemetry; each PASS, FAIL, WARN or SKIP, with the fix under each failure. The key itself is never printed, nor
proxy credentials. Through a proxy, dns/tcp/tls are skipped and the proxy row probes the endpoint through it.
Exits 1 when a row fails.
`;
