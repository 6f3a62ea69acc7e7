// Publish-once, shared by both layers: the checks made before anything is written, and the Lua script
// that makes it one atomic step on a real server. A redelivered job publishes nothing twice.
import type { Cap, Command } from "./RedisStore.ts"
import { capError } from "./streamId.ts"

export type PublishOnce = Extract<Command, { op: "publishOnce" }>

/** Why the command would fail half-way (after the hash write); undefined when it can run. */
export const publishOnceError = (c: PublishOnce): string | undefined =>
  Object.keys(c.fields).length === 0 || c.onlyIf?.field === "" ? "ERR wrong number of arguments" : capError(c.cap)

/** XADD's cap arguments. */
export const capArgs = (cap: Cap | undefined): Array<string> =>
  cap === undefined ? [] : "maxLen" in cap ? ["MAXLEN", String(cap.maxLen)] : ["MINID", cap.minId]

/**
 * KEYS: hash, stream. ARGV: guard field ('' for none), guard value, sigField, sig, n, n also-pairs, cap
 * kind ('' | MAXLEN | MINID), cap value, field pairs. Returns the new entry id, or nil when the hash already
 * holds the signature or the guard field no longer holds the guard value. Every check comes before the
 * first write, so a failure leaves nothing half-done.
 */
export const publishOnceLua = `
if ARGV[1] ~= '' and redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return false end
table.remove(ARGV, 1)
table.remove(ARGV, 1)
if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then return false end
local t = redis.call('TYPE', KEYS[2]).ok
if t ~= 'none' and t ~= 'stream' then
  return redis.error_reply('WRONGTYPE Operation against a key holding the wrong kind of value')
end
local n = tonumber(ARGV[3])
local hset = {'HSET', KEYS[1], ARGV[1], ARGV[2]}
for i = 4, 3 + 2 * n do hset[#hset + 1] = ARGV[i] end
local c = 4 + 2 * n
local xadd = {'XADD', KEYS[2]}
if ARGV[c] ~= '' then
  xadd[#xadd + 1] = ARGV[c]
  xadd[#xadd + 1] = ARGV[c + 1]
end
xadd[#xadd + 1] = '*'
for i = c + 2, #ARGV do xadd[#xadd + 1] = ARGV[i] end
redis.call(unpack(hset))
return redis.call(unpack(xadd))
`

/** The script's KEYS and ARGV for one command. */
export const publishOnceArgs = (c: PublishOnce): [string, string, ...Array<string>] => {
  const also = Object.entries(c.also)
  const [capKind = "", capValue = ""] = capArgs(c.cap)
  return [
    c.key,
    c.stream,
    c.onlyIf?.field ?? "",
    c.onlyIf?.value ?? "",
    c.sigField,
    c.sig,
    String(also.length),
    ...also.flat(),
    capKind,
    capValue,
    ...Object.entries(c.fields).flat()
  ]
}
