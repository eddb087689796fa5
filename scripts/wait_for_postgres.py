"""Exit 0 when the PostgreSQL server in the given URL answers (within a few seconds), 1 otherwise."""

import sys
import time

import dj_database_url
import psycopg


def main(url: str) -> int:
    params = dj_database_url.parse(url)
    for _attempt in range(10):
        try:
            with psycopg.connect(
                host=params["HOST"],
                port=params["PORT"] or 5432,
                user=params["USER"],
                password=params["PASSWORD"],
                dbname="postgres",
                connect_timeout=2,
            ):
                return 0
        except psycopg.OperationalError:
            time.sleep(0.5)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
