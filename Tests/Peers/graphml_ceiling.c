/*
 * The C ceiling for PolicyKG's GraphML export benchmark (kg-bench export).
 *
 * usage: graphml_ceiling [--textwriter] INPUT.graphml OUTPUT
 *
 * Reads a GraphML file written by PolicyKG (untimed) into a flat list of writer calls, then replays them
 * (timed) through libxml2 as the Swift exporter writes: markup and escaped values through xmlOutputBufferWrite,
 * one call per run of bytes that needs no escaping (PolicyXML's XMLWriter), with the same 256 KiB output buffering
 * in front of write(2). With --textwriter the calls go through libxml2's xmlTextWriter instead (the exporter's
 * earlier writer; both write the same bytes). This is what writing that file costs with libxml2 and no data
 * access at all, so Swift/C is the share of the ceiling the exporter reaches.
 * Prints {"bytes": N, "seconds": wall, "cpu_seconds": process CPU, "calls": K} as JSON.
 *
 * Build: cc -O2 graphml_ceiling.c $(pkg-config --cflags --libs libxml-2.0) -o graphml_ceiling
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>

enum { START = 1, ATTR = 2, TEXT = 3, END = 4 };

typedef struct { int op; size_t a, b; } call_t;      /* a, b: offsets of NUL-terminated strings in pool */

static call_t *calls; static size_t ncalls, capcalls;
static char *pool; static size_t npool, cappool;

static size_t intern(const xmlChar *s) {
    size_t n = strlen((const char *)s) + 1;
    if (npool + n > cappool) { cappool = (cappool + n) * 2; pool = realloc(pool, cappool); if (!pool) exit(2); }
    memcpy(pool + npool, s, n);
    npool += n;
    return npool - n;
}

static void add(int op, const xmlChar *a, const xmlChar *b) {
    if (ncalls == capcalls) { capcalls = capcalls ? capcalls * 2 : 1 << 16; calls = realloc(calls, capcalls * sizeof *calls); if (!calls) exit(2); }
    calls[ncalls].op = op;
    calls[ncalls].a = a ? intern(a) : 0;
    calls[ncalls].b = b ? intern(b) : 0;
    ncalls++;
}

/* 256 KiB buffer in front of write(2), like the Swift side's XMLWriterOutput. */
typedef struct { int fd; char *buf; size_t used, cap; size_t total; } sink_t;

static int sink_drain(sink_t *s) {
    size_t off = 0;
    while (off < s->used) { ssize_t n = write(s->fd, s->buf + off, s->used - off); if (n < 0) return -1; off += (size_t)n; }
    s->used = 0;
    return 0;
}
static int sink_write(void *ctx, const char *bytes, int len) {
    sink_t *s = ctx;
    if (s->used + (size_t)len > s->cap && sink_drain(s) < 0) return -1;
    memcpy(s->buf + s->used, bytes, (size_t)len);
    s->used += (size_t)len;
    s->total += (size_t)len;
    return len;
}
static int sink_close(void *ctx) { return sink_drain(ctx); }

/* The Swift XMLWriter's state machine (xmlTextWriter's indented output), writing through xmlOutputBufferWrite. */
typedef struct { xmlOutputBufferPtr out; size_t *names; size_t depth, cap; int start_open, indent_end; int failed; } ob_t;

static void ob_raw(ob_t *w, const char *s, size_t n) { if (n && xmlOutputBufferWrite(w->out, (int)n, s) < 0) w->failed = 1; }
static void ob_str(ob_t *w, const char *s) { ob_raw(w, s, strlen(s)); }
static void ob_indent(ob_t *w) { for (size_t i = 1; i < w->depth; i++) ob_raw(w, " ", 1); }

static void ob_escaped(ob_t *w, const unsigned char *s, int attribute) {
    const unsigned char *run = s, *p = s;
    for (; *p; p++) {
        const char *rep;
        switch (*p) {
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '&': rep = "&amp;"; break;
        case '"': rep = "&quot;"; break;
        case '\r': rep = "&#13;"; break;
        case '\n': rep = attribute ? "&#10;" : NULL; break;
        case '\t': rep = attribute ? "&#9;" : NULL; break;
        default: rep = NULL;
        }
        if (!rep) continue;
        ob_raw(w, (const char *)run, (size_t)(p - run));
        ob_str(w, rep);
        run = p + 1;
    }
    ob_raw(w, (const char *)run, (size_t)(p - run));
}

