import Mustache

/// The pages' Mustache templates, compiled in. `{{x}}` is HTML-escaped by Mustache; `{{{x}}}` is used only for
/// HTML the server built itself from escaped parts (highlighted text, the SVG picture, the page body).
enum PageTemplates {
    static let layout = """
    <!doctype html>
    <html lang="zh-Hans"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{title}} · PolicyKG</title>
    <link rel="stylesheet" href="/static/app.css"><script src="/static/app.js" defer></script></head>
    <body><header><nav><a class="brand" href="/">PolicyKG</a><a href="/coissue">Co-issuance</a><a href="/path">Path</a><a href="/targets">Targets</a>
    <form action="/search" method="get" class="search" role="search"><input name="q" list="typeahead-q" data-typeahead="typeahead-q" autocomplete="off" placeholder="名称、简称或 id · name, alias or id" value="{{query}}" aria-label="search"><datalist id="typeahead-q"></datalist><button type="submit">Search</button></form></nav></header>
    <main><h1>{{title}}</h1>
    {{{body}}}</main>
    <footer>read-only view of <code>{{snapshot}}</code> · generation {{generation}} · {{nodes}} nodes · {{edges}} edges · <a href="/api/openapi.json">API</a></footer></body></html>
    """

    static let home = """
    <p class="lead">Ask the graph: who co-issues with whom, how two entities connect, what a document commits to — every answer with the sentence of the original document that states it.</p>
    <ul class="cards">
    <li><a href="/coissue">Co-issuance network</a> — agencies that sign documents together, by year, as a picture and a matrix.</li>
    <li><a href="/path">Path</a> — how two entities connect, each hop with its evidence sentence.</li>
    <li><a href="/targets">Targets</a> — red lines, caps, floors and goals, by programme, agency, year and unit.</li>
    </ul>
    <h2>Most connected</h2>
    <table class="grid"><thead><tr><th>entity</th><th>kind</th><th>edges</th></tr></thead><tbody>
    {{#hubs}}<tr><td><a href="{{href}}">{{label}}</a></td><td>{{kind}}</td><td>{{degree}}</td></tr>{{/hubs}}
    </tbody></table>
    <h2>Documents by kind of node</h2>
    <p>{{#kinds}}<span class="pill">{{name}} {{count}}</span> {{/kinds}}</p>
    """

    static let search = """
    <p>{{summary}}</p>
    {{#hasCandidates}}<table class="grid"><thead><tr><th>name</th><th>kind</th><th>documents</th><th>aliases</th><th>id</th></tr></thead><tbody>
    {{#candidates}}<tr class="candidate"><td><a href="{{href}}">{{label}}</a></td><td>{{kind}}</td><td>{{documents}}</td><td>{{aliases}}</td><td><code>{{id}}</code></td></tr>{{/candidates}}
    </tbody></table>{{/hasCandidates}}
    {{#truncated}}<p class="note">More candidates match: type a longer name.</p>{{/truncated}}
    """

