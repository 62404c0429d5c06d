import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const alias = { "@": fileURLToPath(new URL(".", import.meta.url)) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "e2e/cluster/**/*.test.ts"],
          exclude: ["**/*.cluster.test.ts", "**/*.conformance.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          // Against a real kube-apiserver + etcd started once for the run.
          name: "integration",
          include: ["lib/**/*.cluster.test.ts"],
          globalSetup: ["e2e/cluster/vitest-setup.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          // The Gateway API conformance suite's cases (e2e/conformance/README.md), fetched once per machine.
          name: "conformance",
          include: ["lib/**/*.conformance.test.ts"],
          globalSetup: ["e2e/conformance/vitest-setup.ts"],
          environment: "node",
          testTimeout: 60_000,
        },
      },
    ],
  },
});
