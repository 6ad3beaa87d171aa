import { rangeToSend } from './byte-range';

const ETAG = '"abc"';

describe('rangeToSend', () => {
  it.each([
    [undefined, undefined, { kind: 'whole' }],
    ['bytes=0-99', undefined, { kind: 'partial', range: { start: 0, end: 99 } }],
    ['bytes=900-', undefined, { kind: 'partial', range: { start: 900, end: 999 } }],
    ['bytes=-100', undefined, { kind: 'partial', range: { start: 900, end: 999 } }],
    ['bytes=990-5000', undefined, { kind: 'partial', range: { start: 990, end: 999 } }],
    ['bytes=0-9,20-29', undefined, { kind: 'whole' }],
    ['bytes=0-9,5-15', undefined, { kind: 'partial', range: { start: 0, end: 15 } }],
    ['bytes=1000-', undefined, { kind: 'unsatisfiable' }],
    ['lines=0-9', undefined, { kind: 'whole' }],
    ['basura', undefined, { kind: 'whole' }],
    ['bytes=0-99', ETAG, { kind: 'partial', range: { start: 0, end: 99 } }],
    ['bytes=0-99', '"otro"', { kind: 'whole' }],
  ])('Range %p with If-Range %p', (range, ifRange, expected) => {
    expect(rangeToSend(1000, range, ifRange, ETAG)).toEqual(expected);
  });
});
