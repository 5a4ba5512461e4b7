#ifndef EDUSITE_CCURLFETCH_H
#define EDUSITE_CCURLFETCH_H

#include <stddef.h>

/// One HTTP GET through libcurl's easy interface, which hands over the body as it is decoded, in
/// pieces of at most 16 KB, on the calling thread: returning 0 from `on_body` stops the transfer at
/// once. URLSession on Linux queues every piece for its delegate with no back-pressure, so a gzip bomb
/// grew to gigabytes before a cap could act.
typedef struct edusite_fetch_request {
    const char *url;
    /// Extra request headers, `Name: value`, `header_count` of them.
    const char *const *headers;
    size_t header_count;
    const char *user_agent;
    long timeout_ms;
    long max_redirects;
    /// A declared Content-Length above this is refused before the body comes.
    long long max_declared_bytes;
    void *context;
    /// Each decoded piece of the body; return 0 to stop.
    int (*on_body)(void *context, const char *bytes, size_t count);
    /// Each header line of each response (redirects included), with its line end.
    void (*on_header)(void *context, const char *line, size_t count);
    /// Polled about once a second and on progress; nonzero stops the transfer.
    int (*should_stop)(void *context);
} edusite_fetch_request;

typedef struct edusite_fetch_outcome {
    /// libcurl's CURLcode: 0 = done; see edusite_fetch.c for the ones EduSite tells apart.
    int code;
    long status;
    char effective_url[2048];
    char error[256];
} edusite_fetch_outcome;

enum {
    EDUSITE_FETCH_OK = 0,
    EDUSITE_FETCH_UNSUPPORTED_PROTOCOL = 1,
    EDUSITE_FETCH_URL_MALFORMAT = 3,
    EDUSITE_FETCH_WRITE_ERROR = 23,
    EDUSITE_FETCH_TIMED_OUT = 28,
    EDUSITE_FETCH_ABORTED = 42,
    EDUSITE_FETCH_TOO_MANY_REDIRECTS = 47,
    EDUSITE_FETCH_BAD_CONTENT_ENCODING = 61,
    EDUSITE_FETCH_FILE_SIZE_EXCEEDED = 63,
    /// libcurl could not be started (EduSite's own code, not a CURLcode).
    EDUSITE_FETCH_NO_HANDLE = -1,
};

/// Runs the transfer to its end (blocking); fills `outcome`.
void edusite_fetch(const edusite_fetch_request *request, edusite_fetch_outcome *outcome);

#endif
