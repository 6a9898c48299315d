// Types for scripts/memory-flags.mjs, which npm start reads before anything is built.
export const NODE_MEMORY_FLAGS: readonly string[];
