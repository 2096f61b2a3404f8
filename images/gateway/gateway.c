/*
 * Berth session gateway: the one process a session container's port 6901 talks to.
 *
 * One static binary (libc only). Every Berth session image runs it as PID 1:
 *
 *   berth-gateway [--host ADDR] [--port N] [--root DIR] [--vnc HOST:PORT] [-- COMMAND [ARGS...]]
 *
 * HTTP on 0.0.0.0:6901 (--host, --port, env BERTH_GATEWAY_PORT or BERTH_TINY_PORT override it;
 * port 0 picks a free one, which the start-up line on stderr names):
 *   - every request needs "Authorization: Bearer <secret>", where <secret> is env
 *     BERTH_SESSION_SECRET (full control) or env BERTH_VIEW_SECRET (view only, optional);
 *     anything else gets 401 "missing or wrong session credential".
 *   - GET/HEAD: with --root, static files from DIR (DIR/index.html for a path ending in "/");
 *     without it, a small test page showing env BERTH_SESSION_ID (the tiny test image).
 *     GET berth-session.json (under any prefix) answers {"access":"full"|"view", ...}, so the
 *     page can tell a viewer that it only watches.
 *   - WebSocket (RFC 6455) on any path: with --vnc, a bridge to the VNC server at HOST:PORT (TCP,
 *     normally Xvnc on 127.0.0.1:5901 started with -localhost, so only this gateway reaches it);
 *     without it, an echo server (the tiny test image). A bridge first waits (up to
 *     BERTH_GATEWAY_VNC_WAIT_MS, default 20000) for the file BERTH_GATEWAY_READY_FILE names, if
 *     set (the session creates it once its window manager is up), and for the VNC server to
 *     listen. The first full-control bridge creates the file /tmp/.berth-connected (env
 *     BERTH_GATEWAY_CONNECTED_FILE), for the session's scripts.
 *
 * View only is enforced here, not in the browser: a connection that authenticated with the
 * view-only secret has its client-to-server RFB stream parsed, and every message that could
 * change the desktop (KeyEvent, PointerEvent, ClientCutText, SetDesktopSize, QEMU key events,
 * XVP) is dropped; the messages a viewer needs (pixel format, encodings, update requests,
 * continuous updates, fences) pass. The handshake must be RFB 3.7/3.8 with security type None,
 * and the ClientInit "shared" flag is forced to 1, so a viewer can never disconnect others.
 * Any message type this filter does not know closes the connection (fail closed). Full-control
 * connections are passed through untouched. In echo mode, a viewer's data frames are ignored.
 *
 * Init: with a COMMAND, the gateway starts it (in its own session and process group) and acts
 * as the container's init: it reaps every orphan, exits with the command's status when the
 * command ends, and on SIGTERM/SIGINT asks every process to stop (SIGTERM), waits up to
 * BERTH_GATEWAY_STOP_MS (default 400) for them, then exits, which makes the kernel kill the
 * rest. Without a COMMAND it exits at once on SIGTERM/SIGINT.
 *
 * Connections: one process serves every plain HTTP connection (an epoll loop; connections are
 * kept alive between requests), so a new connection costs an accept, not a fork. Each WebSocket
 * gets a child process of its own for its whole life.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define HEADER_MAX 16384
#define HEADER_TIMEOUT_MS 15000
#define KEEPALIVE_MAX_REQUESTS 1000
#define MAX_PAYLOAD (16u * 1024u * 1024u)
#define BRIDGE_CHUNK 65536

static const char *full_secret;
static const char *view_secret;
static const char *session_id;
static const char *web_root;       /* --root: static files; NULL: the tiny test page */
static struct sockaddr_in vnc_addr; /* --vnc: bridge target */
static int vnc_enabled;
static int vnc_wait_ms = 20000;    /* how long a WebSocket waits for the VNC server to listen */

/* ------------------------------------------------------------------ logging */

static void logf_(const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf - 1, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if (n > (int)sizeof buf - 2) n = (int)sizeof buf - 2;
    buf[n++] = '\n';
    ssize_t w = write(2, buf, (size_t)n);
    (void)w;
}

static long now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000L + t.tv_nsec / 1000000L;
}

/* ------------------------------------------------------------------ SHA-1 (FIPS 180-4) */

typedef struct {
    uint32_t h[5];
    uint64_t len;
    uint8_t block[64];
    size_t used;
} sha1_ctx;

static uint32_t rol32(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }

