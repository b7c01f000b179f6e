#include "fingerprint.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- SHA-256 ------------------------------------------------------------ */

typedef struct sha256 {
    uint32_t h[8];
    unsigned char buf[64];
    size_t nbuf;
    uint64_t total;
} sha256;

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
    0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
    0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
    0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
    0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void sha_block(sha256 *s, const unsigned char *p)
{
    uint32_t w[64];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
               (uint32_t)p[4 * i + 2] << 8 | (uint32_t)p[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = s->h[0], b = s->h[1], c = s->h[2], d = s->h[3], e = s->h[4],
             f = s->h[5], g = s->h[6], h = s->h[7];
    for (int i = 0; i < 64; i++) {
        uint32_t S1 = ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25);
        uint32_t ch = (e & f) ^ (~e & g);
        uint32_t t1 = h + S1 + ch + K[i] + w[i];
        uint32_t S0 = ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22);
        uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
        uint32_t t2 = S0 + maj;
        h = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    s->h[0] += a;
    s->h[1] += b;
    s->h[2] += c;
    s->h[3] += d;
    s->h[4] += e;
    s->h[5] += f;
    s->h[6] += g;
    s->h[7] += h;
}

static void sha_init(sha256 *s)
{
    static const uint32_t h0[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372,
                                   0xa54ff53a, 0x510e527f, 0x9b05688c,
                                   0x1f83d9ab, 0x5be0cd19};
    memcpy(s->h, h0, sizeof h0);
    s->nbuf = 0;
    s->total = 0;
}

static void sha_update(sha256 *s, const void *data, size_t len)
{
    const unsigned char *p = data;
    s->total += len;
    while (len) {
        size_t k = 64 - s->nbuf;
        if (k > len)
            k = len;
        memcpy(s->buf + s->nbuf, p, k);
        s->nbuf += k;
        p += k;
        len -= k;
        if (s->nbuf == 64) {
            sha_block(s, s->buf);
            s->nbuf = 0;
        }
    }
}

static void sha_final(sha256 *s, unsigned char out[32])
{
    uint64_t bits = s->total * 8;
    unsigned char pad = 0x80, zero = 0;
    sha_update(s, &pad, 1);
    while (s->nbuf != 56)
        sha_update(s, &zero, 1);
    unsigned char len[8];
    for (int i = 0; i < 8; i++)
        len[i] = (unsigned char)(bits >> (56 - 8 * i));
    sha_update(s, len, 8);
    for (int i = 0; i < 8; i++) {
        out[4 * i] = (unsigned char)(s->h[i] >> 24);
        out[4 * i + 1] = (unsigned char)(s->h[i] >> 16);
        out[4 * i + 2] = (unsigned char)(s->h[i] >> 8);
        out[4 * i + 3] = (unsigned char)s->h[i];
    }
}

void sc_sha256(const void *data, size_t len, unsigned char out[32])
{
    sha256 s;
    sha_init(&s);
    sha_update(&s, data, len);
    sha_final(&s, out);
}

/* ---- the key -------------------------------------------------------------- */

/* a field: its length (8 bytes, little-endian), then its bytes */
static void field(sha256 *s, const char *p, size_t n)
{
    unsigned char len[8];
    for (int i = 0; i < 8; i++)
        len[i] = (unsigned char)((uint64_t)n >> (8 * i));
    sha_update(s, len, 8);
    sha_update(s, p, n);
}

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
           c == '\f';
}

/* The digest of everything but the occurrence index. */
static void base_key(sc_source_cache *src, const sc_finding *f,
                     const char *shown_file, unsigned char out[32])
{
    static const char version[] = "scopecheck-fingerprint/1";
    sha256 s;
    sha_init(&s);
    field(&s, version, sizeof version - 1);
    const char *rule = f->rule ? f->rule : "";
    const char *file = shown_file ? shown_file : f->pos.file ? f->pos.file : "";
    field(&s, rule, strlen(rule));
    field(&s, file, strlen(file));
    field(&s, "", 0);             /* see fingerprint.h */
    size_t len = 0;
    const char *line = (f->pos.file && f->pos.line)
                           ? source_line(src, f->pos.file, f->pos.line, &len)
                           : NULL;
    /* the line without whitespace, streamed in chunks */
    size_t n = 0;
    for (size_t i = 0; line && i < len; i++)
        n += !is_space((unsigned char)line[i]);
    unsigned char nlen[8];
    for (int i = 0; i < 8; i++)
        nlen[i] = (unsigned char)((uint64_t)n >> (8 * i));
    sha_update(&s, nlen, 8);
    char chunk[256];
    size_t k = 0;
    for (size_t i = 0; line && i < len; i++) {
        if (is_space((unsigned char)line[i]))
            continue;
        chunk[k++] = line[i];
        if (k == sizeof chunk) {
            sha_update(&s, chunk, k);
            k = 0;
        }
    }
    sha_update(&s, chunk, k);
    sha_final(&s, out);
}

