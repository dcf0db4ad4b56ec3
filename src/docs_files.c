/* docs_files.c: the API reference's files, read once from DNA_DOCS_DIR
 * (the Makefile puts them in build/docs) and kept in memory. */
#include "docs_files.h"

#include <errno.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* No file of Swagger UI comes near this (the bundle is 1.7 MB). */
#define DOCS_FILE_MAX (16L * 1024 * 1024)

static docs_file files[] = {
    {DOCS_PAGE, "text/html; charset=utf-8", 1, NULL, 0, ""},
    {"dna-docs.js", "text/javascript; charset=utf-8", 1, NULL, 0, ""},
    {"swagger-ui-bundle.js", "text/javascript; charset=utf-8", 0, NULL, 0, ""},
    {"swagger-ui.css", "text/css; charset=utf-8", 0, NULL, 0, ""},
    {"favicon-32x32.png", "image/png", 0, NULL, 0, ""},
    /* Swagger UI's licence (Apache 2.0) and those of what its bundle holds. */
    {"LICENSE", "text/plain; charset=utf-8", 0, NULL, 0, ""},
    {"NOTICE", "text/plain; charset=utf-8", 0, NULL, 0, ""},
    {"swagger-ui-bundle.js.LICENSE.txt", "text/plain; charset=utf-8", 0, NULL, 0, ""},
};
#define NFILES (sizeof files / sizeof files[0])

/* Reads a whole regular file; returns its contents (malloc'd) or NULL with errno. */
static char *read_whole(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    struct stat st;
    char *data = NULL;
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > DOCS_FILE_MAX) {
        errno = errno ? errno : EINVAL;
    } else if ((data = malloc((size_t)st.st_size + 1)) != NULL) {
        if (fread(data, 1, (size_t)st.st_size, f) != (size_t)st.st_size) {
            free(data);
            data = NULL;
            errno = EIO;
        } else {
            data[st.st_size] = '\0';
            *len = (size_t)st.st_size;
        }
    }
    fclose(f);
    return data;
}

static int set_etag(docs_file *f)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int mdlen = 0;
    if (EVP_Digest(f->data, f->len, md, &mdlen, EVP_sha256(), NULL) != 1 || mdlen < 8)
        return -1;
    char *p = f->etag;
    *p++ = '"';
    for (int i = 0; i < 8; i++)
        p += snprintf(p, 3, "%02x", md[i]);
    *p++ = '"';
    *p = '\0';
    return 0;
}

int docs_files_load(const char *dir, char *why, size_t why_len)
{
    docs_files_free();
    for (size_t i = 0; i < NFILES; i++) {
        char path[4096];
        int n = snprintf(path, sizeof path, "%s/%s", dir, files[i].name);
        errno = 0;
        if (n < 0 || (size_t)n >= sizeof path)
            errno = ENAMETOOLONG;
        else
            files[i].data = read_whole(path, &files[i].len);
        if (files[i].data == NULL || set_etag(&files[i]) != 0) {
            snprintf(why, why_len, "%s/%s: %s", dir, files[i].name, errno ? strerror(errno) : "cannot read");
            docs_files_free();
            return -1;
        }
    }
    return 0;
}

const docs_file *docs_files_find(const char *name)
{
    for (size_t i = 0; name != NULL && i < NFILES; i++)
        if (files[i].data != NULL && strcmp(files[i].name, name) == 0)
            return &files[i];
    return NULL;
}

int docs_files_unchanged(const docs_file *f, const char *if_none_match)
{
    if (if_none_match == NULL)
        return 0;
    return strcmp(if_none_match, "*") == 0 || strstr(if_none_match, f->etag) != NULL;
}

void docs_files_free(void)
{
    for (size_t i = 0; i < NFILES; i++) {
        free(files[i].data);
        files[i].data = NULL;
        files[i].len = 0;
        files[i].etag[0] = '\0';
    }
}
