/* version.h: what this binary is: the version (openapi.yaml's info.version)
 * and the git commit it was built from ("unknown" without git), baked in at
 * build time by scripts/version.sh. */
#ifndef DNA_VERSION_H
#define DNA_VERSION_H

extern const char DNA_VERSION[]; /* "1.0.0" */
extern const char DNA_COMMIT[];  /* "74b4b6f0a1b2", "74b4b6f0a1b2-dirty" or "unknown" */

#endif
