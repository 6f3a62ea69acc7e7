// Publish-once, shared by both layers: the checks made before anything is written, and the Lua script
// that makes it one atomic step on a real server. A redelivered job publishes nothing twice.
import type { Cap, Command, Fields } from "./RedisStore.ts"
import { capError } from "./streamId.ts"

export type PublishOnce = Extract<Command, { op: "publishOnce" }>

/** Why the command would fail half-way (after the hash write); undefined when it can run. */
export const publishOnceError = (c: PublishOnce): string | undefined =>
  Object.keys(c.fields).length === 0 || c.onlyIf?.field === "" ? "ERR wrong number of arguments" : capError(c.cap)

/** A hash's or a stream entry's fields as arguments: field, value, field, value… */
export const fieldArgs = (fields: Fields): Array<string> => {
  const args: Array<string> = []
  for (const field of Object.keys(fields)) args.push(field, fields[field]!)
  return args
}

/** XADD's cap arguments. */
export const capArgs = (cap: Cap | undefined): Array<string> =>
  cap === undefined ? [] : "maxLen" in cap ? ["MAXLEN", String(cap.maxLen)] : ["MINID", cap.minId]

/**
 * KEYS: hash, stream. ARGV: guard field ('' for none), guard value, sigField, sig, n, n also-pairs, cap
 * kind ('' | MAXLEN | MINID), cap value, field pairs. Returns the new entry id, or nil when the hash already
 * holds the signature or the guard field no longer holds the guard value. Nothing is half-done: HMGET fails on
 * a hash key of the wrong type before any write; XADD, the first write, fails on a stream key of the wrong
 * type (or out of memory) before writing; and once a script has written, Redis lets it finish (the HSET runs
 * even under `maxmemory`). Three commands inside, as few as the semantics allow.
 */
export const publishOnceLua = `
local got
if ARGV[1] ~= '' then
  got = redis.call('HMGET', KEYS[1], ARGV[3], ARGV[1])
  if got[2] ~= ARGV[2] then return false end
else
  got = redis.call('HMGET', KEYS[1], ARGV[3])
end
if got[1] == ARGV[4] then return false end
local n = tonumber(ARGV[5])
local c = 6 + 2 * n
local xadd = {'XADD', KEYS[2]}
if ARGV[c] ~= '' then
  xadd[#xadd + 1] = ARGV[c]
  xadd[#xadd + 1] = ARGV[c + 1]
end
xadd[#xadd + 1] = '*'
for i = c + 2, #ARGV do xadd[#xadd + 1] = ARGV[i] end
local id = redis.call(unpack(xadd))
local hset = {'HSET', KEYS[1], ARGV[3], ARGV[4]}
for i = 6, 5 + 2 * n do hset[#hset + 1] = ARGV[i] end
redis.call(unpack(hset))
return id
`

/** The script's KEYS and ARGV for one command. */
export const publishOnceArgs = (c: PublishOnce): [string, string, ...Array<string>] => {
  const also = fieldArgs(c.also)
  const [capKind = "", capValue = ""] = capArgs(c.cap)
  return [
    c.key,
    c.stream,
    c.onlyIf?.field ?? "",
    c.onlyIf?.value ?? "",
    c.sigField,
    c.sig,
    String(also.length / 2),
    ...also,
    capKind,
    capValue,
    ...fieldArgs(c.fields)
  ]
}
