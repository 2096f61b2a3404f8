/*
 * Berth tiny session: the stand-in for a desktop session in tests.
 *
 * One static binary (libc only), listening on 0.0.0.0:6901 (env BERTH_TINY_PORT overrides):
 *   - every request needs "Authorization: Bearer <secret>", where <secret> is env
 *     BERTH_SESSION_SECRET (full access) or env BERTH_VIEW_SECRET (view only, optional);
 *     otherwise 401 "missing or wrong session credential".
 *   - GET/HEAD of any path: a small HTML page showing env BERTH_SESSION_ID.
 *   - WebSocket (RFC 6455) on any path: echoes text/binary messages, answers ping with pong and
 *     close with close. With the view-only secret, data frames are ignored (not echoed).
 * One child process per connection; PID 1 reaps them and exits at once on SIGTERM/SIGINT.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
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
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define HEADER_MAX 16384
#define HEADER_TIMEOUT_MS 15000
#define MAX_PAYLOAD (16u * 1024u * 1024u)

static const char *full_secret;
static const char *view_secret;
static const char *session_id;

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

/* Buffered reader: the bytes read past the HTTP header are the first WebSocket frames. */
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
    const char *authorization, *upgrade, *connection, *ws_key, *ws_version, *ws_protocol;
} request;

/* Read the header block (up to the blank line) with a deadline. Returns its length or -1. */
static int read_header(reader *r) {
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (;;) {
        r->buf[r->len] = '\0';
        char *end = strstr(r->buf, "\r\n\r\n");
        if (end) return (int)(end - r->buf) + 4;
        if (r->len >= HEADER_MAX) return -1;
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        long left = HEADER_TIMEOUT_MS - ((now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000);
        if (left <= 0) return -1;
        struct pollfd pfd = {.fd = r->fd, .events = POLLIN};
        int pr = poll(&pfd, 1, (int)left);
        if (pr < 0 && errno == EINTR) continue;
        if (pr <= 0) return -1;
        ssize_t got = read(r->fd, r->buf + r->len, HEADER_MAX - r->len);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) return -1;
        r->len += (size_t)got;
    }
}

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

enum access { DENIED, FULL, VIEW };

static enum access check_auth(const char *authorization) {
    if (!authorization || strncasecmp(authorization, "Bearer ", 7) != 0) return DENIED;
    const char *tok = authorization + 7;
    while (*tok == ' ') tok++;
    size_t n = strlen(tok);
    if (secret_equals(tok, n, full_secret)) return FULL;
    if (secret_equals(tok, n, view_secret)) return VIEW;
    return DENIED;
}

static void send_simple(int fd, const char *status, const char *extra, const char *body, int head_only) {
    char hdr[1024];
    int n = snprintf(hdr, sizeof hdr,
                     "HTTP/1.1 %s\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: %zu\r\n"
                     "Cache-Control: no-store\r\n%sConnection: close\r\n\r\n",
                     status, strlen(body), extra ? extra : "");
    write_all(fd, hdr, (size_t)n);
    if (!head_only) write_all(fd, body, strlen(body));
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

static void send_page(int fd, enum access acc, int head_only) {
    char sid[1024], body[4096], hdr[512];
    html_escape(session_id ? session_id : "", sid, sizeof sid);
    int bl = snprintf(body, sizeof body,
                      "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>Berth tiny session</title></head>\n"
                      "<body>\n<h1 id=\"berth-tiny\">Berth tiny session</h1>\n"
                      "<p>Session: <code id=\"berth-session-id\">%s</code></p>\n"
                      "<p>Access: <span id=\"berth-access\">%s</span></p>\n</body></html>\n",
                      sid, acc == VIEW ? "view" : "full");
    if (bl >= (int)sizeof body) bl = (int)sizeof body - 1;
    int hl = snprintf(hdr, sizeof hdr,
                      "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n"
                      "Cache-Control: no-store\r\nConnection: close\r\n\r\n",
                      bl);
    write_all(fd, hdr, (size_t)hl);
    if (!head_only) write_all(fd, body, (size_t)bl);
}

/* ------------------------------------------------------------------ WebSocket */

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
    if (write_all(fd, hdr, hl) < 0) return -1;
    return n ? write_all(fd, payload, (size_t)n) : 0;
}

static void ws_close(int fd, uint16_t code) {
    uint8_t p[2] = {(uint8_t)(code >> 8), (uint8_t)code};
    ws_send(fd, 0x8, p, 2, 1);
}

