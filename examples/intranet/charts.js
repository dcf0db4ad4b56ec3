// The programme's figures as charts, drawn by Chart.js (vendor/chart.umd.js, copied
// from the npm package by the Makefile: the global `Chart`, typed by chart.js's own
// declarations).

/** @typedef {import('./api.js').StatsReportsRow} StatsReportsRow */
/** @typedef {import('./api.js').StatsSessionsRow} StatsSessionsRow */
/** @typedef {import('./api.js').StatsNetworkRow} StatsNetworkRow */
/** @typedef {import('chart.js').ChartConfiguration<'bar', (number | null)[], string>} BarConfig */

/** The colours of the bars (the end-to-end test looks for them on the canvases). */
export const COLOURS = { filed: '#c8102e', resolved: '#2e7d32', registrations: '#1f5fa8', attended: '#f2a900', reach: '#1f5fa8' };

/** @returns {typeof import('chart.js').Chart} */
function chartJs() {
  const lib = /** @type {{Chart?: typeof import('chart.js').Chart}} */ (/** @type {unknown} */ (globalThis)).Chart;
  if (!lib) throw new Error('Chart.js is niet geladen (vendor/chart.umd.js)');
  return lib;
}

/** @type {Map<HTMLCanvasElement, import('chart.js').Chart<'bar', (number | null)[], string>>} */
const drawn = new Map();

/**
 * Draws a bar chart on a canvas, replacing what was there.
 * @param {HTMLCanvasElement} canvas
 * @param {BarConfig} config
 */
function draw(canvas, config) {
  drawn.get(canvas)?.destroy();
  const Chart = chartJs();
  config.options = {
    animation: false,
    maintainAspectRatio: false,
    locale: 'nl-NL',
    plugins: { legend: { position: 'bottom' } },
    ...config.options,
  };
  drawn.set(canvas, new Chart(canvas, config));
}

const monthName = new Intl.DateTimeFormat('nl-NL', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** @param {string | undefined} month YYYY-MM */
function monthLabel(month) {
  return month ? monthName.format(new Date(`${month}-01T00:00:00Z`)) : '';
}

/**
 * Two series side by side per period, counted on the y axis.
 * @param {HTMLCanvasElement} canvas
 * @param {string[]} labels
 * @param {{label: string, data: (number | null)[], backgroundColor: string}[]} datasets
 * @param {string} unit the y axis' title
 */
function pairedBars(canvas, labels, datasets, unit) {
  draw(canvas, {
    type: 'bar',
    data: { labels, datasets },
    options: { scales: { y: { beginAtZero: true, title: { display: true, text: unit } } } },
  });
}

/**
 * @param {HTMLCanvasElement} canvas
 * @param {StatsReportsRow[]} rows one per ISO week
 */
export function drawReportsPerWeek(canvas, rows) {
  pairedBars(
    canvas,
    rows.map((r) => (r.week ? `wk ${Number(r.week.slice(6))}` : '')),
    [
      { label: 'Ingediend', data: rows.map((r) => r.reports_filed), backgroundColor: COLOURS.filed },
      { label: 'Opgelost', data: rows.map((r) => r.reports_resolved), backgroundColor: COLOURS.resolved },
    ],
    'meldingen'
  );
}

/**
 * @param {HTMLCanvasElement} canvas
 * @param {StatsSessionsRow[]} rows one per month
 */
export function drawSessions(canvas, rows) {
  pairedBars(
    canvas,
    rows.map((r) => monthLabel(r.month)),
    [
      { label: 'Aanmeldingen', data: rows.map((r) => r.registrations), backgroundColor: COLOURS.registrations },
      { label: 'Aanwezig', data: rows.map((r) => r.attended), backgroundColor: COLOURS.attended },
    ],
    'deelnemers'
  );
}

/**
 * @param {HTMLCanvasElement} canvas
 * @param {StatsNetworkRow[]} rows one per department
 */
export function drawNetwork(canvas, rows) {
  draw(canvas, {
    type: 'bar',
    data: {
      labels: rows.map((r) => r.department_name),
      datasets: [
        {
          label: 'Bereikt personeel (%)',
          data: rows.map((r) => r.share_of_staff_reached_percent),
          backgroundColor: COLOURS.reach,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      scales: { x: { beginAtZero: true, title: { display: true, text: '% van het personeel' } } },
    },
  });
}
