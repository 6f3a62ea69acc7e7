// The whole system in one process: the simulator (unless BOOKIE_*_URL point elsewhere), the scheduler, a
// worker per job stream and the detector, on the in-memory RedisStore unless REDIS_URL is set. Every part
// is the one its own command runs, with its own settings; only its configuration is given here.
import { Config, ConfigProvider, Context, Effect, Fiber, Layer, Option, Redacted, Stream } from "effect"
import { envInfix } from "../bookmakers/http/settings.ts"
import { simulatedApis } from "../bookmakers/simulatedApis.ts"
import { workerConfig, WorkerConfig } from "../config/WorkerConfig.ts"
import { type DataSource, dataSources, type Market, markets } from "../domain/Market.ts"
import { Detector, type OpportunityEvent } from "../mispricing/detector/Detector.ts"
import { detectorConfig, DetectorConfig } from "../mispricing/detector/DetectorConfig.ts"
import { run as runWorker } from "../pipeline/Worker.ts"
import { layerHttpExtractors, layerResolver } from "../pipeline/WorkerLive.ts"
import { jobStream } from "../redis/keys.ts"
import { layerFromConfig, layerRedis } from "../redis/layers.ts"
import { runScheduler } from "../scheduler/Scheduler.ts"
import { schedulerConfig, SchedulerConfig } from "../scheduler/SchedulerConfig.ts"
import { type Simulator, simulatorResource } from "../simulator/Server.ts"
import { simulatorOptions } from "../simulator/SimulatorConfig.ts"
import { cadenceWarnings } from "./cadence.ts"
import { startConfig } from "./StartConfig.ts"

export interface JobStream {
  readonly stream: string
  readonly market: Market
  readonly source: DataSource
}

/** The six job streams, live first. */
export const jobStreams: ReadonlyArray<JobStream> = dataSources.flatMap((source) =>
  markets.map((market) => ({ stream: jobStream(market, source), market, source }))
)

export interface System {
  /** The embedded simulator; undefined when BOOKIE_*_URL name the bookmakers. */
  readonly simulator: Simulator | undefined
  /** `in-memory`, or the Redis server (without credentials). */
  readonly store: string
  readonly detector: Detector["Service"]
  /** Fails (or dies) when a part does; the parts otherwise run until the scope closes. */
  readonly failed: Effect.Effect<never>
}

export interface LaunchOptions {
  /** Subscribed before the detector starts, so it sees every event. */
  readonly onEvent?: (event: OpportunityEvent) => Effect.Effect<void>
}

/** Values that win over the environment for `effect`'s configuration. */
const withOverrides = (env: Readonly<Record<string, string>>) => <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.gen(function*() {
    const current = yield* ConfigProvider.ConfigProvider
    const provider = ConfigProvider.orElse(ConfigProvider.fromEnv({ env: { ...env } }), current)
    return yield* Effect.provideService(effect, ConfigProvider.ConfigProvider, provider)
  })

/** BOOKIE_<BOOK>_URL of every bookmaker, served by the embedded simulator. */
const simulatorUrls = (simulator: Simulator): Record<string, string> =>
  Object.fromEntries(simulatedApis.map((api) => [`BOOKIE_${envInfix(api.bookmaker)}_URL`, `${simulator.url}${api.prefix}`]))

const storeName = Config.option(Config.Redacted("REDIS_URL")).pipe(
  Config.map(Option.match({
    onNone: () => "in-memory",
    onSome: (url) => {
      const text = Redacted.value(url)
      const u = URL.canParse(text) ? new URL(text) : undefined
      return u === undefined ? "redis" : `${u.protocol}//${u.hostname}${u.port === "" ? "" : `:${u.port}`}`
    }
  }))
)

/**
 * A function giving a part that reads with XREADGROUP … BLOCK (a worker, the detector) the shared context,
 * with a Redis store of its own when on Redis, as if it ran in its own process: a store has one connection
 * for blocking reads and serves one read at a time, so parts sharing it would each wait behind the others'
 * BLOCK (up to XTR_BLOCK / DETECT_BLOCK apiece: seconds between reads with seven readers). The in-memory
 * store is the data itself: shared, and its reads do not queue.
 */
const readerContexts = Effect.map(Config.option(Config.String("REDIS_URL")), (url) =>
  <S>(shared: Context.Context<S>) =>
    Option.isNone(url)
      ? Effect.succeed(shared)
      : Effect.map(Layer.build(Layer.fresh(layerRedis)), (own) => Context.merge(shared, own)))

/**
 * Starts every part in the current scope; closing the scope stops them in reverse order: the scheduler,
 * then the workers (each finishing its batch in flight), then the detector, the store and the simulator.
 * Every setting is read before anything starts, so a bad one is reported without side effects.
 */
export const launch = (options: LaunchOptions = {}) =>
  Effect.gen(function*() {
    const settings = yield* startConfig
    const scheduler = yield* schedulerConfig
    const detector = yield* detectorConfig
    for (const warning of cadenceWarnings(scheduler, detector.pricing)) yield* Effect.logWarning(warning)
    const workers = yield* Effect.forEach(jobStreams, ({ stream, market, source }) =>
      Effect.gen(function*() {
        return yield* workerConfig
      }).pipe(withOverrides({ STREAM: stream, XTRTYPE: `${market}-${source}-worker` })))
    const store = yield* storeName
    const simOptions = yield* simulatorOptions

    const simulator = settings.externalBookmakers ? undefined : yield* simulatorResource(simOptions)
    const urls = simulator === undefined ? {} : simulatorUrls(simulator)
    const withReader = yield* readerContexts
    const parts = Layer.mergeAll(layerHttpExtractors, layerResolver).pipe(Layer.provideMerge(layerFromConfig))
    const context = yield* Layer.build(parts).pipe(withOverrides(urls))
    const running = yield* Detector.layer.pipe(
      Layer.provide(Layer.succeed(DetectorConfig, detector)),
      Layer.build,
      Effect.provide(yield* withReader(context)),
      Effect.map(Context.get(Detector))
    )
    const workerContexts = yield* Effect.forEach(workers, () => withReader(context))

    const fibers: Array<Fiber.Fiber<unknown, unknown>> = []
    if (options.onEvent !== undefined) {
      fibers.push(yield* Effect.forkScoped(Stream.runForEach(running.events, options.onEvent), { startImmediately: true }))
    }
    fibers.push(yield* Effect.forkScoped(running.run))
    // One fiber for the six workers: stopping it stops them all at once, each finishing its batch in flight.
    const allWorkers = Effect.forEach(
      workers,
      (worker, i) => runWorker.pipe(Effect.provideService(WorkerConfig, worker), Effect.provide(workerContexts[i]!)),
      { concurrency: "unbounded", discard: true }
    )
    fibers.push(yield* Effect.forkScoped(allWorkers))
    fibers.push(yield* Effect.forkScoped(runScheduler.pipe(Effect.provideService(SchedulerConfig, scheduler), Effect.provide(context))))

    return {
      simulator,
      store,
      detector: running,
      failed: Effect.raceAllFirst(fibers.map((f) => Fiber.join(f))).pipe(Effect.orDie, Effect.andThen(Effect.never))
    } satisfies System
  })

