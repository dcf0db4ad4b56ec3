/* Prints the SQL of a hot statement (reports_bench_sql) for pgbench, with
 * $n parameters written as pgbench variables :pn. */
#include <stdio.h>

#include "reports.h"

int main(int argc, char **argv)
{
    const char *sql = argc == 2 ? reports_bench_sql(argv[1]) : NULL;
    if (sql == NULL) {
        fprintf(stderr, "usage: sql_of get|list|file\n");
        return 2;
    }
    for (const char *p = sql; *p; p++) {
        if (*p == '$' && p[1] >= '0' && p[1] <= '9')
            fputs(":p", stdout);
        else
            putchar(*p);
    }
    putchar('\n');
    return 0;
}
