import { mappedSpaceKey, solutionsForSpace } from '../../../src/domain/hub/spaceMapping';

const solutions = [
  { id: 'sol-otc', name: 'Order to cash', spaceKey: 'OTC' },
  { id: 'sol-log', name: 'Logistics', spaceKey: 'LOG' },
  { id: 'sol-fin', name: 'Finance', spaceKey: null },
];

describe('mappedSpaceKey', () => {
  it('follows the backend’s spaceKey when the admin set nothing', () => {
    expect(mappedSpaceKey(solutions[0]!)).toBe('OTC');
    expect(mappedSpaceKey(solutions[2]!)).toBeNull();
  });

  it('uses the admin’s space instead, or none when the admin chose no space', () => {
    expect(mappedSpaceKey(solutions[0]!, { 'sol-otc': 'SALES' })).toBe('SALES');
    expect(mappedSpaceKey(solutions[0]!, { 'sol-otc': null })).toBeNull();
    expect(mappedSpaceKey(solutions[2]!, { 'sol-fin': 'FIN' })).toBe('FIN');
  });

  it('is not fooled by an override named like an Object property', () => {
    expect(mappedSpaceKey({ id: 'constructor', spaceKey: 'X' }, {})).toBe('X');
  });
});

describe('solutionsForSpace', () => {
  it('lists the solutions a space shows, overrides included, space keys compared case-blind', () => {
    expect(solutionsForSpace(solutions, 'otc').map((s) => s.id)).toEqual(['sol-otc']);
    expect(solutionsForSpace(solutions, 'LOG', { 'sol-otc': 'LOG' }).map((s) => s.id)).toEqual(['sol-otc', 'sol-log']);
    expect(solutionsForSpace(solutions, 'OTC', { 'sol-otc': null })).toEqual([]);
    expect(solutionsForSpace(solutions, 'FIN', { 'sol-fin': 'fin' }).map((s) => s.id)).toEqual(['sol-fin']);
    expect(solutionsForSpace(solutions, null)).toEqual([]);
  });
});
