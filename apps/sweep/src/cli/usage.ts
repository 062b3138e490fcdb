/** `sweep --help`. */
export const USAGE: string = `Usage: sweep <command> [options]

Campaigns of the RIS demo (scenarios x grid x seeds x policies x adapter settings) on BullMQ + Redis.

Commands:
  local SPEC        one command, one machine: a local redis-server, N worker processes, the campaign, a live
                    progress view and the report (--workers N, --out DIR; default ./campaign-<name>)
  submit SPEC       add the campaign's jobs (one per configuration and seed; submitting again adds nothing)
  worker            run jobs of a campaign (--campaign NAME, --concurrency N); run it on as many machines as needed
  status NAME       progress, ETA, quota use, 429s, failures (--watch for a live view, --json)
  report NAME       mean and 95 % CI per configuration and policy, coverage, failed jobs: report.html, .csv, .json
  cancel NAME       pause the campaign: workers take no new job (running ones finish)
  resume NAME       resume it (--retry-failed also retries the failed jobs)

Common options:
  --redis URL       redis://[user:password@]host:port[/db] or rediss:// for TLS (or env ACPT_REDIS_URL; the
                    password is never printed)
  --results DIR     the results folder every worker can reach (or env ACPT_RESULTS_DIR; default ./sweep-results)
  --help            this text
`;
