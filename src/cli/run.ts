// Runs one command's program under NodeRuntime: SIGTERM/SIGINT interrupt it and every finalizer runs;
// a clean stop exits 0, a configuration error prints one line naming the variable and exits 2.
// The heap settings (XTR_HEAP_*) are applied first, so they hold for the whole program.
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { Cause, Effect, Layer, Logger, References, Runtime } from "effect"
import type { ConfigError } from "effect/Config"
import { applyHeapConfig } from "../runtime/heap.ts"

/** `STREAM: missing` / `XTR_BATCH: Expected a string representing a finite number`. */
export const describeConfigError = (error: ConfigError): string => {
  const text = String(error.cause instanceof Error ? error.cause.message : error.cause)
  const path = /at \[([^\]]*)\]/.exec(text)?.[1]?.replaceAll('"', "").replaceAll(",", ".") ?? "configuration"
  const reason = text.split("\n")[0]!.replace(/^SchemaError\(/, "").trim()
  return reason === "Expected string" ? `${path}: missing (required)` : `${path}: ${reason}`
}

export const LoggingLive = Layer.mergeAll(
  Logger.layer([Logger.consoleLogFmt]),
  Layer.succeed(References.MinimumLogLevel, "Info")
)

export const runCommand = <E>(program: Effect.Effect<void, E>) =>
  NodeRuntime.runMain(
    Effect.andThen(applyHeapConfig, program).pipe(
      Effect.catchTag("ConfigError" as never, (e: ConfigError) =>
        Effect.sync(() => {
          process.stderr.write(`config error: ${describeConfigError(e)}\n`)
          process.exitCode = 2
        })),
      Effect.provide(LoggingLive)
    ),
    {
      disableErrorReporting: false,
      teardown: (exit, onExit) =>
        exit._tag === "Failure" && Cause.hasInterruptsOnly(exit.cause)
          ? onExit(0)
          : exit._tag === "Success"
          ? onExit(Number(process.exitCode ?? 0))
          : Runtime.defaultTeardown(exit, onExit)
    }
  )
