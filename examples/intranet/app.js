// The intranet page: log in, sessions and registrations, the red button, the figures.
// Plain JavaScript run as it is (no bundler); `tsc --checkJs --strict` checks it
// against the types generated from openapi.yaml (see tsconfig.json).
import * as api from './api.js';
import { drawNetwork, drawReportsPerWeek, drawSessions } from './charts.js';

/** @typedef {import('./api.js').Session} Session */

/**
 * The element with this id, of the given type (a missing one is a bug in index.html).
 * @template {HTMLElement} T
 * @param {string} id
 * @param {new () => T} type
 * @returns {T}
 */
function el(id, type) {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`index.html has no #${id} of the expected kind`);
  return found;
}

const message = el('message', HTMLDivElement);
const loginForm = el('login-form', HTMLFormElement);
const reportForm = el('report-form', HTMLFormElement);

/** @param {HTMLFormElement} form @param {string} name */
function field(form, name) {
  const f = form.elements.namedItem(name);
  if (f instanceof HTMLInputElement || f instanceof HTMLTextAreaElement || f instanceof HTMLSelectElement) return f;
  throw new Error(`the form has no field ${name}`);
}

/** Shows an error from the API (or the network) in words, with the fields it names. */
function showError(/** @type {unknown} */ err) {
  const { message: text, fields } = api.describeError(err);
  message.replaceChildren(text);
  if (fields.length) {
    const list = document.createElement('ul');
    for (const f of fields) list.append(Object.assign(document.createElement('li'), { textContent: f }));
    message.append(list);
  }
  message.className = 'message';
  message.hidden = false;
  if (!api.loggedIn()) showLoggedOut();
}

/** @param {string} text */
function showOk(text) {
  message.replaceChildren(text);
  message.className = 'message ok';
  message.hidden = false;
}

function clearMessage() {
  message.hidden = true;
  message.replaceChildren();
}

const dateTime = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
});

const KINDS = /** @type {Record<Session['kind'], string>} */ ({
  inspiration: 'Inspiratiesessie',
  listening: 'Luistersessie',
  leadership: 'Leiderschapssessie',
  workshop: 'Workshop',
});

/** @param {Session} s */
function registrationText(s) {
  const mine = s.my_registration;
  if (mine && mine.status === 'registered') return 'Je bent aangemeld.';
  if (mine && mine.status === 'waitlisted') return `Je staat op de wachtlijst (plaats ${mine.position}).`;
  if (s.seats_left === null) return 'Onbeperkt plaats.';
  if (s.seats_left === 0) return `Vol: aanmelden zet je op de wachtlijst (${s.waitlist_count} wachtend).`;
  return `Nog ${s.seats_left} ${s.seats_left === 1 ? 'plaats' : 'plaatsen'} vrij.`;
}

/**
 * @param {HTMLUListElement} list
 * @param {Session[]} sessions
 * @param {boolean} withButton
 */
function renderSessions(list, sessions, withButton) {
  list.replaceChildren();
  if (sessions.length === 0) {
    list.append(Object.assign(document.createElement('li'), { className: 'empty', textContent: 'Geen sessies.' }));
    return;
  }
  for (const s of sessions) {
    const li = document.createElement('li');
    li.dataset.sessionId = String(s.id);
    const title = Object.assign(document.createElement('strong'), { textContent: s.title });
    const when = Object.assign(document.createElement('span'), {
      className: 'when',
      textContent: `${KINDS[s.kind]} · ${dateTime.format(new Date(s.starts_at))}${s.location ? ` · ${s.location}` : ''}`,
    });
    const state = Object.assign(document.createElement('span'), { className: 'state', textContent: registrationText(s) });
    li.append(title, when, state);
    if (withButton && !s.my_registration) {
      const button = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Aanmelden' });
      button.addEventListener('click', () => registerFor(s, button));
      li.append(button);
    }
    list.append(li);
  }
}

async function loadSessions() {
  const [upcoming, mine] = await Promise.all([
    api.sessions({ status: 'upcoming', sort: 'starts_at', limit: 10 }),
    api.sessions({ status: 'upcoming', registered: true, sort: 'starts_at', limit: 50 }),
  ]);
  renderSessions(el('upcoming', HTMLUListElement), upcoming.data, true);
  renderSessions(el('mine', HTMLUListElement), mine.data, false);
}

/**
 * @param {Session} s
 * @param {HTMLButtonElement} button
 */
