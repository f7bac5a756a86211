#!/usr/bin/env python3
"""Signs bench users in through the real login form and prints one 'Cookie: SESSION=...' line per user.

Usage: login.py BASE_URL FIRST_USER COUNT   (users u<n>@bench.kontor.test, password bench-password; guests skipped)
"""
import http.cookiejar
import re
import sys
import urllib.parse
import urllib.request


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def login(base, n):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    page = opener.open(base + "/login").read().decode()
    csrf = re.search(r'name="(_csrf)" value="([^"]+)"', page)
    data = urllib.parse.urlencode({"username": f"u{n}@bench.kontor.test", "password": "bench-password",
                                   csrf.group(1): csrf.group(2)}).encode()
    try:
        opener.open(base + "/login", data)
    except urllib.error.HTTPError as e:
        if e.code != 302 or "error" in (e.headers.get("Location") or ""):
            raise SystemExit(f"login of u{n} failed: {e.code} {e.headers.get('Location')}")
    session = [c for c in jar if c.name == "SESSION"]
    if not session:
        raise SystemExit(f"login of u{n} gave no session cookie")
    return "Cookie: SESSION=" + session[0].value


def main():
    base, first, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    n, done = first, 0
    while done < count:
        if n % 50 != 0:
            print(login(base, n))
            done += 1
        n += 1


if __name__ == "__main__":
    main()
