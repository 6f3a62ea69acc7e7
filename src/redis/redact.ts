// Error texts and URLs that are safe to log. ioredis puts command arguments (AUTH's password included)
// on its errors, and Redis echoes arguments in some replies, so a message is rebuilt from fixed parts:
// the reply's error code, a known argument-free prefix, or the name/code of a client-side error.

/** Argument-free descriptions of Redis reply error codes (the first word of a reply error). */
const replyCodes: Readonly<Record<string, string>> = {
  NOGROUP: "NOGROUP no such key or consumer group",
  BUSYGROUP: "BUSYGROUP consumer group name already exists",
  WRONGTYPE: "WRONGTYPE operation against a key holding the wrong kind of value",
  OOM: "OOM command not allowed when used memory > 'maxmemory'",
  NOAUTH: "NOAUTH authentication required",
  WRONGPASS: "WRONGPASS invalid username-password pair or user is disabled",
  NOPERM: "NOPERM no permission for this command or key",
  READONLY: "READONLY cannot write against a read only replica",
  LOADING: "LOADING Redis is loading the dataset in memory",
  BUSY: "BUSY Redis is busy running a script",
  NOSCRIPT: "NOSCRIPT no matching script",
  EXECABORT: "EXECABORT transaction discarded because of previous errors",
  MISCONF: "MISCONF Redis cannot persist to disk",
  MASTERDOWN: "MASTERDOWN link with the master is down",
  CLUSTERDOWN: "CLUSTERDOWN the cluster is down",
  CROSSSLOT: "CROSSSLOT keys in request don't hash to the same slot",
  MOVED: "MOVED key served by another node",
  ASK: "ASK key being migrated",
  TRYAGAIN: "TRYAGAIN multi-key request during resharding"
}

/** `ERR …` replies whose leading words hold no argument; anything after the prefix is dropped. */
const errPrefixes: ReadonlyArray<string> = [
  "ERR Invalid stream ID",
  "ERR The ID specified in XADD",
  "ERR wrong number of arguments",
  "ERR syntax error",
  "ERR value is not an integer or out of range",
  "ERR value is not a valid float",
  "ERR timeout is negative",
  "ERR COUNT must be > 0",
  "ERR no such key",
  "ERR unknown command",
  "ERR unknown subcommand",
  "ERR max number of clients reached",
  "ERR AUTH",
  "ERR Error running script",
  "ERR user_script"
]

/** ioredis's own messages, which hold no argument. */
const clientMessages: ReadonlyArray<string> = [
  "Connection is closed.",
  "Command timed out",
  "Stream isn't writeable and enableOfflineQueue options is false",
  "Reached the max retries per request limit",
  "Redis is already connecting/connected",
  "connect ETIMEDOUT"
]

const codeWord = /^[A-Z][A-Z0-9_]{1,31}$/

/** The safe text of a Redis reply error such as `NOGROUP No such key 'jobs' …` → `NOGROUP no such key or consumer group`. */
export const describeReply = (message: string): string => {
  const code = message.split(" ", 1)[0] ?? ""
  if (code === "ERR") return errPrefixes.find((prefix) => message.startsWith(prefix)) ?? "ERR"
  return replyCodes[code] ?? (codeWord.test(code) ? code : "reply error")
}

/** The first word of a reply error (`NOGROUP`, `BUSYGROUP`, `OOM` …), to branch on. */
export const replyCode = (error: unknown): string | undefined =>
  error instanceof Error && error.name === "ReplyError" ? error.message.split(" ", 1)[0] : undefined

/**
 * A message for any error thrown by ioredis or the socket under it, without command arguments, the URL
 * or the password: reply errors by their code, client errors by their fixed message, system and TLS
 * errors by `syscall code` (`connect ECONNREFUSED`, `DEPTH_ZERO_SELF_SIGNED_CERT`).
 */
export const describeError = (error: unknown): string => {
  if (!(error instanceof Error)) return "unknown error"
  if (error.name === "ReplyError") return describeReply(error.message)
  const known = clientMessages.find((m) => error.message.startsWith(m))
  if (known !== undefined) return known
  const { code, syscall } = error as { code?: unknown; syscall?: unknown }
  if (typeof code === "string" && codeWord.test(code)) {
    return typeof syscall === "string" && /^[a-z]{1,16}$/.test(syscall) ? `${syscall} ${code}` : code
  }
  return error.name === "MaxRetriesPerRequestError" ? "Reached the max retries per request limit" : error.name
}

/** `rediss://user:***@host:6380/0`: the password replaced, everything else kept; unparseable URLs are not echoed. */
export const redactUrl = (url: string): string => {
  if (!URL.canParse(url)) return "<invalid url>"
  const parsed = new URL(url)
  if (parsed.password !== "") parsed.password = "***"
  return parsed.href
}
