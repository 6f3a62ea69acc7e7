// `npm run test:faults`: the fault suite (issue 5). Scenarios run one file at a time, because they measure
// recovery times and memory on a small machine; each starts its own redis-server, simulator and proxy on
// free loopback ports and kills its children when it ends. Needs the build (dist/) and redis-server.
import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    include: ["test/faults/**/*.test.ts"],
    globalSetup: ["test/faults/globalSetup.ts"],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 60_000,
    pool: "forks"
  }
})
