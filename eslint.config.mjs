import js from "@eslint/js";
import eslintReact from "@eslint-react/eslint-plugin";
import drizzle from "eslint-plugin-drizzle";
import globals from "globals";
import tseslint from "typescript-eslint";

const onlyContract = {
  patterns: [
    { group: ["@/server/*", "!@/server/contract", "../server/*", "../../server/*"], message: "app/ and components/ may import only server/contract/." },
    { group: ["@/db/*", "@/db"], message: "app/ and components/ never touch the database." },
  ],
};

const belowServices = {
  patterns: [
    {
      group: ["**/ingest", "**/ingest/**", "**/desks/**", "**/stories/**", "**/realtime/**", "**/http/**", "**/auth/**", "**/users/**", "**/saved-searches/**", "**/demo/**", "**/cli/**", "**/app", "**/app-context", "**/context", "**/jobs", "**/main", "**/bootstrap"],
      message: "server/storage/ and server/domain/ import only db/, server/contract/, server/domain/ and themselves.",
    },
  ],
};

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", "db/migrations/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "bench/tmp/**", "data/**", "dist/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname }, globals: { ...globals.node, ...globals.browser } },
    plugins: { drizzle },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/require-await": "off",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
    },
  },
  { files: ["app/**", "components/**", "pages/**"], rules: { "no-restricted-imports": ["error", onlyContract] } },
  // React's own correctness rules: hooks called in order, effects with their dependencies, keys on lists,
  // and no `// text` written as a comment inside JSX (it renders on the page).
  {
    files: ["app/**/*.tsx", "components/**/*.tsx", "pages/**/*.tsx"],
    plugins: { "@eslint-react": eslintReact },
    rules: {
      "@eslint-react/jsx-no-comment-textnodes": "error",
      "@eslint-react/rules-of-hooks": "error",
      "@eslint-react/exhaustive-deps": "error",
      "@eslint-react/no-missing-key": "error",
      "@eslint-react/no-duplicate-key": "error",
    },
  },
  {
    files: ["server/contract/**"],
    ignores: ["**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ regex: "^(?!zod$|\\./).*", message: "server/contract/ imports only zod and itself." }] }] },
  },
  { files: ["server/storage/**", "server/domain/**"], ignores: ["**/*.test.ts"], rules: { "no-restricted-imports": ["error", belowServices] } },
  { files: ["db/**"], rules: { "no-restricted-imports": ["error", { patterns: [{ group: ["@/server/*", "!@/server/contract", "../server/*", "!../server/contract"], message: "db/ imports only server/contract/ from server/." }] }] } },
  {
    files: ["server/ingest/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { regex: "(^|/)realtime(/|$)", message: "server/ingest/ never imports server/realtime/: stored stories reach the desks through the context's publisher." },
        { regex: "^(@/server/|(\\.\\./)+)(app|app-context|context)$", message: "server/ingest/ takes an IngestContext (ingest-context.ts), never the server's assembly or the whole app context." },
      ] }],
    },
  },
  { files: ["**/*.mjs", "**/*.js"], ...tseslint.configs.disableTypeChecked },
);
