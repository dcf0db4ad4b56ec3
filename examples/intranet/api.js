// The page's only way to the API: typed calls (the types are generated from
// openapi.yaml into generated/dna-api.ts; `tsc` checks this file against them),
// the bearer token kept in this module's memory and nowhere else, and API
// errors (RFC 9457 problem details) turned into Dutch sentences.

/** @typedef {import('./generated/dna-api').components['schemas']} Schemas */
/** @typedef {import('./generated/dna-api').operations} Ops */
/** @typedef {Schemas['Problem']} Problem */
/** @typedef {Schemas['TokenResponse']} TokenResponse */
/** @typedef {Schemas['Me']} Me */
/** @typedef {Schemas['Department']} Department */
/** @typedef {Schemas['Session']} Session */
/** @typedef {Schemas['RegistrationCreated']} RegistrationCreated */
/** @typedef {Schemas['ReportCreate']} ReportCreate */
/** @typedef {Schemas['Report']} Report */
/** @typedef {Schemas['StatsReportsRow']} StatsReportsRow */
/** @typedef {Schemas['StatsSessionsRow']} StatsSessionsRow */
/** @typedef {Schemas['StatsNetworkRow']} StatsNetworkRow */
/** @typedef {NonNullable<Ops['listSessions']['parameters']['query']>} SessionQuery */
/** @typedef {NonNullable<Ops['statsReports']['parameters']['query']>} StatsReportsQuery */
/** @typedef {NonNullable<Ops['statsSessions']['parameters']['query']>} StatsSessionsQuery */
/** @typedef {NonNullable<Ops['statsNetwork']['parameters']['query']>} StatsNetworkQuery */
/** @typedef {Ops['listSessions']['responses'][200]['content']['application/json']} SessionList */
/** @typedef {Ops['listDepartments']['responses'][200]['content']['application/json']} DepartmentList */

/** An answer of the API that is not a success, with its problem details when it sent them. */
export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {Partial<Problem>} problem
   * @param {string | null} retryAfter
   */
  constructor(status, problem, retryAfter) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }
}

/** The API could not be reached at all (server down, or this origin not allowed by CORS). */
export class NetworkError extends Error {}

let base = '';
/** @type {string | null} the bearer token: in this variable only, never stored, never in a URL */
let token = null;

/** @param {string} url the API's address, e.g. http://localhost:8080 */
export function setBase(url) {
  base = url.replace(/\/+$/, '');
}

export function loggedIn() {
  return token !== null;
}

export function logout() {
  token = null;
}

/**
 * Sends one request and reads its JSON answer.
 * @param {string} method
 * @param {string} path below /api/v1
 * @param {{query?: Record<string, string | number | boolean | string[] | undefined>,
 *          json?: unknown, form?: Record<string, string>, headers?: Record<string, string>}} [opts]
 * @returns {Promise<unknown>}
 */
async function send(method, path, opts = {}) {
  const url = new URL(`${base}/api/v1${path}`);
  for (const [k, v] of Object.entries(opts.query || {})) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) url.searchParams.append(k, String(one));
  }
  /** @type {Record<string, string>} */
  const headers = { Accept: 'application/json', ...(opts.headers || {}) };
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  /** @type {BodyInit | undefined} */
  let body;
  if (opts.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.json);
  } else if (opts.form !== undefined) {
    body = new URLSearchParams(opts.form);
  }
  let res;
  try {
    res = await fetch(url, { method, headers, body, credentials: 'omit', cache: 'no-store' });
  } catch {
    throw new NetworkError(`Geen verbinding met de API op ${base}.`);
  }
  const text = await res.text();
  /** @type {unknown} */
  let parsed = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  if (!res.ok) {
    const problem = parsed && typeof parsed === 'object' ? /** @type {Partial<Problem>} */ (parsed) : {};
    if (res.status === 401 && path !== '/auth/token') token = null;
    throw new ApiError(res.status, problem, res.headers.get('Retry-After'));
  }
  return parsed;
}

/**
 * OAuth 2.0 password grant (form-encoded, as RFC 6749 has it).
 * @param {string} email
 * @param {string} password
 * @returns {Promise<TokenResponse>}
 */
export async function login(email, password) {
  const answer = /** @type {TokenResponse} */ (
    await send('POST', '/auth/token', { form: { grant_type: 'password', username: email, password } })
  );
  token = answer.access_token;
  return answer;
}

/** @returns {Promise<Me>} */
export async function me() {
  return /** @type {Me} */ (await send('GET', '/auth/me'));
}