static void ws_loop(reader *r, enum access acc) {
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

static void handle_websocket(int fd, reader *r, const request *rq, enum access acc) {
    if (!rq->ws_key || strlen(rq->ws_key) > 64) {
        send_simple(fd, "400 Bad Request", NULL, "bad websocket handshake\n", 0);
        return;
    }
    if (!rq->ws_version || strcmp(rq->ws_version, "13") != 0) {
        send_simple(fd, "426 Upgrade Required", "Sec-WebSocket-Version: 13\r\n", "websocket version 13 only\n", 0);
        return;
    }
    char keyguid[160];
    snprintf(keyguid, sizeof keyguid, "%s258EAFA5-E914-47DA-95CA-C5AB0DC85B11", rq->ws_key);
    uint8_t digest[20];
    sha1_ctx c;
    sha1_init(&c);
    sha1_update(&c, keyguid, strlen(keyguid));
    sha1_final(&c, digest);
    char accept[32];
    base64_encode(digest, 20, accept);

    /* Select the first subprotocol the client offered (clients such as noVNC require one back). */
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
    if (write_all(fd, resp, (size_t)n) < 0) return;
    ws_loop(r, acc);
}

static void handle_connection(int fd) {
    static reader r;
    r.fd = fd;
    r.len = r.pos = 0;
    int hl = read_header(&r);
    if (hl < 0) {
        if (r.len > 0) send_simple(fd, "400 Bad Request", NULL, "bad request\n", 0);
        return;
    }
    static char head[HEADER_MAX + 1];
    memcpy(head, r.buf, (size_t)hl);
    head[hl] = '\0';
    r.pos = (size_t)hl; /* anything after the header belongs to the WebSocket stream */

    request rq;
    if (parse_request(head, &rq) < 0) {
        send_simple(fd, "400 Bad Request", NULL, "bad request\n", 0);
        return;
    }
    int head_only = !strcmp(rq.method, "HEAD");
    enum access acc = check_auth(rq.authorization);
    if (acc == DENIED) {
        logf_("%s %s 401", rq.method, rq.path);
        send_simple(fd, "401 Unauthorized", "WWW-Authenticate: Bearer realm=\"berth-session\"\r\n",
                    "missing or wrong session credential\n", head_only);
        return;
    }
    if (strcmp(rq.method, "GET") != 0 && !head_only) {
        logf_("%s %s 405", rq.method, rq.path);
        send_simple(fd, "405 Method Not Allowed", "Allow: GET, HEAD\r\n", "method not allowed\n", 0);
        return;
    }
    if (!head_only && has_token(rq.upgrade, "websocket") && has_token(rq.connection, "upgrade")) {
        logf_("GET %s websocket (%s)", rq.path, acc == VIEW ? "view" : "full");
        handle_websocket(fd, &r, &rq, acc);
        return;
    }
    logf_("%s %s 200", rq.method, rq.path);
    send_page(fd, acc, head_only);
}

/* Half-close, then read until the peer closes (1 s at most), so unread input doesn't turn our
 * last response into a connection reset. */
static void linger_close(int fd) {
    char sink[4096];
    shutdown(fd, SHUT_WR);
    struct pollfd pfd = {.fd = fd, .events = POLLIN};
    for (int i = 0; i < 10 && poll(&pfd, 1, 100) > 0; i++)
        if (read(fd, sink, sizeof sink) <= 0) break;
    close(fd);
}

/* ------------------------------------------------------------------ main */

static void on_term(int sig) {
    (void)sig;
    _exit(0); /* children die with PID 1's namespace (or keep serving their one connection outside one) */
}

static void on_child(int sig) {
    (void)sig;
    int saved = errno;
    while (waitpid(-1, NULL, WNOHANG) > 0) {
    }
    errno = saved;
}

int main(void) {
    full_secret = getenv("BERTH_SESSION_SECRET");
    view_secret = getenv("BERTH_VIEW_SECRET");
    session_id = getenv("BERTH_SESSION_ID");
    const char *port_s = getenv("BERTH_TINY_PORT");
    int port = port_s && *port_s ? atoi(port_s) : 6901;

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_term;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    sa.sa_handler = on_child;
    sa.sa_flags = SA_RESTART | SA_NOCLDSTOP;
    sigaction(SIGCHLD, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);

    int ls = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (ls < 0) { perror("socket"); return 1; }
    int one = 1;
    setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port), .sin_addr.s_addr = htonl(INADDR_ANY)};
    if (bind(ls, (struct sockaddr *)&addr, sizeof addr) < 0) { perror("bind"); return 1; }
    if (listen(ls, 128) < 0) { perror("listen"); return 1; }
    if (!full_secret || !*full_secret) logf_("warning: BERTH_SESSION_SECRET is not set: every request gets 401");
    logf_("berth tiny session %s listening on 0.0.0.0:%d", session_id ? session_id : "(no id)", port);

    for (;;) {
        int fd = accept4(ls, NULL, NULL, SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED) continue;
            if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) { usleep(100000); continue; }
            perror("accept");
            return 1;
        }
        pid_t pid = fork();
        if (pid == 0) {
            close(ls);
            signal(SIGTERM, SIG_DFL);
            signal(SIGINT, SIG_DFL);
            signal(SIGCHLD, SIG_DFL);
            setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            handle_connection(fd);
            linger_close(fd);
            _exit(0);
        }
        if (pid < 0) perror("fork");
        close(fd);
    }
}
