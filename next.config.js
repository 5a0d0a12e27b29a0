/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The custom server (server/main.ts) owns HTTP; Next only renders pages and never bundles server code.
  // `npm run typecheck` checks the whole project (server included) once; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // app/global-not-found.tsx: a 404 rendered per request (with the CSP nonce) for paths no page answers.
  experimental: { globalNotFound: true },
};

export default nextConfig;
