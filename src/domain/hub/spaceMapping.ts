/**
 * Which Confluence space shows each solution. The governance backend names one (`spaceKey`); a Confluence admin can
 * override it on the settings page (settings:app `spaceMapping.bySolution`): a space key, or null for "no space".
 * A solution without an override follows the backend. Space keys compare case-insensitively, as Confluence treats them.
 */
export type SpaceOverrides = Readonly<Record<string, string | null>>;

/** The space a solution is published to, or null when none. */
export function mappedSpaceKey(solution: { id: string; spaceKey: string | null }, overrides: SpaceOverrides = {}): string | null {
  const override = Object.prototype.hasOwnProperty.call(overrides, solution.id) ? overrides[solution.id] : undefined;
  const key = override === undefined ? solution.spaceKey : override;
  return key && key.trim() ? key.trim() : null;
}

export function solutionsForSpace<S extends { id: string; spaceKey: string | null }>(
  solutions: readonly S[],
  spaceKey: string | null,
  overrides: SpaceOverrides = {},
): S[] {
  if (!spaceKey) return [];
  const wanted = spaceKey.toUpperCase();
  return solutions.filter((solution) => mappedSpaceKey(solution, overrides)?.toUpperCase() === wanted);
}
