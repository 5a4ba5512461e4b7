#include "CCurlFetch.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

// The few libcurl declarations used, from curl/curl.h 7.88 (values checked against it; they are part of
// libcurl's stable ABI). Declared here so that building needs only the runtime libcurl.so.4 that
// FoundationNetworking already depends on, not the -dev package.
typedef void CURL;
struct curl_slist;
typedef long long curl_off_t;
extern int curl_global_init(long flags);
extern CURL *curl_easy_init(void);
extern int curl_easy_setopt(CURL *curl, int option, ...);
extern int curl_easy_perform(CURL *curl);
extern int curl_easy_getinfo(CURL *curl, int info, ...);
extern void curl_easy_cleanup(CURL *curl);
extern const char *curl_easy_strerror(int code);
extern struct curl_slist *curl_slist_append(struct curl_slist *list, const char *string);
extern void curl_slist_free_all(struct curl_slist *list);

enum {
    CURL_GLOBAL_ALL = 3,
    CURLOPT_WRITEDATA = 10001,
    CURLOPT_URL = 10002,
    CURLOPT_ERRORBUFFER = 10010,
    CURLOPT_USERAGENT = 10018,
    CURLOPT_HTTPHEADER = 10023,
    CURLOPT_HEADERDATA = 10029,
    CURLOPT_XFERINFODATA = 10057,
    CURLOPT_ACCEPT_ENCODING = 10102,
    CURLOPT_PROTOCOLS_STR = 10318,
    CURLOPT_REDIR_PROTOCOLS_STR = 10319,
    CURLOPT_WRITEFUNCTION = 20011,
    CURLOPT_HEADERFUNCTION = 20079,
    CURLOPT_XFERINFOFUNCTION = 20219,
    CURLOPT_MAXFILESIZE_LARGE = 30117,
    CURLOPT_NOPROGRESS = 43,
    CURLOPT_FOLLOWLOCATION = 52,
    CURLOPT_MAXREDIRS = 68,
    CURLOPT_NOSIGNAL = 99,
    CURLOPT_TIMEOUT_MS = 155,
    CURLINFO_EFFECTIVE_URL = 0x100001,
    CURLINFO_RESPONSE_CODE = 0x200002,
};

static pthread_once_t global_once = PTHREAD_ONCE_INIT;
static void global_init(void) { curl_global_init(CURL_GLOBAL_ALL); }

static size_t write_body(char *bytes, size_t size, size_t count, void *user) {
    const edusite_fetch_request *request = user;
    // Anything other than size * count makes libcurl stop with CURLE_WRITE_ERROR.
    return request->on_body(request->context, bytes, size * count) ? size * count : 0;
}

static size_t write_header(char *bytes, size_t size, size_t count, void *user) {
    const edusite_fetch_request *request = user;
    request->on_header(request->context, bytes, size * count);
    return size * count;
}

static int progress(void *user, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal, curl_off_t ulnow) {
    (void)dltotal, (void)dlnow, (void)ultotal, (void)ulnow;
    const edusite_fetch_request *request = user;
    return request->should_stop(request->context);
}

void edusite_fetch(const edusite_fetch_request *request, edusite_fetch_outcome *outcome) {
    memset(outcome, 0, sizeof *outcome);
    pthread_once(&global_once, global_init);
    CURL *curl = curl_easy_init();
    if (!curl) {
        outcome->code = EDUSITE_FETCH_NO_HANDLE;
        snprintf(outcome->error, sizeof outcome->error, "libcurl could not be started");
        return;
    }
    struct curl_slist *headers = NULL;
    for (size_t i = 0; i < request->header_count; i++) headers = curl_slist_append(headers, request->headers[i]);

    curl_easy_setopt(curl, CURLOPT_URL, request->url);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(curl, CURLOPT_MAXREDIRS, request->max_redirects);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, request->timeout_ms);
    curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)request->max_declared_bytes);
    // Every encoding this libcurl decodes (gzip, deflate, br, zstd): the cap counts decoded bytes.
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(curl, CURLOPT_USERAGENT, request->user_agent);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, outcome->error);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, write_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, (void *)request);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, write_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, (void *)request);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, progress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, (void *)request);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);

    outcome->code = curl_easy_perform(curl);
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &outcome->status);
    char *effective = NULL;
    if (curl_easy_getinfo(curl, CURLINFO_EFFECTIVE_URL, &effective) == 0 && effective) {
        snprintf(outcome->effective_url, sizeof outcome->effective_url, "%s", effective);
    }
    if (outcome->code != 0 && outcome->error[0] == 0) {
        snprintf(outcome->error, sizeof outcome->error, "%s", curl_easy_strerror(outcome->code));
    }
    curl_easy_cleanup(curl);
    curl_slist_free_all(headers);
}
