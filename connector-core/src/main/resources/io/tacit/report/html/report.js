(function () {
  'use strict';
  // Names come from databases: they reach the page only through textContent and setAttribute of plain values.
  var started = performance.now();
  var SVG = 'http://www.w3.org/2000/svg';
  var data = JSON.parse(document.getElementById('tacit-data').textContent);
  var tables = data.tables;
  var edges = data.relationships;
  var boxes = data.layout.boxes;
  var groups = data.layout.groups;
  var threshold = 0;
  var shownGroup = -1;
  var view = { x: 0, y: 0, w: 1, h: 1 };
  var decisions = {};
  var added = [];
  var selected = null;
  var edgeNodes = [];
  var tableNodes = [];
  var edgesOfTable = tables.map(function () { return []; });
  edges.forEach(function (edge, i) {
    edgesOfTable[edge.fromTable].push(i);
    if (edge.toTable !== edge.fromTable) {
      edgesOfTable[edge.toTable].push(i);
    }
  });

  function $(id) { return document.getElementById(id); }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function svg(tag, attributes) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, String(attributes[name])); });
    return node;
  }
  function qualified(table) { return table.schema + '.' + table.table; }
  function side(end) { return end.schema + '.' + end.table + '(' + end.columns.join(', ') + ')'; }
  function edgeLabel(edge) {
    var text = side(edge.from) + ' \u2192 ' + side(edge.to);
    if (edge.discriminator) { text += ' where ' + edge.discriminator.column + ' = ' + edge.discriminator.value; }
    return text;
  }
  function decisionKey(from, to, discriminator) {
    return JSON.stringify([from.schema, from.table, from.columns, to.schema, to.table, to.columns,
      discriminator ? [discriminator.column, discriminator.value] : null]);
  }
  function band(edge) {
    if (edge.origin === 'DECLARED') { return 'declared'; }
    if (edge.confidence >= 0.9) { return 'high'; }
    if (edge.confidence >= 0.7) { return 'medium'; }
    return 'low';
  }
  function fixed(number) { return Number(number).toFixed(2); }

  // ---- diagram ---------------------------------------------------------------------------------------
  function markers() {
    var defs = $('markers');
    [['declared', '#444c56'], ['high', '#1a7f37'], ['medium', '#bf8700'], ['low', '#cf222e'], ['orm', '#8250df'],
      ['added', '#0969da']].forEach(function (pair) {
      var marker = svg('marker', { id: 'arrow-' + pair[0], viewBox: '0 0 10 10', refX: 9, refY: 5,
        markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
      marker.appendChild(svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: pair[1] }));
      defs.appendChild(marker);
    });
  }

  function drawGroups() {
    var layer = $('group-frames');
    groups.forEach(function (group, g) {
      var frame = svg('g', { 'class': 'group', 'data-group': g });
      frame.appendChild(svg('rect', { 'class': 'group-frame', x: group.x, y: group.y, width: group.width,
        height: group.height, rx: 8 }));
      var label = svg('text', { 'class': 'group-label', x: group.x + 10, y: group.y + 18 });
      label.textContent = group.name;
      frame.appendChild(label);
      layer.appendChild(frame);
      var option = el('option', null, group.name);
      option.value = String(g);
      $('group').appendChild(option);
    });
  }

  function drawTables() {
    var layer = $('tables');
    var fragment = document.createDocumentFragment();
    tables.forEach(function (table, i) {
      var box = boxes[i];
      var node = svg('g', { 'class': 'table', id: 'table-' + i, 'data-table': i,
        transform: 'translate(' + box[0] + ',' + box[1] + ')' });
      var title = svg('title');
      title.textContent = qualified(table);
      node.appendChild(title);
      node.appendChild(svg('rect', { width: box[2], height: box[3], rx: 5 }));
      var name = svg('text', { x: 8, y: 17 });
      var limit = Math.max(4, Math.floor((box[2] - 16) / 7.4));
      var label = table.table.length > limit ? table.table.slice(0, limit - 1) + '\u2026' : table.table;
      name.textContent = label;
      node.appendChild(name);
      var sub = svg('text', { 'class': 'sub', x: 8, y: 33 });
      var columns = (table.columns || []).length;
      sub.textContent = table.schema + ' \u00b7 ' + columns + (columns === 1 ? ' column' : ' columns');
      node.appendChild(sub);
      fragment.appendChild(node);
      tableNodes.push(node);
    });
    layer.appendChild(fragment);
  }

  function anchor(box, spread, towards) {
    var x = box[0] + box[2] / 2 + spread;
    if (towards === 'up') { return [x, box[1]]; }
    return [x, box[1] + box[3]];
  }

  function edgePath(edge, i) {
    var a = boxes[edge.fromTable];
    var b = boxes[edge.toTable];
    var spread = ((i % 7) - 3) * 6;
    if (edge.fromTable === edge.toTable) {
      var rx = a[0] + a[2];
      var ry = a[1] + 8;
      return 'M' + rx + ',' + ry + ' C' + (rx + 46) + ',' + (ry - 26) + ' ' + (rx + 46) + ',' + (ry + 46) + ' ' + rx
        + ',' + (ry + 22);
    }
    var start;
    var end;
    if (Math.abs(a[1] - b[1]) < 4) {
      start = [a[0] + a[2] / 2 + spread, a[1]];
      end = [b[0] + b[2] / 2 - spread, b[1]];
      var lift = Math.min(120, 30 + Math.abs(start[0] - end[0]) / 6);
      return 'M' + start[0] + ',' + start[1] + ' C' + start[0] + ',' + (start[1] - lift) + ' ' + end[0] + ','
        + (end[1] - lift) + ' ' + end[0] + ',' + end[1];
    }
    if (a[1] > b[1]) {
      start = anchor(a, spread, 'up');
      end = anchor(b, -spread, 'down');
    } else {
      start = anchor(a, spread, 'down');
      end = anchor(b, -spread, 'up');
    }
    var middle = (start[1] + end[1]) / 2;
    return 'M' + start[0] + ',' + start[1] + ' C' + start[0] + ',' + middle + ' ' + end[0] + ',' + middle + ' '
      + end[0] + ',' + end[1];
  }

  function edgeClasses(edge, i) {
    var classes = ['edge', edge.origin.toLowerCase(), band(edge)];
    if (edge.origin === 'ORM') { classes.push('orm'); }
    var decision = decisions[decisionKey(edge.from, edge.to, edge.discriminator)];
    if (decision) { classes.push(decision); }
    if (selected && selected.edge === i) { classes.push('selected'); }
    if (!edgeVisible(edge)) { classes.push('hidden'); }
    return classes.join(' ');
  }

  function edgeVisible(edge) {
    if (edge.confidence < threshold) { return false; }
    if (shownGroup >= 0 && boxes[edge.fromTable][4] !== shownGroup) { return false; }
    return true;
  }

  function drawEdges() {
    var layer = $('edges');
    var fragment = document.createDocumentFragment();
    edges.forEach(function (edge, i) {
      var node = svg('g', { 'class': edgeClasses(edge, i), id: 'edge-' + i, 'data-edge': i });
      var d = edgePath(edge, i);
      var title = svg('title');
      title.textContent = edgeLabel(edge) + ' (' + fixed(edge.confidence) + ')';
      node.appendChild(title);
      node.appendChild(svg('path', { 'class': 'hit', d: d }));
      var kind = edge.origin === 'ORM' ? 'orm' : band(edge);
      node.appendChild(svg('path', { 'class': 'line', d: d, 'marker-end': 'url(#arrow-' + kind + ')' }));
      if (edge.origin === 'ORM') {
        var a = boxes[edge.fromTable];
        var b = boxes[edge.toTable];
        var label = svg('text', { 'class': 'orm-label', x: (a[0] + a[2] / 2 + b[0] + b[2] / 2) / 2 + 4,
          y: (a[1] + b[1] + a[3]) / 2 });
        label.textContent = 'ORM';
        node.appendChild(label);
      }
      fragment.appendChild(node);
      edgeNodes.push(node);
    });
    layer.appendChild(fragment);
  }

  function refreshEdges() {
    var shown = 0;
    edges.forEach(function (edge, i) {
      edgeNodes[i].setAttribute('class', edgeClasses(edge, i));
      if (edgeVisible(edge)) { shown++; }
    });
    $('shown-count').textContent = 'showing ' + shown + ' of ' + edges.length + ' relationships';
  }

  // ---- view: pan, zoom, fit, centre ------------------------------------------------------------------
  function applyView() {
    $('diagram').setAttribute('viewBox', view.x + ' ' + view.y + ' ' + view.w + ' ' + view.h);
  }
  function aspect() {
    var rect = $('diagram').getBoundingClientRect();
    return rect.width > 0 && rect.height > 0 ? rect.height / rect.width : 0.6;
  }
  function fitTo(x, y, w, h) {
    var ratio = aspect();
    var width = Math.max(w + 40, (h + 40) / ratio, 400);
    view = { x: x + w / 2 - width / 2, y: y + h / 2 - width * ratio / 2, w: width, h: width * ratio };
    applyView();
  }
  function fit() {
    if (shownGroup >= 0) {
      var group = groups[shownGroup];
      fitTo(group.x, group.y, group.width, group.height);
    } else {
      fitTo(0, 0, data.layout.width, data.layout.height);
    }
  }
  function centreOn(tableIndex) {
    var box = boxes[tableIndex];
    var ratio = aspect();
    var width = Math.min(Math.max(view.w, 900), 1400);
    view = { x: box[0] + box[2] / 2 - width / 2, y: box[1] + box[3] / 2 - width * ratio / 2, w: width, h: width * ratio };
    applyView();
  }
  function panAndZoom() {
    var diagram = $('diagram');
    var drag = null;
    diagram.addEventListener('pointerdown', function (event) {
      if (event.target.closest('.table') || event.target.closest('.edge')) { return; }
      drag = { x: event.clientX, y: event.clientY, view: { x: view.x, y: view.y } };
      diagram.setPointerCapture(event.pointerId);
    });
    diagram.addEventListener('pointermove', function (event) {
      if (!drag) { return; }
      var scale = view.w / diagram.getBoundingClientRect().width;
      view.x = drag.view.x - (event.clientX - drag.x) * scale;
      view.y = drag.view.y - (event.clientY - drag.y) * scale;
      applyView();
    });
    diagram.addEventListener('pointerup', function () { drag = null; });
    diagram.addEventListener('wheel', function (event) {
      event.preventDefault();
      var rect = diagram.getBoundingClientRect();
      var factor = event.deltaY > 0 ? 1.15 : 1 / 1.15;
      var px = view.x + (event.clientX - rect.left) / rect.width * view.w;
      var py = view.y + (event.clientY - rect.top) / rect.height * view.h;
      view = { x: px - (px - view.x) * factor, y: py - (py - view.y) * factor, w: view.w * factor, h: view.h * factor };
      applyView();
    }, { passive: false });
  }

  // ---- details panel ---------------------------------------------------------------------------------
  var KIND_WORDS = {
    FOREIGN_KEY: 'Many rows of the first table point to one row of the second.',
    ONE_TO_ONE: 'Each row of the first table extends at most one row of the second (one to one).',
    POLYMORPHIC: 'A type column says which table the id points to; this edge holds for one type value.'
  };
  var ORIGIN_WORDS = {
    DECLARED: 'Declared by the database (a foreign key constraint).',
    INFERRED: 'Inferred by tacit from names, types, keys and data: no constraint declares it.',
    ORM: 'Declared in the application\'s model code (ORM), not in the database.'
  };

  function clearSelection() {
    if (selected && selected.table !== undefined) { tableNodes[selected.table].classList.remove('selected'); }
    var previous = selected;
    selected = null;
    if (previous && previous.edge !== undefined) { edgeNodes[previous.edge].setAttribute('class', edgeClasses(edges[previous.edge], previous.edge)); }
  }

  function panel(children) {
    var target = $('panel');
    target.textContent = '';
    children.forEach(function (child) { target.appendChild(child); });
  }

  function list(items) {
    var ul = el('ul');
    items.forEach(function (item) {
      var li = el('li');
      if (typeof item === 'string') { li.textContent = item; } else { li.appendChild(item); }
      ul.appendChild(li);
    });
    return ul;
  }

  function edgeLink(i, text) {
    var button = el('button', 'link', text);
    button.type = 'button';
    button.setAttribute('data-edge', i);
    button.addEventListener('click', function () { selectEdge(i, true); });
    return button;
  }

  function selectEdge(i, centre) {
    clearSelection();
    selected = { edge: i };
    var edge = edges[i];
    edgeNodes[i].setAttribute('class', edgeClasses(edge, i));
    if (centre) { centreOn(edge.fromTable); }
    var children = [];
    var heading = el('h2', null, edgeLabel(edge));
    heading.id = 'panel-title';
    children.push(heading);
    children.push(el('p', 'confidence', 'Confidence ' + fixed(edge.confidence) + ' (' + band(edge) + '), '
      + edge.cardinality.toLowerCase().replace(/_/g, ' ') + '.'));
    children.push(el('p', null, ORIGIN_WORDS[edge.origin] || edge.origin));
    children.push(el('p', null, KIND_WORDS[edge.kind] || edge.kind));
    children.push(el('h3', null, 'Evidence'));
    if (edge.evidence.length === 0) {
      children.push(el('p', 'muted', 'No evidence recorded (a declared constraint needs none).'));
    } else {
      var evidence = list(edge.evidence.map(function (item) { return item.detail; }));
      evidence.id = 'evidence';
      children.push(evidence);
    }
    children.push(el('h3', null, 'Data'));
    if (edge.orphanRows !== undefined) {
      children.push(el('p', 'orphans', edge.orphanRows + (edge.orphanRows === 1 ? ' row' : ' rows') + ' of '
        + edge.from.schema + '.' + edge.from.table + ' point to no row of ' + edge.to.schema + '.' + edge.to.table + '.'));
    } else {
      children.push(el('p', 'muted', 'Orphan rows were not counted for this relationship (the data was not read, or only estimated).'));
    }
    children.push(el('h3', null, 'Provenance'));
    var provenance = edge.provenance;
    var facts = ['run ' + provenance.runId + ' (tacit ' + provenance.toolVersion + ', ' + provenance.time + ')',
      'source: ' + provenance.source,
      'signals: ' + (edge.evidence.length ? edge.evidence.map(function (item) { return item.signal; }).join(', ') : 'none')];
    if (provenance.location) { facts.push('declared at ' + provenance.location); }
    var provenanceList = list(facts);
    provenanceList.id = 'provenance';
    children.push(provenanceList);
    children.push(el('h3', null, 'Review'));
    children.push(decisionButtons(edge));
    children.push(el('h3', null, 'Tables'));
    children.push(list([tableLink(edge.fromTable), tableLink(edge.toTable)]));
    panel(children);
  }

  function decisionButtons(edge) {
    var key = decisionKey(edge.from, edge.to, edge.discriminator);
    var box = el('div', 'decision-buttons');
    var status = el('span', 'badge' + (decisions[key] ? ' ' + decisions[key] : ''), decisions[key] || 'not reviewed');
    status.id = 'decision-status';
    [['accept', 'Accept', 'accepted'], ['reject', 'Reject', 'rejected'], ['clear', 'Undo', null]].forEach(function (spec) {
      var button = el('button', null, spec[1]);
      button.type = 'button';
      button.id = 'decision-' + spec[0];
      button.addEventListener('click', function () {
        if (spec[2]) { decisions[key] = spec[2]; } else { delete decisions[key]; }
        status.className = 'badge' + (decisions[key] ? ' ' + decisions[key] : '');
        status.textContent = decisions[key] || 'not reviewed';
        refreshEdges();
        refreshDecisions();
      });
      box.appendChild(button);
    });
    box.appendChild(status);
    return box;
  }

  function tableLink(t) {
    var button = el('button', 'link', qualified(tables[t]));
    button.type = 'button';
    button.addEventListener('click', function () { selectTable(t, true); });
    return button;
  }

  function selectTable(t, centre) {
    clearSelection();
    selected = { table: t };
    tableNodes[t].classList.add('selected');
    if (centre) { centreOn(t); }
    var table = tables[t];
    var children = [];
    var heading = el('h2', null, qualified(table));
    heading.id = 'panel-title';
    children.push(heading);
    if (table.status && table.status !== 'ok') {
      children.push(el('p', 'muted', 'This table was ' + table.status + ' in the run (see the warnings).'));
    }
    var columns = table.columns || [];
    children.push(el('h3', null, columns.length + (columns.length === 1 ? ' column' : ' columns')));
    var columnList = list(columns.map(function (column) { return column.type ? column.name + ' ' + column.type : column.name; }));
    columnList.id = 'columns';
    children.push(columnList);
    var own = edgesOfTable[t];
    children.push(el('h3', null, own.length + (own.length === 1 ? ' relationship' : ' relationships')));
    var edgeList = list(own.map(function (i) { return edgeLink(i, edgeLabel(edges[i]) + ' (' + fixed(edges[i].confidence) + ')'); }));
    edgeList.id = 'table-edges';
    children.push(edgeList);
    panel(children);
  }

  // ---- search ----------------------------------------------------------------------------------------
  function find(query) {
    var text = query.trim().toLowerCase();
    if (!text) { return -1; }
    var i;
    for (i = 0; i < tables.length; i++) { if (qualified(tables[i]).toLowerCase() === text) { return i; } }
    for (i = 0; i < tables.length; i++) { if (tables[i].table.toLowerCase() === text) { return i; } }
    for (i = 0; i < tables.length; i++) {
      var columns = tables[i].columns || [];
      for (var c = 0; c < columns.length; c++) {
        var name = columns[c].name.toLowerCase();
        if (name === text || (qualified(tables[i]) + '.' + columns[c].name).toLowerCase() === text
          || (tables[i].table + '.' + columns[c].name).toLowerCase() === text) { return i; }
      }
    }
    for (i = 0; i < tables.length; i++) { if (qualified(tables[i]).toLowerCase().indexOf(text) >= 0) { return i; } }
    return -1;
  }

  function search() {
    var query = $('search').value;
    tableNodes.forEach(function (node) { node.classList.remove('found'); });
    var t = find(query);
    if (t < 0) {
      $('search-status').textContent = query.trim() ? 'no table or column matches \u201c' + query + '\u201d' : '';
      return -1;
    }
    $('search-status').textContent = '';
    if (shownGroup >= 0 && boxes[t][4] !== shownGroup) { showGroup(-1); }
    tableNodes[t].classList.add('found');
    selectTable(t, true);
    return t;
  }

  function names() {
    var fragment = document.createDocumentFragment();
    var limit = Math.min(tables.length, 2000);
    for (var i = 0; i < limit; i++) {
      var option = document.createElement('option');
      option.value = qualified(tables[i]);
      fragment.appendChild(option);
    }
    $('names').appendChild(fragment);
  }

  function showGroup(g) {
    shownGroup = g;
    $('group').value = String(g);
    tableNodes.forEach(function (node, t) { node.classList.toggle('hidden', g >= 0 && boxes[t][4] !== g); });
    Array.prototype.forEach.call($('group-frames').children, function (frame, index) {
      frame.classList.toggle('hidden', g >= 0 && index !== g);
    });
    refreshEdges();
    fit();
  }

  // ---- review decisions ------------------------------------------------------------------------------
  function parseEnd(text) {
    var value = text.trim();
    var best = -1;
    for (var i = 0; i < tables.length; i++) {
      var prefix = qualified(tables[i]) + '.';
      if (value.indexOf(prefix) === 0 && (best < 0 || prefix.length > qualified(tables[best]).length + 1)) { best = i; }
    }
    if (best < 0) { return null; }
    var columns = value.slice(qualified(tables[best]).length + 1).split('+').map(function (c) { return c.trim(); });
    if (columns.some(function (c) { return !c; })) { return null; }
    return { schema: tables[best].schema, table: tables[best].table, columns: columns };
  }

  function addEdge() {
    var from = parseEnd($('add-from').value);
    var to = parseEnd($('add-to').value);
    if (!from || !to) {
      $('add-status').textContent = 'write both ends as schema.table.column (a table of this report; columns joined with +)';
      return;
    }
    if (from.columns.length !== to.columns.length) {
      $('add-status').textContent = 'both ends need the same number of columns';
      return;
    }
    var key = decisionKey(from, to, null);
    if (!added.some(function (edge) { return decisionKey(edge.from, edge.to, null) === key; })) {
      added.push({ from: from, to: to });
    }
    $('add-status').textContent = 'added ' + side(from) + ' \u2192 ' + side(to);
    refreshDecisions();
  }

  function decisionsDocument() {
    var entries = [];
    edges.forEach(function (edge) {
      var decision = decisions[decisionKey(edge.from, edge.to, edge.discriminator)];
      if (!decision) { return; }
      var entry = { decision: decision === 'accepted' ? 'accept' : 'reject',
        from: { schema: edge.from.schema, table: edge.from.table, columns: edge.from.columns },
        to: { schema: edge.to.schema, table: edge.to.table, columns: edge.to.columns } };
      if (edge.discriminator) { entry.discriminator = { column: edge.discriminator.column, value: edge.discriminator.value }; }
      entries.push(entry);
    });
    added.forEach(function (edge) {
      entries.push({ decision: 'accept', added: true, from: edge.from, to: edge.to });
    });
    return { format: 'tacit-review-decisions', formatVersion: 1,
      reviewed: { runId: data.runId, source: data.source }, decisions: entries };
  }

  function refreshDecisions() {
    var document_ = decisionsDocument();
    var accepted = 0;
    var rejected = 0;
    document_.decisions.forEach(function (entry) { if (entry.decision === 'accept') { accepted++; } else { rejected++; } });
    $('decision-count').textContent = accepted + ' accepted (' + added.length + ' added by hand), ' + rejected + ' rejected';
    $('decisions-json').value = JSON.stringify(document_, null, 2) + '\n';
  }

  function download() {
    var blob = new Blob([$('decisions-json').value], { type: 'application/json' });
    var link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = 'decisions.json';
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  // ---- summary and per-table list --------------------------------------------------------------------
  function countBy(key) {
    var counts = {};
    edges.forEach(function (edge) { var value = key(edge); counts[value] = (counts[value] || 0) + 1; });
    return counts;
  }
  function countTable(title, counts, order) {
    var table = el('table');
    var head = el('tr');
    head.appendChild(el('th', null, title));
    head.appendChild(el('th', null, 'relationships'));
    table.appendChild(head);
    order.forEach(function (name) {
      var row = el('tr');
      row.appendChild(el('td', null, name));
      row.appendChild(el('td', null, counts[name] || 0));
      table.appendChild(row);
    });
    return table;
  }
  function summary() {
    var section = $('summary');
    var columns = tables.reduce(function (sum, table) { return sum + (table.columns || []).length; }, 0);
    var line = el('p', null, edges.length + ' relationships between ' + tables.length + ' tables (' + columns
      + ' columns), ' + (data.warnings || []).length + ' warnings; statistics level ' + data.level + '.');
    line.id = 'summary-line';
    section.appendChild(line);
    var origins = countBy(function (edge) { return edge.origin.toLowerCase(); });
    section.appendChild(countTable('found as', origins, ['declared', 'inferred', 'orm']));
    var kinds = countBy(function (edge) { return edge.kind.toLowerCase().replace(/_/g, ' '); });
    section.appendChild(countTable('kind', kinds, ['foreign key', 'one to one', 'polymorphic']));
    var bands = countBy(function (edge) {
      if (edge.confidence >= 0.9) { return '0.9 or more'; }
      if (edge.confidence >= 0.7) { return '0.7 to 0.9'; }
      return 'under 0.7';
    });
    section.appendChild(countTable('confidence', bands, ['0.9 or more', '0.7 to 0.9', 'under 0.7']));
    if ((data.warnings || []).length) {
      section.appendChild(el('h3', null, 'Warnings'));
      section.appendChild(list(data.warnings.map(function (w) {
        return (w.table ? w.schema + '.' + w.table + ': ' : '') + w.stage + ': ' + w.problem;
      })));
    }
  }
  function tableList() {
    var section = $('table-list');
    var fragment = document.createDocumentFragment();
    tables.forEach(function (table, t) {
      var details = el('details');
      details.id = 'list-table-' + t;
      var own = edgesOfTable[t];
      details.appendChild(el('summary', null, qualified(table) + ' \u2014 ' + own.length
        + (own.length === 1 ? ' relationship' : ' relationships')));
      details.addEventListener('toggle', function () {
        if (details.open && details.children.length === 1) {
          var items = own.map(function (i) { return edgeLink(i, edgeLabel(edges[i]) + ' (' + fixed(edges[i].confidence) + ', ' + edges[i].origin.toLowerCase() + ')'); });
          var show = el('button', 'link', 'show in the diagram');
          show.type = 'button';
          show.addEventListener('click', function () { selectTable(t, true); $('diagram-wrap').scrollIntoView(); });
          items.unshift(show);
          details.appendChild(list(items));
        }
      });
      fragment.appendChild(details);
    });
    section.appendChild(fragment);
  }

  // ---- wiring ----------------------------------------------------------------------------------------
  document.title = 'tacit: ' + data.source;
  $('meta').textContent = data.source + ' \u00b7 ' + data.product + ' \u00b7 run ' + data.runId + ' \u00b7 tacit '
    + data.toolVersion + ' \u00b7 ' + data.startedAt;
  markers();
  drawGroups();
  drawEdges();
  drawTables();
  names();
  summary();
  tableList();
  refreshEdges();
  refreshDecisions();
  panAndZoom();
  fit();
  $('edges').addEventListener('click', function (event) {
    var node = event.target.closest('.edge');
    if (node) { selectEdge(Number(node.getAttribute('data-edge')), false); }
  });
  $('tables').addEventListener('click', function (event) {
    var node = event.target.closest('.table');
    if (node) { selectTable(Number(node.getAttribute('data-table')), false); }
  });
  $('confidence').addEventListener('input', function () {
    threshold = Number($('confidence').value);
    $('confidence-value').textContent = fixed(threshold);
    refreshEdges();
  });
  $('search').addEventListener('keydown', function (event) { if (event.key === 'Enter') { search(); } });
  $('search').addEventListener('change', search);
  $('search-go').addEventListener('click', search);
  $('group').addEventListener('change', function () { showGroup(Number($('group').value)); });
  $('fit').addEventListener('click', fit);
  $('add-edge').addEventListener('click', addEdge);
  $('export').addEventListener('click', download);
  if (tables.length > 150 && groups.length > 1) { showGroup(0); }

  // what tests and the benchmark drive; people use the controls above
  window.tacitReport = {
    renderMillis: performance.now() - started,
    view: function () { return { x: view.x, y: view.y, w: view.w, h: view.h }; },
    find: function (query) { $('search').value = query; return search(); },
    setThreshold: function (value) {
      $('confidence').value = String(value);
      $('confidence').dispatchEvent(new Event('input'));
    },
    selectEdge: function (i) { selectEdge(i, true); },
    selectTable: function (t) { selectTable(t, true); },
    showGroup: showGroup,
    decisions: decisionsDocument
  };
}());