    static let entity = """
    <p class="meta"><span class="pill">{{kind}}</span> <code>{{id}}</code>{{#aliases}} · aliases: {{aliases}}{{/aliases}}
    · <a href="{{pathHref}}">paths from here</a>{{#isAgency}} · <a href="{{coissueHref}}">co-issuance picture</a>{{/isAgency}}
    · <a href="{{exportHref}}">export neighbourhood (GraphML)</a>{{#documentHref}} · <a href="{{documentHref}}">document text</a>{{/documentHref}}</p>
    {{#hasAttributes}}<h2>Attributes</h2><table class="grid"><tbody>{{#attributes}}<tr><th>{{key}}</th><td>{{value}}</td></tr>{{/attributes}}</tbody></table>{{/hasAttributes}}
    {{#hasCoissuers}}<h2 id="coissuers">Co-issuers</h2>
    <table class="grid" id="coissuers-table"><thead><tr><th>agency</th><th>documents</th><th>which</th></tr></thead><tbody>
    {{#coissuers}}<tr class="coissuer"><td><a href="{{href}}">{{label}}</a></td><td>{{count}}</td><td>{{#documents}}<a href="{{href}}">{{name}}</a>{{^last()}}；{{/last()}}{{/documents}}</td></tr>{{/coissuers}}
    </tbody></table>{{/hasCoissuers}}
    {{#hasIssued}}<h2>Documents issued</h2>
    <table class="grid"><thead><tr><th>date</th><th>文号</th><th>title</th><th>issuers in order</th></tr></thead><tbody>
    {{#issued}}<tr><td>{{date}}</td><td>{{number}}</td><td><a href="{{href}}">{{title}}</a></td><td>{{#issuers}}<a href="{{href}}">{{label}}</a>{{^last()}}、{{/last()}}{{/issuers}}</td></tr>{{/issued}}
    </tbody></table>{{/hasIssued}}
    {{#hasTargets}}<h2>Targets</h2>{{{targetsTable}}}{{/hasTargets}}
    {{#hasRelations}}<h2>Relations</h2>{{/hasRelations}}
    {{#relations}}<h3>{{heading}}</h3>
    <table class="grid relations"><thead><tr><th>entity</th><th>kind</th><th>where</th><th>evidence</th></tr></thead><tbody>
    {{#items}}<tr><td><a href="{{href}}">{{label}}</a></td><td>{{kind}}</td><td>{{#whereHref}}<a href="{{whereHref}}">{{where}}</a>{{/whereHref}}{{^whereHref}}{{where}}{{/whereHref}}</td><td class="evidence">{{evidence}}</td></tr>{{/items}}
    </tbody></table>{{/relations}}
    {{#truncated}}<p class="note">Long lists were cut at 200 entries; /api/entity has the same cut, <code>kg show --json</code> has all.</p>{{/truncated}}
    {{#hasEvidence}}<h2>Evidence</h2><ul class="evidence-list">{{#evidence}}<li>{{#whereHref}}<a href="{{whereHref}}">{{where}}</a>{{/whereHref}}{{^whereHref}}{{where}}{{/whereHref}} {{text}}</li>{{/evidence}}</ul>{{/hasEvidence}}
    """

    static let coissue = """
    <form class="filters" action="/coissue" method="get" id="coissue-form">
    {{#agencyName}}<input type="hidden" name="agency" value="{{agencyID}}"><span class="pill">around {{agencyName}}</span>{{/agencyName}}
    {{#hasPeriods}}<label>from <input type="range" id="from-slider" min="0" max="{{lastIndex}}" value="{{fromIndex}}" data-periods="{{periods}}" data-target="from-date" aria-label="from"></label>
    <input type="text" name="from" id="from-date" value="{{from}}" placeholder="{{firstPeriod}}" size="10" aria-label="from date">
    <label>to <input type="range" id="to-slider" min="0" max="{{lastIndex}}" value="{{toIndex}}" data-periods="{{periods}}" data-target="to-date" aria-label="to"></label>
    <input type="text" name="to" id="to-date" value="{{to}}" placeholder="{{lastPeriod}}" size="10" aria-label="to date">{{/hasPeriods}}
    <label>min count <input type="number" name="min_count" min="1" max="100000" value="{{minCount}}"></label>
    <label>agencies drawn <input type="number" name="limit" min="2" max="300" value="{{limit}}"></label>
    <label><input type="checkbox" name="include_undated" value="1" {{#includeUndated}}checked{{/includeUndated}}> count undated documents</label>
    <button type="submit">Apply</button> <a href="{{resetHref}}">all years</a></form>
    <p id="coissue-summary" data-agencies="{{drawn}}" data-all-agencies="{{agencyCount}}" data-pairs="{{pairCount}}">Showing <b>{{drawn}}</b> of {{agencyCount}} co-issuing agencies ({{pairCount}} pairs){{#dateNote}}, {{dateNote}}{{/dateNote}}.
    {{#undatedLeftOut}}<span class="undated" id="undated-note">{{undatedLeftOut}} co-issued documents have no date and are shown apart: not in this picture (tick “count undated documents”).</span>{{/undatedLeftOut}}
    {{#moreHidden}}<span class="note">Level of detail: the {{drawn}} agencies with most co-issued documents are drawn; raise “min count”, narrow the years or pick an agency to see others.</span>{{/moreHidden}}</p>
    <div class="picture">{{{svg}}}</div>
    <p class="legend">Circle size: co-issued documents of the agency. Line width: documents the two signed together. Click a line for the documents, a circle for the agency.</p>
    {{#selectedPair}}<h2 id="pair">{{title}}</h2><ul class="documents">{{#documents}}<li>{{date}} {{number}} <a href="{{href}}">{{title}}</a></li>{{/documents}}</ul>{{/selectedPair}}
    <h2 id="matrix">Agency × agency matrix</h2>
    <p><a href="{{csvHref}}">download CSV</a> · sort: <a href="{{sortTotalHref}}">by documents</a> · <a href="{{sortNameHref}}">by name</a></p>
    <div class="scroll"><table class="grid matrix" id="matrix-table"><thead><tr><th></th>{{#matrixHeader}}<th class="rot" title="{{label}}"><span>{{short}}</span></th>{{/matrixHeader}}</tr></thead><tbody>
    {{#matrixRows}}<tr><th><a href="{{href}}">{{label}}</a></th>{{#cells}}<td class="{{cls}}">{{#href}}<a href="{{href}}">{{count}}</a>{{/href}}</td>{{/cells}}</tr>{{/matrixRows}}
    </tbody></table></div>
    <h2>Pairs</h2>
    <table class="grid"><thead><tr><th>agency</th><th>co-issuer</th><th>documents</th><th>first</th><th>last</th></tr></thead><tbody>
    {{#pairs}}<tr><td><a href="{{firstHref}}">{{first}}</a></td><td><a href="{{secondHref}}">{{second}}</a></td><td><a href="{{pairHref}}">{{count}}</a></td><td>{{firstDate}}</td><td>{{lastDate}}</td></tr>{{/pairs}}
    </tbody></table>
    {{{pager}}}
    <p><a href="{{exportHref}}">export this network (GraphML)</a> · <a href="{{gexfHref}}">GEXF</a> · <a href="{{jsonHref}}">JSON</a></p>
    """

