const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Postgres rejects malformed UUIDs with an internal error; check first and answer NOT_FOUND. */
export const isUuid = (s: string): boolean => UUID.test(s);
