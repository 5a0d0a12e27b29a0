import js from "@eslint/js";
import drizzle from "eslint-plugin-drizzle";
import globals from "globals";
import tseslint from "typescript-eslint";

const onlyContract = {
  patterns: [
    { group: ["@/server/*", "!@/server/contract", "../server/*", "../../server/*"], message: "app/ and components/ may import only server/contract/." },
    { group: ["@/db/*", "@/db"], message: "app/ and components/ never touch the database." },
  ],
};

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", "db/migrations/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "bench/tmp/**", "data/**"] },
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
  { files: ["app/**", "components/**"], rules: { "no-restricted-imports": ["error", onlyContract] } },
  {
    files: ["server/contract/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ regex: "^(?!zod$|\\./).*", message: "server/contract/ imports only zod and itself." }] }] },
  },
  { files: ["db/**"], rules: { "no-restricted-imports": ["error", { patterns: [{ group: ["@/server/*", "../server/*"], message: "db/ never imports server/." }] }] } },
  { files: ["**/*.mjs", "**/*.js"], ...tseslint.configs.disableTypeChecked },
);
