/**
 * The Lua scripts of the Redis admission, one per operation, each atomic on Redis. Every script works on two keys of
 * one model (same hash tag, so a Redis Cluster keeps them on one slot): `KEYS[1]` the window hash, `KEYS[2]` the
 * sorted set of in-flight tickets (member `id|tokens`, score = expiry ms).
 *
 * Windows: `rm rh rd tm th td` (requests or tokens per minute, hour, day). Per window the hash holds `<w>:end` (when
 * the current window ends), `<w>:used` (what admitted attempts reserved in it, minus what they gave back),
 * `<w>:floor` / `<w>:floorEnd` (what the server last said was used, until its reset) and `<w>:slimit` (the
 * server's limit). At a window's end `used` restarts at what is still in flight (a request admitted just before the
 * boundary may reach the server just after it). The effective use of a window is `max(used, floor + in-flight)`.
 *
 * `ARGV[1]` of every script is the time in ms, or `''` for Redis' own clock (one clock for every machine).
 */
const PRELUDE = `
local WINDOWS = {'rm', 'rh', 'rd', 'tm', 'th', 'td'}
local LENGTH = {rm = 60000, rh = 3600000, rd = 86400000, tm = 60000, th = 3600000, td = 86400000}
local TTL = 172800000
local now = tonumber(ARGV[1])
if now == nil then
  local time = redis.call('TIME')
  now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
end
local function num(field, default)
  local value = redis.call('HGET', KEYS[1], field)
  if value then return tonumber(value) end
  return default
end
local function unitOf(w) return string.sub(w, 1, 1) end
local inflight = {r = num('inflight:r', 0), t = num('inflight:t', 0)}
local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now)
for _, member in ipairs(expired) do
  local tokens = tonumber(string.match(member, '|(%d+)$')) or 0
  inflight.r = math.max(0, inflight.r - 1)
  inflight.t = math.max(0, inflight.t - tokens)
  redis.call('ZREM', KEYS[2], member)
end
if #expired > 0 then
  redis.call('HSET', KEYS[1], 'inflight:r', inflight.r, 'inflight:t', inflight.t)
  redis.call('HINCRBY', KEYS[1], 'stat:expired', #expired)
end
local function roll(w)
  local length = LENGTH[w]
  local finish = num(w .. ':end', 0)
  if now >= finish then
    local nextEnd = (math.floor(now / length) + 1) * length
    redis.call('HSET', KEYS[1], w .. ':end', nextEnd, w .. ':used', inflight[unitOf(w)])
    return nextEnd, inflight[unitOf(w)]
  end
  return finish, num(w .. ':used', 0)
end
local function touch()
  redis.call('PEXPIRE', KEYS[1], TTL)
  redis.call('PEXPIRE', KEYS[2], TTL)
end
`;

/**
 * `admit`: ARGV = now, tokens, ticket ttl ms, poll ms, then six configured limits in window order (`-1` = none).
 * Returns `{1, ticketId, now}` when admitted (every window charged: one request, `tokens` tokens), else
 * `{0, waitMs (-1 = never fits), window, remainingTokens}`. A refusal while tickets of the binding unit are in flight
 * waits at most `poll` ms: a settlement may give tokens back before the window ends.
 */
