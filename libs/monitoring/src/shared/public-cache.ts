/**
 * Monitoring data is public and the same for everyone; five minutes of caching lets proxies
 * and the PDH's tools absorb repeated reads without showing stale figures for long.
 * Express adds a weak ETag (and answers 304) to every non-streamed body on its own.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=300';
