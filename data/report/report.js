/* heatline report: draws the plots of a season or run report with Apache
 * ECharts (inlined in the same file) from the JSON in #hl-data. SVG
 * renderer, no animation: the page is complete as soon as it loads and
 * prints cleanly. Nothing is fetched from the network. */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('hl-data').textContent);
  var charts = [];
  /* The report's language: data.text maps this script's English to the
   * catalogue's text (data/lang/LANG.txt). A text missing from it stays
   * English and is named in the console, where the render test looks. */
  function T(s) {
    if (!s || !data.text || data.lang === 'en') return s;
    if (Object.prototype.hasOwnProperty.call(data.text, s)) return data.text[s];
    console.error('heatline report: no ' + data.lang + ' text for "' + s + '"');
    return s;
  }
  /* the page's font stack (report_html.c), CJK fonts included */
  var FONTS = "'Noto Sans', 'Helvetica Neue', Arial, 'Noto Sans CJK SC', " +
    "'Source Han Sans SC', 'WenQuanYi Zen Hei', 'WenQuanYi Micro Hei', " +
    "'PingFang SC', 'Microsoft YaHei', sans-serif";
  var palette = ['#c23531', '#2f4554', '#61a0a8', '#d48265', '#749f83',
                 '#ca8622', '#6e7074', '#546570'];

  /* A plot that does not apply to this model (no line profile, no
   * fittings, one scenario): a note in its place, never an empty frame. */
  function noData(id, why) {
    var el = document.getElementById(id);
    if (!el) return;
    var p = document.createElement('p');
    p.className = 'nodata';
    p.textContent = T(why);
    el.style.height = 'auto';
    el.appendChild(p);
    el.setAttribute('data-nodata', '1');
  }

  function size(a) { return a && a.length ? a.length : 0; }

  function chart(id, option) {
    var el = document.getElementById(id);
    if (!el) return;
    var c = echarts.init(el, null, {renderer: 'svg'});
    option.animation = false;
    option.textStyle = {fontFamily: FONTS};
    option.color = option.color || palette;
    option.tooltip = option.tooltip || {trigger: 'axis'};
    option.grid = option.grid || {left: 80, right: 80, top: 70, bottom: 110};
    if (option.legend) option.legend.bottom = 5;
    c.setOption(option);
    el.setAttribute('data-rendered', '1');
    charts.push(c);
  }

  function title(text, sub) {
    return {text: T(text), subtext: sub ? T(sub) : '', left: 'center',
            textStyle: {fontSize: 15}};
  }

  function axis(name, extra) {
    var a = {type: 'value', name: T(name), nameLocation: 'middle', nameGap: 50,
             scale: true};
    for (var k in extra || {}) a[k] = extra[k];
    return a;
  }

  function pairs(xs, ys) {
    var out = [];
    for (var i = 0; i < xs.length; i++) out.push([xs[i], ys[i]]);
    return out;
  }

  function line(name, xs, ys, extra) {
    var s = {name: name, type: 'line', showSymbol: false, data: pairs(xs, ys)};
    for (var k in extra || {}) s[k] = extra[k];
    return s;
  }

  function pressureDiagram() {
    var p = data.profile;
    if (!p || !size(p.chainage_km))
      return noData('chart-pressure', 'No data: the pressure diagram ' +
                    'follows a line by its chainage, and this model has ' +
                    'no supply path with chainage (a meshed or imported ' +
                    'network); see the map and the tables.');
    var st = p.stations.map(function (s) {
      return {xAxis: s.chainage_km, name: s.name,
              label: {formatter: s.name, position: 'insideEndTop'}};
    });
    chart('chart-pressure', {
      title: title('Hydraulic pressure diagram (design hour, as-is)',
                   'piezometric head of supply and return, ground, static ' +
                   'head and pressure limits; pump stations marked'),
      legend: {bottom: 0},
      xAxis: axis('Chainage (km)', {scale: false}),
      yAxis: axis('Head / elevation (m above sea level)'),
      series: [
        line(T('Ground elevation'), p.chainage_km, p.elevation_m,
             {areaStyle: {opacity: 0.25}, lineStyle: {color: '#8c6d31'},
              itemStyle: {color: '#8c6d31'},
              markLine: {symbol: 'none', lineStyle: {type: 'dotted'},
                         data: st}}),
        line(T('Supply head'), p.chainage_km, p.head_supply_m,
             {lineStyle: {color: '#c23531', width: 2.5},
              itemStyle: {color: '#c23531'}}),
        line(T('Return head'), p.chainage_km, p.head_return_m,
             {lineStyle: {color: '#1f5fa8', width: 2.5},
              itemStyle: {color: '#1f5fa8'}}),
        line(T('Static head'), p.chainage_km, p.static_head_m,
             {lineStyle: {type: 'dashed', color: '#555'},
              itemStyle: {color: '#555'}}),
        line(T('Max pressure (PN) head'), p.chainage_km, p.max_head_m,
             {lineStyle: {type: 'dashed', color: '#e08a00'},
              itemStyle: {color: '#e08a00'}}),
        line(T('Min pressure (boiling margin) head'), p.chainage_km,
             p.min_head_m, {lineStyle: {type: 'dashed', color: '#9467bd'},
                            itemStyle: {color: '#9467bd'}})
      ]
    });
  }

  function temperatureProfile() {
    var t = data.temperatures;
    if (!t || !t.some(function (s) { return size(s.chainage_km); }))
      return noData('chart-temperature', 'No data: temperatures along ' +
                    'the line need a supply path with chainage, which ' +
                    'this model does not have.');
    var series = [];
    t.forEach(function (s) {
      series.push(line(T('Supply, ') + T(s.scenario), s.chainage_km, s.supply_c));
      series.push(line(T('Return, ') + T(s.scenario), s.chainage_km, s.return_c,
                       {lineStyle: {type: 'dashed'}, yAxisIndex: 1}));
    });
    chart('chart-temperature', {
      title: title('Water temperature along the line (design hour)',
                   'supply on the left axis, return (dashed) on the right'),
      legend: {bottom: 0},
      xAxis: axis('Chainage (km)', {scale: false}),
      yAxis: [axis('Supply temperature (\u00b0C)'),
              axis('Return temperature (\u00b0C)',
                   {splitLine: {show: false}})],
      series: series
    });
  }

  function lossBreakdown() {
    var b = data.breakdown;
    if (!b || !size(b.scenarios))
      return noData('chart-breakdown', 'No data: no heat-loss results.');
    var parts = ['pipes', 'fittings bare', 'fittings coated',
                 'fittings jacketed'];
    chart('chart-breakdown', {
      title: title('Heat loss by part and fitting state',
                   'pipes and fittings by state, on one scale'),
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
      legend: {bottom: 0},
      xAxis: {type: 'category', data: b.scenarios.map(T), name: T('Scenario'),
              nameLocation: 'middle', nameGap: 30},
      yAxis: axis(b.unit_label, {scale: false}),
      series: parts.map(function (name, i) {
        return {name: T(name), type: 'bar', stack: i ? 'fittings' : 'pipes',
                data: b.values[i],
                label: {show: true, position: 'inside',
                        formatter: function (p) {
                          return p.value > 0 ?
                            Math.round(p.value).toLocaleString('en-US') : '';
                        }}};
      })
    });
  }

  function months() {
    var m = data.months;
    if (!m || !size(m.labels))
      return noData('chart-months', 'No data: no months in the period.');
    var series = [{name: T('Heat delivered') + ' (' + T(m.base) + ')', type: 'bar',
                   data: m.delivered_gj}];
    m.losses.forEach(function (s) {
      series.push({name: T('Losses, ') + T(s.scenario), type: 'line', yAxisIndex: 1,
                   data: s.loss_gj});
    });
    chart('chart-months', {
      title: title('The season month by month'),
      legend: {bottom: 0},
      xAxis: {type: 'category', data: m.labels},
      yAxis: [axis('Heat delivered (GJ)', {scale: false}),
              axis('Heat lost, pipes + fittings (GJ)',
                   {scale: false, splitLine: {show: false}})],
      series: series
    });
  }

  function duration() {
    var d = data.duration;
    if (!d || !size(d.hours))
      return noData('chart-duration', 'No data: no hours in the period.');
    chart('chart-duration', {
      title: title('Outdoor temperature duration curve and heat load',
                   'hours of the period sorted from the coldest'),
      legend: {bottom: 0},
      xAxis: axis('Hours at or below the temperature (h)', {scale: false}),
      yAxis: [axis('Outdoor temperature (\u00b0C)'),
              axis('Heat load (MW)', {scale: false,
                                      splitLine: {show: false}})],
      series: [line(T('Outdoor temperature'), d.hours, d.outdoor_c),
               line(T('Heat demand'), d.hours, d.load_mw, {yAxisIndex: 1})]
    });
  }

  function surfaces() {
    var f = data.surfaces;
    if (!f || !(f.series || []).some(function (s) { return size(s.chainage_km); }))
      return noData('chart-surfaces', 'No data: the model has no ' +
                    'fittings with a chainage (valve chambers on a line).');
    chart('chart-surfaces', {
      title: title('Fitting surface temperatures at the design hour'),
      tooltip: {trigger: 'item'},
      legend: {bottom: 0},
      xAxis: axis('Chainage (km)', {scale: false}),
      yAxis: axis('Surface temperature (\u00b0C)', {scale: false}),
      series: f.series.map(function (s, i) {
        var o = {name: T(s.scenario), type: 'scatter', symbolSize: 6,
                 data: pairs(s.chainage_km, s.surface_c)};
        if (i === 0)
          o.markLine = {symbol: 'none', lineStyle: {color: '#d62728'},
                        label: {formatter: T('burn limit')},
                        data: [{yAxis: f.burn_limit_c}]};
        return o;
      })
    });
  }

  function payback() {
    var p = data.payback;
    if (!size(p))
      return noData('chart-payback', 'No data: no retrofit scenario.');
    chart('chart-payback', {
      title: title('Payback: cumulative discounted cash flow',
                   'investment at year 0, the season\u2019s saving every year'),
      legend: {bottom: 0},
      xAxis: axis('Year', {scale: false}),
      yAxis: axis('Cumulative discounted cash flow (10\u2074 CNY)'),
      series: p.map(function (s) {
        return line(T(s.scenario), s.year, s.cumulative_10k_cny,
                    {showSymbol: true});
      })
    });
  }


  /* The network in plan: pipes coloured by a chosen quantity, sources and
   * pressure references as squares, other nodes as dots; hovering shows
   * an element's values (SVG <title>). Drawn as plain SVG. */
  var SVGNS = 'http://www.w3.org/2000/svg';
  var mapQuantities = [
    {key: 'temp_c', label: 'Water temperature', unit: '\u00b0C'},
    {key: 'pressure_bar', label: 'Pressure', unit: 'bar g'},
    {key: 'velocity_m_s', label: 'Velocity', unit: 'm/s', abs: true},
    {key: 'loss_w_per_m', label: 'Heat loss per metre', unit: 'W/m'}
  ];
  var ramp = ['#313695', '#4575b4', '#74add1', '#abd9e9', '#fee090',
              '#fdae61', '#f46d43', '#d73027', '#a50026'];

  function svg(tag, attrs, parent) {
    var e = document.createElementNS(SVGNS, tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }

  function fmt(v, digits) {
    return v === null || v === undefined ? '\u2013' :
      Number(v).toLocaleString('en-US', {maximumFractionDigits: digits});
  }

  function colourAt(t) {
    if (!(t >= 0)) t = 0;
    if (t > 1) t = 1;
    return ramp[Math.round(t * (ramp.length - 1))];
  }

  function range(vals, abs) {
    var lo = Infinity, hi = -Infinity;
    vals.forEach(function (v) {
      if (v === null) return;
      if (abs) v = Math.abs(v);
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    });
    return lo <= hi ? [lo, hi] : [0, 0];
  }

  function networkMap() {
    var m = data.map, el = document.getElementById('chart-map');
    if (!el) return;
    if (!m || m.plane === 'none' || !m.nodes || !size(m.nodes.id))
      return noData('chart-map', 'No map: the model gives no plan ' +
                    'coordinates ([COORDINATES] of an .inp, GeoJSON ' +
                    'geometry) and no chainage for a schematic line.');
    var n = m.nodes, p = m.pipes, W = 1000, pad = 20;
    var bx = range(n.x), by = range(n.y);
    p.vertices.forEach(function (v) {
      for (var k = 0; k + 1 < v.length; k += 2) {
        bx = [Math.min(bx[0], v[k]), Math.max(bx[1], v[k])];
        by = [Math.min(by[0], v[k + 1]), Math.max(by[1], v[k + 1])];
      }
    });
    var dx = bx[1] - bx[0] || 1, dy = by[1] - by[0] || 1;
    var H = m.plane === 'schematic' ? 260 :
      Math.max(300, Math.min(900, W * dy / dx));
    var sx = (W - 2 * pad) / dx, sy = (H - 2 * pad) / dy;
    if (m.plane === 'plan') sx = sy = Math.min(sx, sy); /* true shape */
    function X(x) { return pad + (x - bx[0]) * sx; }
    function Y(y) { return H - pad - (y - by[0]) * sy; }
    el.style.height = 'auto';
    var bar = document.createElement('div');
    bar.className = 'map-bar';
    var pick = document.createElement('select');
    pick.id = 'map-quantity';
    mapQuantities.forEach(function (q, i) {
      var o = document.createElement('option');
      o.value = i;
      o.textContent = T(q.label) + ' (' + q.unit + ')';
      pick.appendChild(o);
    });
    var legend = document.createElement('span');
    legend.className = 'map-legend';
    bar.appendChild(document.createTextNode(T('Colour pipes by ')));
    bar.appendChild(pick);
    bar.appendChild(legend);
    el.appendChild(bar);
    var root = svg('svg', {viewBox: '0 0 ' + W + ' ' + H, width: '100%',
                           role: 'img', 'class': 'map'}, el);
    var lines = [];
    for (var i = 0; i < p.id.length; i++) {
      var d = 'M' + X(n.x[p.from[i]]).toFixed(1) + ' ' +
              Y(n.y[p.from[i]]).toFixed(1), v = p.vertices[i];
      for (var k = 0; k + 1 < v.length; k += 2)
        d += 'L' + X(v[k]).toFixed(1) + ' ' + Y(v[k + 1]).toFixed(1);
      d += 'L' + X(n.x[p.to[i]]).toFixed(1) + ' ' + Y(n.y[p.to[i]]).toFixed(1);
      var path = svg('path', {d: d, fill: 'none', 'stroke-width': 3,
                              'stroke-linecap': 'round'}, root);
      if (!p.open[i]) path.setAttribute('stroke-dasharray', '4 4');
      svg('title', {}, path).textContent = 'pipe ' + p.id[i] + ': ' +
        fmt(p.temp_c[i], 1) + ' \u00b0C, ' + fmt(p.pressure_bar[i], 2) +
        ' bar g, ' + fmt(p.velocity_m_s[i], 2) + ' m/s, ' +
        fmt(p.loss_w_per_m[i], 1) + ' W/m, ' + fmt(p.flow_kg_s[i], 2) +
        ' kg/s' + (p.open[i] ? '' : ' (closed)');
      lines.push(path);
    }
    var o = m.links || {id: []};
    for (var l = 0; l < o.id.length; l++) {
      var seg = svg('line', {x1: X(n.x[o.from[l]]), y1: Y(n.y[o.from[l]]),
                             x2: X(n.x[o.to[l]]), y2: Y(n.y[o.to[l]]),
                             stroke: o.kind[l] === 'pump' ? '#111' : '#777',
                             'stroke-width': o.kind[l] === 'pump' ? 5 : 3},
                    root);
      svg('title', {}, seg).textContent = o.kind[l] + ' ' + o.id[l];
    }
    for (var j = 0; j < n.id.length; j++) {
      var cx = X(n.x[j]), cy = Y(n.y[j]), mark = n.fixed[j] ?
        svg('rect', {x: cx - 5, y: cy - 5, width: 10, height: 10,
                     fill: '#222'}, root) :
        svg('circle', {cx: cx, cy: cy, r: n.id.length > 2000 ? 1 : 2.5,
                       fill: '#555'}, root);
      svg('title', {}, mark).textContent = 'node ' + n.id[j] + ': ' +
        fmt(n.temp_c[j], 1) + ' \u00b0C, ' + fmt(n.pressure_bar[j], 2) +
        ' bar g, head ' + fmt(n.head_m[j], 2) + ' m' +
        (n.fixed[j] ? ' (pressure reference or source)' : '');
    }
    function colour() {
      var q = mapQuantities[pick.value], vals = p[q.key];
      var r = range(vals, q.abs), span = r[1] - r[0];
      lines.forEach(function (path, i) {
        var v = vals[i];
        if (v !== null && q.abs) v = Math.abs(v);
        path.setAttribute('stroke', v === null ? '#bbb' :
                          colourAt(span > 0 ? (v - r[0]) / span : 0.5));
      });
      legend.innerHTML = '';
      legend.appendChild(document.createTextNode(
        ' ' + fmt(r[0], 2) + ' ' + q.unit + ' '));
      ramp.forEach(function (c) {
        var b = document.createElement('span');
        b.className = 'map-swatch';
        b.style.background = c;
        legend.appendChild(b);
      });
      legend.appendChild(document.createTextNode(
        ' ' + fmt(r[1], 2) + ' ' + q.unit));
    }
    pick.addEventListener('change', colour);
    colour();
    var note = document.createElement('p');
    note.className = 'note';
    note.textContent = T(m.plane === 'schematic' ?
      'Schematic plan (the model has no coordinates): chainage along, ' +
      'supply above return. ' : 'Plan from the model\u2019s coordinates. ') +
      p.id.length.toLocaleString('en-US') + T(' pipes, ') +
      n.id.length.toLocaleString('en-US') + T(' nodes; squares: pressure ' +
      'references and sources; black bars: pumps, grey: valves; dashed: ' +
      'closed pipes. Hover an element ' +
      'for its values.');
    el.appendChild(note);
  }

  /* The line in time (a dynamic run or season): only on pages that have
   * these placeholders. */
  function timeAxis() { return axis('Time from the start (h)', {scale: false}); }

  function dynTemps(d) {
    var s = [line('Plant supply', d.time_h, d.plant_c,
                  {lineStyle: {width: 3}})];
    d.consumers.forEach(function (c) {
      s.push(line(c.id, d.time_h, c.supply_c));
    });
    if (!size(d.plant_c) && !size(d.consumers))
      return noData('chart-dyn-temps', 'No data: no temperatures recorded.');
    var sub = d.consumer_count > d.consumers.length ?
        d.consumers.length + ' of ' + d.consumer_count + ' consumers shown' :
        'the consumers receive the plant\'s supply a transit time later';
    chart('chart-dyn-temps', {
      title: title('Supply temperature at the plant and at the consumers', sub),
      legend: {type: 'scroll'}, xAxis: timeAxis(),
      yAxis: axis('Temperature (\u00b0C)'), series: s
    });
  }

  function dynOne(id, name, xs, ys, unit, why) {
    if (!ys || !ys.some(function (v) { return v !== null; }))
      return noData(id, why);
    chart(id, {
      title: title(name), xAxis: timeAxis(), yAxis: axis(unit),
      series: [line(name, xs, ys, {areaStyle: {opacity: 0.15}})]
    });
  }

  function dynErrors(d) {
    var e = (d.errors || []).filter(function (x) {
      return x.error_k && x.error_k.some(function (v) { return v !== null; });
    });
    if (!e.length)
      return noData('chart-dyn-error', 'No data: the error against the ' +
                    'reset curve needs a weather-driven run (a boundary ' +
                    'file sets no reset curve).');
    chart('chart-dyn-error', {
      title: title('Consumers\' supply minus what the reset curve asks now',
                   'flow-weighted; below zero: under-supplied'),
      legend: {}, xAxis: timeAxis(), yAxis: axis('Error (K)'),
      series: e.map(function (x) { return line(x.name, d.time_h, x.error_k); })
    });
  }

  function dynamic() {
    var d = data.dynamic;
    if (!d) return;
    dynTemps(d);
    dynOne('chart-dyn-transit', 'Transit time to the consumers', d.time_h,
           d.transit_h, 'Transit time (h)', 'No data: no transit times.');
    dynOne('chart-dyn-stored', 'Heat stored in water, walls and soil',
           d.time_h, d.stored_tj, 'Stored heat (TJ, from 0 \u00b0C)',
           'No data: no stored heat recorded.');
    dynErrors(d);
  }

  [networkMap, pressureDiagram, temperatureProfile, lossBreakdown, months, duration,
   surfaces, payback, dynamic].forEach(function (f) {
    /* one plot that fails must not blank the others; the error stays
     * visible in the console (the render test fails on it) */
    try { f(); } catch (e) { console.error('heatline report: ' + e); }
  });
  window.addEventListener('resize', function () {
    charts.forEach(function (c) { c.resize(); });
  });
})();
