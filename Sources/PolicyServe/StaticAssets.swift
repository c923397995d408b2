/// The static files the pages use, compiled in: the server answers exactly these paths and nothing else, so no
/// request can name a file on disk. No script or style comes from anywhere else (the CSP says so too).
enum StaticAssets {
    struct Asset: Sendable {
        let contentType: String
        let body: String
    }

    static let files: [String: Asset] = [
        "app.css": Asset(contentType: "text/css; charset=utf-8", body: css),
        "app.js": Asset(contentType: "text/javascript; charset=utf-8", body: javascript),
    ]

    static let css = """
    :root { --ink: #1d2433; --muted: #5b6478; --line: #d9dee8; --accent: #b3261e; --accent2: #1f5fbf; --bg: #fbfbfd; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 15px/1.55 system-ui, "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; color: var(--ink); background: var(--bg); }
    header { background: #20273a; color: #fff; padding: .5rem 1rem; }
    nav { display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; }
    nav a { color: #e8ecf5; text-decoration: none; } nav a.brand { font-weight: 700; color: #fff; margin-right: .5rem; }
    nav form.search { margin-left: auto; display: flex; gap: .3rem; } nav input { width: 22rem; max-width: 60vw; }
    main { padding: 1rem 1.5rem 3rem; max-width: 1400px; } h1 { font-size: 1.45rem; margin: .4rem 0 .8rem; word-break: break-all; }
    h2 { font-size: 1.15rem; margin-top: 1.6rem; } h3 { font-size: 1rem; margin: 1rem 0 .3rem; color: var(--muted); }
    a { color: var(--accent2); } code { font-size: .85em; color: var(--muted); }
    input, select, button { font: inherit; padding: .25rem .4rem; border: 1px solid var(--line); border-radius: 4px; }
    button { background: #20273a; color: #fff; cursor: pointer; }
    table.grid { border-collapse: collapse; margin: .4rem 0; } .grid th, .grid td { border-bottom: 1px solid var(--line); padding: .25rem .6rem; text-align: left; vertical-align: top; }
    .grid thead th { background: #eef1f7; } .grid th a { text-decoration: none; }
    td.evidence, blockquote.evidence { color: #38405a; max-width: 60rem; }
    .pill { display: inline-block; background: #eef1f7; border-radius: 9px; padding: 0 .5rem; font-size: .85em; margin-right: .2rem; }
    .note { color: var(--muted); } .error { color: var(--accent); font-weight: 600; white-space: pre-wrap; } .undated { color: #8a5a00; display: block; }
    form.filters { display: flex; flex-wrap: wrap; gap: .8rem; align-items: center; background: #fff; border: 1px solid var(--line); padding: .6rem .8rem; border-radius: 6px; }
    fieldset { border: 1px solid var(--line); border-radius: 4px; } fieldset label { margin-right: .5rem; white-space: nowrap; }
    .picture svg { width: 100%; max-width: 1000px; height: auto; background: #fff; border: 1px solid var(--line); border-radius: 6px; }
    svg .agency circle { fill: #4f7cc9; fill-opacity: .85; stroke: #fff; } svg .agency text { font-size: 12px; fill: #1d2433; }
    svg .agency.focus circle { fill: var(--accent); } svg a.link line { stroke: #8fa3c7; stroke-opacity: .6; } svg a.link:hover line { stroke: var(--accent); stroke-opacity: 1; }
    .scroll { overflow-x: auto; } table.matrix td { text-align: right; min-width: 2rem; } table.matrix td.z { color: #ccd; }
    table.matrix td.h1 { background: #e4ecfa; } table.matrix td.h2 { background: #bfd3f5; } table.matrix td.h3 { background: #8fb0ea; }
    th.rot { height: 9rem; white-space: nowrap; vertical-align: bottom; } th.rot span { writing-mode: vertical-rl; }
    ol.hops li { margin-bottom: .8rem; } .rel { color: var(--accent); font-weight: 600; } blockquote.evidence { margin: .2rem 0 .1rem 1rem; border-left: 3px solid var(--line); padding-left: .6rem; }
    a.where { font-size: .85em; color: var(--muted); }
    .source { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .5rem 0; font-size: 14px; }
    .line { display: flex; white-space: pre-wrap; word-break: break-all; } .line:target { background: #fff6c7; }
    .lno { flex: 0 0 3.5rem; text-align: right; padding-right: .8rem; color: #aab; text-decoration: none; user-select: none; }
    .lt { flex: 1; padding-right: 1rem; } a.ev { text-decoration: none; color: inherit; } a.ev mark { background: #ffe08a; border-bottom: 2px solid #e0a800; padding: 0; }
    a.ev.k-target mark { background: #ffc9c4; border-bottom-color: var(--accent); } a.ev.k-issued_by mark { background: #cfe3ff; border-bottom-color: var(--accent2); }
    .pager a, .pager span { margin-right: .6rem; } ul.cards li { margin: .4rem 0; } footer { color: var(--muted); font-size: .85em; padding: 1rem 1.5rem; border-top: 1px solid var(--line); }
    """

    static let javascript = """
    "use strict";
    // Type-ahead: fills the datalist of an input from /api/search as the user types.
    document.querySelectorAll("input[data-typeahead]").forEach(function (input) {
      var list = document.getElementById(input.dataset.typeahead);
      var timer = null, last = "";
      input.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(function () {
          var q = input.value.trim();
          if (!q || q === last || !list) { return; }
          last = q;
          fetch("/api/search?limit=10&q=" + encodeURIComponent(q)).then(function (r) { return r.ok ? r.json() : null; })
            .then(function (answer) {
              if (!answer) { return; }
              list.replaceChildren();
              answer.candidates.forEach(function (c) {
                var option = document.createElement("option");
                option.value = c.label;
                option.label = c.kind + " · " + c.documents + " docs · " + c.id;
                list.appendChild(option);
              });
            }).catch(function () {});
        }, 120);
      });
    });
    // Date sliders: each step is a period (year or month) of the co-issued documents; dragging writes it into the
    // date field, releasing applies the filter.
    document.querySelectorAll("input[type=range][data-periods]").forEach(function (range) {
      var periods = range.dataset.periods.split(" ");
      var field = document.getElementById(range.dataset.target);
      range.addEventListener("input", function () { if (field) { field.value = periods[+range.value] || ""; } });
      range.addEventListener("change", function () {
        if (field) { field.value = periods[+range.value] || ""; }
        if (range.form) { range.form.submit(); }
      });
    });
    """
}
