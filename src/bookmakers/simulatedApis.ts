// Every bookmaker's simulated API, for the simulator's HTTP shell to mount under its prefix.
import type { SimulatedApi } from "../simulator/SimulatedApi.ts"
import { alphaApi } from "./alpha/api.ts"
import { betaApi } from "./beta/api.ts"
import { deltaApi } from "./delta/api.ts"
import { gammaApi } from "./gamma/api.ts"

export const simulatedApis: ReadonlyArray<SimulatedApi> = [alphaApi, betaApi, gammaApi, deltaApi]
