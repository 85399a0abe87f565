/**
 * How the local emulator knows who is calling, where a tenant uses the sign-in: a
 * request header (for the command lines and tests) or a cookie (for the local page).
 * A module of its own, so a command line can sign in without loading the emulator.
 */
export const USER_HEADER = 'x-emulator-user';
