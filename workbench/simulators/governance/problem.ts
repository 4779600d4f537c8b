import type http from 'node:http';

export const PROBLEM_BASE = 'https://governance.example.com/problems/';

/** Answers an RFC 9457 problem; `extra` adds headers and members (e.g. the OAuth `error` code). */
export function sendProblem(
  res: http.ServerResponse,
  status: number,
  problem: { type: string; title: string; detail: string; [member: string]: unknown },
  headers: http.OutgoingHttpHeaders = {},
): void {
  const body = JSON.stringify({ ...problem, type: `${PROBLEM_BASE}${problem.type}`, status });
  res.writeHead(status, { 'content-type': 'application/problem+json', 'cache-control': 'no-store', ...headers });
  res.end(body);
}