    static let path = """
    <form class="filters" action="/path" method="get">
    <label>from <input name="from" list="typeahead-from" data-typeahead="typeahead-from" autocomplete="off" value="{{from}}" required></label><datalist id="typeahead-from"></datalist>
    <label>to <input name="to" list="typeahead-to" data-typeahead="typeahead-to" autocomplete="off" value="{{to}}" required></label><datalist id="typeahead-to"></datalist>
    <label>alternatives <input type="number" name="k" min="1" max="10" value="{{k}}"></label>
    <label>max hops <input type="number" name="max_hops" min="1" max="10" value="{{maxHops}}"></label>
    <fieldset><legend>relations</legend>{{#relationChoices}}<label><input type="checkbox" name="relations" value="{{name}}" {{#checked}}checked{{/checked}}> {{name}}</label> {{/relationChoices}}</fieldset>
    <button type="submit">Find paths</button></form>
    {{#asked}}{{^hasPaths}}<p class="note">No path between {{fromLabel}} and {{toLabel}} within {{maxHops}} hops.</p>{{/hasPaths}}{{/asked}}
    {{#paths}}<section class="path"><h2>Path {{number}} · {{hops}} hops</h2><ol class="hops">
    {{#steps}}<li class="hop"><a href="{{fromHref}}">{{fromLabel}}</a> <span class="rel">{{arrow}}</span> <a href="{{toHref}}">{{toLabel}}</a>
    <blockquote class="evidence">{{evidence}}</blockquote>{{#whereHref}}<a class="where" href="{{whereHref}}">{{where}}</a>{{/whereHref}}{{^whereHref}}<span class="where">{{where}}</span>{{/whereHref}}</li>{{/steps}}
    </ol><p><a href="{{exportHref}}">export this path (GraphML)</a></p></section>{{/paths}}
    """

