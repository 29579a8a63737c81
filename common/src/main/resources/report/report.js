// Draws the report's charts from the JSON block #report-data with Chart.js (inlined
// above). Each canvas gets data-drawn="true" once its chart exists, and the body
// gets data-charts-ready="<n>" when all n charts are drawn (the tests look for both).
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var palette = ['#2b6cb0', '#dd6b20', '#38a169', '#805ad5', '#d53f8c', '#319795', '#b7791f', '#718096'];
  var stars = ['#c53030', '#ed8936', '#ecc94b', '#9ae6b4', '#2f855a'];
  Chart.defaults.animation = false;
  Chart.defaults.responsive = true;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.font.size = 12;

  var builders = {
    trend: function (d) {
      return {
        type: 'line',
        data: {
          labels: d.labels,
          datasets: d.series.map(function (s, i) {
            return { label: s.label, data: s.data, borderColor: palette[i % palette.length],
              backgroundColor: palette[i % palette.length], tension: 0.25, pointRadius: 2, borderWidth: 2 };
          })
        },
        options: { interaction: { mode: 'index', intersect: false },
          scales: { y: { beginAtZero: true, title: { display: true, text: 'rides per day' }, ticks: { precision: 0 } } },
          plugins: { legend: { position: 'bottom' } } }
      };
    },
    ratings: function (d) {
      return {
        type: 'bar',
        data: {
          labels: d.labels,
          datasets: d.stars.map(function (counts, i) {
            return { label: (i + 1) + ' ★', data: counts, backgroundColor: stars[i] };
          })
        },
        options: { indexAxis: 'y',
          scales: { x: { stacked: true, title: { display: true, text: 'riders' }, ticks: { precision: 0 } },
            y: { stacked: true } },
          plugins: { legend: { position: 'bottom' } } }
      };
    },
    rider: function (d) {
      return {
        data: {
          labels: d.labels,
          datasets: [
            { type: 'bar', label: 'total output (kJ)', data: d.outputKj, backgroundColor: '#90cdf4', yAxisID: 'kj', order: 2 },
            { type: 'line', label: 'average power (W)', data: d.avgW, borderColor: '#dd6b20',
              backgroundColor: '#dd6b20', yAxisID: 'w', pointRadius: 2, order: 1 }
          ]
        },
        options: { interaction: { mode: 'index', intersect: false },
          scales: { kj: { position: 'left', beginAtZero: true, title: { display: true, text: 'kJ' } },
            w: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, title: { display: true, text: 'W' } } },
          plugins: { legend: { position: 'bottom' },
            tooltip: { callbacks: { title: function (items) { var i = items[0].dataIndex; return d.labels[i] + ' ' + d.titles[i]; } } } } }
      };
    },
    power: function (d) {
      return {
        type: 'line',
        data: {
          labels: d.labels,
          datasets: [
            { label: 'personal best', data: d.best, borderColor: '#2b6cb0', backgroundColor: 'rgba(43,108,176,0.15)',
              fill: true, tension: 0.3, pointRadius: 4, spanGaps: true },
            { label: 'latest ride', data: d.latest, borderColor: '#dd6b20', backgroundColor: '#dd6b20',
              borderDash: [6, 4], tension: 0.3, pointRadius: 4, spanGaps: true }
          ]
        },
        options: { scales: { y: { beginAtZero: true, title: { display: true, text: 'best mean power (W)' } },
          x: { title: { display: true, text: 'duration' } } },
          plugins: { legend: { position: 'bottom' } } }
      };
    }
  };

  var drawn = 0;
  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var name = canvas.getAttribute('data-chart');
    new Chart(canvas, builders[name](data[name]));
    canvas.setAttribute('data-drawn', 'true');
    drawn++;
  });
  document.body.setAttribute('data-charts-ready', String(drawn));
})();
