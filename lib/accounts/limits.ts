/** Account limits shared by the server (better-auth, form parsing) and the forms in the browser. */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;
export const MAGIC_LINK_TTL_SECONDS = 15 * 60;
export const RESET_LINK_TTL_SECONDS = 60 * 60;
