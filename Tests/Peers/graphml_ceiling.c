/*
 * The C ceiling for PolicyKG's GraphML export benchmark (kg-bench export).
 *
 * usage: graphml_ceiling INPUT.graphml OUTPUT
 *
 * Reads a GraphML file written by PolicyKG (untimed) into a flat list of writer calls, then replays them
 * (timed) through libxml2's xmlTextWriter exactly as the Swift exporter does: same indentation, same escaping
 * calls, and the same 256 KiB output buffering in front of write(2). This is what writing that file costs with
 * libxml2 and no data access at all, so Swift/C is the share of the ceiling the exporter reaches.
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

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: %s INPUT.graphml OUTPUT\n", argv[0]); return 2; }
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
    xmlTextWriterPtr w = xmlNewTextWriter(out);
    xmlTextWriterSetIndent(w, 1);
    xmlTextWriterSetIndentString(w, BAD_CAST " ");
    int failed = xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0;
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
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    close(fd);
    if (failed) { fprintf(stderr, "libxml2 writer failed\n"); return 1; }
    double seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    double cpu = (double)(c1.tv_sec - c0.tv_sec) + (double)(c1.tv_nsec - c0.tv_nsec) / 1e9;
    printf("{\"bytes\": %zu, \"seconds\": %.6f, \"cpu_seconds\": %.6f, \"calls\": %zu}\n", sink.total, seconds, cpu, ncalls);
    return 0;
}
