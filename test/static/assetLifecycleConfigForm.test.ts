import { configFromForm, EMPTY_ASSET_FORM, formFromConfig, hasErrors, pickerValues, validateConfigForm } from '../../static/src/config/assetLifecycleConfigForm';

describe('the asset-lifecycle config form', () => {
  it('starts empty, sorted by name, for a macro that was never configured', () => {
    expect(formFromConfig(undefined)).toEqual(EMPTY_ASSET_FORM);
  });

  it('round-trips a saved configuration', () => {
    const saved = {
      title: 'Spring assets',
      sources: ['iconik'],
      approval: 'Approved',
      campaign: 'Spring 2026',
      productLine: 'Outdoor',
      region: 'EMEA',
      failedOnly: true,
      expiry: 'expiring',
      expiringDays: 14,
      pageSize: 10,
      sort: 'expiry',
      order: 'ASC',
    };
    expect(configFromForm(formFromConfig(saved))).toEqual(saved);
  });

  it('drops what it cannot trust from a saved config', () => {
    expect(formFromConfig({ sources: ['dropbox', 'canto'], sort: 'size', expiry: 'soon', pageSize: '20', failedOnly: 'yes' })).toEqual({
      ...EMPTY_ASSET_FORM,
      sources: ['canto'],
    });
  });

  it('stores only what was chosen, so the defaults keep applying to the rest', () => {
    expect(configFromForm({ ...EMPTY_ASSET_FORM, title: '  ', expiringDays: '' })).toEqual({ sort: 'name', order: 'ASC' });
  });

  it('names the window and page size fields when they are out of range', () => {
    const errors = validateConfigForm({ ...EMPTY_ASSET_FORM, expiringDays: '400', pageSize: '5' });
    expect(errors.expiringDays).toMatch(/from 1 to 365/);
    expect(errors.pageSize).toMatch(/from 10 to 50/);
    expect(hasErrors(validateConfigForm({ ...EMPTY_ASSET_FORM, expiringDays: '1', pageSize: '50' }))).toBe(false);
    expect(validateConfigForm({ ...EMPTY_ASSET_FORM, expiringDays: '2.5' }).expiringDays).toBeDefined();
  });

  it('keeps a saved picker value the summary no longer lists', () => {
    expect(pickerValues(['Spring'], 'Winter')).toEqual(['Winter', 'Spring']);
    expect(pickerValues(['Spring'], 'Spring')).toEqual(['Spring']);
  });
});
