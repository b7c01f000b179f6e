/* JSON-RPC 2.0 over a byte stream, framed as the Language Server Protocol
 * frames it: "Content-Length: N\r\n" (other headers ignored), an empty
 * line, then N bytes of UTF-8 JSON. */
#ifndef SC_LSP_RPC_H
#define SC_LSP_RPC_H

#include <cJSON.h>
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct sc_rpc {
    int in, out;
    char *buf;                    /* bytes read and not consumed */
    size_t len, cap;
    pthread_mutex_t write_lock;   /* messages are written whole */
} sc_rpc;

void rpc_init(sc_rpc *r, int in, int out);
void rpc_free(sc_rpc *r);

/* The next message, or NULL at the end of the stream.  A message that is
 * not JSON sets *bad and returns NULL with the stream still usable. */
cJSON *rpc_read(sc_rpc *r, bool *bad);

/* Writes a message (takes no ownership); false if the stream is gone.
 * Safe from several threads. */
bool rpc_write(sc_rpc *r, const cJSON *msg);

/* helpers for the three kinds of message (each written, then freed) */
bool rpc_result(sc_rpc *r, const cJSON *id, cJSON *result);
bool rpc_error(sc_rpc *r, const cJSON *id, int code, const char *message);
bool rpc_notify(sc_rpc *r, const char *method, cJSON *params);
bool rpc_request(sc_rpc *r, int id, const char *method, cJSON *params);

/* JSON-RPC and LSP error codes */
enum {
    RPC_PARSE_ERROR = -32700,
    RPC_INVALID_REQUEST = -32600,
    RPC_METHOD_NOT_FOUND = -32601,
    RPC_INVALID_PARAMS = -32602,
    RPC_SERVER_NOT_INITIALIZED = -32002,
    RPC_REQUEST_CANCELLED = -32800
};

#endif
