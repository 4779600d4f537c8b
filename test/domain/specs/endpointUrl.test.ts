import { endpointOrigin, isAbsoluteUrl, isHttpUrl, normalizeEndpointUrl, sameEndpointUrl } from '../../../src/domain/specs/endpointUrl';

describe('endpoint URLs', () => {
  it.each(['https://api.example.com/orders/v2', 'sftp://sftp.example.com:22/in', 'amqps://mq.example.com:5671/events', 'oftp2://oftp.example.com:6619'])(
    'takes %s for a URL',
    (url) => expect(isAbsoluteUrl(url)).toBe(true),
  );

  it.each(['api.example.com/orders', '/orders/v2', 'https:// api.example.com', 'mailto:ops@example.com', '', 'https://'])('does not take "%s" for a URL', (url) =>
    expect(isAbsoluteUrl(url)).toBe(false),
  );

  it('takes only http and https as links to documents', () => {
    expect(isHttpUrl('https://schemas.example.com/po.xsd')).toBe(true);
    expect(isHttpUrl('ftp://schemas.example.com/po.xsd')).toBe(false);
    expect(isHttpUrl('javascript:alert(1)')).toBe(false);
  });

  it('compares scheme and host without case, and drops default ports and trailing slashes', () => {
    expect(normalizeEndpointUrl('HTTPS://Api.Example.com:443/orders/')).toBe('https://api.example.com/orders');
    expect(sameEndpointUrl('sftp://SFTP.example.com:22/in/', 'sftp://sftp.example.com/in')).toBe(true);
  });

  it('keeps what changes the destination: the path, its case, a non-default port, the query', () => {
    expect(sameEndpointUrl('https://api.example.com/Orders', 'https://api.example.com/orders')).toBe(false);
    expect(sameEndpointUrl('sftp://sftp.example.com:2222/in', 'sftp://sftp.example.com/in')).toBe(false);
    expect(sameEndpointUrl('https://api.example.com/o?v=1', 'https://api.example.com/o?v=2')).toBe(false);
  });

  it('gives the origin of a URL, and none for a non-URL', () => {
    expect(endpointOrigin('https://API.example.com:8443/x')).toBe('https://api.example.com:8443');
    expect(endpointOrigin('not a url')).toBeNull();
  });
});
