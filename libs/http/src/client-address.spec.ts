import { addressKey } from './client-address';

describe('addressKey', () => {
  it.each([
    ['190.56.7.7', '190.56.7.7'],
    ['::ffff:190.56.7.7', '190.56.7.7'],
    ['2001:db8:1:2::1', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:ffff:0:0:9', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
  ])('%s counts as %s', (ip, key) => {
    expect(addressKey(ip)).toBe(key);
  });
});
