/** Route params that are our own ids (cuid). Anything else cannot exist, so it is a 404, not a 400. */
export const isOwnId = (id: string) => /^[a-z0-9]{8,40}$/i.test(id);
