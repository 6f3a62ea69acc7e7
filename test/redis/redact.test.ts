import { assert, describe, it } from "@effect/vitest"
import { describeError, describeReply, redactUrl, replyCode } from "../../src/redis/redact.ts"

/** Shaped like ioredis's ReplyError: the command and its arguments ride along. */
const replyError = (message: string, args: ReadonlyArray<string>) =>
  Object.assign(new Error(message), { name: "ReplyError", command: { name: "auth", args } })

describe("redaction", () => {
  it("reply errors keep their code and a fixed text, never what follows", () => {
    assert.strictEqual(
      describeReply("NOGROUP No such key 'jobs' or consumer group 'g' in XREADGROUP with GROUP option"),
      "NOGROUP no such key or consumer group"
    )
    assert.strictEqual(describeReply("OOM command not allowed when used memory > 'maxmemory'."), "OOM command not allowed when used memory > 'maxmemory'")
    assert.strictEqual(describeReply("ERR unknown command 'AUTHX', with args beginning with: 'hunter2'"), "ERR unknown command")
    assert.strictEqual(describeReply("ERR something we never heard of: hunter2"), "ERR")
    assert.strictEqual(describeReply("NEWCODE carries hunter2"), "NEWCODE")
    assert.strictEqual(describeReply("hunter2 is not a code"), "reply error")
  })

  it("describeError: replies by code, ioredis messages verbatim, system errors by syscall and code", () => {
    const auth = replyError("WRONGPASS invalid username-password pair or user is disabled.", ["hunter2"])
    assert.strictEqual(describeError(auth), "WRONGPASS invalid username-password pair or user is disabled")
    assert.strictEqual(replyCode(auth), "WRONGPASS")
    assert.strictEqual(describeError(new Error("Connection is closed.")), "Connection is closed.")
    assert.strictEqual(describeError(new Error("Command timed out")), "Command timed out")
    const refused = Object.assign(new Error("connect ECONNREFUSED 10.0.0.1:6379 hunter2"), { code: "ECONNREFUSED", syscall: "connect" })
    assert.strictEqual(describeError(refused), "connect ECONNREFUSED")
    const tls = Object.assign(new Error("self-signed certificate hunter2"), { code: "DEPTH_ZERO_SELF_SIGNED_CERT" })
    assert.strictEqual(describeError(tls), "DEPTH_ZERO_SELF_SIGNED_CERT")
    assert.strictEqual(describeError(new TypeError("hunter2 in a message")), "TypeError")
    assert.strictEqual(describeError("hunter2"), "unknown error")
    assert.isUndefined(replyCode(new Error("NOGROUP but not a reply")))
  })

  it("redactUrl hides the password only", () => {
    assert.strictEqual(redactUrl("rediss://worker:hunter2@redis.example:6380/2"), "rediss://worker:***@redis.example:6380/2")
    assert.strictEqual(redactUrl("redis://:hunter2@127.0.0.1:6379"), "redis://:***@127.0.0.1:6379")
    assert.strictEqual(redactUrl("redis://127.0.0.1:6379"), "redis://127.0.0.1:6379")
    assert.strictEqual(redactUrl("not a url hunter2"), "<invalid url>")
  })
})
