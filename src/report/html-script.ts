import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pointLabelPlugin } from './charts/labels.js';

/**
 * The scripts report.html carries inline, so the file works offline and alone: Chart.js's UMD
 * build from node_modules (read once), and the page's own script below, which draws every chart
 * from the JSON block `addersim-charts` (tooltips and legend toggles are Chart.js's own) and
 * makes every table sortable by a click (or Enter) on its header.
 */
let chartJs: string | null = null;

/** Chart.js's UMD build, safe to place inside a <script> element. */
export function chartJsSource(): string {
  if (chartJs === null) {
    const main = createRequire(import.meta.url).resolve('chart.js');
    const text = readFileSync(join(dirname(main), 'chart.umd.min.js'), 'utf8');
    chartJs = text.replace(/<\/(script)/gi, '<\\/$1');
  }
  return chartJs;
}

const PAGE_SCRIPT = `(function () {
  'use strict';
  var pointLabelPlugin = __POINT_LABEL_PLUGIN__;
  var dataElement = document.getElementById('addersim-charts');
  var data = dataElement === null ? [] : JSON.parse(dataElement.textContent);
  var charts = [];
  if (data.length > 0) drawCharts();
  function drawCharts() {
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.font.size = 13;
  Chart.defaults.color = '#222222';
  function isLabelled(cfg) {
    return cfg.data.datasets.some(function (ds) {
      return ds.data.some(function (p) { return p !== null && typeof p === 'object' && typeof p.label === 'string'; });
    });
  }
  data.forEach(function (c) {
    var canvas = document.querySelector('canvas[data-chart="' + c.id + '"]');
    if (canvas === null) return;
    var cfg = c.config;
    var options = cfg.options = cfg.options || {};
    options.animation = false;
    options.responsive = true;
    options.maintainAspectRatio = false;
    var scales = options.scales || {};
    Object.keys(scales).forEach(function (k) {
      if (scales[k].type !== 'logarithmic') return;
      // Powers of ten only, as on the PNG: nine decades stay readable.
      scales[k].ticks = Object.assign({}, scales[k].ticks, {
        callback: function (v) {
          var l = Math.log10(Number(v));
          return Math.abs(l - Math.round(l)) < 1e-9 ? Number(v).toLocaleString('en-US') : '';
        }
      });
    });
    cfg.plugins = [];
    // The value axis's unit, from its title's last brackets (\`energy per inference (nJ)\`), on every tooltip.
    var valueTitle = scales.y && scales.y.title ? scales.y.title.text : '';
    var unit = /\\(([^()]*)\\)$/.exec(valueTitle);
    if (unit !== null) {
      var tips = options.plugins = options.plugins || {};
      tips.tooltip = Object.assign({}, tips.tooltip, {
        callbacks: {
          label: function (ctx) {
            return ctx.dataset.label + ': ' + ctx.formattedValue + ' ' + unit[1];
          }
        }
      });
    }
    if (isLabelled(cfg)) {
      cfg.plugins.push(pointLabelPlugin());
      var plugins = options.plugins = options.plugins || {};
      var xs = scales.x && scales.x.title ? scales.x.title.text : 'x';
      var ys = scales.y && scales.y.title ? scales.y.title.text : 'y';
      plugins.tooltip = Object.assign({}, plugins.tooltip, {
        callbacks: {
          label: function (ctx) {
            return ctx.raw.label + ': ' + xs + ' ' + ctx.parsed.x + ', ' + ys + ' ' + ctx.parsed.y;
          }
        }
      });
    }
    charts.push(new Chart(canvas, cfg));
  });
  window.addEventListener('beforeprint', function () {
    charts.forEach(function (chart) { chart.resize(); });
  });
  }

  var UNITS = { fJ: 1e-3, pJ: 1, nJ: 1e3, 'µJ': 1e6, mJ: 1e9, J: 1e12 };
  // The number a cell starts with, energies brought to pJ; null for text and dashes.
  function sortKey(text) {
    var m = /^([-+]?[0-9]*\\.?[0-9]+)\\s*(fJ|pJ|nJ|µJ|mJ|J)?/.exec(text.replace(/,/g, '').trim());
    return m === null ? null : parseFloat(m[1]) * (UNITS[m[2]] || 1);
  }
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, col) {
      th.tabIndex = 0;
      th.setAttribute('aria-sort', 'none');
      var numeric = th.classList.contains('num');
      function sort() {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(heads, function (h) { h.setAttribute('aria-sort', 'none'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[col].textContent;
          var y = b.cells[col].textContent;
          var kx = numeric ? sortKey(x) : null;
          var ky = numeric ? sortKey(y) : null;
          var r = kx !== null && ky !== null ? kx - ky : kx !== null ? -1 : ky !== null ? 1 : x.localeCompare(y);
          return ascending ? r : -r;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      }
      th.addEventListener('click', sort);
      th.addEventListener('keydown', function (e) {
        if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); }
      });
    });
  });
})();`;

/** The page's script, with the label-placement plugin's source inlined. */
export function pageScript(): string {
  return PAGE_SCRIPT.replace('__POINT_LABEL_PLUGIN__', () => pointLabelPlugin.toString());
}
