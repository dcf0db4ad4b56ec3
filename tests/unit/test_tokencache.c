/* Unit test: the verified-token cache answers only the same token, only
 * inside its validity, and the claims it was given. */
#include "harness.h"
#include "principal.h"
#include "tokencache.h"

static auth_claims claims_for(const char *sub, long long from, long long until)
{
    auth_claims c;
    memset(&c, 0, sizeof c);
    snprintf(c.sub, sizeof c.sub, "%s", sub);
    c.roles = ROLE_MEMBER;
    c.valid_from = from;
    c.valid_until = until;
    return c;
}

static void hit_only_for_the_same_token_in_time(void)
{
    auth_claims c = claims_for("7", 1000, 2000), out;
    tokencache_put("aaa.bbb.ccc", &c);
    CHECK(tokencache_get("aaa.bbb.ccc", 1500, &out) == 1);
    CHECK_STR(out.sub, "7");
    CHECK(out.roles == ROLE_MEMBER);
    CHECK(tokencache_get("aaa.bbb.ccd", 1500, &out) == 0); /* another token */
    CHECK(tokencache_get("aaa.bbb.cc", 1500, &out) == 0);
    CHECK(tokencache_get("aaa.bbb.ccc", 2001, &out) == 0); /* expired */
    CHECK(tokencache_get("aaa.bbb.ccc", 999, &out) == 0);  /* not yet valid */
}

static void unknown_tokens_miss(void)
{
    auth_claims out;
    CHECK(tokencache_get("never.seen.token", 1500, &out) == 0);
    CHECK(tokencache_get("", 1500, &out) == 0);
}

static void long_tokens_are_not_kept(void)
{
    char big[3000];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    auth_claims c = claims_for("8", 0, 5000), out;
    tokencache_put(big, &c);
    CHECK(tokencache_get(big, 100, &out) == 0);
}

int main(void)
{
    RUN(hit_only_for_the_same_token_in_time);
    RUN(unknown_tokens_miss);
    RUN(long_tokens_are_not_kept);
    HARNESS_END();
}