async function registerFor(s, button) {
  button.disabled = true;
  clearMessage();
  try {
    const r = await api.register(s.id);
    showOk(
      r.status === 'waitlisted'
        ? `De sessie „${s.title}” is vol: je staat op de wachtlijst, plaats ${r.position}.`
        : `Je bent aangemeld voor „${s.title}”.`
    );
    await loadSessions();
  } catch (err) {
    button.disabled = false;
    showError(err);
  }
}

async function loadDepartments() {
  const select = field(reportForm, 'department');
  const list = await api.departments();
  select.replaceChildren(
    ...list.data.map((d) => Object.assign(document.createElement('option'), { value: d.code, textContent: d.name }))
  );
}

/** A fresh key per report: pressing the button again after an error that was not the server's replays. */
let idempotencyKey = crypto.randomUUID();

reportForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearMessage();
  const result = el('report-result', HTMLParagraphElement);
  result.textContent = '';
  const impact = field(reportForm, 'impact').value;
  const anonymous = field(reportForm, 'anonymous');
  /** @type {import('./api.js').ReportCreate} */
  const report = {
    title: field(reportForm, 'title').value,
    description: field(reportForm, 'description').value,
    procedure: field(reportForm, 'procedure').value,
    impact: impact === '' ? null : impact,
    department: field(reportForm, 'department').value,
    category: /** @type {import('./api.js').ReportCreate['category']} */ (field(reportForm, 'category').value),
    anonymous: anonymous instanceof HTMLInputElement && anonymous.checked,
  };
  try {
    const filed = await api.fileReport(report, idempotencyKey);
    idempotencyKey = crypto.randomUUID();
    result.textContent = `Melding ${filed.id} is ontvangen${report.anonymous ? ' (anoniem)' : ''}. Dank je wel!`;
    reportForm.reset();
  } catch (err) {
    // A 4xx means this form was refused as it is: an edited form is a new report.
    if (err instanceof api.ApiError && err.status < 500) idempotencyKey = crypto.randomUUID();
    showError(err);
  }
});

/** Draws each chart; a chart whose figures the caller may not see says so in its place. */
async function loadFigures() {
  /** @type {[string, () => Promise<void>][]} */
  const charts = [
    ['chart-reports', async () => drawReportsPerWeek(el('chart-reports', HTMLCanvasElement), await api.statsReports({ group_by: 'week', from: weeksAgo(26) }))],
    ['chart-sessions', async () => drawSessions(el('chart-sessions', HTMLCanvasElement), await api.statsSessions({ group_by: 'month' }))],
    ['chart-network', async () => drawNetwork(el('chart-network', HTMLCanvasElement), await api.statsNetwork({ group_by: 'department' }))],
  ];
  await Promise.all(
    charts.map(async ([id, draw]) => {
      const note = el(id, HTMLCanvasElement).closest('figure')?.querySelector('.chart-error');
      try {
        await draw();
        if (note) note.textContent = '';
      } catch (err) {
        if (note) note.textContent = api.describeError(err).message;
      }
    })
  );
}

/** @param {number} n @returns {string} the date n weeks before today, YYYY-MM-DD */
function weeksAgo(n) {
  return new Date(Date.now() - n * 7 * 86400000).toISOString().slice(0, 10);
}

function showLoggedOut() {
  el('app', HTMLDivElement).hidden = true;
  el('logout', HTMLButtonElement).hidden = true;
  el('who', HTMLParagraphElement).hidden = true;
  el('login-section', HTMLElement).hidden = false;
}

loginForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearMessage();
  api.setBase(field(loginForm, 'api').value);
  const password = field(loginForm, 'password');
  try {
    await api.login(field(loginForm, 'email').value, password.value);
    password.value = '';
    const who = await api.me();
    const name = who.member && 'name' in who.member ? who.member.name : who.sub;
    el('who', HTMLParagraphElement).textContent = `Ingelogd als ${name}`;
    el('who', HTMLParagraphElement).hidden = false;
    el('logout', HTMLButtonElement).hidden = false;
    el('login-section', HTMLElement).hidden = true;
    el('app', HTMLDivElement).hidden = false;
    await Promise.all([loadSessions(), loadDepartments(), loadFigures()]);
  } catch (err) {
    showError(err);
  }
});

el('logout', HTMLButtonElement).addEventListener('click', () => {
  api.logout();
  clearMessage();
  showLoggedOut();
});
