/**
 * Node's heap settings for the processes that work jobs (`npm run worker`, and `npm start`'s web
 * process, which works them in-process). A worker's live heap stays at 60–80 MB over an import, but
 * V8 grew the old generation up to 4× of that between full collections, more when a busy machine
 * made its collections look slow: garbage took its RSS from ~270 MB to 530–560 MB (bench:import on
 * PostgreSQL). Letting the old generation grow 30 % past what the last collection kept holds it near
 * the live heap for a full collection every few seconds (tens of milliseconds each), and 8 MB
 * semi-spaces (16 by default) halve the young generation without more promotion. Not a hard limit:
 * a process that needs more heap gets it, where --max-old-space-size would end it.
 */
export const NODE_MEMORY_FLAGS = ["--heap-growing-percent=30", "--max-semi-space-size=8"];
