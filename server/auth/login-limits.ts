import type { Limiter, LimiterFactory } from "../limits/limiter";

/** The window of the sign-in limits. */
export const LOGIN_WINDOW_SECONDS = 15 * 60;
/** Password checks one email may have per window. */
export const LOGIN_CHECKS_PER_ACCOUNT = 5;
/** Password checks one address may have per window (successful sign-ins are given back). */
export const LOGIN_CHECKS_PER_ADDRESS = 50;

/** The sign-in limits on a limiter store. */
export function createLoginLimits(limiters: LimiterFactory): { perAccount: Limiter; perAddress: Limiter } {
  return {
    perAccount: limiters({ name: "login-account", points: LOGIN_CHECKS_PER_ACCOUNT, durationSeconds: LOGIN_WINDOW_SECONDS }),
    perAddress: limiters({ name: "login-address", points: LOGIN_CHECKS_PER_ADDRESS, durationSeconds: LOGIN_WINDOW_SECONDS }),
  };
}
