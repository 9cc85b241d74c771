/* heatline surge report: draws the envelope of pressure along the line
 * (per side, with PN and vapour pressure), the watched nodes' pressure in
 * time and the cavities, with Apache ECharts (inlined in the same file),
 * from the JSON in #hl-data. SVG renderer, no animation; nothing is
 * fetched. A plot without data is a note, never an empty frame. */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('hl-data').textContent);
  var palette = ['#c23531', '#2f4554', '#61a0a8', '#d48265', '#749f83',
                 '#ca8622', '#6e7074', '#546570'];

  function noData(id, why) {
    var el = document.getElementById(id);
    if (!el) return;
    var p = document.createElement('p');
    p.className = 'nodata';
    p.textContent = why;
    el.style.height = 'auto';
    el.appendChild(p);
    el.setAttribute('data-nodata', '1');
  }

  function chart(id, option) {
    var el = document.getElementById(id);
    if (!el) return;
    var c = echarts.init(el, null, {renderer: 'svg'});
    option.animation = false;
    option.color = option.color || palette;
    option.tooltip = option.tooltip || {trigger: 'axis'};
    option.grid = option.grid || {left: 80, right: 40, top: 70, bottom: 110};
    if (option.legend) option.legend.bottom = 5;
    c.setOption(option);
    el.setAttribute('data-rendered', '1');
  }

  function title(text, sub) {
    return {text: text, subtext: sub || '', left: 'center',
            textStyle: {fontSize: 15}};
  }

  function pairs(xs, ys) {
    var out = [];
    for (var i = 0; i < xs.length; i++)
      if (ys[i] !== null && ys[i] !== undefined) out.push([xs[i], ys[i]]);
    return out;
  }

  function line(name, xs, ys, extra) {
    var s = {name: name, type: 'line', showSymbol: false, data: pairs(xs, ys)};
    for (var k in extra || {}) s[k] = extra[k];
    return s;
  }

  function envelope() {
    var e = data.envelope || {}, series = [];
    /* side, label, colours of max, min; PN grey dashed, vapour dotted */
    var sides = [['supply', 'Supply', '#c23531', '#2f4554'],
                 ['return', 'Return', '#d48265', '#61a0a8'],
                 ['other', 'Other', '#749f83', '#546570']];
    function style(color, type) {
      return {lineStyle: {color: color, type: type || 'solid'},
              itemStyle: {color: color}};
    }
    sides.forEach(function (sd) {
      var v = e[sd[0]];
      if (!v || !v.chainage_km || v.chainage_km.length < 2) return;
      var x = v.chainage_km;
      series.push(line(sd[1] + ' max', x, v.max_bar, style(sd[2])));
      series.push(line(sd[1] + ' min', x, v.min_bar, style(sd[3])));
      series.push(line(sd[1] + ' PN', x, v.pn_bar, style('#6e7074', 'dashed')));
      series.push(line(sd[1] + ' vapour', x, v.vapour_bar,
                       style('#ca8622', 'dotted')));
    });
    if (!series.length)
      return noData('chart-surge-envelope', 'No data: the envelope plot ' +
                    'needs nodes with a chainage (the model gives none); ' +
                    'the envelope of every node is in --json and --csv.');
    chart('chart-surge-envelope', {
      title: title('Largest and smallest pressure over the event',
                   'with each node\u2019s PN (dashed) and vapour pressure ' +
                   '(dotted)'),
      xAxis: {type: 'value', name: 'chainage, km', nameLocation: 'middle',
              nameGap: 30, scale: true},
      yAxis: {type: 'value', name: 'pressure, bar(g)', nameLocation: 'middle',
              nameGap: 50, scale: true},
      legend: {type: 'scroll'},
      series: series
    });
  }

  function timeSeries() {
    var s = data.series || [];
    if (!s.length)
      return noData('chart-surge-series', 'No watched nodes: give --watch ' +
                    'ID[,ID...] for their pressure in time.');
    chart('chart-surge-series', {
      title: title('Pressure in time', 'watched nodes'),
      xAxis: {type: 'value', name: 'time, s', nameLocation: 'middle',
              nameGap: 30},
      yAxis: {type: 'value', name: 'pressure, bar(g)', nameLocation: 'middle',
              nameGap: 50, scale: true},
      legend: {type: 'scroll'},
      series: s.map(function (w) {
        return line(w.id, w.time_s, w.pressure_bar);
      })
    });
  }

  function cavities() {
    var c = data.cavities || [];
    if (!c.length)
      return noData('chart-surge-cavities', 'No vapour cavity formed: the ' +
                    'pressure stayed above vapour pressure everywhere.');
    c = c.slice().sort(function (a, b) {
      return b.max_volume_m3 - a.max_volume_m3;
    }).slice(0, 30);
    chart('chart-surge-cavities', {
      title: title('Largest vapour cavities', 'the 30 largest sites'),
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
      xAxis: {type: 'category', data: c.map(function (x) { return x.where; }),
              axisLabel: {rotate: 40}},
      yAxis: {type: 'value', name: 'volume, m3', nameLocation: 'middle',
              nameGap: 50},
      series: [{name: 'largest volume', type: 'bar',
                data: c.map(function (x) { return x.max_volume_m3; })}]
    });
  }

  [envelope, timeSeries, cavities].forEach(function (f) { f(); });
})();