static void sha1_block(sha1_ctx *c, const uint8_t *p) {
    uint32_t w[80];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8 |
               (uint32_t)p[4 * i + 3];
    for (int i = 16; i < 80; i++) w[i] = rol32(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    uint32_t a = c->h[0], b = c->h[1], cc = c->h[2], d = c->h[3], e = c->h[4];
    for (int i = 0; i < 80; i++) {
        uint32_t f, k;
        if (i < 20) {
            f = (b & cc) | (~b & d);
            k = 0x5A827999;
        } else if (i < 40) {
            f = b ^ cc ^ d;
            k = 0x6ED9EBA1;
        } else if (i < 60) {
            f = (b & cc) | (b & d) | (cc & d);
            k = 0x8F1BBCDC;
        } else {
            f = b ^ cc ^ d;
            k = 0xCA62C1D6;
        }
        uint32_t t = rol32(a, 5) + f + e + k + w[i];
        e = d;
        d = cc;
        cc = rol32(b, 30);
        b = a;
        a = t;
    }
    c->h[0] += a;
    c->h[1] += b;
    c->h[2] += cc;
    c->h[3] += d;
    c->h[4] += e;
}

static void sha1_init(sha1_ctx *c) {
    static const uint32_t iv[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
    memcpy(c->h, iv, sizeof iv);
    c->len = 0;
    c->used = 0;
}

static void sha1_update(sha1_ctx *c, const void *data, size_t n) {
    const uint8_t *p = data;
    c->len += n;
    while (n > 0) {
        size_t take = 64 - c->used;
        if (take > n) take = n;
        memcpy(c->block + c->used, p, take);
        c->used += take;
        p += take;
        n -= take;
        if (c->used == 64) {
            sha1_block(c, c->block);
            c->used = 0;
        }
    }
}

static void sha1_final(sha1_ctx *c, uint8_t out[20]) {
    uint64_t bits = c->len * 8;
    uint8_t pad = 0x80;
    sha1_update(c, &pad, 1);
    pad = 0;
    while (c->used != 56) sha1_update(c, &pad, 1);
    uint8_t lenb[8];
    for (int i = 0; i < 8; i++) lenb[i] = (uint8_t)(bits >> (56 - 8 * i));
    sha1_update(c, lenb, 8);
    for (int i = 0; i < 5; i++) {
        out[4 * i] = (uint8_t)(c->h[i] >> 24);
        out[4 * i + 1] = (uint8_t)(c->h[i] >> 16);
        out[4 * i + 2] = (uint8_t)(c->h[i] >> 8);
        out[4 * i + 3] = (uint8_t)c->h[i];
    }
}

/* ------------------------------------------------------------------ base64 (RFC 4648) */

static void base64_encode(const uint8_t *in, size_t n, char *out) {
    static const char tbl[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    size_t o = 0, i = 0;
    for (; i + 2 < n; i += 3) {
        uint32_t v = (uint32_t)in[i] << 16 | (uint32_t)in[i + 1] << 8 | in[i + 2];
        out[o++] = tbl[v >> 18];
        out[o++] = tbl[(v >> 12) & 63];
        out[o++] = tbl[(v >> 6) & 63];
        out[o++] = tbl[v & 63];
    }
    if (i < n) {
        uint32_t v = (uint32_t)in[i] << 16 | (i + 1 < n ? (uint32_t)in[i + 1] << 8 : 0);
        out[o++] = tbl[v >> 18];
        out[o++] = tbl[(v >> 12) & 63];
        out[o++] = i + 1 < n ? tbl[(v >> 6) & 63] : '=';
        out[o++] = '=';
    }
    out[o] = '\0';
}

/* ------------------------------------------------------------------ I/O helpers */

static int write_all(int fd, const void *buf, size_t n) {
    const char *p = buf;
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* writev until both parts are out. */
static int writev_all(int fd, const void *a, size_t an, const void *b, size_t bn) {
    struct iovec iov[2] = {{(void *)a, an}, {(void *)b, bn}};
    int cnt = 2, idx = 0;
    while (idx < cnt) {
        ssize_t w = writev(fd, iov + idx, cnt - idx);
        if (w < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        size_t left = (size_t)w;
        while (idx < cnt && left >= iov[idx].iov_len) {
            left -= iov[idx].iov_len;
            idx++;
        }
        if (idx < cnt) {
            iov[idx].iov_base = (char *)iov[idx].iov_base + left;
            iov[idx].iov_len -= left;
        }
    }
    return 0;
}

/* Buffered reader of a WebSocket's process: the bytes that came with the upgrade request are its
 * first frames. */
typedef struct {
    int fd;
    char buf[HEADER_MAX + 1];
    size_t len, pos;
} reader;

static int read_exact(reader *r, void *dst, size_t n) {
    char *d = dst;
    size_t have = r->len - r->pos;
    if (have > 0) {
        size_t take = have < n ? have : n;
        memcpy(d, r->buf + r->pos, take);
        r->pos += take;
        d += take;
        n -= take;
    }
    while (n > 0) {
        ssize_t got = read(r->fd, d, n);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) return -1;
        d += got;
        n -= (size_t)got;
    }
    return 0;
}

/* ------------------------------------------------------------------ HTTP */

typedef struct {
    char method[16];
    char path[2048];
    int http11;
    int has_body;
    const char *authorization, *upgrade, *connection, *ws_key, *ws_version, *ws_protocol, *if_none_match;
    const char *claim_secret, *claim_view_secret;
} request;

static char *trim(char *s) {
    while (*s == ' ' || *s == '\t') s++;
    char *e = s + strlen(s);
    while (e > s && (e[-1] == ' ' || e[-1] == '\t')) *--e = '\0';
    return s;
}

/* Parse the header block in place (it is NUL-terminated line by line). */
static int parse_request(char *head, request *rq) {
    memset(rq, 0, sizeof *rq);
    char *save = NULL;
    char *line = strtok_r(head, "\r\n", &save);
    if (!line) return -1;
    char *sp1 = strchr(line, ' ');
    if (!sp1) return -1;
    char *sp2 = strchr(sp1 + 1, ' ');
    if (!sp2 || strncmp(sp2 + 1, "HTTP/1.", 7) != 0) return -1;
    rq->http11 = strcmp(sp2 + 1, "HTTP/1.0") != 0;
    size_t ml = (size_t)(sp1 - line), pl = (size_t)(sp2 - sp1 - 1);
    if (ml == 0 || ml >= sizeof rq->method || pl == 0 || pl >= sizeof rq->path) return -1;
    memcpy(rq->method, line, ml);
    memcpy(rq->path, sp1 + 1, pl);
    while ((line = strtok_r(NULL, "\r\n", &save)) != NULL) {
        char *colon = strchr(line, ':');
        if (!colon) continue;
        *colon = '\0';
        char *name = trim(line), *value = trim(colon + 1);
        if (!strcasecmp(name, "authorization")) rq->authorization = value;
        else if (!strcasecmp(name, "upgrade")) rq->upgrade = value;
        else if (!strcasecmp(name, "connection")) rq->connection = value;
        else if (!strcasecmp(name, "sec-websocket-key")) rq->ws_key = value;
        else if (!strcasecmp(name, "sec-websocket-version")) rq->ws_version = value;
        else if (!strcasecmp(name, "sec-websocket-protocol")) rq->ws_protocol = value;
        else if (!strcasecmp(name, "if-none-match")) rq->if_none_match = value;
        else if (!strcasecmp(name, "x-berth-secret")) rq->claim_secret = value;
        else if (!strcasecmp(name, "x-berth-view-secret")) rq->claim_view_secret = value;
        else if (!strcasecmp(name, "transfer-encoding")) rq->has_body = 1;
        else if (!strcasecmp(name, "content-length") && strcmp(value, "0") != 0) rq->has_body = 1;
    }
    return 0;
}

/* Does the comma-separated header value contain token (case-insensitive)? */
static int has_token(const char *value, const char *token) {
    if (!value) return 0;
    size_t tl = strlen(token);
    const char *p = value;
    while (*p) {
        while (*p == ' ' || *p == '\t' || *p == ',') p++;
        const char *s = p;
        while (*p && *p != ',') p++;
        const char *e = p;
        while (e > s && (e[-1] == ' ' || e[-1] == '\t')) e--;
        if ((size_t)(e - s) == tl && !strncasecmp(s, token, tl)) return 1;
    }
    return 0;
}

/* Constant-time comparison, so the secret can't be guessed byte by byte from timing. */
static int secret_equals(const char *given, size_t given_len, const char *secret) {
    if (!secret || !*secret) return 0;
    size_t sl = strlen(secret);
    unsigned diff = (unsigned)(given_len ^ sl);
    for (size_t i = 0; i < given_len; i++) diff |= (unsigned char)given[i] ^ (unsigned char)secret[i % sl];
    return diff == 0;
}


/* ------------------------------------------------------------------ SHA-256 / HMAC (viewer credentials) */

typedef struct { uint32_t h[8]; uint64_t len; uint8_t buf[64]; size_t n; } sha256_ctx;

static const uint32_t K256[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
    0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
    0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

static uint32_t ror32(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

static void sha256_block(sha256_ctx *c, const uint8_t *p) {
    uint32_t w[64], a, b, d, e, f, g, h, cc;
    for (int i = 0; i < 16; i++) w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ror32(w[i - 15], 7) ^ ror32(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ror32(w[i - 2], 17) ^ ror32(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    a = c->h[0]; b = c->h[1]; cc = c->h[2]; d = c->h[3]; e = c->h[4]; f = c->h[5]; g = c->h[6]; h = c->h[7];
    for (int i = 0; i < 64; i++) {
        uint32_t t1 = h + (ror32(e, 6) ^ ror32(e, 11) ^ ror32(e, 25)) + ((e & f) ^ (~e & g)) + K256[i] + w[i];
        uint32_t t2 = (ror32(a, 2) ^ ror32(a, 13) ^ ror32(a, 22)) + ((a & b) ^ (a & cc) ^ (b & cc));
        h = g; g = f; f = e; e = d + t1; d = cc; cc = b; b = a; a = t1 + t2;
    }
    c->h[0] += a; c->h[1] += b; c->h[2] += cc; c->h[3] += d; c->h[4] += e; c->h[5] += f; c->h[6] += g; c->h[7] += h;
}

static void sha256_init(sha256_ctx *c) {
    static const uint32_t iv[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    memcpy(c->h, iv, sizeof iv);
    c->len = 0;
    c->n = 0;
}

static void sha256_update(sha256_ctx *c, const void *data, size_t n) {
    const uint8_t *p = data;
    c->len += n;
    while (n) {
        size_t take = 64 - c->n < n ? 64 - c->n : n;
        memcpy(c->buf + c->n, p, take);
        c->n += take; p += take; n -= take;
        if (c->n == 64) { sha256_block(c, c->buf); c->n = 0; }
    }
}

static void sha256_final(sha256_ctx *c, uint8_t out[32]) {
    uint64_t bits = c->len * 8;
    uint8_t pad = 0x80, zero = 0, lenb[8];
    sha256_update(c, &pad, 1);
    while (c->n != 56) sha256_update(c, &zero, 1);
    for (int i = 0; i < 8; i++) lenb[i] = (uint8_t)(bits >> (56 - 8 * i));
    sha256_update(c, lenb, 8);
    for (int i = 0; i < 8; i++) { out[4 * i] = c->h[i] >> 24; out[4 * i + 1] = c->h[i] >> 16; out[4 * i + 2] = c->h[i] >> 8; out[4 * i + 3] = c->h[i]; }
}

static void hmac_sha256(const char *key, const char *msg, size_t msg_len, uint8_t out[32]) {
    uint8_t k[64] = {0}, ipad[64], opad[64], inner[32];
    size_t kl = strlen(key);
    if (kl > 64) { sha256_ctx t; sha256_init(&t); sha256_update(&t, key, kl); sha256_final(&t, k); } else memcpy(k, key, kl);
    for (int i = 0; i < 64; i++) { ipad[i] = k[i] ^ 0x36; opad[i] = k[i] ^ 0x5c; }
    sha256_ctx c;
    sha256_init(&c); sha256_update(&c, ipad, 64); sha256_update(&c, msg, msg_len); sha256_final(&c, inner);
    sha256_init(&c); sha256_update(&c, opad, 64); sha256_update(&c, inner, 32); sha256_final(&c, out);
}

/* ------------------------------------------------------------------ viewer principals and revocation */

/*
 * A share's viewer presents "g1.<view|full>.<principal>.<hex HMAC-SHA256(BERTH_SESSION_SECRET,
 * "g1.<mode>.<principal>")>" (the manager signs it; nginx injects it). `berth-gateway revoke P…`
 * (run by the agent with docker exec) appends principals to a file on /dev/shm, which every
 * container has; each connection of a principal checks it four times a second and ends when its
 * principal appears there, and new requests from it are refused.
 */
static char REVOKED_FILE[512] = "/dev/shm/berth-gateway-revoked";
static char SECRETS_FILE[512] = "/dev/shm/berth-gateway-secrets";

/* Env BERTH_GATEWAY_STATE_DIR (default /dev/shm, which every container has) holds the files the
 * gateway's processes share: revoked principals, and the credentials a warm-pool claim set. */
static void init_state_paths(void) {
    const char *d = getenv("BERTH_GATEWAY_STATE_DIR");
    if (!d || !*d) return;
    snprintf(REVOKED_FILE, sizeof REVOKED_FILE, "%s/berth-gateway-revoked", d);
    snprintf(SECRETS_FILE, sizeof SECRETS_FILE, "%s/berth-gateway-secrets", d);
}
static char conn_principal[128];

static int principal_revoked(const char *p) {
    size_t len = strlen(p);
    int fd = open(REVOKED_FILE, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return 0;
    char buf[4096], line[160];
    size_t li = 0;
    int hit = 0;
    ssize_t n;
    while (!hit && (n = read(fd, buf, sizeof buf)) > 0) {
        for (ssize_t i = 0; i < n; i++) {
            if (buf[i] == '\n') {
                if (li == len && memcmp(line, p, len) == 0) hit = 1;
                li = 0;
            } else if (li < sizeof line) line[li++] = buf[i];
        }
    }
    close(fd);
    return hit;
}

/* Runs in each connection's process: only async-signal-safe calls (open, read, close, _exit). */
static void on_revocation_tick(int sig) {
    (void)sig;
    if (conn_principal[0] && principal_revoked(conn_principal)) _exit(0);
}

/* In a WebSocket's process: end it when its viewer is revoked. */
static void watch_principal(const char *principal) {
    snprintf(conn_principal, sizeof conn_principal, "%s", principal);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_revocation_tick;
    sa.sa_flags = SA_RESTART;
    sigaction(SIGALRM, &sa, NULL);
    struct itimerval it = {{0, 250000}, {0, 250000}};
    setitimer(ITIMER_REAL, &it, NULL);
}

static int valid_principal(const char *p, size_t n) {
    if (n == 0 || n >= sizeof conn_principal) return 0;
    for (size_t i = 0; i < n; i++)
        if (!((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z') || (p[i] >= '0' && p[i] <= '9') || p[i] == '-' || p[i] == '_')) return 0;
    return 1;
}

/* "g1.<mode>.<principal>.<64 hex>": FULL or VIEW when the signature is right and not revoked;
 * the principal goes to principal_out (sizeof conn_principal bytes). */
static int check_viewer_token(const char *tok, size_t n, int *full, char *principal_out) {
    if (!full_secret || !*full_secret || n < 8 || strncmp(tok, "g1.", 3) != 0) return 0;
    const char *mode = tok + 3, *dot1 = memchr(mode, '.', n - 3);
    if (!dot1) return 0;
    const char *principal = dot1 + 1, *end = tok + n;
    const char *dot2 = NULL;
    for (const char *q = end - 1; q > principal; q--) if (*q == '.') { dot2 = q; break; }
    if (!dot2 || end - (dot2 + 1) != 64) return 0;
    size_t ml = (size_t)(dot1 - mode), pl = (size_t)(dot2 - principal);
    if (!((ml == 4 && !strncmp(mode, "view", 4)) || (ml == 4 && !strncmp(mode, "full", 4)))) return 0;
    if (!valid_principal(principal, pl)) return 0;
    uint8_t mac[32];
    hmac_sha256(full_secret, tok, (size_t)(dot2 - tok), mac);
    static const char hex[] = "0123456789abcdef";
    unsigned diff = 0;
    for (int i = 0; i < 32; i++) diff |= (unsigned)(dot2[1 + 2 * i] ^ hex[mac[i] >> 4]) | (unsigned)(dot2[2 + 2 * i] ^ hex[mac[i] & 15]);
    if (diff) return 0;
    char p[sizeof conn_principal];
    memcpy(p, principal, pl);
    p[pl] = 0;
    if (principal_revoked(p)) return 0;
    memcpy(principal_out, p, pl + 1);
    *full = !strncmp(mode, "full", 4);
    return 1;
}

/* berth-gateway revoke P…: cut these principals off (their open connections end within 250 ms). */
static int cmd_revoke(int argc, char **argv) {
    int fd = open(REVOKED_FILE, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) { perror(REVOKED_FILE); return 1; }
    for (int i = 0; i < argc; i++) {
        if (!valid_principal(argv[i], strlen(argv[i]))) { fprintf(stderr, "not a principal: %s\n", argv[i]); close(fd); return 2; }
        if (write_all(fd, argv[i], strlen(argv[i])) < 0 || write_all(fd, "\n", 1) < 0) { perror("write"); close(fd); return 1; }
    }
    close(fd);
    return 0;
}

/* ------------------------------------------------------------------ warm-pool claims */

/*
 * A warm-pool session starts before anyone asked for it, with credentials only the manager and
 * its agent know. When a user takes it, the agent sends POST /.berth/claim (authenticated with
 * those credentials) carrying the user's: X-Berth-Secret (full control) and X-Berth-View-Secret.
 * They go to SECRETS_FILE, created once (link(2): a second claim gets 409), and from then on
 * replace the environment's credentials in every process of this gateway.
 */
static char claimed_full[256], claimed_view[256];
static int claimed;

static void load_claimed_secrets(void) {
    if (claimed) return; /* a claim happens once; nothing changes after it */
    int fd = open(SECRETS_FILE, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    char buf[600];
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0) return;
    buf[n] = '\0';
    char *nl = strchr(buf, '\n');
    if (!nl) return;
    *nl = '\0';
    char *view = nl + 1, *nl2 = strchr(view, '\n');
    if (!nl2) return;
    *nl2 = '\0';
    if (!*buf || strlen(buf) >= sizeof claimed_full || strlen(view) >= sizeof claimed_view) return;
    strcpy(claimed_full, buf);
    strcpy(claimed_view, view);
    full_secret = claimed_full;
    view_secret = *claimed_view ? claimed_view : NULL;
    claimed = 1;
}

static int valid_secret(const char *v) {
    size_t n = v ? strlen(v) : 0;
    if (n < 16 || n >= sizeof claimed_full) return 0;
    for (size_t i = 0; i < n; i++)
        if (!((v[i] >= 'a' && v[i] <= 'z') || (v[i] >= 'A' && v[i] <= 'Z') || (v[i] >= '0' && v[i] <= '9') || v[i] == '-' || v[i] == '_' || v[i] == '.')) return 0;
    return 1;
}

/* Writes the new credentials once; returns 0, 1 when already claimed, -1 on an error. */
static int write_claim(const char *full, const char *view) {
    char tmp[600];
    snprintf(tmp, sizeof tmp, "%s.%d", SECRETS_FILE, (int)getpid());
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return -1;
    int bad = write_all(fd, full, strlen(full)) < 0 || write_all(fd, "\n", 1) < 0 ||
              write_all(fd, view ? view : "", view ? strlen(view) : 0) < 0 || write_all(fd, "\n", 1) < 0;
    close(fd);
    if (bad) { unlink(tmp); return -1; }
    int rc = link(tmp, SECRETS_FILE);
    int err = errno;
    unlink(tmp);
    if (rc == 0) return 0;
    return err == EEXIST ? 1 : -1;
}

enum access { DENIED, FULL, VIEW };

/* principal_out (sizeof conn_principal bytes) gets the viewer's principal, "" for a secret. */
static enum access check_auth(const char *authorization, char *principal_out) {
    principal_out[0] = '\0';
    load_claimed_secrets();
    if (!authorization || strncasecmp(authorization, "Bearer ", 7) != 0) return DENIED;
    const char *tok = authorization + 7;
    while (*tok == ' ') tok++;
    size_t n = strlen(tok);
    if (secret_equals(tok, n, full_secret)) return FULL;
    if (secret_equals(tok, n, view_secret)) return VIEW;
    int full = 0;
    if (check_viewer_token(tok, n, &full, principal_out)) return full ? FULL : VIEW;
    return DENIED;
}

/* ------------------------------------------------------------------ responses */

/*
 * One client connection of the event loop (see "connections"). A response is built whole in
 * out (headers and small bodies); a static file's body follows it with sendfile. c->keep says
 * whether the connection reads the next request after it (1) or closes (0).
 */
#define OUT_MAX 8192

enum conn_state { C_READ, C_WRITE, C_LINGER };

typedef struct {
    int fd;
    int index;           /* in conns[] */
    enum conn_state state;
    unsigned events;     /* what epoll watches for it */
    int keep;
    int served;          /* requests answered on this connection */
    long deadline;       /* C_READ: for the next header; C_WRITE: for progress; C_LINGER: for the peer */
    size_t out_len, out_pos;
    int file;            /* the static file being sent, or -1 */
    off_t file_off, file_end;
    char principal[128]; /* the viewer whose token the last request carried, "" for a secret */
    size_t in_len;
    char out[OUT_MAX];
    char in[HEADER_MAX + 1];
} conn;

static int out_add(conn *c, const void *p, size_t n) {
    if (n > OUT_MAX - c->out_len) return -1;
    memcpy(c->out + c->out_len, p, n);
    c->out_len += n;
    return 0;
}

static const char *conn_header(int keep) { return keep ? "Connection: keep-alive\r\n" : "Connection: close\r\n"; }

static int send_simple(conn *c, const char *status, const char *extra, const char *body, int head_only) {
    char hdr[3072];
    int n = snprintf(hdr, sizeof hdr,
                     "HTTP/1.1 %s\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: %zu\r\n"
                     "Cache-Control: no-store\r\n%s%s\r\n",
                     status, strlen(body), extra ? extra : "", conn_header(c->keep));
    if (n < 0 || n >= (int)sizeof hdr || out_add(c, hdr, (size_t)n) < 0) return -1;
    if (!head_only && out_add(c, body, strlen(body)) < 0) return -1;
    return 0;
}

static size_t html_escape(const char *in, char *out, size_t cap) {
    size_t o = 0;
    for (; *in && o + 7 < cap; in++) {
        const char *rep = NULL;
        switch (*in) {
            case '&': rep = "&amp;"; break;
            case '<': rep = "&lt;"; break;
            case '>': rep = "&gt;"; break;
            case '"': rep = "&quot;"; break;
            case '\'': rep = "&#39;"; break;
        }
        if (rep) {
            size_t l = strlen(rep);
            memcpy(out + o, rep, l);
            o += l;
        } else {
            out[o++] = *in;
        }
    }
    out[o] = '\0';
    return o;
}

static int send_body(conn *c, const char *type, const char *body, int bl, int head_only) {
    char hdr[512];
    int hl = snprintf(hdr, sizeof hdr,
                      "HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n"
                      "Cache-Control: no-store\r\n%s\r\n",
                      type, bl, conn_header(c->keep));
    if (out_add(c, hdr, (size_t)hl) < 0) return -1;
    if (!head_only && out_add(c, body, (size_t)bl) < 0) return -1;
    return 0;
}

/* The tiny test image's page. */
static int send_tiny_page(conn *c, enum access acc, int head_only) {
    char sid[1024], body[4096];
    html_escape(session_id ? session_id : "", sid, sizeof sid);
    int bl = snprintf(body, sizeof body,
                      "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>Berth tiny session</title></head>\n"
                      "<body>\n<h1 id=\"berth-tiny\">Berth tiny session</h1>\n"
                      "<p>Session: <code id=\"berth-session-id\">%s</code></p>\n"
                      "<p>Access: <span id=\"berth-access\">%s</span></p>\n</body></html>\n",
                      sid, acc == VIEW ? "view" : "full");
    if (bl >= (int)sizeof body) bl = (int)sizeof body - 1;
    return send_body(c, "text/html; charset=utf-8", body, bl, head_only);
}

/* berth-session.json: what this connection may do, for the page. */
static int send_session_info(conn *c, enum access acc, int head_only) {
    char body[256];
    int bl = snprintf(body, sizeof body, "{\"access\":\"%s\",\"vnc\":%s}\n", acc == VIEW ? "view" : "full",
                      vnc_enabled ? "true" : "false");
    return send_body(c, "application/json", body, bl, head_only);
}

/* ------------------------------------------------------------------ static files */

static const char *mime_type(const char *path) {
    static const struct {
        const char *ext, *type;
    } types[] = {
        {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
        {".json", "application/json"}, {".png", "image/png"}, {".svg", "image/svg+xml"},
        {".ico", "image/x-icon"}, {".jpg", "image/jpeg"}, {".gif", "image/gif"},
        {".woff", "font/woff"}, {".woff2", "font/woff2"}, {".ttf", "font/ttf"},
        {".oga", "audio/ogg"}, {".ogg", "audio/ogg"}, {".mp3", "audio/mpeg"},
        {".txt", "text/plain; charset=utf-8"}, {".wasm", "application/wasm"},
    };
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (dot && (!slash || dot > slash))
        for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
            if (!strcasecmp(dot, types[i].ext)) return types[i].type;
    return "application/octet-stream";
}

static int hexval(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* The request path, without query or fragment, percent-decoded, checked: it must start with "/"
 * and contain no "." or ".." segment and no NUL. Returns 0 and fills out, or -1. */
static int clean_path(const char *raw, char *out, size_t cap) {
    size_t o = 0;
    if (raw[0] != '/') return -1;
    for (const char *p = raw; *p && *p != '?' && *p != '#'; p++) {
        int c = (unsigned char)*p;
        if (c == '%') {
            int hi = hexval(p[1]), lo = hi < 0 ? -1 : hexval(p[2]);
            if (hi < 0 || lo < 0) return -1;
            c = hi * 16 + lo;
            p += 2;
            if (c == 0) return -1;
        }
        if (o + 1 >= cap) return -1;
        out[o++] = (char)c;
    }
    out[o] = '\0';
    /* segment check */
    const char *s = out;
    while (*s) {
        while (*s == '/') s++;
        const char *e = s;
        while (*e && *e != '/') e++;
        size_t l = (size_t)(e - s);
        if ((l == 1 && s[0] == '.') || (l == 2 && s[0] == '.' && s[1] == '.')) return -1;
        s = e;
    }
    return 0;
}

/* Puts the file's headers in c->out and leaves its body to the event loop (c->file). */
static int serve_file(conn *c, const request *rq, int head_only) {
    char rel[2048], full[4200];
    if (clean_path(rq->path, rel, sizeof rel) < 0) return send_simple(c, "400 Bad Request", NULL, "bad path\n", head_only);
    size_t rl = strlen(rel);
    snprintf(full, sizeof full, "%s%s%s", web_root, rel, rel[rl - 1] == '/' ? "index.html" : "");
    int file = open(full, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    struct stat st;
    if (file < 0 || fstat(file, &st) < 0) {
        if (file >= 0) close(file);
        return send_simple(c, "404 Not Found", NULL, "not found\n", head_only);
    }
    if (S_ISDIR(st.st_mode)) {
        /* A relative redirect to the directory, so it works under any path prefix. */
        close(file);
        const char *last = strrchr(rel, '/');
        char loc[2200];
        snprintf(loc, sizeof loc, "Location: %s/\r\n", last ? last + 1 : "");
        return send_simple(c, "301 Moved Permanently", loc, "moved\n", head_only);
    }
    if (!S_ISREG(st.st_mode)) {
        close(file);
        return send_simple(c, "404 Not Found", NULL, "not found\n", head_only);
    }
    char etag[64];
    snprintf(etag, sizeof etag, "\"%lx-%lx\"", (unsigned long)st.st_mtime, (unsigned long)st.st_size);
    const char *type = mime_type(full);
    /* Pages are revalidated every time; the rest of a session's files don't change while it runs. */
    const char *cache = !strncmp(type, "text/html", 9) ? "no-cache" : "private, max-age=86400";
    char hdr[768];
    int hl;
    if (rq->if_none_match && strstr(rq->if_none_match, etag)) {
        close(file);
        hl = snprintf(hdr, sizeof hdr, "HTTP/1.1 304 Not Modified\r\nETag: %s\r\nCache-Control: %s\r\n%s\r\n", etag, cache,
                      conn_header(c->keep));
        return out_add(c, hdr, (size_t)hl);
    }
    hl = snprintf(hdr, sizeof hdr,
                  "HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %lld\r\nETag: %s\r\n"
                  "Cache-Control: %s\r\nX-Content-Type-Options: nosniff\r\n%s\r\n",
                  type, (long long)st.st_size, etag, cache, conn_header(c->keep));
    if (out_add(c, hdr, (size_t)hl) < 0) {
        close(file);
        return -1;
    }
    if (head_only || st.st_size == 0) {
        close(file);
        return 0;
    }
    c->file = file;
    c->file_off = 0;
    c->file_end = st.st_size;
    return 0;
}

/* ------------------------------------------------------------------ WebSocket: framing */

static int ws_send(int fd, int opcode, const uint8_t *payload, uint64_t n, int fin) {
    uint8_t hdr[10];
    size_t hl = 0;
    hdr[hl++] = (uint8_t)((fin ? 0x80 : 0) | (opcode & 0x0f));
    if (n < 126) {
        hdr[hl++] = (uint8_t)n;
    } else if (n <= 0xffff) {
        hdr[hl++] = 126;
        hdr[hl++] = (uint8_t)(n >> 8);
        hdr[hl++] = (uint8_t)n;
    } else {
        hdr[hl++] = 127;
        for (int i = 7; i >= 0; i--) hdr[hl++] = (uint8_t)(n >> (8 * i));
    }
    return writev_all(fd, hdr, hl, payload, (size_t)n);
}

static void ws_close(int fd, uint16_t code) {
    uint8_t p[2] = {(uint8_t)(code >> 8), (uint8_t)code};
    ws_send(fd, 0x8, p, 2, 1);
}

/* ------------------------------------------------------------------ WebSocket: echo (tiny) */

static void ws_echo_loop(reader *r, enum access acc) {
    uint8_t *payload = NULL;
    for (;;) {
        uint8_t h[2];
        if (read_exact(r, h, 2) < 0) break;
        int fin = h[0] & 0x80, opcode = h[0] & 0x0f, masked = h[1] & 0x80;
        uint64_t n = h[1] & 0x7f;
        if (h[0] & 0x70) { ws_close(r->fd, 1002); break; } /* no extensions negotiated */
        if (n == 126) {
            uint8_t e[2];
            if (read_exact(r, e, 2) < 0) break;
            n = (uint64_t)e[0] << 8 | e[1];
        } else if (n == 127) {
            uint8_t e[8];
            if (read_exact(r, e, 8) < 0) break;
            n = 0;
            for (int i = 0; i < 8; i++) n = n << 8 | e[i];
        }
        if (!masked) { ws_close(r->fd, 1002); break; } /* clients must mask */
        int control = opcode & 0x8;
        if (control && (n > 125 || !fin)) { ws_close(r->fd, 1002); break; }
        if (n > MAX_PAYLOAD) { ws_close(r->fd, 1009); break; }
        uint8_t mask[4];
        if (read_exact(r, mask, 4) < 0) break;
        free(payload);
        payload = malloc(n ? (size_t)n : 1);
        if (!payload) break;
        if (read_exact(r, payload, (size_t)n) < 0) break;
        for (uint64_t i = 0; i < n; i++) payload[i] ^= mask[i & 3];

        switch (opcode) {
            case 0x0: /* continuation */
            case 0x1: /* text */
            case 0x2: /* binary */
                /* Echo frame by frame (fragments stay fragments); view-only input is ignored. */
                if (acc == FULL && ws_send(r->fd, opcode, payload, n, fin) < 0) goto out;
                break;
            case 0x8: /* close: answer with the same status code, then hang up */
                ws_send(r->fd, 0x8, payload, n >= 2 ? 2 : 0, 1);
                goto out;
            case 0x9: /* ping */
                if (ws_send(r->fd, 0xA, payload, n, 1) < 0) goto out;
                break;
            case 0xA: /* pong */
                break;
            default:
                ws_close(r->fd, 1002);
                goto out;
        }
    }
out:
    free(payload);
}

/* ------------------------------------------------------------------ RFB view-only filter */

/*
 * Parses the client-to-server half of an RFB 3.7/3.8 session and forwards only what a viewer
 * may send. State: the handshake stage, the header of the message being read (collected byte
 * by byte until its length is known), then how many body bytes to pass on or to drop.
 */
typedef struct {
    int stage; /* 0: ProtocolVersion, 1: security type, 2: ClientInit, 3: normal messages */
    uint8_t hdr[20];
    size_t have;
    uint64_t pass, skip;
    int out_fd;
    unsigned long dropped;
} rfb_filter;

enum { RFB_MORE = 0, RFB_FORWARD = 1, RFB_DROP = 2, RFB_REJECT = -1 };

/* Looks at the header collected so far. Returns RFB_MORE, or decides the message: forward or
 * drop the header, and sets *body to the number of body bytes that follow it. */
static int rfb_decide(rfb_filter *f, uint64_t *body, const char **why) {
    const uint8_t *h = f->hdr;
    size_t n = f->have;
    *body = 0;
    switch (f->stage) {
        case 0:
            if (n < 12) return RFB_MORE;
            if (memcmp(h, "RFB 003.008\n", 12) != 0 && memcmp(h, "RFB 003.007\n", 12) != 0) {
                *why = "protocol version other than 3.7/3.8";
                return RFB_REJECT;
            }
            f->stage = 1;
            return RFB_FORWARD;
        case 1:
            if (h[0] != 1) { /* None: Xvnc offers nothing else; anything more would need parsing */
                *why = "security type other than None";
                return RFB_REJECT;
            }
            f->stage = 2;
            return RFB_FORWARD;
        case 2:
            f->hdr[0] = 1; /* ClientInit: shared, always */
            f->stage = 3;
            return RFB_FORWARD;
    }
    switch (h[0]) {
        case 0: /* SetPixelFormat */
            return n < 20 ? RFB_MORE : RFB_FORWARD;
        case 2: /* SetEncodings: 4 + 4 * count */
            if (n < 4) return RFB_MORE;
            *body = 4ull * ((uint64_t)h[2] << 8 | h[3]);
            return RFB_FORWARD;
        case 3: /* FramebufferUpdateRequest */
            return n < 10 ? RFB_MORE : RFB_FORWARD;
        case 4: /* KeyEvent */
            return n < 8 ? RFB_MORE : RFB_DROP;
        case 5: /* PointerEvent */
            return n < 6 ? RFB_MORE : RFB_DROP;
        case 6: { /* ClientCutText: 8 + length; a negative length is an extended clipboard message */
            if (n < 8) return RFB_MORE;
            int32_t len = (int32_t)((uint32_t)h[4] << 24 | (uint32_t)h[5] << 16 | (uint32_t)h[6] << 8 | h[7]);
            *body = len < 0 ? (uint64_t)(-(int64_t)len) : (uint64_t)len;
            return RFB_DROP;
        }
        case 150: /* EnableContinuousUpdates */
            return n < 10 ? RFB_MORE : RFB_FORWARD;
        case 248: /* ClientFence: 9 + length (at most 64) */
            if (n < 9) return RFB_MORE;
            if (h[8] > 64) {
                *why = "fence payload over 64 bytes";
                return RFB_REJECT;
            }
            *body = h[8];
            return RFB_FORWARD;
        case 250: /* xvp (shutdown/reboot/reset requests) */
            return n < 4 ? RFB_MORE : RFB_DROP;
        case 251: /* SetDesktopSize: 8 + 16 * screens */
            if (n < 8) return RFB_MORE;
            *body = 16ull * h[6];
            return RFB_DROP;
        case 255: /* QEMU client message: only the extended key event is known */
            if (n < 2) return RFB_MORE;
            if (h[1] != 0) {
                *why = "QEMU message other than the extended key event";
                return RFB_REJECT;
            }
            return n < 12 ? RFB_MORE : RFB_DROP;
        default:
            *why = "unknown message type";
            return RFB_REJECT;
    }
}

/* Feeds client bytes through the filter. Returns 0, or -1 to close the connection. */
static int rfb_feed(rfb_filter *f, const uint8_t *p, size_t n) {
    while (n > 0) {
        if (f->pass > 0) {
            size_t take = f->pass < n ? (size_t)f->pass : n;
            if (write_all(f->out_fd, p, take) < 0) return -1;
            f->pass -= take;
            p += take;
            n -= take;
            continue;
        }
        if (f->skip > 0) {
            size_t take = f->skip < n ? (size_t)f->skip : n;
            f->skip -= take;
            p += take;
            n -= take;
            continue;
        }
        f->hdr[f->have++] = *p++;
        n--;
        uint64_t body;
        const char *why = "";
        int d = rfb_decide(f, &body, &why);
        if (d == RFB_MORE) {
            if (f->have >= sizeof f->hdr) return -1; /* cannot happen: every header fits */
            continue;
        }
        if (d == RFB_REJECT) {
            logf_("view-only connection closed: %s (message type %u)", why, f->hdr[0]);
            return -1;
        }
        if (d == RFB_FORWARD) {
            if (write_all(f->out_fd, f->hdr, f->have) < 0) return -1;
            f->pass = body;
        } else {
            f->dropped++;
            f->skip = body;
        }
        f->have = 0;
    }
    return 0;
}

/* ------------------------------------------------------------------ WebSocket: VNC bridge */

/* Connects to the VNC server, waiting up to vnc_wait_ms for it to listen (the desktop may still
 * be starting when the browser arrives). With env BERTH_GATEWAY_READY_FILE, it first waits (as
 * long) for that file, which the session creates once its window manager is up: a window manager
 * still starting when the browser resizes the screen may miss the change and keep the old size. */
static int vnc_connect(void) {
    long deadline = now_ms() + vnc_wait_ms;
    const char *ready = getenv("BERTH_GATEWAY_READY_FILE");
    if (ready && *ready) {
        struct stat st;
        while (stat(ready, &st) < 0) {
            if (now_ms() >= deadline) {
                logf_("websocket: %s did not appear; connecting anyway", ready);
                break;
            }
            usleep(25000);
        }
    }
    for (;;) {
        int s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (s < 0) return -1;
        if (connect(s, (struct sockaddr *)&vnc_addr, sizeof vnc_addr) == 0) {
            int one = 1;
            setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            return s;
        }
        int err = errno;
        close(s);
        if ((err != ECONNREFUSED && err != EINTR) || now_ms() >= deadline) return -1;
        usleep(25000);
    }
}

/* Streaming parser of the client's WebSocket frames. */
typedef struct {
    uint8_t h[14];
    size_t hl;      /* header bytes collected */
    int in_payload; /* header complete, reading payload */
    int opcode, fin, frag; /* frag: inside a fragmented data message */
    uint64_t left, off;
    uint8_t mask[4];
    uint8_t ctl[125];
    size_t ctl_len;
} ws_parser;

typedef struct {
    int cfd, vfd;
    enum access acc;
    rfb_filter filter;
    ws_parser ws;
    int closing;
} bridge;

static size_t ws_header_need(const uint8_t *h, size_t hl) {
    if (hl < 2) return 2;
    size_t need = 2 + 4;
    uint8_t l = h[1] & 0x7f;
    if (l == 126) need += 2;
    else if (l == 127) need += 8;
    return need;
}

/* Data from the browser for the VNC server. */
static int bridge_sink(bridge *b, const uint8_t *p, size_t n) {
    if (n == 0) return 0;
    if (b->acc == FULL) return write_all(b->vfd, p, n);
    return rfb_feed(&b->filter, p, n);
}

/* Returns 0 to go on, 1 when the connection ended in an orderly way, -1 on error. */
static int bridge_from_client(bridge *b, uint8_t *p, size_t n) {
    ws_parser *w = &b->ws;
    while (n > 0) {
        if (!w->in_payload) {
            while (n > 0 && w->hl < ws_header_need(w->h, w->hl)) {
                w->h[w->hl++] = *p++;
                n--;
            }
            if (w->hl < ws_header_need(w->h, w->hl)) return 0;
            uint8_t *h = w->h;
            w->fin = h[0] & 0x80;
            w->opcode = h[0] & 0x0f;
            if (h[0] & 0x70) { ws_close(b->cfd, 1002); return -1; }
            if (!(h[1] & 0x80)) { ws_close(b->cfd, 1002); return -1; }
            uint64_t len = h[1] & 0x7f;
            size_t at = 2;
            if (len == 126) {
                len = (uint64_t)h[2] << 8 | h[3];
                at = 4;
            } else if (len == 127) {
                len = 0;
                for (int i = 0; i < 8; i++) len = len << 8 | h[2 + i];
                at = 10;
            }
            memcpy(w->mask, h + at, 4);
            int control = w->opcode & 0x8;
            if (control) {
                if (len > 125 || !w->fin) { ws_close(b->cfd, 1002); return -1; }
                if (w->opcode != 0x8 && w->opcode != 0x9 && w->opcode != 0xA) { ws_close(b->cfd, 1002); return -1; }
            } else {
                if (w->opcode == 0x0 ? !w->frag : (w->opcode != 0x1 && w->opcode != 0x2) || w->frag) {
                    ws_close(b->cfd, 1002);
                    return -1;
                }
                w->frag = !w->fin;
                if (len > MAX_PAYLOAD) { ws_close(b->cfd, 1009); return -1; }
            }
            w->left = len;
            w->off = 0;
            w->ctl_len = 0;
            w->in_payload = 1;
        }
        size_t take = w->left < n ? (size_t)w->left : n;
        for (size_t i = 0; i < take; i++) p[i] ^= w->mask[(w->off + i) & 3];
        if (w->opcode & 0x8) {
            memcpy(w->ctl + w->ctl_len, p, take);
            w->ctl_len += take;
        } else if (bridge_sink(b, p, take) < 0) {
            ws_close(b->cfd, 1008);
            return -1;
        }
        w->off += take;
        w->left -= take;
        p += take;
        n -= take;
        if (w->left == 0) {
            w->in_payload = 0;
            w->hl = 0;
            if (w->opcode == 0x8) {
                ws_send(b->cfd, 0x8, w->ctl, w->ctl_len >= 2 ? 2 : 0, 1);
                return 1;
            }
            if (w->opcode == 0x9 && ws_send(b->cfd, 0xA, w->ctl, w->ctl_len, 1) < 0) return -1;
        }
    }
    return 0;
}

static void ws_bridge_loop(reader *r, enum access acc, int vfd) {
    static bridge b;
    static uint8_t buf[BRIDGE_CHUNK];
    memset(&b, 0, sizeof b);
    b.cfd = r->fd;
    b.vfd = vfd;
    b.acc = acc;
    b.filter.out_fd = vfd;
    /* Bytes that came with the upgrade request are the first frames. */
    if (r->len > r->pos) {
        size_t n = r->len - r->pos;
        memcpy(buf, r->buf + r->pos, n);
        r->pos = r->len;
        if (bridge_from_client(&b, buf, n) != 0) goto done;
    }
    for (;;) {
        struct pollfd pf[2] = {{.fd = b.cfd, .events = POLLIN}, {.fd = vfd, .events = POLLIN}};
        int pr = poll(pf, 2, -1);
        if (pr < 0) {
            if (errno == EINTR) continue;
            break;
        }
        if (pf[1].revents & (POLLIN | POLLHUP | POLLERR)) {
            ssize_t got = read(vfd, buf, sizeof buf);
            if (got < 0 && errno == EINTR) continue;
            if (got <= 0) {
                ws_close(b.cfd, 1000);
                break;
            }
            if (ws_send(b.cfd, 0x2, buf, (uint64_t)got, 1) < 0) break;
        }
        if (pf[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            ssize_t got = read(b.cfd, buf, sizeof buf);
            if (got < 0 && errno == EINTR) continue;
            if (got <= 0) break;
            if (bridge_from_client(&b, buf, (size_t)got) != 0) break;
        }
    }
done:
    if (acc == VIEW && b.filter.dropped) logf_("view-only connection: %lu input message(s) dropped", b.filter.dropped);
    close(vfd);
}

/* ------------------------------------------------------------------ WebSocket: handshake */

/* The request's key and version are checked already (see answer). Runs in the connection's own
 * process, with a blocking socket, until the WebSocket ends. */
static void handle_websocket(conn *c, reader *r, const request *rq, enum access acc) {
    int fd = c->fd;
    int vfd = -1;
    if (vnc_enabled) {
        vfd = vnc_connect();
        if (vfd < 0) {
            logf_("websocket: the VNC server does not answer");
            c->keep = 0;
            if (send_simple(c, "502 Bad Gateway", NULL, "the desktop is not running\n", 0) == 0) write_all(fd, c->out, c->out_len);
            return;
        }
    }
    char keyguid[160];
    snprintf(keyguid, sizeof keyguid, "%s258EAFA5-E914-47DA-95CA-C5AB0DC85B11", rq->ws_key);
    uint8_t digest[20];
    sha1_ctx h;
    sha1_init(&h);
    sha1_update(&h, keyguid, strlen(keyguid));
    sha1_final(&h, digest);
    char accept[32];
    base64_encode(digest, 20, accept);

    /* Select the first subprotocol the client offered (clients such as noVNC may require one back). */
    char proto_line[160] = "";
    if (rq->ws_protocol && *rq->ws_protocol) {
        size_t l = strcspn(rq->ws_protocol, ", \t");
        if (l > 0 && l < 100) snprintf(proto_line, sizeof proto_line, "Sec-WebSocket-Protocol: %.*s\r\n", (int)l, rq->ws_protocol);
    }
    char resp[512];
    int n = snprintf(resp, sizeof resp,
                     "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                     "Sec-WebSocket-Accept: %s\r\n%s\r\n",
                     accept, proto_line);
    if (write_all(fd, resp, (size_t)n) < 0) {
        if (vfd >= 0) close(vfd);
        return;
    }
    if (vnc_enabled) {
        /* Tell the session that someone with full control is watching (the desktop's autostart
         * waits for it, so an application starts at the size the browser gives the screen). */
        if (acc == FULL) {
            const char *mark = getenv("BERTH_GATEWAY_CONNECTED_FILE");
            int mfd = open(mark && *mark ? mark : "/tmp/.berth-connected", O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
            if (mfd >= 0) close(mfd);
        }
        ws_bridge_loop(r, acc, vfd);
    } else {
        ws_echo_loop(r, acc);
    }
}

/* ------------------------------------------------------------------ connections */

/*
 * One process serves every plain HTTP connection: an epoll loop over nonblocking sockets (a new
 * connection costs an accept, not a fork, which matters inside a quarter of a core). A request's
 * header is read whole (HEADER_MAX at most), answered from memory or with sendfile, and the
 * connection is kept for the next request. A WebSocket upgrade forks: its child owns the
 * connection for its whole life (bridge or echo, with its viewer's revocation watch), so a busy
 * desktop stream never holds up the page requests.
 */
/* Half-close, then read until the peer closes (1 s at most), so unread input doesn't turn our
 * last response into a connection reset. (A WebSocket's process, with a blocking socket.) */
static void linger_close(int fd) {
    char sink[4096];
    shutdown(fd, SHUT_WR);
    struct pollfd pfd = {.fd = fd, .events = POLLIN};
    for (int i = 0; i < 10 && poll(&pfd, 1, 100) > 0; i++)
        if (read(fd, sink, sizeof sink) <= 0) break;
    close(fd);
}

#define MAX_CONNS 1024
#define LINGER_MS 1000
#define STALL_MS 60000   /* a client that takes nothing of a response for this long is dropped */
#define TICK_MS 250      /* timeouts and revocations are checked this often */

static int ep = -1, listen_fd = -1;
static conn *conns[MAX_CONNS];
static int nconns, accept_paused;
/* Closed during one batch of epoll events, freed after it (a later event may still name them). */
static conn *closed[2 * MAX_CONNS];
static int nclosed;

static void conn_watch(conn *c, unsigned events) {
    if (c->events == events) return;
    struct epoll_event ev = {.events = events, .data.ptr = c};
    epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &ev);
    c->events = events;
}

static void accept_resume(void) {
    if (!accept_paused) return;
    struct epoll_event ev = {.events = EPOLLIN, .data.ptr = NULL};
    epoll_ctl(ep, EPOLL_CTL_MOD, listen_fd, &ev);
    accept_paused = 0;
}

static void accept_pause(void) {
    if (accept_paused) return;
    struct epoll_event ev = {.events = 0, .data.ptr = NULL};
    epoll_ctl(ep, EPOLL_CTL_MOD, listen_fd, &ev);
    accept_paused = 1;
}

/* Removes it from epoll first: a forked WebSocket child may still hold the socket for a moment,
 * and epoll would otherwise keep reporting it. */
static void conn_close(conn *c) {
    epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL);
    close(c->fd);
    if (c->file >= 0) close(c->file);
    c->fd = -1;
    c->file = -1;
    conns[c->index] = conns[--nconns];
    conns[c->index]->index = c->index;
    closed[nclosed++] = c;
    accept_resume();
}

static void conn_open(int fd) {
    conn *c = malloc(sizeof *c);
    if (!c) {
        close(fd);
        return;
    }
    c->fd = fd;
    c->state = C_READ;
    c->events = EPOLLIN;
    c->keep = 0;
    c->served = 0;
    c->deadline = now_ms() + HEADER_TIMEOUT_MS;
    c->out_len = c->out_pos = 0;
    c->file = -1;
    c->principal[0] = '\0';
    c->in_len = 0;
    struct epoll_event ev = {.events = EPOLLIN, .data.ptr = c};
    if (epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) < 0) {
        close(fd);
        free(c);
        return;
    }
    c->index = nconns;
    conns[nconns++] = c;
}

/* Stop writing, then read until the peer closes (LINGER_MS at most), so unread input doesn't turn
 * our last response into a connection reset. */
static void conn_linger(conn *c) {
    shutdown(c->fd, SHUT_WR);
    c->state = C_LINGER;
    c->deadline = now_ms() + LINGER_MS;
    conn_watch(c, EPOLLIN);
}

/* POST /.berth/claim: a warm-pool session handed to its user (see write_claim). */
static void handle_claim(conn *c, const request *rq, enum access acc) {
    if (acc != FULL) {
        send_simple(c, "403 Forbidden", NULL, "a claim needs full control\n", 0);
        return;
    }
    if (rq->has_body || !valid_secret(rq->claim_secret) || (rq->claim_view_secret && *rq->claim_view_secret && !valid_secret(rq->claim_view_secret))) {
        send_simple(c, "400 Bad Request", NULL, "a claim needs X-Berth-Secret (and may have X-Berth-View-Secret): 16 to 255 of [A-Za-z0-9._-], no body\n", 0);
        return;
    }
    int rc = write_claim(rq->claim_secret, rq->claim_view_secret);
    if (rc == 1) {
        logf_("POST /.berth/claim 409");
        send_simple(c, "409 Conflict", NULL, "this session was claimed already\n", 0);
    } else if (rc < 0) {
        logf_("POST /.berth/claim 500: %s: %s", SECRETS_FILE, strerror(errno));
        send_simple(c, "500 Internal Server Error", NULL, "cannot store the credentials\n", 0);
    } else {
        logf_("POST /.berth/claim 200: the session has its user's credentials now");
        send_simple(c, "200 OK", NULL, "claimed\n", 0);
    }
}

/* Answers the request whose header takes the first hl bytes of c->in, and drops those bytes (the
 * rest is the next request, or a WebSocket's first frames). Returns 1 for a WebSocket upgrade
 * (rq and *acc filled; the caller forks for it), else 0 with the response in c->out (empty when
 * it could not be built: the connection closes). */
static int answer(conn *c, size_t hl, request *rq, enum access *acc) {
    static char head[HEADER_MAX + 1]; /* rq points into it */
    memcpy(head, c->in, hl);
    head[hl] = '\0';
    memmove(c->in, c->in + hl, c->in_len - hl);
    c->in_len -= hl;
    c->keep = 0;
    if (parse_request(head, rq) < 0) {
        send_simple(c, "400 Bad Request", NULL, "bad request\n", 0);
        return 0;
    }
    int head_only = !strcmp(rq->method, "HEAD");
    *acc = check_auth(rq->authorization, c->principal);
    if (*acc == DENIED) {
        logf_("%s %s 401", rq->method, rq->path);
        send_simple(c, "401 Unauthorized", "WWW-Authenticate: Bearer realm=\"berth-session\"\r\n", "missing or wrong session credential\n", head_only);
        return 0;
    }
    if (!strcmp(rq->method, "POST") && !strncmp(rq->path, "/.berth/claim", 13) && (rq->path[13] == '\0' || rq->path[13] == '?')) {
        handle_claim(c, rq, *acc);
        return 0;
    }
    if (strcmp(rq->method, "GET") != 0 && !head_only) {
        logf_("%s %s 405", rq->method, rq->path);
        send_simple(c, "405 Method Not Allowed", "Allow: GET, HEAD\r\n", "method not allowed\n", 0);
        return 0;
    }
    if (!head_only && has_token(rq->upgrade, "websocket") && has_token(rq->connection, "upgrade")) {
        if (!rq->ws_key || strlen(rq->ws_key) > 64) {
            send_simple(c, "400 Bad Request", NULL, "bad websocket handshake\n", 0);
            return 0;
        }
        if (!rq->ws_version || strcmp(rq->ws_version, "13") != 0) {
            send_simple(c, "426 Upgrade Required", "Sec-WebSocket-Version: 13\r\n", "websocket version 13 only\n", 0);
            return 0;
        }
        logf_("GET %s websocket (%s)", rq->path, *acc == VIEW ? "view" : "full");
        return 1;
    }
    c->keep = rq->http11 ? !has_token(rq->connection, "close") : has_token(rq->connection, "keep-alive");
    if (rq->has_body || c->served + 1 >= KEEPALIVE_MAX_REQUESTS) c->keep = 0;
    size_t pl = strcspn(rq->path, "?#");
    int is_info = pl >= 19 && !strncmp(rq->path + pl - 19, "/berth-session.json", 19);
    int rc = is_info ? send_session_info(c, *acc, head_only) : web_root ? serve_file(c, rq, head_only) : send_tiny_page(c, *acc, head_only);
    if (rc < 0) c->out_len = 0;
    return 0;
}

/* The WebSocket's own process: it keeps only its connection, and ends with it. */
static void websocket_child(conn *c, const request *rq, enum access acc) {
    close(listen_fd);
    close(ep);
    for (int i = 0; i < nconns; i++) {
        if (conns[i] == c) continue;
        close(conns[i]->fd);
        if (conns[i]->file >= 0) close(conns[i]->file);
    }
    signal(SIGTERM, SIG_DFL);
    signal(SIGINT, SIG_DFL);
    signal(SIGCHLD, SIG_DFL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    fcntl(c->fd, F_SETFL, fcntl(c->fd, F_GETFL) & ~O_NONBLOCK);
    if (c->principal[0]) watch_principal(c->principal);
    static reader r;
    r.fd = c->fd;
    memcpy(r.buf, c->in, c->in_len);
    r.len = c->in_len;
    r.pos = 0;
    handle_websocket(c, &r, rq, acc);
    linger_close(c->fd);
    _exit(0);
}

/* The response in c->out goes out next (conn_process sends it). */
static void respond(conn *c) {
    c->state = C_WRITE;
    c->deadline = now_ms() + STALL_MS;
}

/* The request could not be read: 400, and the connection closes. */
static void respond_bad_request(conn *c) {
    c->keep = 0;
    c->in_len = 0;
    c->out_len = c->out_pos = 0;
    send_simple(c, "400 Bad Request", NULL, "bad request\n", 0);
    respond(c);
}

/* Sends what is pending of the response. Returns 1 when all of it is out, 0 when the socket is
 * full (the loop waits for it to drain), -1 when the connection is gone. */
static int conn_send(conn *c) {
    while (c->out_pos < c->out_len) {
        ssize_t w = send(c->fd, c->out + c->out_pos, c->out_len - c->out_pos, MSG_NOSIGNAL | (c->file >= 0 ? MSG_MORE : 0));
        if (w < 0 && errno == EINTR) continue;
        if (w < 0 && errno == EAGAIN) return 0;
        if (w < 0) return -1;
        c->out_pos += (size_t)w;
        c->deadline = now_ms() + STALL_MS;
    }
    while (c->file >= 0 && c->file_off < c->file_end) {
        ssize_t s = sendfile(c->fd, c->file, &c->file_off, (size_t)(c->file_end - c->file_off));
        if (s < 0 && errno == EINTR) continue;
        if (s < 0 && errno == EAGAIN) return 0;
        if (s <= 0) return -1; /* 0: the file shrank; the promised length can't be kept */
        c->deadline = now_ms() + STALL_MS;
    }
    if (c->file >= 0) close(c->file);
    c->file = -1;
    c->out_len = c->out_pos = 0;
    return 1;
}

/* Answers every complete request in c->in, one after the other, until a response has to wait
 * for the socket, more input is needed, or the connection ends. */
static void conn_process(conn *c) {
    for (;;) {
        if (c->state == C_WRITE) {
            int rc = conn_send(c);
            if (rc < 0) { conn_close(c); return; }
            if (rc == 0) { conn_watch(c, EPOLLOUT); return; }
            c->served++;
            if (!c->keep) { conn_linger(c); return; }
            c->state = C_READ;
            c->deadline = now_ms() + HEADER_TIMEOUT_MS;
            conn_watch(c, EPOLLIN);
        }
        if (c->state != C_READ) return;
        c->in[c->in_len] = '\0';
        char *end = memmem(c->in, c->in_len, "\r\n\r\n", 4);
        if (!end) {
            if (c->in_len < HEADER_MAX) return;
            respond_bad_request(c);
            continue;
        }
        request rq;
        enum access acc = DENIED;
        if (answer(c, (size_t)(end - c->in) + 4, &rq, &acc) == 1) {
            pid_t pid = fork();
            if (pid == 0) websocket_child(c, &rq, acc);
            if (pid < 0) perror("fork");
            conn_close(c); /* the child has it now (or, without one, it just ends) */
            return;
        }
        if (c->out_len == 0) { conn_close(c); return; }
        respond(c);
    }
}

static void conn_ready(conn *c, unsigned events) {
    if (c->state == C_WRITE) { conn_process(c); return; }
    char sink[4096];
    for (;;) {
        char *dst = c->state == C_READ ? c->in + c->in_len : sink;
        size_t room = c->state == C_READ ? HEADER_MAX - c->in_len : sizeof sink;
        if (room == 0) break;
        ssize_t got = read(c->fd, dst, room);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0 && errno == EAGAIN) break;
        if (got <= 0) {
            /* The peer is done (or gone). Half a header still gets its 400, as before. */
            if (c->state == C_READ && c->in_len > 0 && !(events & EPOLLERR) && got == 0) {
                respond_bad_request(c);
                conn_process(c);
                return;
            }
            conn_close(c);
            return;
        }
        if (c->state == C_READ) c->in_len += (size_t)got;
        if ((size_t)got < room) break;
    }
    if (c->state == C_READ) conn_process(c);
}

static void free_closed(void) {
    while (nclosed > 0) free(closed[--nclosed]);
}

/* Every TICK_MS: header, stall and linger timeouts, and viewers revoked since their last request
 * (their connections end, as a WebSocket's does; a new request of theirs is refused anyway). */
static void conns_tick(void) {
    long now = now_ms();
    for (int i = nconns - 1; i >= 0; i--) {
        conn *c = conns[i];
        if (c->principal[0] && principal_revoked(c->principal)) {
            conn_close(c);
        } else if (now >= c->deadline) {
            if (c->state == C_READ && c->in_len > 0) {
                respond_bad_request(c);
                conn_process(c);
            } else {
                conn_close(c);
            }
        }
    }
}

/* Accepts what waits. At MAX_CONNS it first makes room by closing an idle kept-alive connection,
 * else stops accepting until one ends. */
static void accept_all(void) {
    int one = 1;
    for (;;) {
        if (nconns >= MAX_CONNS) {
            conn *idle = NULL;
            for (int i = 0; i < nconns && !idle; i++)
                if (conns[i]->state == C_READ && conns[i]->in_len == 0 && conns[i]->served > 0) idle = conns[i];
            if (!idle) { accept_pause(); return; }
            conn_close(idle);
        }
        int fd = accept4(listen_fd, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED) continue;
            if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) accept_pause(); /* the tick resumes */
            else if (errno != EAGAIN) perror("accept");
            return;
        }
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one);
        conn_open(fd);
    }
}

/* ------------------------------------------------------------------ init */

static volatile sig_atomic_t got_term, got_chld;
static pid_t session_pid;

static void on_term(int sig) { got_term = sig; }
static void on_child(int sig) {
    (void)sig;
    got_chld = 1;
}

/* Reaps every exited child; returns 1 (and the status) when the session command was one of them. */
static int reap(int *session_status) {
    int st, found = 0;
    pid_t p;
    while ((p = waitpid(-1, &st, WNOHANG)) > 0)
        if (p == session_pid) {
            found = 1;
            *session_status = st;
        }
    return found;
}

/* Asks every process to stop, waits a little for them, then returns (the caller exits). */
static void stop_everything(void) {
    if (getpid() == 1) kill(-1, SIGTERM); /* PID 1 of a container: everyone but ourselves */
    else if (session_pid > 0) kill(-session_pid, SIGTERM); /* outside one: only our session's group */
    const char *ms_s = getenv("BERTH_GATEWAY_STOP_MS");
    long wait_ms = ms_s && *ms_s ? atol(ms_s) : 400;
    long start = now_ms(), deadline = start + wait_ms;
    for (;;) {
        pid_t p = waitpid(-1, NULL, WNOHANG);
        if (p < 0 && errno == ECHILD) {
            logf_("gateway: every process ended within %ld ms", now_ms() - start);
            return;
        }
        if (p > 0) continue;
        if (now_ms() >= deadline) {
            logf_("gateway: processes still running after %ld ms; leaving them to the kernel", wait_ms);
            return;
        }
        usleep(5000);
    }
}

static int parse_hostport(const char *s, struct sockaddr_in *out) {
    char host[64];
    const char *colon = strrchr(s, ':');
    if (!colon || (size_t)(colon - s) >= sizeof host) return -1;
    memcpy(host, s, (size_t)(colon - s));
    host[colon - s] = '\0';
    int port = atoi(colon + 1);
    if (port <= 0 || port > 65535) return -1;
    memset(out, 0, sizeof *out);
    out->sin_family = AF_INET;
    out->sin_port = htons((uint16_t)port);
    if (!strcmp(host, "localhost")) strcpy(host, "127.0.0.1");
    return inet_pton(AF_INET, host, &out->sin_addr) == 1 ? 0 : -1;
}

/* ------------------------------------------------------------------ screenshot (PNG) */

/*
 * berth-gateway screenshot [--vnc HOST:PORT]: the session's screen as a PNG, base64 on stdout
 * (the agent runs it with docker exec). The VNC server is --vnc, else the one the gateway
 * running as PID 1 bridges to (its --vnc, read from /proc/1/cmdline). It connects like a
 * viewer (RFB 3.8, security None, shared), asks for 32-bit true colour in Raw encoding and one
 * full update, and writes an RGB PNG compressed with deflate (fixed Huffman codes, LZ77).
 * Without a VNC server (the tiny test image has no screen) it draws a 640x400 test card.
 */

static uint32_t crc_table[256];

static void crc_init(void) {
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++) c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
        crc_table[n] = c;
    }
}

static uint32_t crc32_update(uint32_t crc, const uint8_t *p, size_t n) {
    crc ^= 0xffffffffu;
    while (n--) crc = crc_table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
    return crc ^ 0xffffffffu;
}

typedef struct {
    uint8_t *buf;
    size_t len, cap;
    uint32_t bits;
    int nbits;
} bitbuf;

static int bb_reserve(bitbuf *b, size_t more) {
    if (b->len + more <= b->cap) return 0;
    size_t cap = b->cap ? b->cap : 65536;
    while (cap < b->len + more) cap *= 2;
    uint8_t *nb = realloc(b->buf, cap);
    if (!nb) return -1;
    b->buf = nb;
    b->cap = cap;
    return 0;
}

/* LSB-first bits, as deflate wants them (at most 16 at a time). */
static int bb_put(bitbuf *b, uint32_t v, int n) {
    b->bits |= v << b->nbits;
    b->nbits += n;
    while (b->nbits >= 8) {
        if (bb_reserve(b, 1) < 0) return -1;
        b->buf[b->len++] = (uint8_t)b->bits;
        b->bits >>= 8;
        b->nbits -= 8;
    }
    return 0;
}

/* A Huffman code goes most significant bit first. */
static int bb_code(bitbuf *b, uint32_t code, int n) {
    uint32_t r = 0;
    for (int i = 0; i < n; i++) r |= ((code >> i) & 1u) << (n - 1 - i);
    return bb_put(b, r, n);
}

static int fixed_lit(bitbuf *b, int sym) {
    if (sym < 144) return bb_code(b, 0x30 + (uint32_t)sym, 8);
    if (sym < 256) return bb_code(b, 0x190 + (uint32_t)(sym - 144), 9);
    if (sym < 280) return bb_code(b, (uint32_t)(sym - 256), 7);
    return bb_code(b, 0xc0 + (uint32_t)(sym - 280), 8);
}

static const uint16_t len_base[29] = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
static const uint8_t len_extra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
static const uint16_t dist_base[30] = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
static const uint8_t dist_extra[30] = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};

static int put_match(bitbuf *b, int len, int dist) {
    int li = 28;
    while (len_base[li] > len) li--;
    if (fixed_lit(b, 257 + li) < 0 || bb_put(b, (uint32_t)(len - len_base[li]), len_extra[li]) < 0) return -1;
    int di = 29;
    while (dist_base[di] > dist) di--;
    return bb_code(b, (uint32_t)di, 5) < 0 ? -1 : bb_put(b, (uint32_t)(dist - dist_base[di]), dist_extra[di]);
}

#define WINDOW 32768
#define HASH_BITS 15
#define CHAIN 16

/* zlib stream of one fixed-Huffman block: greedy LZ77 with hash chains over a 32 KiB window. */
static int zlib_compress(const uint8_t *in, size_t n, bitbuf *out) {
    int32_t *head = malloc(sizeof(int32_t) << HASH_BITS), *prev = malloc(sizeof(int32_t) * WINDOW);
    if (!head || !prev) { free(head); free(prev); return -1; }
    for (size_t i = 0; i < (1u << HASH_BITS); i++) head[i] = -1;
    int rc = bb_put(out, 0x78, 8) | bb_put(out, 0x01, 8) | bb_put(out, 1, 1) | bb_put(out, 1, 2);
    size_t i = 0;
    while (rc == 0 && i < n) {
        int best = 0, best_dist = 0;
        if (i + 2 < n) {
            uint32_t h = ((uint32_t)in[i] << 16 | (uint32_t)in[i + 1] << 8 | in[i + 2]) * 2654435761u >> (32 - HASH_BITS);
            int32_t cand = head[h];
            size_t maxlen = n - i < 258 ? n - i : 258;
            for (int tries = 0; cand >= 0 && tries < CHAIN && i - (size_t)cand <= WINDOW - 1; tries++) {
                size_t l = 0;
                while (l < maxlen && in[cand + l] == in[i + l]) l++;
                if ((int)l > best) { best = (int)l; best_dist = (int)(i - (size_t)cand); if (l == maxlen) break; }
                int32_t nx = prev[cand % WINDOW];
                if (nx >= cand) break;
                cand = nx;
            }
            prev[i % WINDOW] = head[h];
            head[h] = (int32_t)i;
        }
        if (best >= 3) {
            rc = put_match(out, best, best_dist);
            /* Index the matched bytes too, so later matches can find them. */
            for (size_t k = i + 1; k < i + (size_t)best && k + 2 < n; k++) {
                uint32_t h = ((uint32_t)in[k] << 16 | (uint32_t)in[k + 1] << 8 | in[k + 2]) * 2654435761u >> (32 - HASH_BITS);
                prev[k % WINDOW] = head[h];
                head[h] = (int32_t)k;
            }
            i += (size_t)best;
        } else {
            rc = fixed_lit(out, in[i++]);
        }
    }
    free(head);
    free(prev);
    if (rc || fixed_lit(out, 256) < 0) return -1;
    if (out->nbits && bb_put(out, 0, 8 - out->nbits) < 0) return -1;
    uint32_t a = 1, bsum = 0;
    for (size_t k = 0; k < n; k++) { a = (a + in[k]) % 65521; bsum = (bsum + a) % 65521; }
    uint32_t adler = bsum << 16 | a;
    for (int k = 3; k >= 0; k--)
        if (bb_put(out, (adler >> (8 * k)) & 0xff, 8) < 0) return -1;
    return 0;
}

static int png_chunk(bitbuf *png, const char *type, const uint8_t *data, size_t n) {
    if (bb_reserve(png, n + 12) < 0) return -1;
    uint8_t *p = png->buf + png->len;
    p[0] = (uint8_t)(n >> 24); p[1] = (uint8_t)(n >> 16); p[2] = (uint8_t)(n >> 8); p[3] = (uint8_t)n;
    memcpy(p + 4, type, 4);
    if (n) memcpy(p + 8, data, n);
    uint32_t crc = crc32_update(0, p + 4, n + 4);
    p[8 + n] = (uint8_t)(crc >> 24); p[9 + n] = (uint8_t)(crc >> 16); p[10 + n] = (uint8_t)(crc >> 8); p[11 + n] = (uint8_t)crc;
    png->len += n + 12;
    return 0;
}

/* rgb: w*h*3 bytes. Each row gets the filter (None, Sub or Up) with the smallest sum of magnitudes. */
static int png_encode(const uint8_t *rgb, int w, int h, bitbuf *png) {
    size_t stride = (size_t)w * 3, rows = (size_t)h * (stride + 1);
    uint8_t *raw = malloc(rows), *cand = malloc(stride);
    if (!raw || !cand) { free(raw); free(cand); return -1; }
    for (int y = 0; y < h; y++) {
        const uint8_t *row = rgb + (size_t)y * stride, *up = y ? row - stride : NULL;
        uint8_t *dst = raw + (size_t)y * (stride + 1);
        unsigned long best = ~0ul;
        for (int f = 0; f <= 2; f++) {
            if (f == 2 && !up) break;
            unsigned long sum = 0;
            for (size_t x = 0; x < stride; x++) {
                uint8_t v = row[x];
                if (f == 1) v = (uint8_t)(v - (x >= 3 ? row[x - 3] : 0));
                else if (f == 2) v = (uint8_t)(v - up[x]);
                cand[x] = v;
                sum += v < 128 ? v : 256 - v;
            }
            if (sum < best) { best = sum; dst[0] = (uint8_t)f; memcpy(dst + 1, cand, stride); }
        }
    }
    free(cand);
    static const uint8_t sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    uint8_t ihdr[13] = {(uint8_t)(w >> 24), (uint8_t)(w >> 16), (uint8_t)(w >> 8), (uint8_t)w,
                        (uint8_t)(h >> 24), (uint8_t)(h >> 16), (uint8_t)(h >> 8), (uint8_t)h, 8, 2, 0, 0, 0};
    bitbuf z = {0};
    crc_init();
    int rc = zlib_compress(raw, rows, &z);
    free(raw);
    if (rc == 0) rc = bb_reserve(png, 8);
    if (rc == 0) {
        memcpy(png->buf + png->len, sig, 8);
        png->len += 8;
        rc = png_chunk(png, "IHDR", ihdr, 13) | png_chunk(png, "IDAT", z.buf, z.len) | png_chunk(png, "IEND", NULL, 0);
    }
    free(z.buf);
    return rc;
}

static int rfb_read(int fd, void *dst, size_t n) {
    uint8_t *d = dst;
    while (n) {
        ssize_t got = read(fd, d, n);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) return -1;
        d += got;
        n -= (size_t)got;
    }
    return 0;
}

static int rfb_skip(int fd, size_t n) {
    uint8_t tmp[4096];
    while (n) {
        size_t k = n < sizeof tmp ? n : sizeof tmp;
        if (rfb_read(fd, tmp, k) < 0) return -1;
        n -= k;
    }
    return 0;
}

static uint16_t be16(const uint8_t *p) { return (uint16_t)(p[0] << 8 | p[1]); }
static uint32_t be32(const uint8_t *p) { return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]; }

/* One full frame from the VNC server at addr as RGB; sets *w, *h. Errors go to stderr. */
static uint8_t *rfb_grab(const struct sockaddr_in *addr, int *w, int *h) {
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    struct timeval tv = {10, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    if (fd < 0 || connect(fd, (const struct sockaddr *)addr, sizeof *addr) < 0) {
        fprintf(stderr, "screenshot: cannot reach the VNC server: %s\n", strerror(errno));
        if (fd >= 0) close(fd);
        return NULL;
    }
    uint8_t b[64], *fb = NULL, *rgb = NULL;
    const char *why = "the VNC server closed the connection";
    if (rfb_read(fd, b, 12) < 0) goto fail;
    if (memcmp(b, "RFB 003.", 8) != 0) { why = "not a VNC server"; goto fail; }
    if (write_all(fd, "RFB 003.008\n", 12) < 0 || rfb_read(fd, b, 1) < 0) goto fail;
    int ntypes = b[0], none = 0;
    if (ntypes == 0) { why = "the VNC server refused the connection"; goto fail; }
    if (rfb_read(fd, b, (size_t)ntypes) < 0) goto fail;
    for (int i = 0; i < ntypes; i++) none |= b[i] == 1;
    if (!none) { why = "the VNC server wants a password (security type None is off)"; goto fail; }
    uint8_t one = 1;
    if (write_all(fd, &one, 1) < 0 || rfb_read(fd, b, 4) < 0) goto fail;
    if (be32(b) != 0) { why = "the VNC server refused security type None"; goto fail; }
    if (write_all(fd, &one, 1) < 0 || rfb_read(fd, b, 24) < 0) goto fail; /* ClientInit shared; ServerInit */
    *w = be16(b);
    *h = be16(b + 2);
    if (rfb_skip(fd, be32(b + 20)) < 0) goto fail; /* desktop name */
    if (*w <= 0 || *h <= 0 || *w > 16384 || *h > 16384) { why = "the VNC server's screen size makes no sense"; goto fail; }
    /* 32 bits per pixel, depth 24, little endian, true colour, 8 bits per channel: bytes B G R x. */
    static const uint8_t fmt[20] = {0, 0, 0, 0, 32, 24, 0, 1, 0, 255, 0, 255, 0, 255, 16, 8, 0, 0, 0, 0};
    static const uint8_t enc[8] = {2, 0, 0, 1, 0, 0, 0, 0};
    uint8_t req[10] = {3, 0, 0, 0, 0, 0, (uint8_t)(*w >> 8), (uint8_t)*w, (uint8_t)(*h >> 8), (uint8_t)*h};
    if (write_all(fd, fmt, 20) < 0 || write_all(fd, enc, 8) < 0 || write_all(fd, req, 10) < 0) goto fail;
    size_t px = (size_t)*w * (size_t)*h, covered = 0;
    fb = calloc(px, 4);
    if (!fb) { why = "out of memory"; goto fail; }
    while (covered < px) {
        if (rfb_read(fd, b, 1) < 0) goto fail;
        if (b[0] == 0) { /* FramebufferUpdate */
            if (rfb_read(fd, b, 3) < 0) goto fail;
            int rects = be16(b + 1);
            for (int r = 0; r < rects; r++) {
                if (rfb_read(fd, b, 12) < 0) goto fail;
                int x = be16(b), y = be16(b + 2), rw = be16(b + 4), rh = be16(b + 6);
                int32_t e = (int32_t)be32(b + 8);
                if (e != 0) { why = "the VNC server sent an encoding it was not asked for"; goto fail; }
                if (x + rw > *w || y + rh > *h) { why = "the VNC server sent a rectangle off the screen"; goto fail; }
                for (int row = 0; row < rh; row++)
                    if (rfb_read(fd, fb + ((size_t)(y + row) * (size_t)*w + (size_t)x) * 4, (size_t)rw * 4) < 0) goto fail;
                covered += (size_t)rw * (size_t)rh;
            }
        } else if (b[0] == 1) { /* SetColourMapEntries */
            if (rfb_read(fd, b, 5) < 0 || rfb_skip(fd, (size_t)be16(b + 3) * 6) < 0) goto fail;
        } else if (b[0] == 2) { /* Bell */
        } else if (b[0] == 3) { /* ServerCutText */
            if (rfb_read(fd, b, 7) < 0 || rfb_skip(fd, be32(b + 3)) < 0) goto fail;
        } else {
            why = "the VNC server sent a message it was not asked for";
            goto fail;
        }
    }
    close(fd);
    rgb = malloc(px * 3);
    if (!rgb) { free(fb); fprintf(stderr, "screenshot: out of memory\n"); return NULL; }
    for (size_t i = 0; i < px; i++) {
        rgb[3 * i] = fb[4 * i + 2];
        rgb[3 * i + 1] = fb[4 * i + 1];
        rgb[3 * i + 2] = fb[4 * i];
    }
    free(fb);
    return rgb;
fail:
    fprintf(stderr, "screenshot: %s%s%s\n", why, errno == EAGAIN ? " (timed out)" : "", "");
    close(fd);
    free(fb);
    return NULL;
}

/* The tiny image's "screen": a test card (colour bars over a grey ramp). */
static uint8_t *test_card(int w, int h) {
    static const uint8_t bars[8][3] = {{192, 192, 192}, {192, 192, 0}, {0, 192, 192}, {0, 192, 0}, {192, 0, 192}, {192, 0, 0}, {0, 0, 192}, {16, 16, 16}};
    uint8_t *rgb = malloc((size_t)w * (size_t)h * 3);
    if (!rgb) return NULL;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            uint8_t *p = rgb + ((size_t)y * (size_t)w + (size_t)x) * 3;
            if (y < h * 2 / 3) memcpy(p, bars[x * 8 / w], 3);
            else p[0] = p[1] = p[2] = (uint8_t)(x * 255 / (w - 1));
        }
    return rgb;
}

/* The --vnc HOST:PORT of the gateway running as PID 1, if it has one. */
static int vnc_of_init(struct sockaddr_in *out) {
    int fd = open("/proc/1/cmdline", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    char buf[8192];
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0) return -1;
    buf[n] = '\0';
    for (char *a = buf; a < buf + n; a += strlen(a) + 1)
        if (!strcmp(a, "--vnc") && a + strlen(a) + 1 < buf + n) return parse_hostport(a + strlen(a) + 1, out);
    return -1;
}

static int cmd_screenshot(int argc, char **argv) {
    struct sockaddr_in addr;
    int have = 0;
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "--vnc") && i + 1 < argc) {
            if (parse_hostport(argv[++i], &addr) < 0) { fprintf(stderr, "screenshot: --vnc needs IPv4-HOST:PORT\n"); return 2; }
            have = 1;
        } else {
            fprintf(stderr, "usage: berth-gateway screenshot [--vnc HOST:PORT]\n");
            return 2;
        }
    }
    if (!have) have = vnc_of_init(&addr) == 0;
    int w = 640, h = 400;
    uint8_t *rgb = have ? rfb_grab(&addr, &w, &h) : test_card(w, h);
    if (!rgb) return 1;
    bitbuf png = {0};
    int rc = png_encode(rgb, w, h, &png);
    free(rgb);
    char *b64 = rc == 0 ? malloc((png.len + 2) / 3 * 4 + 2) : NULL;
    if (!b64) { free(png.buf); fprintf(stderr, "screenshot: cannot encode the PNG\n"); return 1; }
    base64_encode(png.buf, png.len, b64);
    size_t bl = strlen(b64);
    b64[bl++] = '\n';
    rc = write_all(1, b64, bl);
    free(png.buf);
    free(b64);
    return rc < 0 ? 1 : 0;
}

/* ------------------------------------------------------------------ the main loop */

/* Accepts and serves connections, and does init's work (see the header), until it is time to exit;
 * returns the exit code. Signals arrive only while it waits (waitmask). */
static int serve(char **command, const sigset_t *waitmask) {
    ep = epoll_create1(EPOLL_CLOEXEC);
    if (ep < 0) { perror("epoll_create1"); return 1; }
    fcntl(listen_fd, F_SETFL, fcntl(listen_fd, F_GETFL) | O_NONBLOCK);
    struct epoll_event lev = {.events = EPOLLIN, .data.ptr = NULL};
    if (epoll_ctl(ep, EPOLL_CTL_ADD, listen_fd, &lev) < 0) { perror("epoll_ctl"); return 1; }
    long next_tick = now_ms() + TICK_MS;
    struct epoll_event evs[64];
    for (;;) {
        if (got_term) {
            logf_("gateway: signal %d, stopping", (int)got_term);
            if (!command) return 0; /* WebSocket children die with the container (or serve out their one connection) */
            stop_everything();
            return 0;
        }
        if (got_chld) {
            got_chld = 0;
            int st = 0;
            if (reap(&st)) {
                int code = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
                logf_("gateway: %s ended (%s %d), stopping", command[0], WIFEXITED(st) ? "exit code" : "signal",
                      WIFEXITED(st) ? WEXITSTATUS(st) : WTERMSIG(st));
                session_pid = 0;
                stop_everything();
                return code;
            }
        }
        int timeout = -1;
        if (nconns > 0 || accept_paused) {
            long left = next_tick - now_ms();
            timeout = left < 0 ? 0 : (int)left;
        }
        int n = epoll_pwait(ep, evs, 64, timeout, waitmask);
        if (n < 0) {
            if (errno == EINTR) continue;
            perror("epoll_pwait");
            return 1;
        }
        for (int i = 0; i < n; i++) {
            conn *c = evs[i].data.ptr;
            if (!c) accept_all();
            else if (c->fd >= 0) conn_ready(c, evs[i].events);
        }
        free_closed();
        if (now_ms() >= next_tick) {
            conns_tick();
            free_closed();
            if (nconns < MAX_CONNS) accept_resume();
            next_tick = now_ms() + TICK_MS;
        }
    }
}

#define BERTH_GATEWAY_VERSION "4"

int main(int argc, char **argv) {
    /* Commands the agent runs inside the container with docker exec. */
    if (argc >= 2 && !strcmp(argv[1], "version")) { printf("berth-gateway %s\n", BERTH_GATEWAY_VERSION); return 0; }
    init_state_paths();
    if (argc >= 2 && !strcmp(argv[1], "revoke")) return cmd_revoke(argc - 2, argv + 2);
    if (argc >= 2 && !strcmp(argv[1], "screenshot")) return cmd_screenshot(argc - 2, argv + 2);
    full_secret = getenv("BERTH_SESSION_SECRET");
    view_secret = getenv("BERTH_VIEW_SECRET");
    session_id = getenv("BERTH_SESSION_ID");
    const char *port_s = getenv("BERTH_GATEWAY_PORT");
    if (!port_s || !*port_s) port_s = getenv("BERTH_TINY_PORT");
    int port = port_s && *port_s ? atoi(port_s) : 6901;
    const char *listen_host = "0.0.0.0";
    const char *wait_s = getenv("BERTH_GATEWAY_VNC_WAIT_MS");
    if (wait_s && *wait_s) vnc_wait_ms = atoi(wait_s);
    char **command = NULL;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--")) {
            if (i + 1 < argc) command = argv + i + 1;
            break;
        } else if (!strcmp(a, "--host") && i + 1 < argc) {
            listen_host = argv[++i];
        } else if (!strcmp(a, "--port") && i + 1 < argc) {
            port = atoi(argv[++i]);
        } else if (!strcmp(a, "--root") && i + 1 < argc) {
            web_root = argv[++i];
        } else if (!strcmp(a, "--vnc") && i + 1 < argc) {
            if (parse_hostport(argv[++i], &vnc_addr) < 0) {
                logf_("gateway: --vnc needs IPv4-HOST:PORT, got '%s'", argv[i]);
                return 2;
            }
            vnc_enabled = 1;
        } else {
            logf_("gateway: ignoring argument '%s' (usage: [--host ADDR] [--port N] [--root DIR] [--vnc HOST:PORT] [-- COMMAND...])", a);
        }
    }
    if (web_root) {
        struct stat st;
        if (stat(web_root, &st) < 0 || !S_ISDIR(st.st_mode)) {
            logf_("gateway: --root %s is not a directory", web_root);
            return 2;
        }
    }

    /* Signals are blocked except while waiting in ppoll, so none is lost between check and wait. */
    sigset_t blocked, waitmask;
    sigemptyset(&blocked);
    sigaddset(&blocked, SIGTERM);
    sigaddset(&blocked, SIGINT);
    sigaddset(&blocked, SIGCHLD);
    sigprocmask(SIG_BLOCK, &blocked, &waitmask);
    sigdelset(&waitmask, SIGTERM);
    sigdelset(&waitmask, SIGINT);
    sigdelset(&waitmask, SIGCHLD);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_term;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    sa.sa_handler = on_child;
    sa.sa_flags = SA_NOCLDSTOP;
    sigaction(SIGCHLD, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
    signal(SIGHUP, SIG_IGN);

    int ls = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (ls < 0) { perror("socket"); return 1; }
    int one = 1;
    setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    if (inet_pton(AF_INET, listen_host, &addr.sin_addr) != 1) {
        logf_("gateway: --host needs an IPv4 address, got '%s'", listen_host);
        return 2;
    }
    if (bind(ls, (struct sockaddr *)&addr, sizeof addr) < 0) { perror("bind"); return 1; }
    if (listen(ls, 128) < 0) { perror("listen"); return 1; }
    socklen_t alen = sizeof addr;
    getsockname(ls, (struct sockaddr *)&addr, &alen);
    port = ntohs(addr.sin_port);
    if (!full_secret || !*full_secret) logf_("warning: BERTH_SESSION_SECRET is not set: every request gets 401");
    logf_("berth gateway for session %s listening on %s:%d (%s, %s)", session_id ? session_id : "(no id)", listen_host, port,
          web_root ? web_root : "test page", vnc_enabled ? "VNC bridge" : "WebSocket echo");

    if (command) {
        session_pid = fork();
        if (session_pid < 0) { perror("fork"); return 1; }
        if (session_pid == 0) {
            close(ls);
            setsid(); /* its own session and process group */
            signal(SIGPIPE, SIG_DFL);
            signal(SIGHUP, SIG_DFL);
            sa.sa_handler = SIG_DFL;
            sa.sa_flags = 0;
            sigaction(SIGTERM, &sa, NULL);
            sigaction(SIGINT, &sa, NULL);
            sigaction(SIGCHLD, &sa, NULL);
            sigset_t none;
            sigemptyset(&none);
            sigprocmask(SIG_SETMASK, &none, NULL);
            execvp(command[0], command);
            logf_("gateway: cannot run %s: %s", command[0], strerror(errno));
            _exit(127);
        }
    }

    listen_fd = ls;
    return serve(command, &waitmask);
}
