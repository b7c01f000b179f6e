#include "rpc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "../util/arena.h"

/* a header block larger than this is not LSP */
#define MAX_HEADER 8192
/* nor is a message larger than this */
#define MAX_BODY (256u << 20)

void rpc_init(sc_rpc *r, int in, int out)
{
    memset(r, 0, sizeof *r);
    r->in = in;
    r->out = out;
    pthread_mutex_init(&r->write_lock, NULL);
}

void rpc_free(sc_rpc *r)
{
    free(r->buf);
    pthread_mutex_destroy(&r->write_lock);
}

/* more bytes into the buffer; false at the end of the stream */
static bool fill(sc_rpc *r)
{
    if (r->cap - r->len < 65536) {
        r->cap = r->cap ? r->cap * 2 : 131072;
        while (r->cap - r->len < 65536)
            r->cap *= 2;
        r->buf = sc_xrealloc(r->buf, r->cap);
    }
    for (;;) {
        ssize_t n = read(r->in, r->buf + r->len, r->cap - r->len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        r->len += (size_t)n;
        return true;
    }
}

static void consume(sc_rpc *r, size_t n)
{
    memmove(r->buf, r->buf + n, r->len - n);
    r->len -= n;
}

/* the end of the header block ("\r\n\r\n"), or 0 */
static size_t header_end(const sc_rpc *r)
{
    for (size_t i = 0; i + 3 < r->len; i++)
        if (memcmp(r->buf + i, "\r\n\r\n", 4) == 0)
            return i + 4;
    return 0;
}

cJSON *rpc_read(sc_rpc *r, bool *bad)
{
    *bad = false;
    size_t end;
    while (!(end = header_end(r))) {
        if (r->len > MAX_HEADER || !fill(r))
            return NULL;
    }
    /* Content-Length, case-insensitively (RFC 7230 header names) */
    long long length = -1;
    for (size_t i = 0; i < end;) {
        size_t k = i;
        while (k + 1 < end && !(r->buf[k] == '\r' && r->buf[k + 1] == '\n'))
            k++;
        static const char name[] = "content-length:";
        if (k - i > sizeof name - 1 && strncasecmp(r->buf + i, name, sizeof name - 1) == 0) {
            char num[32] = {0};
            size_t n = k - i - (sizeof name - 1);
            memcpy(num, r->buf + i + sizeof name - 1, n < 31 ? n : 31);
            char *stop;
            length = strtoll(num, &stop, 10);
            while (*stop == ' ' || *stop == '\t')
                stop++;
            if (*stop)
                length = -1;
        }
        i = k + 2;
    }
    if (length < 0 || (unsigned long long)length > MAX_BODY) {
        consume(r, end);
        *bad = true;
        return NULL;
    }
    while (r->len < end + (size_t)length)
        if (!fill(r))
            return NULL;
    cJSON *msg = cJSON_ParseWithLength(r->buf + end, (size_t)length);
    consume(r, end + (size_t)length);
    if (!msg)
        *bad = true;
    return msg;
}

bool rpc_write(sc_rpc *r, const cJSON *msg)
{
    char *body = cJSON_PrintUnformatted(msg);
    if (!body)
        return false;
    size_t n = strlen(body);
    char head[64];
    int hn = snprintf(head, sizeof head, "Content-Length: %zu\r\n\r\n", n);
    bool ok = true;
    pthread_mutex_lock(&r->write_lock);
    const char *parts[2] = {head, body};
    size_t sizes[2] = {(size_t)hn, n};
    for (int p = 0; p < 2 && ok; p++)
        for (size_t done = 0; ok && done < sizes[p];) {
            ssize_t w = write(r->out, parts[p] + done, sizes[p] - done);
            if (w < 0 && errno == EINTR)
                continue;
            ok = w > 0;
            done += w > 0 ? (size_t)w : 0;
        }
    pthread_mutex_unlock(&r->write_lock);
    free(body);
    return ok;
}

static cJSON *envelope(void)
{
    cJSON *m = cJSON_CreateObject();
    cJSON_AddStringToObject(m, "jsonrpc", "2.0");
    return m;
}

bool rpc_result(sc_rpc *r, const cJSON *id, cJSON *result)
{
    cJSON *m = envelope();
    cJSON_AddItemToObject(m, "id", id ? cJSON_Duplicate(id, 1) : cJSON_CreateNull());
    cJSON_AddItemToObject(m, "result", result ? result : cJSON_CreateNull());
    bool ok = rpc_write(r, m);
    cJSON_Delete(m);
    return ok;
}

bool rpc_error(sc_rpc *r, const cJSON *id, int code, const char *message)
{
    cJSON *m = envelope();
    cJSON_AddItemToObject(m, "id", id ? cJSON_Duplicate(id, 1) : cJSON_CreateNull());
    cJSON *e = cJSON_AddObjectToObject(m, "error");
    cJSON_AddNumberToObject(e, "code", code);
    cJSON_AddStringToObject(e, "message", message);
    bool ok = rpc_write(r, m);
    cJSON_Delete(m);
    return ok;
}

bool rpc_notify(sc_rpc *r, const char *method, cJSON *params)
{
    cJSON *m = envelope();
    cJSON_AddStringToObject(m, "method", method);
    if (params)
        cJSON_AddItemToObject(m, "params", params);
    bool ok = rpc_write(r, m);
    cJSON_Delete(m);
    return ok;
}

bool rpc_request(sc_rpc *r, int id, const char *method, cJSON *params)
{
    cJSON *m = envelope();
    cJSON_AddNumberToObject(m, "id", id);
    cJSON_AddStringToObject(m, "method", method);
    if (params)
        cJSON_AddItemToObject(m, "params", params);
    bool ok = rpc_write(r, m);
    cJSON_Delete(m);
    return ok;
}
