// Helpers for the report, lifecycle, triage and rule tests (50-52).
// Until openapi.yaml describes these routes (see REPORTS_CONTRACT.md), the
// calls go straight to the server: set VIA_PRISM to true to check every
// answer against the spec through Prism.
import assert from 'node:assert/strict';
import { call, token, TOKENS } from './lib.mjs';

export const VIA_PRISM = true;

/** call() for the report routes. */
export const api = (method, path, opts = {}) => call(method, path, { direct: !VIA_PRISM, ...opts });

/** A short tag unique to this run, for titles and department codes. */
export const RUN = (Date.now().toString(36) + Math.floor(Math.random() * 1296).toString(36)).toUpperCase();

export const T = {
  member: TOKENS.member(), // member 1
  organizer: TOKENS.organizer(), // member 2
  team: TOKENS.deregulation_team(), // member 3
  manager: TOKENS.program_manager(), // member 4
  analyst: TOKENS.analyst(), // member 5
  ombudsman: TOKENS.ombudsman(),
  other: token(7, ['member']), // another plain member
};

export const ETAG = /^(W\/)?"[^"]+"$/;
export const PSEUDONYM = /^m-[0-9a-f]{16}$/;
export const fieldsOf = (res) => (res.body.errors || []).map((e) => e.field).sort();

/** Creates a department of this run (program manager) and answers its code. */
export async function makeDepartment(prefix) {
  const code = `${prefix}${RUN}`.slice(0, 16);
  const r = await call('POST', '/api/v1/departments', {
    token: T.manager,
    body: { code, name: `Testdienst ${code}` },
  });
  assert.equal(r.status, 201, r.text);
  return code;
}

/** Files a report and answers the created body (asserting 201). */
export async function fileReport(tok, fields = {}, headers = {}) {
  const body = {
    title: `Melding ${RUN}`,
    description: 'Het formulier vraagt drie keer hetzelfde.',
    procedure: 'Aanvraag parkeervergunning',
    impact: 'Inwoners haken af',
    department: 'SZW',
    category: 'form',
    anonymous: false,
    ...fields,
  };
  const r = await api('POST', '/api/v1/reports', { token: tok, body, headers });
  assert.equal(r.status, 201, `file: ${r.text.slice(0, 400)}`);
  return r.body;
}

/** Moves a report through the given transitions (deregulation team). */
export async function walk(id, steps) {
  let last;
  for (const step of steps) {
    last = await api('POST', `/api/v1/reports/${id}/transitions`, { token: T.team, body: step });
    assert.equal(last.status, 200, `${JSON.stringify(step)}: ${last.text.slice(0, 400)}`);
  }
  return last && last.body;
}

/** The transitions that bring a new report into each status. */
export function pathTo(status, duplicateOf) {
  const resolve = [{ to: 'triaged' }, { to: 'in_progress' }, { to: 'resolved', resolution: 'Opgelost.' }];
  return {
    new: [],
    triaged: [{ to: 'triaged' }],
    in_progress: [{ to: 'triaged' }, { to: 'in_progress' }],
    resolved: resolve,
    rejected: [{ to: 'rejected', note: 'Geen regel in het geding.' }],
    duplicate: [{ to: 'duplicate', duplicate_of: duplicateOf }],
  }[status];
}

/** A request body that carries what a transition into `to` needs. */
export function bodyFor(to, duplicateOf) {
  return {
    new: { to: 'new' },
    triaged: { to: 'triaged' },
    in_progress: { to: 'in_progress' },
    resolved: { to: 'resolved', resolution: 'Formulier ingekort.' },
    rejected: { to: 'rejected', note: 'Buiten de scope.' },
    duplicate: { to: 'duplicate', duplicate_of: duplicateOf },
  }[to];
}

export const STATUSES = ['new', 'triaged', 'in_progress', 'resolved', 'rejected', 'duplicate'];

/** The lifecycle of domain.md, pair by pair (what the server must allow). */
export const ARROWS = {
  new: ['triaged', 'rejected', 'duplicate'],
  triaged: ['in_progress', 'rejected', 'duplicate'],
  in_progress: ['resolved', 'rejected'],
  resolved: ['triaged'],
  rejected: ['triaged'],
  duplicate: ['triaged'],
};