static void ob_start(ob_t *w, size_t name) {
    if (w->depth && w->start_open) { ob_raw(w, ">\n", 2); }
    if (w->depth == w->cap) { w->cap = w->cap ? w->cap * 2 : 64; w->names = realloc(w->names, w->cap * sizeof *w->names); }
    w->names[w->depth++] = name;
    w->start_open = 1;
    ob_indent(w);
    ob_raw(w, "<", 1);
    ob_str(w, pool + name);
}
static void ob_attr(ob_t *w, size_t name, size_t value) {
    if (!w->start_open) { w->failed = 1; return; }
    ob_raw(w, " ", 1); ob_str(w, pool + name); ob_raw(w, "=\"", 2);
    ob_escaped(w, (const unsigned char *)pool + value, 1);
    ob_raw(w, "\"", 1);
}
static void ob_text(ob_t *w, size_t value) {
    if (w->depth && w->start_open) { ob_raw(w, ">", 1); w->start_open = 0; }
    w->indent_end = 0;
    ob_escaped(w, (const unsigned char *)pool + value, 0);
}
static void ob_end(ob_t *w) {
    if (!w->depth) { w->failed = 1; return; }
    if (w->start_open) { w->indent_end = 1; ob_raw(w, "/>", 2); }
    else {
        if (w->indent_end) ob_indent(w);
        w->indent_end = 1;
        ob_raw(w, "</", 2); ob_str(w, pool + w->names[w->depth - 1]); ob_raw(w, ">", 1);
    }
    ob_raw(w, "\n", 1);
    w->depth--;
    w->start_open = 0;
}

int main(int argc, char **argv) {
    int textwriter = argc == 4 && strcmp(argv[1], "--textwriter") == 0;
    if (textwriter) { argv++; argc--; }
    if (argc != 3) { fprintf(stderr, "usage: %s [--textwriter] INPUT.graphml OUTPUT\n", argv[0]); return 2; }
    xmlTextReaderPtr r = xmlReaderForFile(argv[1], NULL, XML_PARSE_HUGE);
    if (!r) { fprintf(stderr, "%s: cannot read\n", argv[1]); return 1; }
    int rc;
    while ((rc = xmlTextReaderRead(r)) == 1) {
        int type = xmlTextReaderNodeType(r);
        if (type == XML_READER_TYPE_ELEMENT) {
            int empty = xmlTextReaderIsEmptyElement(r);
            add(START, xmlTextReaderConstName(r), NULL);
            if (xmlTextReaderMoveToFirstAttribute(r) == 1) {
                do { add(ATTR, xmlTextReaderConstName(r), xmlTextReaderConstValue(r)); } while (xmlTextReaderMoveToNextAttribute(r) == 1);
                xmlTextReaderMoveToElement(r);
            }
            if (empty) add(END, NULL, NULL);
        } else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA) {
            add(TEXT, xmlTextReaderConstValue(r), NULL);
        } else if (type == XML_READER_TYPE_END_ELEMENT) {
            add(END, NULL, NULL);
        }
    }
    xmlFreeTextReader(r);
    if (rc != 0) { fprintf(stderr, "%s: parse error\n", argv[1]); return 1; }

    int fd = open(argv[2], O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) { perror(argv[2]); return 1; }
    sink_t sink = { fd, malloc(1 << 18), 0, 1 << 18, 0 };
    struct timespec t0, t1, c0, c1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
    xmlOutputBufferPtr out = xmlOutputBufferCreateIO(sink_write, sink_close, &sink, NULL);
    int failed;
    if (!textwriter) {
        ob_t ob = { out, NULL, 0, 0, 0, 1, 0 };
        ob_str(&ob, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        for (size_t i = 0; i < ncalls && !ob.failed; i++) {
            const call_t *c = &calls[i];
            switch (c->op) {
            case START: ob_start(&ob, c->a); break;
            case ATTR: ob_attr(&ob, c->a, c->b); break;
            case TEXT: ob_text(&ob, c->a); break;
            case END: ob_end(&ob); break;
            }
        }
        while (ob.depth && !ob.failed) ob_end(&ob);
        failed = ob.failed || xmlOutputBufferClose(out) < 0; /* flushes into the sink and drains it */
        free(ob.names);
    } else {
    xmlTextWriterPtr w = xmlNewTextWriter(out);
    xmlTextWriterSetIndent(w, 1);
    xmlTextWriterSetIndentString(w, BAD_CAST " ");
    failed = xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0;
    for (size_t i = 0; i < ncalls && !failed; i++) {
        const call_t *c = &calls[i];
        switch (c->op) {
        case START: failed = xmlTextWriterStartElement(w, BAD_CAST (pool + c->a)) < 0; break;
        case ATTR: failed = xmlTextWriterWriteAttribute(w, BAD_CAST (pool + c->a), BAD_CAST (pool + c->b)) < 0; break;
        case TEXT: failed = xmlTextWriterWriteString(w, BAD_CAST (pool + c->a)) < 0; break;
        case END: failed = xmlTextWriterEndElement(w) < 0; break;
        }
    }
    if (!failed) failed = xmlTextWriterEndDocument(w) < 0;
    xmlFreeTextWriter(w); /* closes the output buffer: drains the sink */
    }
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    close(fd);
    if (failed) { fprintf(stderr, "libxml2 writer failed\n"); return 1; }
    double seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    double cpu = (double)(c1.tv_sec - c0.tv_sec) + (double)(c1.tv_nsec - c0.tv_nsec) / 1e9;
    printf("{\"bytes\": %zu, \"seconds\": %.6f, \"cpu_seconds\": %.6f, \"calls\": %zu}\n", sink.total, seconds, cpu, ncalls);
    return 0;
}
