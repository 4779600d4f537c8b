import { AssetPageTokenError, decodePageToken, encodePageToken, viewFingerprint } from '../../../src/domain/assets/assetPageToken';

describe('asset page tokens', () => {
  const view = viewFingerprint({ sources: ['canto', 'iconik'], campaign: 'Spring' }, 'name', 'ASC');

  it('round-trips the position for the same view, whatever the source order or filter spelling', () => {
    const token = encodePageToken(view, 'hero banner|canto:abc');
    expect(decodePageToken(token, viewFingerprint({ sources: ['iconik', 'canto'], campaign: ' SPRING ' }, 'name', 'ASC'))).toBe('hero banner|canto:abc');
  });

  it('refuses a token of another sort, order or filter', () => {
    const token = encodePageToken(view, 'x|canto:1');
    expect(() => decodePageToken(token, viewFingerprint({ sources: ['canto', 'iconik'], campaign: 'Spring' }, 'name', 'DESC'))).toThrow(AssetPageTokenError);
    expect(() => decodePageToken(token, viewFingerprint({ sources: ['canto', 'iconik'] }, 'name', 'ASC'))).toThrow(/another sort or filter/);
  });

  it('refuses damaged or foreign tokens with a message naming after', () => {
    expect(() => decodePageToken('hello', view)).toThrow(/^after: /);
    expect(() => decodePageToken('ap1.!!!', view)).toThrow(AssetPageTokenError);
    expect(() => decodePageToken(`ap1.${Buffer.from('{"v":2}').toString('base64url')}`, view)).toThrow(/damaged/);
  });
});
