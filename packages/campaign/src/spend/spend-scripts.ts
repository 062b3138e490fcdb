/**
 * Lua scripts of the Redis spend limiter, one per operation, each atomic on Redis. Keys (one hash tag): `KEYS[1]`
 * the state hash (`limit:total`, `limit:hour`, `spent`, `reserved`, `hourSum`, `seq`), `KEYS[2]` the open
 * reservations (id → USD), `KEYS[3]` the settled spend of the sliding hour (member `seq|usd`, score = settle ms),
 * `KEYS[4]` the open reservations' expiry (id → ms). Amounts are USD as doubles, written with 17 significant digits and
 * returned as strings (Redis would truncate Lua numbers to integers). `ARGV[1]` is the time in ms or `''` for Redis'
 * clock. A reservation whose process died is counted as spent at its full amount when it expires (it may have been
 * billed): the limit errs on the safe side.
 */
const PRELUDE = `
local HOUR = 3600000
-- Sums of decimal USD amounts carry binary rounding (0.4 + 0.2 > 0.6): a nano-dollar of slack absorbs it.
local EPSILON = 1e-9
local now = tonumber(ARGV[1])
if now == nil then
  local time = redis.call('TIME')
  now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
end
local function fmt(x) return string.format('%.17g', x) end
local function num(field)
  return tonumber(redis.call('HGET', KEYS[1], field) or '0') or 0
end
local state = {spent = num('spent'), reserved = num('reserved'), hourSum = num('hourSum')}
local function addSpend(usd)
  if usd <= 0 then return end
  local seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
  redis.call('ZADD', KEYS[3], now, seq .. '|' .. fmt(usd))
  state.spent = state.spent + usd
  state.hourSum = state.hourSum + usd
end
local function close(id)
  local usd = tonumber(redis.call('HGET', KEYS[2], id) or '')
  if usd == nil then return nil end
  redis.call('HDEL', KEYS[2], id)
  redis.call('ZREM', KEYS[4], id)
  if redis.call('HLEN', KEYS[2]) == 0 then state.reserved = 0 else state.reserved = math.max(0, state.reserved - usd) end
  return usd
end
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[4], '-inf', now)) do
  local usd = close(id)
  if usd ~= nil then addSpend(usd) end
  redis.call('HINCRBY', KEYS[1], 'expired', 1)
end
for _, member in ipairs(redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now - HOUR)) do
  state.hourSum = math.max(0, state.hourSum - (tonumber(string.match(member, '|(.+)$')) or 0))
end
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now - HOUR)
if redis.call('ZCARD', KEYS[3]) == 0 then state.hourSum = 0 end
local function save()
  redis.call('HSET', KEYS[1], 'spent', fmt(state.spent), 'reserved', fmt(state.reserved), 'hourSum', fmt(state.hourSum))
end
local function snapshot()
  return {fmt(state.spent), fmt(state.reserved), fmt(state.hourSum), redis.call('HLEN', KEYS[2]),
    redis.call('HGET', KEYS[1], 'limit:total') or '', redis.call('HGET', KEYS[1], 'limit:hour') or ''}
end
`;

/**
 * `reserve`: ARGV = now, usd, ttl ms. Admits when settled + reserved + usd stays within the total limit and, over
 * the sliding hour, within the hourly one (to a nano-dollar: binary rounding of decimal sums). Returns `{1, id, snapshot…}` or `{0, limit, limitUsd, spentUsd, snapshot…}`.
 */
export const RESERVE_SCRIPT: string = `${PRELUDE}
local usd = tonumber(ARGV[2])
local ttl = tonumber(ARGV[3])
local total = tonumber(redis.call('HGET', KEYS[1], 'limit:total') or '')
local hourly = tonumber(redis.call('HGET', KEYS[1], 'limit:hour') or '')
local refusal = nil
if total ~= nil and state.spent + state.reserved + usd > total + EPSILON then
  refusal = {'total', fmt(total), fmt(state.spent)}
elseif hourly ~= nil and state.hourSum + state.reserved + usd > hourly + EPSILON then
  refusal = {'hourly', fmt(hourly), fmt(state.hourSum)}
end
if refusal ~= nil then
  save()
  local reply = {0, refusal[1], refusal[2], refusal[3]}
  for _, value in ipairs(snapshot()) do table.insert(reply, value) end
  return reply
end
local id = 'spend-' .. redis.call('HINCRBY', KEYS[1], 'seq', 1)
redis.call('HSET', KEYS[2], id, fmt(usd))
redis.call('ZADD', KEYS[4], now + ttl, id)
state.reserved = state.reserved + usd
save()
local reply = {1, id}
for _, value in ipairs(snapshot()) do table.insert(reply, value) end
return reply
`;

/** `settle`: ARGV = now, id, usd. Replaces the reservation by `usd` of spend at `now`; unknown ids are ignored. */
export const SETTLE_SPEND_SCRIPT: string = `${PRELUDE}
if close(ARGV[2]) ~= nil then addSpend(tonumber(ARGV[3]) or 0) end
save()
return snapshot()
`;

/** `release`: ARGV = now, id. Drops the reservation without spend; unknown ids are ignored. */
export const RELEASE_SPEND_SCRIPT: string = `${PRELUDE}
close(ARGV[2])
save()
return snapshot()
`;

/** `setLimits`: ARGV = now, total USD or `''`, hourly USD or `''`. */
export const SET_LIMITS_SCRIPT: string = `${PRELUDE}
if ARGV[2] == '' then redis.call('HDEL', KEYS[1], 'limit:total') else redis.call('HSET', KEYS[1], 'limit:total', ARGV[2]) end
if ARGV[3] == '' then redis.call('HDEL', KEYS[1], 'limit:hour') else redis.call('HSET', KEYS[1], 'limit:hour', ARGV[3]) end
save()
return snapshot()
`;