/** @returns {Promise<DepartmentList>} */
export async function departments() {
  return /** @type {DepartmentList} */ (await send('GET', '/departments', { query: { limit: 500, sort: 'name' } }));
}

/**
 * @param {SessionQuery} query
 * @returns {Promise<SessionList>}
 */
export async function sessions(query) {
  return /** @type {SessionList} */ (await send('GET', '/sessions', { query }));
}

/**
 * Registers the caller; beyond the capacity the answer is `waitlisted` with a position.
 * @param {number} sessionId
 * @returns {Promise<RegistrationCreated>}
 */
export async function register(sessionId) {
  return /** @type {RegistrationCreated} */ (await send('POST', `/sessions/${sessionId}/registrations`, { json: {} }));
}

/**
 * Files a red-button report. The Idempotency-Key makes a retry of the same form replay
 * the first answer instead of filing it twice.
 * @param {ReportCreate} report
 * @param {string} idempotencyKey
 * @returns {Promise<Report>}
 */
export async function fileReport(report, idempotencyKey) {
  return /** @type {Report} */ (
    await send('POST', '/reports', { json: report, headers: { 'Idempotency-Key': idempotencyKey } })
  );
}

/**
 * @param {StatsReportsQuery} query
 * @returns {Promise<StatsReportsRow[]>}
 */
export async function statsReports(query) {
  const answer = /** @type {Ops['statsReports']['responses'][200]['content']['application/json']} */ (
    await send('GET', '/stats/reports', { query })
  );
  return answer.data || [];
}

/**
 * @param {StatsSessionsQuery} query
 * @returns {Promise<StatsSessionsRow[]>}
 */
export async function statsSessions(query) {
  const answer = /** @type {Ops['statsSessions']['responses'][200]['content']['application/json']} */ (
    await send('GET', '/stats/sessions', { query })
  );
  return answer.data || [];
}

/**
 * @param {StatsNetworkQuery} query
 * @returns {Promise<StatsNetworkRow[]>}
 */
export async function statsNetwork(query) {
  const answer = /** @type {Ops['statsNetwork']['responses'][200]['content']['application/json']} */ (
    await send('GET', '/stats/network', { query })
  );
  return answer.data || [];
}

/** Dutch names of the fields the API may name in `errors[].field`. */
const FIELD_NAMES = /** @type {Record<string, string>} */ ({
  title: 'Titel',
  description: 'Omschrijving',
  procedure: 'Werkproces',
  impact: 'Gevolgen',
  department: 'Dienst',
  category: 'Soort',
  anonymous: 'Anoniem',
  username: 'E-mailadres',
  email: 'E-mailadres',
  password: 'Wachtwoord',
  member_id: 'Deelnemer',
});

/**
 * What went wrong, in words for the person at the screen: a Dutch sentence for the
 * kind of error, the server's explanation, and each field the server named.
 * @param {unknown} err
 * @returns {{message: string, fields: string[]}}
 */
export function describeError(err) {
  if (err instanceof NetworkError)
    return {
      message: `${err.message} Draait de server, en staat het adres van deze pagina in DNA_CORS_ORIGINS?`,
      fields: [],
    };
  if (!(err instanceof ApiError)) return { message: `Er ging iets mis in deze pagina: ${String(err)}`, fields: [] };
  const p = err.problem;
  const wait = err.retryAfter ? ` Probeer het over ${err.retryAfter} seconden opnieuw.` : '';
  /** @type {Record<number, string>} */
  const lead = {
    400: 'Het verzoek klopt niet.',
    401: 'Je bent niet (meer) ingelogd. Log opnieuw in.',
    403: 'Je hebt hiervoor geen rechten.',
    404: 'Dat is niet (meer) te vinden.',
    409: 'Dat kan nu niet.',
    412: 'Iemand anders heeft dit intussen gewijzigd. Laad de pagina opnieuw.',
    413: 'Wat je stuurt is te groot.',
    415: 'De server begrijpt dit formaat niet.',
    422: 'Niet alles is goed ingevuld.',
    429: 'Even rustig aan: te veel verzoeken.' + wait,
    503: 'De dienst is even niet beschikbaar.' + wait,
  };
  let message = lead[err.status] || `De server gaf een fout (${err.status}).`;
  if (p.error === 'invalid_grant') message = 'E-mailadres of wachtwoord klopt niet.';
  const why = p.detail || p.title;
  if (why) message += ` Toelichting van de server: ${why}`;
  if (p.allowed && p.allowed.length) message += ` Wel mogelijk: ${p.allowed.join(', ')}.`;
  const fields = (p.errors || []).map((e) => `${FIELD_NAMES[e.field] || e.field}: ${e.message}`);
  return { message, fields };
}
