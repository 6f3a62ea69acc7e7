// For commands whose stdout carries data (JSON lines): a bad invocation gets its errors on stderr, without
// the help text, and a pointer to `--help`.
import { Console, Effect } from "effect"
import { CliOutput } from "effect/cli"

export const errorsToStderr = (command: string) =>
  CliOutput.layerPresenter({
    present: (event) =>
      event._tag === "InvalidInvocation"
        ? Effect.gen(function*() {
          const formatter = yield* CliOutput.Formatter
          yield* Console.error(`${formatter.formatErrors(event.errors)}\n(${command} --help for usage)`)
        })
        : CliOutput.defaultPresenter.present(event)
  })
