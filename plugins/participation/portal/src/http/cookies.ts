/** The portal's cookies: its own module so that a client (a benchmark) can name them without loading the renderer. */
export const COOKIES = { session: 'participation_session', csrf: 'participation_csrf', language: 'participation_lang', flash: 'participation_flash' } as const;
