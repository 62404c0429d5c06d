// ESLint: typescript-eslint's strict rules, React's rules of hooks, and Next's own rules.
import next from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "**/*.generated.ts"] },
  ...tseslint.configs.strict,
  {
    // The rules of hooks and their dependency lists, and the React Compiler's rules (refs read in
    // render, setState in effects, impure renders).
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs["recommended-latest"].rules,
  },
  { plugins: { "@next/next": next }, rules: { ...next.configs.recommended.rules, ...next.configs["core-web-vitals"].rules } },
  {
    rules: {
      // `_name` is how a destructuring leaves a field out (`const { status: _s, ...rest } = o`).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    // Pages and components use each lib folder through its index.ts (ARCHITECTURE.md). lib/store and
    // lib/live keep server-only modules (the Kubernetes client, the event stream) out of their indexes
    // so a client component importing the index never pulls them into the browser.
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^@/lib/(?!store/|live/)[a-z-]+/", message: "Import the folder's public entry point (@/lib/<folder>), not a file inside it." }] },
      ],
    },
  },
  {
    // A test's `rows[0]!` fails the test at once when the row is missing, which is what it checks.
    files: ["**/*.test.ts", "**/*.test.tsx", "e2e/**", "**/testing/**"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
);
