/* log.h: structured JSON logs on stderr, one line per event. */
#ifndef DNA_LOG_H
#define DNA_LOG_H

#include <jansson.h>

enum { LOG_DEBUG = 0, LOG_INFO, LOG_WARN, LOG_ERROR };

void log_set_level(int level);
/* One line: {"ts","level","msg", ...extra}; `fields` is a JSON object text
 * fragment without braces (may be NULL), e.g. "\"port\":8080". */
void log_event(int level, const char *msg, const char *fields);
/* The same with the extra fields as a JSON object (stolen; may be NULL). */
void log_event_json(int level, const char *msg, json_t *fields);
/* The request line: method, path (without query), status, duration, ids. */
void log_request(const char *request_id, const char *method, const char *path, const char *route, int status,
                 double ms, const char *sub);

#endif
