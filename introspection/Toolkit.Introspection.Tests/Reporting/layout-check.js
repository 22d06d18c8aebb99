// Injected into a copy of a report page by HtmlLayoutTests: lists every text that overflows its box.
(function () {
  const issues = [];
  const page = document.body.getBoundingClientRect();
  const name = el => el.tagName.toLowerCase() + ' "' + (el.textContent || '').trim().slice(0, 60) + '"';
  const overlap = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  const inside = (r, box) => r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5;
  const pairs = (items, what) => {
    for (let i = 0; i < items.length; i++)
      for (let j = i + 1; j < items.length; j++)
        if (overlap(items[i][1], items[j][1])) issues.push(what + ': ' + name(items[i][0]) + ' and ' + name(items[j][0]));
  };
  for (const svg of document.querySelectorAll('svg')) {
    const box = svg.getBoundingClientRect();
    const texts = [...svg.querySelectorAll('text')].map(t => [t, t.getBoundingClientRect()]);
    for (const [t, r] of texts) if (!inside(r, box)) issues.push('text outside its chart: ' + name(t));
    pairs(texts, 'overlapping chart labels');
  }
  for (const axis of document.querySelectorAll('div.axis')) {
    const box = axis.getBoundingClientRect();
    const spans = [...axis.querySelectorAll('span')].map(s => [s, s.getBoundingClientRect()]);
    for (const [s, r] of spans) if (r.left < box.left - 0.5 || r.right > box.right + 0.5) issues.push('axis label outside its axis: ' + name(s));
    pairs(spans, 'overlapping axis labels');
  }
  for (const el of document.body.querySelectorAll('h1,h2,p,td,th,li,div,table,svg,ul')) {
    if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow !== 'visible') issues.push('text wider than its box: ' + name(el));
    if (el.tagName === 'TD' || el.tagName === 'TH' || el.tagName === 'LI') {
      const range = document.createRange();
      range.selectNodeContents(el);
      const text = range.getBoundingClientRect();
      const r = el.getBoundingClientRect();
      if (text.width > 0 && (text.right > r.right + 1 || text.left < r.left - 1)) issues.push('text wider than its cell: ' + name(el));
    }
    const r = el.getBoundingClientRect();
    if (r.width > 0 && (r.right > page.right + 1 || r.left < page.left - 1)) issues.push('outside the page column: ' + name(el));
  }
  const out = document.createElement('pre');
  out.id = 'layout-check';
  out.textContent = 'CHECKED svg=' + document.querySelectorAll('svg').length + ' tables=' + document.querySelectorAll('table').length + '\n' + issues.join('\n');
  document.body.appendChild(out);
})();