    static let document = """
    {{#metadata}}<table class="grid meta"><tbody>
    <tr><th>title</th><td id="doc-title">{{title}}</td></tr>
    <tr><th>文号</th><td>{{number}}</td></tr><tr><th>date</th><td>{{date}}</td></tr><tr><th>type</th><td>{{type}}</td></tr>
    <tr><th>issuers in order</th><td>{{#issuers}}<a href="{{href}}">{{label}}</a>{{^last()}}、{{/last()}}{{/issuers}}</td></tr>
    <tr><th>cites</th><td>{{#cites}}<a href="{{href}}">{{name}}</a>{{^last()}}；{{/last()}}{{/cites}}</td></tr>
    <tr><th>cited by</th><td>{{#citedBy}}<a href="{{href}}">{{name}}</a>{{^last()}}；{{/last()}}{{/citedBy}}</td></tr>
    <tr><th>node</th><td><a href="{{entityHref}}">entity card</a></td></tr>
    </tbody></table>
    {{^fullText}}<p class="note">The graph holds this document only as cited by another file; the text below is that file.</p>{{/fullText}}
    {{#hasTargets}}<h2>Targets</h2>{{{targetsTable}}}{{/hasTargets}}{{/metadata}}
    <h2>Original text <small><code>{{source}}</code> {{#encoding}}({{encoding}}, {{lineCount}} lines){{/encoding}}</small></h2>
    {{#unavailable}}<p class="note">The text cannot be shown: {{unavailable}}</p>{{/unavailable}}
    {{#extractedFrom}}<p class="note" id="extracted-from">The text as ingest extracted it from this {{extractedFrom}} file (DOCX: a line per paragraph; PDF: the lines of <code>pdftotext -layout</code>): the text its evidence offsets count in.</p>{{/extractedFrom}}
    {{{pager}}}
    <div class="source" id="source-text">{{{text}}}</div>
    {{{pager}}}
    <h2>Evidence spans in this file</h2>
    <table class="grid spans" id="span-list"><thead><tr><th>#</th><th>bytes</th><th>line</th><th>supports</th></tr></thead><tbody>
    {{#spans}}<tr id="S{{index}}" class="span" data-start="{{start}}" data-end="{{end}}" data-id="{{id}}"><td>{{index}}</td><td>{{start}}–{{end}}</td><td><a href="{{lineHref}}">{{line}}</a></td><td><span class="pill">{{kind}}</span> <a href="{{href}}">{{label}}</a></td></tr>{{/spans}}
    </tbody></table>
    """

    static let targets = """
    <form class="filters" action="/targets" method="get">
    <label>programme or agency <input name="owner" list="typeahead-owner" data-typeahead="typeahead-owner" autocomplete="off" value="{{owner}}"></label><datalist id="typeahead-owner"></datalist>
    <label>set by agency <input name="agency" list="typeahead-agency" data-typeahead="typeahead-agency" autocomplete="off" value="{{agency}}"></label><datalist id="typeahead-agency"></datalist>
    <label>year <input type="number" name="year" min="1900" max="2100" value="{{year}}"></label>
    <label>kind <select name="kind"><option value="">any</option>{{#kindChoices}}<option value="{{name}}" {{#selected}}selected{{/selected}}>{{name}}</option>{{/kindChoices}}</select></label>
    <label>unit <select name="unit"><option value="">any</option>{{#unitChoices}}<option value="{{name}}" {{#selected}}selected{{/selected}}>{{name}}</option>{{/unitChoices}}</select></label>
    <input type="hidden" name="sort" value="{{sort}}"><button type="submit">Filter</button></form>
    <p>{{total}} targets · <a href="{{csvHref}}">download CSV</a> · <a href="{{jsonHref}}">JSON</a></p>
    {{{table}}}
    {{{pager}}}
    """

    static let error = """
    <p class="error">{{message}}</p>
    {{#hasCandidates}}<p>Candidates:</p><table class="grid"><tbody>{{#candidates}}<tr class="candidate"><td><a href="{{href}}">{{label}}</a></td><td>{{kind}}</td><td>{{documents}} documents</td><td><code>{{id}}</code></td></tr>{{/candidates}}</tbody></table>{{/hasCandidates}}
    """

    /// The templates, parsed once.
    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        for (name, text) in [("layout", layout), ("home", home), ("search", search), ("entity", entity), ("coissue", coissue),
                             ("path", path), ("document", document), ("targets", targets), ("error", error)] {
            // The templates are constants of this file: a parse error is a programming error caught by the tests.
            try! library.register(text, named: name)
        }
        return library
    }()

    /// Renders a template. Empty strings are dropped first: Mustache counts a present string as true, so
    /// `{{#note}}…{{/note}}` would otherwise show its frame around nothing.
    static func render(_ name: String, _ object: [String: Any]) -> String {
        library.render(withoutEmptyStrings(object), withTemplate: name) ?? ""
    }

    private static func withoutEmptyStrings(_ value: Any) -> Any {
        if let dictionary = value as? [String: Any] {
            var out: [String: Any] = [:]
            for (key, item) in dictionary {
                if let text = item as? String, text.isEmpty { continue }
                out[key] = withoutEmptyStrings(item)
            }
            return out
        }
        if let list = value as? [[String: Any]] { return list.map { withoutEmptyStrings($0) } }
        return value
    }
}
