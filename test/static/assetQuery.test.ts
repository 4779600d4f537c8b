import { cleanFilters, initialAssetQuery, nextPage, pagePayload, previousPage, sameFilters, withExpiringDays, withFilters, withSort } from '../../static/src/asset-lifecycle/assetQuery';

describe("the asset view's query and keyset pages", () => {
  it('asks for the configured defaults until the reader changes something', () => {
    expect(pagePayload(initialAssetQuery)).toEqual({});
  });

  it('walks forward with each nextAfter and back through the cursors already seen', () => {
    const second = nextPage(initialAssetQuery, 'c2');
    const third = nextPage(second, 'c3');
    expect(pagePayload(third)).toEqual({ after: 'c3' });
    expect(pagePayload(previousPage(third))).toEqual({ after: 'c2' });
    expect(pagePayload(previousPage(previousPage(third)))).toEqual({});
    expect(previousPage(initialAssetQuery)).toBe(initialAssetQuery);
    // Going forward again after going back replaces the cursors beyond.
    expect(nextPage(previousPage(third), 'c3b').cursors).toEqual([null, 'c2', 'c3b']);
  });

  it('starts at the first page again when filters, sort or window change', () => {
    const deep = nextPage(nextPage(initialAssetQuery, 'c2'), 'c3');
    expect(withFilters(deep, { region: 'EMEA' })).toMatchObject({ pageIndex: 0, cursors: [null], filters: { region: 'EMEA' } });
    expect(withSort(deep, 'expiry', 'ASC')).toMatchObject({ pageIndex: 0, sort: 'expiry', order: 'ASC' });
    expect(pagePayload(withExpiringDays(deep, 7))).toEqual({ expiringDays: 7 });
  });

  it('sends only the filters that are set', () => {
    expect(cleanFilters({ sources: [], approval: '', campaign: 'Spring', failedOnly: false })).toEqual({ campaign: 'Spring' });
    expect(pagePayload(withFilters(initialAssetQuery, { failedOnly: true, expiry: 'expired' }))).toEqual({ filters: { failedOnly: true, expiry: 'expired' } });
  });

  it('tells which summary shortcut is applied', () => {
    expect(sameFilters({ expiry: 'expired' }, { expiry: 'expired', approval: undefined })).toBe(true);
    expect(sameFilters({ sources: ['iconik', 'canto'] }, { sources: ['canto', 'iconik'] })).toBe(true);
    expect(sameFilters({ expiry: 'expired', region: 'EMEA' }, { expiry: 'expired' })).toBe(false);
  });
});
