import type { ZodError, ZodIssue } from 'zod';

/**
 * Zod issues as short lines naming the field: "status: Required", "endpoints.0.url: Expected string, received number".
 */
export function describeIssues(error: ZodError): string[] {
  return error.issues.map(describeIssue);
}

function describeIssue(issue: ZodIssue): string {
  const message = issue.code === 'invalid_union' ? unionMessage(issue) : issue.message;
  const path = issue.path.join('.');
  return path === '' ? message : `${path}: ${message}`;
}

// An open enum is `known values | any string`; the last branch says what was really wrong
// ("Expected string, received number") where zod's own union message only says "Invalid input".
function unionMessage(issue: Extract<ZodIssue, { code: 'invalid_union' }>): string {
  const lastBranch = issue.unionErrors[issue.unionErrors.length - 1];
  const first = lastBranch?.issues[0];
  return first ? first.message : issue.message;
}