static const char *final_hex(sc_report *r, const unsigned char base[32],
                             size_t occurrence)
{
    sha256 s;
    sha_init(&s);
    sha_update(&s, base, 32);
    char occ[32];
    int n = snprintf(occ, sizeof occ, "%zu", occurrence);
    field(&s, occ, (size_t)n);
    unsigned char d[32];
    sha_final(&s, d);
    static const char hex[] = "0123456789abcdef";
    char *out = sc_alloc(&r->arena, SC_FINGERPRINT_HEX + 1);
    for (int i = 0; i < SC_FINGERPRINT_HEX / 2; i++) {
        out[2 * i] = hex[d[i] >> 4];
        out[2 * i + 1] = hex[d[i] & 15];
    }
    out[SC_FINGERPRINT_HEX] = '\0';
    return out;
}

/* ---- occurrence indexes --------------------------------------------------- */

typedef struct slot {
    unsigned char key[32];
    size_t count;
    int used;
} slot;

static void occurrences(sc_report *r, sc_source_cache *src, size_t *occ,
                        unsigned char (*bases)[32], sc_fp_name_fn *name,
                        void *ctx)
{
    size_t n = r->items.len, cap = 16;
    while (cap < 2 * n)
        cap *= 2;
    slot *t = sc_xmalloc(cap * sizeof *t);
    memset(t, 0, cap * sizeof *t);
    for (size_t i = 0; i < n; i++) {
        const sc_finding *f = r->items.items[i];
        base_key(src, f, name && f->pos.file ? name(ctx, f->pos.file) : NULL,
                 bases[i]);
        uint64_t h = 0;
        memcpy(&h, bases[i], sizeof h);
        size_t j = (size_t)h & (cap - 1);
        while (t[j].used && memcmp(t[j].key, bases[i], 32) != 0)
            j = (j + 1) & (cap - 1);
        if (!t[j].used) {
            t[j].used = 1;
            memcpy(t[j].key, bases[i], 32);
        }
        occ[i] = t[j].count++;
    }
    free(t);
}

size_t *report_occurrences(sc_report *r, sc_source_cache *src)
{
    size_t n = r->items.len;
    if (n == 0)
        return NULL;
    size_t *occ = sc_xmalloc(n * sizeof *occ);
    unsigned char (*bases)[32] = sc_xmalloc(n * sizeof *bases);
    occurrences(r, src, occ, bases, NULL, NULL);
    free(bases);
    return occ;
}

const char **report_fingerprints(sc_report *r, sc_source_cache *src)
{
    return report_fingerprints_named(r, src, NULL, NULL);
}

const char **report_fingerprints_named(sc_report *r, sc_source_cache *src,
                                       sc_fp_name_fn *name, void *ctx)
{
    size_t n = r->items.len;
    if (n == 0)
        return NULL;
    size_t *occ = sc_xmalloc(n * sizeof *occ);
    unsigned char (*bases)[32] = sc_xmalloc(n * sizeof *bases);
    occurrences(r, src, occ, bases, name, ctx);
    const char **out = sc_xmalloc(n * sizeof *out);
    for (size_t i = 0; i < n; i++)
        out[i] = final_hex(r, bases[i], occ[i]);
    free(bases);
    free(occ);
    return out;
}

const char *finding_fingerprint_at(sc_report *r, sc_source_cache *src,
                                   const sc_finding *f, size_t occurrence)
{
    unsigned char base[32];
    base_key(src, f, NULL, base);
    return final_hex(r, base, occurrence);
}

static int same_str(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0) ||
           (!a && b && !*b) || (!b && a && !*a);
}

const char *finding_fingerprint(sc_report *r, sc_source_cache *src,
                                const sc_finding *f)
{
    unsigned char base[32], other[32];
    base_key(src, f, NULL, base);
    size_t occ = 0;
    for (size_t i = 0; i < r->items.len; i++) {
        const sc_finding *g = r->items.items[i];
        if (g == f)
            break;
        /* cheap filters before hashing the line */
        if (!same_str(g->rule, f->rule) || !same_str(g->pos.file, f->pos.file))
            continue;
        base_key(src, g, NULL, other);
        occ += memcmp(base, other, 32) == 0;
    }
    return final_hex(r, base, occ);
}
