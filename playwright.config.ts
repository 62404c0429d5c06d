import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS } from "./e2e/server";

// One real control plane and one production build of Routeboard for the whole run
// (e2e/global-setup.ts); the browser is Debian's Chromium.
export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  outputDir: process.env.PW_OUTPUT_DIR ?? "test-results",
  globalSetup: "./e2e/global-setup.ts",
  // The specs share one cluster and one of them stops its API server: run them one at a time.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: process.env.ROUTEBOARD_URL,
    viewport: { width: 1280, height: 800 },
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: CHROMIUM_ARGS,
    },
  },
});