export const ADMIT_SCRIPT: string = `${PRELUDE}
local tokens = tonumber(ARGV[2])
local ttl = tonumber(ARGV[3])
local poll = tonumber(ARGV[4])
local wait = 0
local binding = ''
local remaining = -1
local state = {}
for index, w in ipairs(WINDOWS) do
  local finish, used = roll(w)
  local unit = unitOf(w)
  local cost = tokens
  if unit == 'r' then cost = 1 end
  local limit = tonumber(ARGV[4 + index])
  local slimit = num(w .. ':slimit', -1)
  if limit < 0 or (slimit >= 0 and slimit < limit) then limit = slimit end
  state[w] = {used = used, cost = cost}
  if limit >= 0 then
    local effective = used
    local floorEnd = num(w .. ':floorEnd', 0)
    local floorActive = now < floorEnd
    if floorActive then effective = math.max(used, num(w .. ':floor', 0) + inflight[unit]) end
    if effective + cost > limit then
      local windowWait = 0
      if cost > limit then
        windowWait = -1
      else
        if used + cost > limit then windowWait = finish - now end
        if floorActive and num(w .. ':floor', 0) + inflight[unit] + cost > limit then
          windowWait = math.max(windowWait, floorEnd - now)
        end
        if inflight[unit] > 0 then windowWait = math.min(windowWait, poll) end
        windowWait = math.max(windowWait, 1)
      end
      if windowWait < 0 or (wait >= 0 and windowWait > wait) then
        wait = windowWait
        binding = w
        if unit == 't' then remaining = math.max(0, limit - effective) end
      end
    end
  end
end
touch()
if binding ~= '' then
  redis.call('HINCRBY', KEYS[1], 'stat:refused', 1)
  return {0, wait, binding, remaining}
end
for _, w in ipairs(WINDOWS) do
  redis.call('HSET', KEYS[1], w .. ':used', state[w].used + state[w].cost)
end
local id = redis.call('HINCRBY', KEYS[1], 'seq', 1)
redis.call('ZADD', KEYS[2], now + ttl, id .. '|' .. tokens)
redis.call('HSET', KEYS[1], 'inflight:r', inflight.r + 1, 'inflight:t', inflight.t + tokens)
redis.call('HINCRBY', KEYS[1], 'stat:admitted', 1)
return {1, id, now}
`;

/**
 * `settle`: ARGV = now, ticket id, reserved tokens, charged (`1`/`0`), used tokens (`-1` = unknown). Gives back the
 * unused part of the reservation (all of it, the request included, when not charged) to the current windows, which
 * carry every in-flight reservation. A ticket that already expired is ignored. Returns 1 when settled, 0 otherwise.
 */
export const SETTLE_SCRIPT: string = `${PRELUDE}
local member = ARGV[2] .. '|' .. ARGV[3]
if not redis.call('ZSCORE', KEYS[2], member) then return 0 end
redis.call('ZREM', KEYS[2], member)
local reserved = tonumber(ARGV[3])
local charged = ARGV[4] == '1'
local usedTokens = tonumber(ARGV[5])
local giveTokens = 0
local giveRequests = 0
if not charged then
  giveTokens = reserved
  giveRequests = 1
  redis.call('HINCRBY', KEYS[1], 'stat:rejected', 1)
elseif usedTokens >= 0 and usedTokens < reserved then
  giveTokens = reserved - usedTokens
end
redis.call('HSET', KEYS[1], 'inflight:r', math.max(0, inflight.r - 1), 'inflight:t', math.max(0, inflight.t - reserved))
for _, w in ipairs(WINDOWS) do
  local _, used = roll(w)
  local give = giveTokens
  if unitOf(w) == 'r' then give = giveRequests end
  if give > 0 then redis.call('HSET', KEYS[1], w .. ':used', math.max(0, used - give)) end
end
if usedTokens >= 0 then redis.call('HINCRBY', KEYS[1], 'stat:usedTokens', usedTokens) end
touch()
return 1
`;

/**
 * `observe`: ARGV = now, then per window in order three values: limit, remaining, reset ms (`''` when absent).
 * Folds the server's view in: its limit (the lower one binds), and `limit - remaining` as a floor on the window's use
 * until the server's reset. Within one server window the floor only rises (responses may arrive out of order); a
 * later reset starts a new floor; a reset earlier than the current floor's is a stale report and is ignored.
 */
export const OBSERVE_SCRIPT: string = `${PRELUDE}
for index, w in ipairs(WINDOWS) do
  local limit = tonumber(ARGV[2 + (index - 1) * 3])
  local remaining = tonumber(ARGV[3 + (index - 1) * 3])
  local reset = tonumber(ARGV[4 + (index - 1) * 3])
  if limit then redis.call('HSET', KEYS[1], w .. ':slimit', limit) else limit = num(w .. ':slimit', -1) end
  if remaining and limit >= 0 then
    local serverUsed = math.max(0, limit - remaining)
    local floorEnd = now + (reset or LENGTH[w])
    local oldEnd = num(w .. ':floorEnd', 0)
    if now < oldEnd and math.abs(floorEnd - oldEnd) < 1000 then
      redis.call('HSET', KEYS[1], w .. ':floor', math.max(serverUsed, num(w .. ':floor', 0)))
    elseif now >= oldEnd or floorEnd > oldEnd then
      redis.call('HSET', KEYS[1], w .. ':floor', serverUsed, w .. ':floorEnd', floorEnd)
    end
  end
end
touch()
return 1
`;
