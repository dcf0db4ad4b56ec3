/* log.c: one JSON line per event on stderr. Request paths are logged
 * without their query strings (which may hold search text). */
#include "log.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "text.h"

static int min_level = LOG_INFO;
static const char *LEVEL_NAMES[] = {"debug", "info", "warn", "error"};

void log_set_level(int level)
{
    min_level = level;
}

static void timestamp(char out[32])
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    struct tm tm;
    gmtime_r(&ts.tv_sec, &tm);
    size_t n = strftime(out, 32, "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf(out + n, 32 - n, ".%03ldZ", ts.tv_nsec / 1000000);
}

void log_event(int level, const char *msg, const char *fields)
{
    if (level < min_level)
        return;
    char ts[32];
    timestamp(ts);
    json_t *m = json_string(msg);
    char *mtext = json_dumps(m, JSON_ENCODE_ANY);
    fprintf(stderr, "{\"ts\":\"%s\",\"level\":\"%s\",\"msg\":%s%s%s}\n", ts, LEVEL_NAMES[level],
            mtext ? mtext : "\"\"", fields ? "," : "", fields ? fields : "");
    free(mtext);
    json_decref(m);
}

void log_event_json(int level, const char *msg, json_t *fields)
{
    char *text = fields ? json_dumps(fields, JSON_COMPACT) : NULL;
    size_t n = text ? strlen(text) : 0;
    if (n > 2) { /* "{...}" without its braces */
        text[n - 1] = '\0';
        log_event(level, msg, text + 1);
    } else {
        log_event(level, msg, NULL);
    }
    free(text);
    json_decref(fields);
}

void log_request(const char *request_id, const char *method, const char *path, const char *route, int status,
                 double ms, const char *sub)
{
    if (LOG_INFO < min_level)
        return;
    char ts[32], shown_method[64], shown_path[1024];
    timestamp(ts);
    /* A method or path that is not UTF-8 is logged with its bytes escaped. */
    text_escape_invalid(shown_method, sizeof shown_method, method);
    text_escape_invalid(shown_path, sizeof shown_path, path);
    json_t *line = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:i, s:f}", "ts", ts, "level", "info",
                             "msg", "request", "request_id", request_id ? request_id : "", "method",
                             shown_method, "path", shown_path, "route", route ? route : "", "status", status,
                             "ms", (double)(long long)(ms * 1000.0) / 1000.0);
    if (line == NULL) {
        fprintf(stderr, "{\"ts\":\"%s\",\"level\":\"info\",\"msg\":\"request\",\"status\":%d}\n", ts, status);
        return;
    }
    if (sub)
        json_object_set_new(line, "sub", json_string(sub));
    char *text = json_dumps(line, JSON_COMPACT | JSON_REAL_PRECISION(6));
    if (text) {
        fputs(text, stderr);
        fputc('\n', stderr);
    }
    free(text);
    json_decref(line);
}
